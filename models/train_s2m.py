"""Train the S2M stage on synthetic scribble examples.

    nohup /usr/bin/python3 models/train_s2m.py --minutes 20 > models/runs/s2m.log 2>&1 &

Checkpoints go to models/runs/<config>/s2m.pth every few minutes (``--resume`` continues from it). The training
summary (recipe, time, validation IoU on a fixed synthetic set) is stored in the checkpoint for export.py.
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


def make_batch(rng, batch, size):
    return data.collate([data.s2m_sample(rng, size) for _ in range(batch)])


def forward(model, b):
    return model.s2m(b["image"], b["prev"], b["pos"], b["neg"])


def validate(model, val):
    """Mean IoU (threshold 0.5) on the fixed validation set, split into first-round and corrective examples."""
    model.eval()
    first, corr = [], []
    with torch.no_grad():
        for i in range(0, len(val), 8):
            b = tr.to_tensor(data.collate(val[i:i + 8]))
            pred = (forward(model, b) > 0).numpy()
            for j in range(pred.shape[0]):
                v = tr.iou(pred[j, 0], b["gt"][j, 0].numpy() > 0.5)
                (corr if b["prev"][j].max() > 0 else first).append(v)
    model.train()
    return {"iou": float(np.mean(first + corr)), "iou_first_round": float(np.mean(first)) if first else None,
            "iou_corrective": float(np.mean(corr)) if corr else None, "samples": len(val)}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="lite")
    ap.add_argument("--minutes", type=float, default=20)
    ap.add_argument("--batch", type=int, default=8)
    ap.add_argument("--size", type=int, default=160)
    ap.add_argument("--lr", type=float, default=2e-3)
    ap.add_argument("--val", type=int, default=64)
    ap.add_argument("--save-every", type=float, default=3.0, help="minutes between checkpoints")
    ap.add_argument("--resume", action="store_true")
    ap.add_argument("--warm-start", help="exported file of this stage to start from, e.g. lite/s2m.pt")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--out", default=os.path.join(HERE, "runs"))
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    cfg = configs.get_config(args.config)
    out_dir = os.path.join(args.out, cfg["name"])
    os.makedirs(out_dir, exist_ok=True)
    ckpt = os.path.join(out_dir, "s2m.pth")
    model = networks.build("s2m", cfg)
    opt, step, spent = tr.start(model, ckpt, args.resume, args.warm_start, args.lr)
    val = data.fixed_set(data.s2m_sample, args.val, seed=900000, size=args.size)
    budget = tr.Budget(args.minutes, spent)
    batches = tr.stream(lambda rng: make_batch(rng, args.batch, args.size), seed=step + 1)
    last_save = time.time()
    losses = []
    model.train()
    summary = {}
    while not budget.done():
        b = tr.to_tensor(next(batches))
        for g in opt.param_groups:
            g["lr"] = budget.lr(args.lr)
        loss = tr.bce_iou_loss(forward(model, b), b["gt"])
        opt.zero_grad()
        loss.backward()
        opt.step()
        losses.append(float(loss))
        step += 1
        if step % 50 == 0:
            tr.log("s2m", step=step, loss=float(np.mean(losses[-50:])), lr=opt.param_groups[0]["lr"],
                   min=budget.elapsed() / 60)
        if time.time() - last_save > args.save_every * 60:
            v = validate(model, val)
            tr.log("s2m validation", **{k: x for k, x in v.items() if x is not None})
            summary = make_summary(args, step, budget, v)
            tr.save(ckpt, model, opt, step, budget.elapsed(), summary)
            last_save = time.time()
    v = validate(model, val)
    tr.log("s2m final validation", **{k: x for k, x in v.items() if x is not None})
    tr.save(ckpt, model, opt, step, budget.elapsed(), make_summary(args, step, budget, v))
    tr.log("saved", path=ckpt)


def make_summary(args, step, budget, v):
    return {"training": {"script": "models/train_s2m.py", "steps": step, "batch": args.batch,
                         "crop": [args.size, args.size], "optimizer": "AdamW, cosine decay over the time budget",
                         "lr": args.lr, "loss": "BCE + soft IoU",
                         "samples": "first-round (skeleton positive + background strokes) and corrective rounds "
                                    "(corrupted previous mask + strokes on its largest errors; 30 % of them with "
                                    "the previous mask on another object, the object absent or elsewhere), "
                                    "nuclei/phase/generic",
                         "wall_minutes": round(budget.elapsed() / 60, 1), "threads": args.threads,
                         "warm_start": args.warm_start},
            "validation": dict(v, set="%d fixed synthetic examples (seeds 900000+), %dx%d, threshold 0.5"
                                      % (args.val, args.size, args.size))}


if __name__ == "__main__":
    main()
