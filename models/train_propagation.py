"""Train the propagation stages (key/value encoders, top-k memory read, decoder) on synthetic clips.

    nohup /usr/bin/python3 models/train_propagation.py --minutes 35 > models/runs/propagation.log 2>&1 &

Each example is a clip of 3 frames drawn from 5 generated ones (random frame gaps), up to 2 objects; the first
frame's ground-truth masks are given, later frames read the memory of all earlier frames (their predictions become
memory) and are decoded and softly aggregated. Loss: cross entropy on the aggregated probabilities + soft IoU.
"""
import argparse
import os
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from mivos_models import configs, data, generator, networks, training as tr  # noqa: E402
from mivos_models.inference import MemoryPropagator  # noqa: E402


def make_batch(rng, batch, size, frames, n_objects, clip):
    samples = []
    for _ in range(batch):
        s = data.propagation_sample(rng, clip, size, n_objects)
        idx = np.sort(np.concatenate([[0], rng.choice(np.arange(1, clip), frames - 1, replace=False)]))
        if rng.random() < 0.3:
            idx = idx[::-1].copy()  # backward propagation too
        samples.append({k: v[idx] for k, v in s.items()})
    return data.collate(samples)


def encode_values(model, img, f16, masks):
    """img [B,3,H,W], f16 [B,C,h,w], masks [B,N,H,W] -> values [B*N,Cv,h,w] (encode_value on repeated inputs)."""
    n = masks.shape[1]
    others = (masks.sum(1, keepdim=True) - masks).clamp(0, 1)
    return model.encode_value(img.repeat_interleave(n, 0), f16.repeat_interleave(n, 0),
                              masks.flatten(0, 1).unsqueeze(1), others.flatten(0, 1).unsqueeze(1))


def clip_loss(model, b, top_k):
    img, masks, cls = b["image"], b["masks"], b["cls"]
    bsz, t_len, n = masks.shape[:3]
    f4, f8, f16 = model.key_encoder(model.norm(img.flatten(0, 1)))
    keys = model.key_proj(f16)

    def per_frame(x):
        return x.view(bsz, t_len, *x.shape[1:])

    f4, f8, f16, keys = per_frame(f4), per_frame(f8), per_frame(f16), per_frame(keys)
    values = [encode_values(model, img[:, 0], f16[:, 0], masks[:, 0])]
    loss = 0.0
    ious = []
    for t in range(1, t_len):
        reads = []
        for i in range(bsz):
            mk = keys[i, :t].permute(1, 0, 2, 3).unsqueeze(0)
            mv = torch.stack([v[i * n:(i + 1) * n] for v in values], 2)
            reads.append(model.read_memory(keys[i, t:t + 1], mk, mv, top_k))
        x = torch.cat([torch.cat(reads, 0), f16[:, t].repeat_interleave(n, 0)], 1)
        logits = model.decoder(x, f8[:, t].repeat_interleave(n, 0), f4[:, t].repeat_interleave(n, 0))
        logits = logits.view(bsz, n, *logits.shape[2:])
        prob = torch.stack([model.aggregate(logits[i].unsqueeze(1)).squeeze(1) for i in range(bsz)])  # [B,N+1,H,W]
        loss = loss + F.nll_loss(torch.log(prob.clamp_min(1e-7)), cls[:, t])
        p, g = prob[:, 1:], masks[:, t]
        inter = (p * g).flatten(2).sum(2)
        union = (p + g - p * g).flatten(2).sum(2)
        present = (g.flatten(2).sum(2) > 0).float()
        soft = 1 - (inter + 1) / (union + 1)
        loss = loss + (soft * present).sum() / present.sum().clamp_min(1)
        if t < t_len - 1:
            values.append(encode_values(model, img[:, t], f16[:, t], p))
    return loss / (t_len - 1)


def validation_clips(count, size, frames, seed=800000):
    clips = []
    for i in range(count):
        rng = np.random.default_rng(seed + i)
        s = data.propagation_sample(rng, frames, size, n_objects=3)
        clips.append(s)
    return clips


def validate(model, clips, top_k):
    """Mean IoU over objects present and frames 1.. when propagating the first frame's masks (stage methods)."""
    model.eval()
    scores = []
    with torch.no_grad():
        for s in clips:
            frames = torch.from_numpy(s["image"])
            masks = torch.from_numpy(s["masks"])
            keep = [k for k in range(masks.shape[1]) if masks[0, k].sum() > 0]
            start = masks[0, keep].unsqueeze(1)
            probs = MemoryPropagator(model, top_k).run(frames, 0, start, list(range(1, frames.shape[0])))
            for t in range(1, frames.shape[0]):
                p = probs[t][:, 0].numpy()
                pred = (p > 0.5) & (p == p.max(0, keepdims=True))
                for j, k in enumerate(keep):
                    g = masks[t, k].numpy() > 0.5
                    if g.sum() > 0:
                        scores.append(tr.iou(pred[j], g))
    model.train()
    return {"iou": float(np.mean(scores)), "objects_frames": len(scores)}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="lite")
    ap.add_argument("--minutes", type=float, default=35)
    ap.add_argument("--batch", type=int, default=4)
    ap.add_argument("--size", type=int, default=128)
    ap.add_argument("--frames", type=int, default=3)
    ap.add_argument("--objects", type=int, default=2)
    ap.add_argument("--clip", type=int, default=5, help="generated frames the training frames are drawn from")
    ap.add_argument("--lr", type=float, default=2e-3)
    ap.add_argument("--val", type=int, default=16)
    ap.add_argument("--save-every", type=float, default=6.0, help="minutes between checkpoints")
    ap.add_argument("--resume", action="store_true")
    ap.add_argument("--warm-start", help="exported file of this stage to start from, e.g. lite/propagation.pt")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--out", default=os.path.join(HERE, "runs"))
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    cfg = configs.get_config(args.config)
    out_dir = os.path.join(args.out, cfg["name"])
    os.makedirs(out_dir, exist_ok=True)
    ckpt = os.path.join(out_dir, "propagation.pth")
    model = networks.build("propagation", cfg)
    opt, step, spent = tr.start(model, ckpt, args.resume, args.warm_start, args.lr)
    top_k = torch.tensor(cfg["top_k"])
    val = validation_clips(args.val, args.size, 6)
    budget = tr.Budget(args.minutes, spent)
    batches = tr.stream(lambda rng: make_batch(rng, args.batch, args.size, args.frames, args.objects, args.clip), seed=step + 7)
    last_save = time.time()
    losses = []
    model.train()
    while not budget.done():
        b = tr.to_tensor(next(batches))
        for g in opt.param_groups:
            g["lr"] = budget.lr(args.lr)
        loss = clip_loss(model, b, top_k)
        opt.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 5.0)
        opt.step()
        losses.append(float(loss))
        step += 1
        if step % 25 == 0:
            tr.log("propagation", step=step, loss=float(np.mean(losses[-25:])), lr=opt.param_groups[0]["lr"],
                   min=budget.elapsed() / 60)
        if time.time() - last_save > args.save_every * 60:
            v = validate(model, val, top_k)
            tr.log("propagation validation", **v)
            tr.save(ckpt, model, opt, step, budget.elapsed(), make_summary(args, step, budget, v))
            last_save = time.time()
    v = validate(model, val, top_k)
    tr.log("propagation final validation", **v)
    tr.save(ckpt, model, opt, step, budget.elapsed(), make_summary(args, step, budget, v))
    tr.log("saved", path=ckpt)


def make_summary(args, step, budget, v):
    return {"training": {"script": "models/train_propagation.py", "steps": step, "batch": args.batch,
                         "crop": [args.size, args.size], "clip_frames": args.frames, "objects": args.objects,
                         "generated_frames": args.clip,
                         "optimizer": "AdamW, cosine decay over the time budget", "lr": args.lr,
                         "loss": "cross entropy on soft-aggregated probabilities + soft IoU",
                         "samples": "%d of %d generated frames (random gaps, 30%% reversed), nuclei/phase/generic"
                                    % (args.frames, args.clip),
                         "wall_minutes": round(budget.elapsed() / 60, 1), "threads": args.threads,
                         "warm_start": args.warm_start},
            "validation": dict(v, set="%d fixed synthetic clips (seeds 800000+), 6 frames %dx%d, up to 3 objects, "
                                      "first-frame masks propagated with memory = first + previous frame"
                                      % (args.val, args.size, args.size))}


if __name__ == "__main__":
    main()
