"""Segment sample-stacks/nuclei-demo from its stored scribbles with the exported stages and score it.

    /usr/bin/python3 models/evaluate_sample.py [--models models/lite] [--stack sample-stacks/nuclei-demo]

S2M turns the frame-1 strokes into masks, propagation carries them through the stack; on a frame with strokes
for new objects (or negative strokes for existing ones) S2M is applied there and propagation continues from it.
Prints the mean IoU (Jaccard) over all objects and frames against labels.tif.
"""
import argparse
import json
import os
import re
import sys
import time

import numpy as np
import tifffile
import torch

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from mivos_models import generator, scribbles  # noqa: E402
from mivos_models.inference import MemoryPropagator  # noqa: E402

NAME = re.compile(r"^(\d+)([+-]?)$")


def parse_strokes(path):
    """{frame (0-based): [(object id or None for bg, positive?, points)]}."""
    with open(path) as f:
        strokes = json.load(f)["strokes"]
    out = {}
    for s in strokes:
        m = NAME.match(s["name"])
        if s["name"] == "bg":
            entry = (None, False, s["points"])
        elif m:
            entry = (int(m.group(1)), m.group(2) != "-", s["points"])
        else:
            raise SystemExit("bad stroke name " + s["name"])
        out.setdefault(s["frame"] - 1, []).append(entry)
    return out


def stroke_maps(entries, oid, shape):
    """pos/neg maps for object ``oid``: its positive strokes; bg, its negative and other objects' positives."""
    pos = np.zeros(shape, np.float32)
    neg = np.zeros(shape, np.float32)
    for obj, positive, pts in entries:
        m = scribbles.rasterize(pts, shape)
        if obj == oid and positive:
            pos = np.maximum(pos, m)
        elif obj is None or (obj == oid and not positive) or (obj != oid and positive):
            neg = np.maximum(neg, m)
    return pos, neg


def logit(p):
    p = p.clamp(1e-4, 1 - 1e-4)
    return torch.log(p / (1 - p))


def interact(s2m, prop, frame, entries, ids, prior):
    """Apply the strokes of one frame: S2M for the objects they concern; returns aggregated probs [N,1,H,W]."""
    shape = tuple(frame.shape[-2:])
    touched = sorted({obj for obj, _, _ in entries if obj is not None})
    logits = []
    with torch.no_grad():
        for k, oid in enumerate(ids):
            prev = prior[k:k + 1] if prior is not None and k < prior.shape[0] else torch.zeros(1, 1, *shape)
            if oid in touched:
                pos, neg = stroke_maps(entries, oid, shape)
                logits.append(s2m.s2m(frame, prev, torch.from_numpy(pos)[None, None],
                                      torch.from_numpy(neg)[None, None]))
            else:
                logits.append(logit(prev))
        return prop.aggregate(torch.cat(logits, 0))[1:]


def segment_stack(s2m, prop, frames, strokes, top_k=50):
    """Probabilities per frame {t: (ids, prob [N,1,H,W])} following the stored strokes."""
    t_len = frames.shape[0]
    inter = sorted(strokes)
    ids = []
    results = {}
    preload = {}
    runner = MemoryPropagator(prop, top_k)
    for i, t0 in enumerate(inter):
        new = sorted({obj for obj, pos, _ in strokes[t0] if obj is not None and pos and obj not in ids})
        prior = results[t0][1] if t0 in results else None
        ids = ids + new
        start = interact(s2m, prop, frames[t0:t0 + 1], strokes[t0], ids, prior)
        pad = len(ids)
        preload = {f: torch.cat([p, torch.zeros(pad - p.shape[0], *p.shape[1:])]) for f, p in preload.items()}
        end = inter[i + 1] if i + 1 < len(inter) else t_len - 1
        order = list(range(t0 + 1, end + 1))
        probs = runner.run(frames, t0, start, order, preload=preload)
        for t, p in probs.items():
            results[t] = (list(ids), p)
        preload[t0] = start
    return results, ids


def labels_from(ids, prob):
    """Label image: argmax over background and objects (background = 1 - sum, clipped at 0)."""
    p = prob[:, 0].numpy()
    bg = np.clip(1 - p.sum(0, keepdims=True), 0, 1)
    idx = np.argmax(np.concatenate([bg, p]), 0)
    lut = np.array([0] + list(ids))
    return lut[idx]


def score(results, gt):
    ious = []
    per_frame = []
    for t in range(gt.shape[0]):
        ids, prob = results[t]
        pred = labels_from(ids, prob)
        frame_ious = []
        for oid in np.unique(gt[t]):
            if oid == 0:
                continue
            g = gt[t] == oid
            p = pred == oid
            frame_ious.append(np.logical_and(g, p).sum() / np.logical_or(g, p).sum())
        ious += frame_ious
        per_frame.append(float(np.mean(frame_ious)))
    return float(np.mean(ious)), per_frame


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--models", default=os.path.join(HERE, "lite"))
    ap.add_argument("--stack", default=os.path.join(HERE, "..", "sample-stacks", "nuclei-demo"))
    ap.add_argument("--top-k", type=int, default=50)
    ap.add_argument("--channels", type=int, default=1, choices=(1, 3))
    args = ap.parse_args()
    torch.set_num_threads(2)
    raw = tifffile.imread(os.path.join(args.stack, "image.tif"))
    gt = tifffile.imread(os.path.join(args.stack, "labels.tif")).astype(np.int64)
    frames = torch.from_numpy(generator.normalize(raw))[:, None]
    if args.channels == 3:
        frames = frames.repeat(1, 3, 1, 1)
    if frames.shape[-1] % 16 or frames.shape[-2] % 16:
        raise SystemExit("this evaluation expects a stack whose size is a multiple of 16")
    s2m = torch.jit.load(os.path.join(args.models, "s2m.pt")).eval()
    prop = torch.jit.load(os.path.join(args.models, "propagation.pt")).eval()
    strokes = parse_strokes(os.path.join(args.stack, "scribbles.json"))
    t0 = time.time()
    results, ids = segment_stack(s2m, prop, frames, strokes, args.top_k)
    seconds = time.time() - t0
    mean, per_frame = score(results, gt)
    print("frames %d, size %dx%d, objects %s" % (gt.shape[0], gt.shape[2], gt.shape[1], ids))
    print("IoU frame 1: %.3f   frames 2-%d: %.3f   last frame: %.3f" % (per_frame[0], gt.shape[0],
                                                                         float(np.mean(per_frame[1:])),
                                                                         per_frame[-1]))
    print("mean IoU (all objects, all frames): %.3f   time %.1f s" % (mean, seconds))


if __name__ == "__main__":
    main()
