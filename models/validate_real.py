"""Validation figures of the exported lite networks on a real sequence (e.g. Fluo-N2DH-SIM+ 01).

    /usr/bin/python3 models/validate_real.py --sequence ../shared/data/Fluo-N2DH-SIM+_01 [--objects 10]

Layouts: Cell Tracking Challenge (images/tNNN.tif, gt/SEG or gt/ST_SEG/man_segNNN.tif) and DAVIS-like
(images/tNNN.jpg in RGB, gt/masks/tNNN.png with one grey value per object).
Like the Java engine: 8-bit frames divided by 255, 16-bit frames normalised by the 1st..99.8th percentile of the stack, processed with the longer
side at 512 px (padded to multiples of 16), top-k scaled with resolution. Prints the mean S2M IoU from one simulated
first-round scribble (positive skeleton stroke + background strokes) per object on frame 1, and the mean
propagation J after 10, 30 and all frames from the ground-truth masks of frame 1 (memory: frame 1, every 5th
frame and the previous one, at most 8). An object is scored on the frames where its track exists; a prediction on
a frame after its track ended (a nucleus that divided, a cell that left) counts as J = 0, for propagation and for
the copy-frame-1 baseline alike.
"""
import argparse
import glob
import json
import os
import sys

import numpy as np
import torch
import torch.nn.functional as F
from PIL import Image

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from mivos_models import scribbles  # noqa: E402
from mivos_models.inference import MemoryPropagator  # noqa: E402


def label_paths(folder, frames):
    """Ground-truth label file per frame: CTC gt/SEG or gt/ST_SEG/man_segNNN.tif, else gt/masks/<frame name>.png."""
    for seg in ("SEG", "ST_SEG"):
        if os.path.isdir(os.path.join(folder, "gt", seg)):
            return [os.path.join(folder, "gt", seg, "man_seg%03d.tif" % t) for t in range(len(frames))]
    return [os.path.join(folder, "gt", "masks", os.path.splitext(os.path.basename(p))[0] + ".png") for p in frames]


def read_sequence(folder):
    """(frames float32 [T,C,H,W] normalised to 0..1, labels int [T,H,W])."""
    paths = sorted(glob.glob(os.path.join(folder, "images", "*.tif")) or
                   glob.glob(os.path.join(folder, "images", "*.jpg")) or
                   glob.glob(os.path.join(folder, "images", "*.png")))
    raw = np.stack([np.array(Image.open(p)).astype(np.float32) for p in paths])
    raw = raw[:, None] if raw.ndim == 3 else raw.transpose(0, 3, 1, 2)
    labels = np.stack([np.array(Image.open(p).convert("L") if p.endswith(".png") else Image.open(p))
                       .astype(np.int64) for p in label_paths(folder, paths)])
    if raw.max() <= 255:
        return raw / 255.0, labels
    lo, hi = np.percentile(raw, [1.0, 99.8])
    return np.clip((raw - lo) / max(hi - lo, 1e-6), 0, 1), labels


class Grid:
    """Image grid <-> processing grid (bilinear, antialiased down; padded by edge replication)."""

    def __init__(self, height, width, processing_size):
        s = min(1.0, processing_size / max(height, width))
        self.full = (height, width)
        self.scaled = (int(round(height * s)), int(round(width * s)))
        self.pad = ((self.scaled[0] + 15) // 16 * 16, (self.scaled[1] + 15) // 16 * 16)

    def down(self, x, mode="bilinear"):
        kw = {"antialias": True, "align_corners": False} if mode == "bilinear" else {}
        x = F.interpolate(x, size=self.scaled, mode=mode, **kw)
        pad = (0, self.pad[1] - self.scaled[1], 0, self.pad[0] - self.scaled[0])
        return F.pad(x, pad, mode="replicate" if mode == "bilinear" else "constant")

    def up(self, x):
        x = x[..., :self.scaled[0], :self.scaled[1]]
        return F.interpolate(x, size=self.full, mode="bilinear", align_corners=False)


def iou(a, b):
    u = np.logical_or(a, b).sum()
    return 1.0 if u == 0 else float(np.logical_and(a, b).sum() / u)


def s2m_ious(s2m, grid, frame, labels, ids, seed):
    rng = np.random.default_rng(seed)
    image = grid.down(torch.from_numpy(frame)[None])
    small = grid.down(torch.from_numpy(labels.astype(np.float32))[None, None], "nearest")[0, 0].numpy().astype(int)
    out = []
    for oid in ids:
        pos, neg = scribbles.first_round(small, oid, rng)
        with torch.no_grad():
            logits = s2m.s2m(image, torch.zeros_like(image[:, :1]), torch.from_numpy(pos)[None, None],
                             torch.from_numpy(neg)[None, None])
        out.append(iou(grid.up(logits)[0, 0].numpy() > 0, labels == oid))
    return out


def propagation_js(prop, grid, frames, labels, ids, top_k):
    images = grid.down(torch.from_numpy(frames))
    start = grid.down(torch.from_numpy(np.stack([labels[0] == i for i in ids]).astype(np.float32))[:, None])
    probs = MemoryPropagator(prop, top_k=top_k).run(images, 0, start, list(range(1, len(frames))))
    predicted = []
    for t in range(1, len(frames)):
        p = grid.up(probs[t])[:, 0].numpy()
        predicted.append(np.where(p.max(0) > 1.0 - p.sum(0), p.argmax(0) + 1, 0))
    return frame_js(predicted, labels, ids)


def frame_js(predicted, labels, ids):
    """Mean J over ``ids`` on frames 2..n (``predicted[t-1]``: labels 1..len(ids)); an object absent from both the
    truth and the prediction of a frame is not scored there."""
    per_frame = []
    for t in range(1, len(labels)):
        js = []
        for k, oid in enumerate(ids):
            g, q = labels[t] == oid, predicted[t - 1] == k + 1
            if g.any() or q.any():
                js.append(iou(q, g))
        per_frame.append(float(np.mean(js)) if js else 1.0)
    return per_frame


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sequence", required=True, help="sequence folder (CTC or DAVIS-like layout)")
    ap.add_argument("--models", default=os.path.join(HERE, "lite"))
    ap.add_argument("--objects", type=int, default=10, help="largest objects of frame 1 that are scored")
    ap.add_argument("--processing-size", type=int, default=512)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--json", help="also write the figures here")
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    frames, labels = read_sequence(args.sequence)
    ids_all, counts = np.unique(labels[0], return_counts=True)
    ids = [int(i) for i in ids_all[1:][np.argsort(-counts[1:])][:args.objects]]
    grid = Grid(frames.shape[2], frames.shape[3], args.processing_size)
    top_k = max(16, round(50 * grid.pad[0] * grid.pad[1] / (480.0 * 854.0)))
    s2m = torch.jit.load(os.path.join(args.models, "s2m.pt"))
    prop = torch.jit.load(os.path.join(args.models, "propagation.pt"))
    s2m_iou = s2m_ious(s2m, grid, frames[0], labels[0], ids, seed=1)
    js = propagation_js(prop, grid, frames, labels, ids, top_k)
    first = np.zeros_like(labels[0])
    for k, oid in enumerate(ids):
        first[labels[0] == oid] = k + 1
    copy = frame_js([first] * (len(frames) - 1), labels, ids)
    res = {"sequence": os.path.basename(os.path.normpath(args.sequence)), "objects": len(ids),
           "frames": len(frames), "processing": list(grid.pad), "top_k": top_k,
           "s2m_iou_one_scribble": round(float(np.mean(s2m_iou)), 3),
           "propagation_j": {str(n): round(float(np.mean(js[:n - 1])), 3)
                             for n in (10, 30, len(frames)) if n <= len(frames)},
           "copy_first_frame_j": {str(n): round(float(np.mean(copy[:n - 1])), 3)
                                  for n in (10, 30, len(frames)) if n <= len(frames)}}
    print(json.dumps(res))
    if args.json:
        with open(args.json, "w") as f:
            json.dump(res, f, indent=2)


if __name__ == "__main__":
    main()
