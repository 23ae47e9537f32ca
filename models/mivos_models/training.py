"""Shared training loop pieces: time budget, cosine learning rate, resumable checkpoints, log lines."""
import json
import math
import os
import time

import numpy as np
import torch
import torch.nn.functional as F


class Budget:
    """Wall-time budget with cosine learning-rate decay over it; survives resumption via ``spent``."""

    def __init__(self, minutes, spent=0.0):
        self.total = minutes * 60.0
        self.start = time.time() - spent

    def elapsed(self):
        return time.time() - self.start

    def done(self):
        return self.elapsed() >= self.total

    def lr(self, base, warmup=30.0):
        e = self.elapsed()
        f = 0.5 * (1 + math.cos(math.pi * min(1.0, e / self.total)))
        return base * max(0.02, f) * min(1.0, (e + 1) / warmup)


def save(path, model, opt, step, spent, summary):
    tmp = path + ".tmp"
    torch.save({"model": model.state_dict(), "opt": opt.state_dict(), "step": step, "spent": spent,
                "summary": summary}, tmp)
    os.replace(tmp, path)


def load(path, model, opt):
    state = torch.load(path, map_location="cpu")
    model.load_state_dict(state["model"])
    if opt is not None and "opt" in state:
        opt.load_state_dict(state["opt"])
    return state.get("step", 0), state.get("spent", 0.0), state.get("summary", {})


def log(msg, **values):
    parts = [time.strftime("%H:%M:%S"), msg] + ["%s=%s" % (k, ("%.4f" % v) if isinstance(v, float) else v)
                                                 for k, v in values.items()]
    print(" ".join(parts), flush=True)


def soft_iou_loss(logits, target):
    """1 - soft IoU per sample, averaged; logits/target [B,1,H,W]."""
    p = torch.sigmoid(logits)
    inter = (p * target).flatten(1).sum(1)
    union = (p + target - p * target).flatten(1).sum(1)
    return (1 - (inter + 1) / (union + 1)).mean()


def bce_iou_loss(logits, target):
    return F.binary_cross_entropy_with_logits(logits, target) + soft_iou_loss(logits, target)


def iou(pred, gt):
    """IoU of bool arrays; 1.0 when both are empty."""
    union = np.logical_or(pred, gt).sum()
    return 1.0 if union == 0 else float(np.logical_and(pred, gt).sum() / union)


def to_tensor(batch):
    return {k: torch.from_numpy(np.ascontiguousarray(v)) for k, v in batch.items()}


def write_json(path, obj):
    with open(path, "w") as f:
        json.dump(obj, f, indent=2)


class BatchStream(torch.utils.data.IterableDataset):
    """Endless batches from ``make(rng)`` produced in a worker process (overlaps data generation and training)."""

    def __init__(self, make, seed):
        self.make = make
        self.seed = seed

    def __iter__(self):
        info = torch.utils.data.get_worker_info()
        rng = np.random.default_rng(self.seed + (info.id if info else 0) * 7919 + int(time.time()) % 100000)
        while True:
            yield self.make(rng)


def stream(make, seed, workers=1):
    torch.set_num_threads(2)
    return iter(torch.utils.data.DataLoader(BatchStream(make, seed), batch_size=None, num_workers=workers,
                                            prefetch_factor=4 if workers else 2))
