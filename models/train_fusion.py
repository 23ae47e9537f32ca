"""Train the fusion stage with a frozen, trained propagation network.

    nohup /usr/bin/python3 models/train_fusion.py --minutes 15 > models/runs/fusion.log 2>&1 &

Example construction (7-frame synthetic clip, up to 2 objects): an earlier interaction at frame j gives the
previous round ``prev`` by propagating the true mask of frame j; a new interaction at frame i replaces the mask of
frame i by the truth, giving ``dpos``/``dneg`` there and the new propagation ``cur``. The target is the truth at a
frame t between them; ``dist`` = (|t - i|, |t - j|). Loss: BCE + soft IoU on the fused logits.
"""
import argparse
import os
import sys
import time

import numpy as np
import torch

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from mivos_models import configs, data, networks, training as tr  # noqa: E402
from mivos_models.inference import MemoryPropagator  # noqa: E402

CLIP = 7


def load_propagation(cfg, path):
    prop = networks.build("propagation", cfg)
    tr.load(path, prop, None)
    return prop.eval()


def hard_masks(prob):
    """Object probabilities [N,1,H,W] -> the 0/1 masks of the label image the engine writes from them."""
    bg = 1.0 - prob.sum(0, keepdim=True)
    best = prob.max(0, keepdim=True).values
    return ((prob >= best) & (prob > bg)).float()


def interaction_masks(truth, rng):
    """Masks an interaction produces on its frame: the truth, or (30 %) a slightly wrong version of it."""
    if rng.random() >= 0.3:
        return truth
    out = truth.clone()
    for k in range(truth.shape[0]):
        if truth[k, 0].sum() > 0:
            out[k, 0] = torch.from_numpy(data.corrupt(truth[k, 0].numpy() > 0.5, rng) > 0.5).float()
    return out


def fusion_sample(rng, prop, size, top_k):
    """One example: dict of tensors for Fusion.inputs plus the target.

    Built like the engine builds it: the earlier round is the label image (hard masks) propagated from the earlier
    interacted frame; the new round propagates from the new interacted frame with both interacted frames in memory;
    dpos/dneg are the changes of the hard masks at the new interacted frame.
    """
    s = data.propagation_sample(rng, CLIP, size, n_objects=2)
    frames = torch.from_numpy(s["image"])
    masks = torch.from_numpy(s["masks"]).unsqueeze(2)  # [T,N,1,H,W]
    j, i = (0, CLIP - 1) if rng.random() < 0.5 else (CLIP - 1, 0)
    t = int(rng.integers(1, CLIP - 1))
    step = 1 if i > j else -1
    runner = MemoryPropagator(prop, top_k, memory_every=3)
    earlier = interaction_masks(masks[j], rng)
    old = runner.run(frames, j, earlier, list(range(j + step, i + step, step)))
    now = interaction_masks(masks[i], rng)
    new = runner.run(frames, i, now, list(range(i - step, t - step, -step)), preload={j: earlier})
    change = now - hard_masks(old[i])
    n = masks.shape[1]
    key = runner.features(frames, t)[0]
    ikey = runner.features(frames, i)[0]
    dist = torch.tensor([[float(abs(t - i)), float(abs(t - j))]] * n)
    return {"image": frames[t:t + 1], "key": key, "ikey": ikey, "prev": hard_masks(old[t]), "cur": new[t],
            "dpos": change.clamp(min=0), "dneg": (-change).clamp(min=0), "dist": dist, "gt": masks[t]}


class SampleMaker:
    """Builds batches in the data worker; loads the frozen propagation network there."""

    def __init__(self, cfg, ckpt, batch, size):
        self.cfg, self.ckpt, self.batch, self.size = cfg, ckpt, batch, size
        self.prop = None

    def __call__(self, rng):
        if self.prop is None:
            torch.set_num_threads(1)
            self.prop = load_propagation(self.cfg, self.ckpt)
        return [fusion_sample(rng, self.prop, self.size, self.cfg["top_k"]) for _ in range(self.batch)]


def fused_logits(model, samples):
    keys = ("image", "key", "ikey", "prev", "cur", "dpos", "dneg", "dist")
    x = torch.cat([model.inputs(*[s[k] for k in keys]) for s in samples], 0)
    cur = torch.cat([s["cur"] for s in samples], 0)
    return model.decode(x, cur)


def validate(model, val):
    model.eval()
    fused, cur, prev = [], [], []
    with torch.no_grad():
        for s in val:
            out = fused_logits(model, [s]) > 0
            for k in range(s["gt"].shape[0]):
                g = s["gt"][k, 0].numpy() > 0.5
                if g.sum() == 0:
                    continue
                fused.append(tr.iou(out[k, 0].numpy(), g))
                cur.append(tr.iou(s["cur"][k, 0].numpy() > 0.5, g))
                prev.append(tr.iou(s["prev"][k, 0].numpy() > 0.5, g))
    model.train()
    return {"iou": float(np.mean(fused)), "iou_cur_only": float(np.mean(cur)), "iou_prev_only": float(np.mean(prev)),
            "objects": len(fused)}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="lite")
    ap.add_argument("--minutes", type=float, default=15)
    ap.add_argument("--batch", type=int, default=4)
    ap.add_argument("--size", type=int, default=128)
    ap.add_argument("--lr", type=float, default=1e-3)
    ap.add_argument("--val", type=int, default=16)
    ap.add_argument("--save-every", type=float, default=5.0, help="minutes between checkpoints")
    ap.add_argument("--resume", action="store_true")
    ap.add_argument("--warm-start", help="exported file of this stage to start from, e.g. lite/fusion.pt")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--propagation", help="propagation checkpoint (default: propagation.pth beside the output)")
    ap.add_argument("--out", default=os.path.join(HERE, "runs"))
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    cfg = configs.get_config(args.config)
    out_dir = os.path.join(args.out, cfg["name"])
    prop_ckpt = args.propagation or os.path.join(out_dir, "propagation.pth")
    ckpt = os.path.join(out_dir, "fusion.pth")
    model = networks.build("fusion", cfg)
    opt, step, spent = tr.start(model, ckpt, args.resume, args.warm_start, args.lr)
    prop = load_propagation(cfg, prop_ckpt)
    val = [fusion_sample(np.random.default_rng(700000 + i), prop, args.size, cfg["top_k"]) for i in range(args.val)]
    v = validate(model, val)
    tr.log("fusion validation before training", **v)
    budget = tr.Budget(args.minutes, spent)
    batches = tr.stream(SampleMaker(cfg, prop_ckpt, args.batch, args.size), seed=step + 11)
    last_save = time.time()
    losses = []
    model.train()
    while not budget.done():
        samples = next(batches)
        for g in opt.param_groups:
            g["lr"] = budget.lr(args.lr)
        gt = torch.cat([s["gt"] for s in samples], 0)
        loss = tr.bce_iou_loss(fused_logits(model, samples), gt)
        opt.zero_grad()
        loss.backward()
        opt.step()
        losses.append(float(loss))
        step += 1
        if step % 25 == 0:
            tr.log("fusion", step=step, loss=float(np.mean(losses[-25:])), lr=opt.param_groups[0]["lr"],
                   min=budget.elapsed() / 60)
        if time.time() - last_save > args.save_every * 60:
            v = validate(model, val)
            tr.log("fusion validation", **v)
            tr.save(ckpt, model, opt, step, budget.elapsed(), make_summary(args, step, budget, v))
            last_save = time.time()
    v = validate(model, val)
    tr.log("fusion final validation", **v)
    tr.save(ckpt, model, opt, step, budget.elapsed(), make_summary(args, step, budget, v))
    tr.log("saved", path=ckpt)


def make_summary(args, step, budget, v):
    return {"training": {"script": "models/train_fusion.py", "steps": step, "batch": args.batch,
                         "crop": [args.size, args.size], "clip_frames": CLIP,
                         "optimizer": "AdamW, cosine decay over the time budget", "lr": args.lr,
                         "loss": "BCE + soft IoU", "propagation": "frozen, trained lite propagation",
                         "samples": "earlier round as hard masks, new round with both interacted frames in memory, "
                                    "interaction masks exact or (30%) slightly wrong",
                         "wall_minutes": round(budget.elapsed() / 60, 1), "threads": args.threads,
                         "warm_start": args.warm_start},
            "validation": dict(v, set="%d fixed synthetic examples (seeds 700000+), 7 frames %dx%d, up to 2 "
                                      "objects; iou_cur_only / iou_prev_only = the two inputs alone"
                                      % (args.val, args.size, args.size))}


if __name__ == "__main__":
    main()
