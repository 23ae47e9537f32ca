"""Make a synthetic time-lapse with ground truth of any size, for evaluation runs (not shipped).

    /usr/bin/python3 models/make_eval_stack.py --size 1024 --frames 20 --objects 12 --out out/eval-1024

Writes image.tif (uint16 fluorescent nuclei, ImageJ stack, axes TYX) and labels.tif (uint16 instance labels, ids
consistent over time) for ``./mivos evaluate --images OUT/image.tif --gt OUT/labels.tif``.
"""
import argparse
import os
import sys

import numpy as np
import tifffile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from mivos_models import generator  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--size", type=int, default=1024, help="width and height in pixels")
    ap.add_argument("--frames", type=int, default=20)
    ap.add_argument("--objects", type=int, default=12)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    radius = 0.03 * args.size
    seq = generator.generate("nuclei", seed=args.seed, frames=args.frames, height=args.size, width=args.size,
                             n_objects=args.objects, division=True, touching=True, enter_leave=False, bit_depth=16,
                             speed=0.004 * args.size, radius=(radius, 1.4 * radius))
    os.makedirs(args.out, exist_ok=True)
    tifffile.imwrite(os.path.join(args.out, "image.tif"), seq.images, imagej=True, metadata={"axes": "TYX"})
    tifffile.imwrite(os.path.join(args.out, "labels.tif"), seq.labels.astype(np.uint16), imagej=True,
                     metadata={"axes": "TYX"})
    print("frames:", args.frames, "size:", args.size, "objects on frame 1:", len(np.unique(seq.labels[0])) - 1,
          "divisions (1-based frame, mother, daughter):", [(t + 1, m, d) for t, m, d in seq.divisions])


if __name__ == "__main__":
    main()
