"""Shared training loop pieces: time budget, cosine learning rate, resumable checkpoints, log lines."""
import json
import math
import os
import time

import numpy as np
import torch
import torch.nn.functional as F

from . import networks


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


def is_folded(model):
    """True when the model's batch norms are folded into its convolutions (it trains without them)."""
    return not any(isinstance(m, torch.nn.BatchNorm2d) for m in model.modules())


def save(path, model, opt, step, spent, summary):
    tmp = path + ".tmp"
    torch.save({"model": model.state_dict(), "opt": opt.state_dict(), "step": step, "spent": spent,
                "summary": summary, "folded": is_folded(model)}, tmp)
    os.replace(tmp, path)


def load(path, model, opt):
    """Load a checkpoint into ``model`` (folding its batch norms first when the checkpoint was trained folded)."""
    state = torch.load(path, map_location="cpu")
    if state.get("folded", False):
        networks.fold_batchnorm(model)
    model.load_state_dict(state["model"])
    if opt is not None and "opt" in state:
        opt.load_state_dict(state["opt"])
    return state.get("step", 0), state.get("spent", 0.0), state.get("summary", {})


def start(model, ckpt, resume, warm_from, lr):
    """Make ``model`` ready to train and return (AdamW optimiser, step, seconds spent).

    ``resume``: continue from ``ckpt`` when it exists; otherwise ``warm_from`` (an exported file, or None for a
    random start) gives the starting weights. The optimiser is built last because folding adds bias parameters.
    """
    if resume and os.path.exists(ckpt):
        state = torch.load(ckpt, map_location="cpu")
        if state.get("folded", False):
            networks.fold_batchnorm(model)
        model.load_state_dict(state["model"])
        opt = torch.optim.AdamW(model.parameters(), lr=lr, weight_decay=1e-4)
        opt.load_state_dict(state["opt"])
        log("resumed", step=state["step"], spent_min=state["spent"] / 60)
        return opt, state["step"], state["spent"]
    if warm_from:
        log("warm start", source=warm_from, new=",".join(warm_start(model, warm_from)) or "none")
    return torch.optim.AdamW(model.parameters(), lr=lr, weight_decay=1e-4), 0, 0.0


def warm_start(model, exported_path):
    """Start ``model`` from an exported TorchScript file of the same stage (batch norms folded there).

    The model's batch norms are folded first, so it trains without them from the exported function. Layers that
    grew keep the exported weights in their first channels: new output channels keep their random initialisation
    and new input channels start at zero weight, so the warm-started network computes what the exported one does.
    Returns the names of parameters that had no exported counterpart.
    """
    networks.fold_batchnorm(model)
    src = torch.jit.load(exported_path, map_location="cpu").state_dict()
    fresh = []
    with torch.no_grad():
        for name, p in model.state_dict().items():
            s = src.get(name)
            if s is None or s.dim() != p.dim():
                fresh.append(name)
                continue
            if s.shape != p.shape:
                if p.dim() == 4 and p.shape[1] > s.shape[1]:
                    p[:, s.shape[1]:].zero_()
                fresh.append(name)
            p[tuple(slice(0, min(a, b)) for a, b in zip(s.shape, p.shape))].copy_(
                s[tuple(slice(0, min(a, b)) for a, b in zip(s.shape, p.shape))])
    return fresh


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
    return iter(torch.utils.data.DataLoader(BatchStream(make, seed), batch_size=None, num_workers=workers,
                                            prefetch_factor=4 if workers else 2))
