"""Make sample-stacks/nuclei-demo: a synthetic fluorescent-nuclei time-lapse with ground truth and scribbles.

    /usr/bin/python3 models/make_sample_stack.py [--seed 5] [--out sample-stacks/nuclei-demo]

Writes image.tif (uint16, 40 frames x 240 x 256, ImageJ hyperstack, axes TYX), labels.tif (uint16 instance labels,
same layout, ids consistent over time), scribbles.json and README.md.
"""
import argparse
import json
import os
import sys

import numpy as np
import tifffile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from mivos_models import generator, scribbles  # noqa: E402

FRAMES, HEIGHT, WIDTH = 40, 240, 256
DEFAULT_SEED = 5


def make_sequence(seed):
    return generator.generate("nuclei", seed=seed, frames=FRAMES, height=HEIGHT, width=WIDTH, n_objects=8,
                              division=True, touching=True, enter_leave=False, bit_depth=16, speed=0.7,
                              radius=(13.0, 19.0))


def _points(pts):
    return [[int(round(x)), int(round(y))] for x, y in pts]


def make_scribbles(labels, divisions, seed):
    """Strokes: one positive per object on frame 1, 3 background strokes, and for each object appearing later a
    positive stroke on its first frame (after a division also a negative stroke for the mother on the new cell)."""
    rng = np.random.default_rng(seed)
    strokes = []
    first = labels[0]
    ids = [int(i) for i in np.unique(first) if i != 0]
    for oid in ids:
        strokes.append({"name": "%d+" % oid, "frame": 1,
                        "points": _points(scribbles.positive_stroke(first == oid, rng))})
    everything = first > 0
    made = 0
    for oid in rng.permutation(ids):
        if made == 3:
            break
        pts = scribbles.negative_stroke(first == oid, everything, rng, ring=(8, 14))
        if pts and len(pts) >= 2:
            strokes.append({"name": "bg", "frame": 1, "points": _points(pts)})
            made += 1
    seen = set(ids)
    mothers = {new: mother for _, mother, new in divisions}
    for t in range(1, labels.shape[0]):
        for oid in [int(i) for i in np.unique(labels[t]) if i != 0 and i not in seen]:
            mask = labels[t] == oid
            strokes.append({"name": "%d+" % oid, "frame": t + 1,
                            "points": _points(scribbles.positive_stroke(mask, rng))})
            if oid in mothers:
                strokes.append({"name": "%d-" % mothers[oid], "frame": t + 1,
                                "points": _points(scribbles.positive_stroke(mask, rng))})
            seen.add(oid)
    return {"strokes": strokes}


README = """# nuclei-demo

A synthetic fluorescence time-lapse of cell nuclei for trying and testing MiVOS for Fiji.

- `image.tif`: 40 frames x 240 x 256 px, uint16, ImageJ TIFF stack (axes TYX; ImageJ shows 40 frames).
- `labels.tif`: ground-truth instance labels, uint16, same layout; 0 = background, ids are consistent over time.
  After a division the mother keeps its id in one daughter and the other daughter gets a new id.
- `scribbles.json`: stored scribbles, `{{"strokes": [{{"name": "3+", "frame": 1, "points": [[x, y], ...]}}, ...]}}`.
  `3` / `3+` = positive for object 3, `3-` = negative for object 3, `bg` = negative for all objects; frames are
  1-based, points are pixel coordinates (x right, y down). Frame 1 has one positive stroke per object and {n_bg}
  `bg` strokes; each object that appears later has a positive stroke on its first frame (the new daughter also a
  negative stroke for its mother there).

Content: {n_objects} nuclei on frame 1 with drift, deformation, touching neighbours, one division
(object {mother} divides on frame {div_frame}; the new daughter is object {daughter}), blur, uneven background,
Poisson and Gaussian noise.

Made with `/usr/bin/python3 models/make_sample_stack.py --seed {seed}` (generator `models/mivos_models/generator.py`,
mode `nuclei`). The stack is synthetic; MIT licence like the rest of the project.
"""


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    ap.add_argument("--out", default=os.path.join(HERE, "..", "sample-stacks", "nuclei-demo"))
    args = ap.parse_args()
    seq = make_sequence(args.seed)
    if not seq.divisions:
        raise SystemExit("seed %d gave no division; choose another seed" % args.seed)
    os.makedirs(args.out, exist_ok=True)
    labels = seq.labels.astype(np.uint16)
    tifffile.imwrite(os.path.join(args.out, "image.tif"), seq.images, imagej=True, metadata={"axes": "TYX"})
    tifffile.imwrite(os.path.join(args.out, "labels.tif"), labels, imagej=True, metadata={"axes": "TYX"})
    strokes = make_scribbles(seq.labels, seq.divisions, args.seed)
    with open(os.path.join(args.out, "scribbles.json"), "w") as f:
        json.dump(strokes, f, indent=1)
        f.write("\n")
    div_frame, mother, daughter = seq.divisions[0]
    n_objects = len(np.unique(seq.labels[0])) - 1
    n_bg = sum(s["name"] == "bg" for s in strokes["strokes"])
    with open(os.path.join(args.out, "README.md"), "w") as f:
        f.write(README.format(n_objects=n_objects, mother=mother, daughter=daughter, div_frame=div_frame + 1,
                              seed=args.seed, n_bg=n_bg))
    print("objects on frame 1:", n_objects, "divisions (1-based frame, mother, daughter):",
          [(t + 1, m, d) for t, m, d in seq.divisions], "strokes:", len(strokes["strokes"]))


if __name__ == "__main__":
    main()
