"""Scribble simulation: polylines (x, y) in pixel coordinates and their 3 px wide rasterisation.

* :func:`positive_stroke`  a thin skeleton-like stroke inside an object (never the whole mask)
* :func:`negative_stroke`  a stroke on background near an object (outside the excluded region)
* :func:`corrective_strokes`  strokes on the largest false-negative / false-positive regions of a prediction
"""
import numpy as np
from scipy import ndimage as ndi
from skimage.draw import line as draw_line
from skimage.morphology import skeletonize

WIDTH = 3


def rasterize(points, shape, width=WIDTH):
    """Binary map (float32 0/1) of a polyline ``points`` [[x, y], ...] drawn ``width`` px wide."""
    out = np.zeros(shape, bool)
    pts = np.round(np.asarray(points, np.float64)).astype(int)
    if len(pts) == 1:
        pts = np.concatenate([pts, pts])
    for (x0, y0), (x1, y1) in zip(pts[:-1], pts[1:]):
        rr, cc = draw_line(y0, x0, y1, x1)
        ok = (rr >= 0) & (rr < shape[0]) & (cc >= 0) & (cc < shape[1])
        out[rr[ok], cc[ok]] = True
    if width > 1:
        out = ndi.binary_dilation(out, np.ones((width, width), bool))
    return out.astype(np.float32)


def _order_path(ys, xs, rng, max_points):
    """Order skeleton pixels along their main axis, keep a random contiguous run, subsample to a polyline."""
    pts = np.stack([xs, ys], 1).astype(np.float64)
    c = pts - pts.mean(0)
    if len(pts) > 2:
        _, _, vt = np.linalg.svd(c, full_matrices=False)
        order = np.argsort(c @ vt[0])
    else:
        order = np.arange(len(pts))
    pts = pts[order]
    n = len(pts)
    frac = rng.uniform(0.4, 0.9)
    run = max(1, int(round(n * frac)))
    start = int(rng.integers(0, n - run + 1))
    pts = pts[start:start + run]
    step = max(1, len(pts) // max_points)
    return pts[::step].tolist() if len(pts) > 1 else pts.tolist()


def positive_stroke(mask, rng, max_points=12):
    """Polyline [[x, y], ...] inside ``mask`` (bool [H,W]) along part of its skeleton; None if the mask is empty.

    The 3 px rasterisation of the returned polyline stays inside the mask whenever the mask is thick enough; use
    :func:`stroke_map` to get a map clipped to the mask.
    """
    if mask.sum() == 0:
        return None
    inner = ndi.binary_erosion(mask, iterations=2)
    if inner.sum() < 3:
        inner = mask
    skel = skeletonize(inner)
    ys, xs = np.nonzero(skel)
    if len(ys) == 0:
        ys, xs = np.nonzero(inner)
    # keep the largest skeleton piece so the polyline does not jump across gaps
    lab, n = ndi.label(skel, np.ones((3, 3)))
    if n > 1:
        sizes = ndi.sum(skel, lab, range(1, n + 1))
        keep = lab == (1 + int(np.argmax(sizes)))
        ys, xs = np.nonzero(keep)
    pts = _order_path(ys, xs, rng, max_points)
    jitter = rng.normal(0, 0.6, (len(pts), 2))
    cand = np.asarray(pts) + jitter
    cand = [p for p, q in zip(cand.tolist(), pts)
            if inner[int(np.clip(round(p[1]), 0, mask.shape[0] - 1)), int(np.clip(round(p[0]), 0, mask.shape[1] - 1))]]
    return cand if len(cand) >= 1 else pts


def negative_stroke(mask, exclude, rng, ring=(4, 14), max_points=10):
    """Polyline on background around ``mask``: pixels ``ring`` px away from it and outside ``exclude``."""
    if mask.sum() == 0:
        return None
    dist = ndi.distance_transform_edt(~mask)
    r = rng.uniform(*ring)
    band = (dist > r - 1.5) & (dist < r + 1.5) & ~ndi.binary_dilation(exclude, iterations=3)
    ys, xs = np.nonzero(band)
    if len(ys) < 3:
        return None
    cy, cx = np.nonzero(mask)
    ang = np.arctan2(ys - cy.mean(), xs - cx.mean())
    a0 = rng.uniform(-np.pi, np.pi)
    span = rng.uniform(0.5, 2.0)
    d = np.angle(np.exp(1j * (ang - a0)))
    sel = np.abs(d) < span / 2
    if sel.sum() < 3:
        sel = np.ones_like(sel)
    order = np.argsort(d[sel])
    pts = np.stack([xs[sel][order], ys[sel][order]], 1).astype(float)
    step = max(1, len(pts) // max_points)
    pts = pts[::step]
    # split where consecutive points jump (band pieces on different sides of an excluded region)
    jumps = np.nonzero(np.hypot(*(pts[1:] - pts[:-1]).T) > 6)[0]
    if len(jumps):
        pieces = np.split(pts, jumps + 1)
        pts = max(pieces, key=len)
    return pts.tolist()


def stroke_map(points, shape, clip_inside=None, clip_outside=None):
    """Rasterise ``points`` 3 px wide; optionally keep only pixels inside / outside a bool mask."""
    m = rasterize(points, shape) if points else np.zeros(shape, np.float32)
    if clip_inside is not None:
        m *= clip_inside
    if clip_outside is not None:
        m *= ~clip_outside
    return m.astype(np.float32)


def first_round(labels, oid, rng, n_negative=None):
    """Scribbles for a first interaction on object ``oid``: (pos map, neg map) float32 [H,W]."""
    mask = labels == oid
    shape = labels.shape
    pos = np.zeros(shape, np.float32)
    for _ in range(1 if rng.random() < 0.7 else 2):
        pos = np.maximum(pos, stroke_map(positive_stroke(mask, rng), shape, clip_inside=mask))
    neg = np.zeros(shape, np.float32)
    if n_negative is None:
        n_negative = int(rng.integers(0, 3))
    for _ in range(n_negative):
        pts = negative_stroke(mask, mask, rng)
        if pts:
            neg = np.maximum(neg, stroke_map(pts, shape, clip_outside=mask))
    return pos, neg


def corrective_strokes(pred, gt, rng, max_strokes=2, min_area=6):
    """Strokes on the largest error regions of ``pred`` versus ``gt`` (both bool [H,W]).

    False negatives get positive strokes (inside gt), false positives negative strokes (outside gt).
    Returns (pos map, neg map) float32.
    """
    shape = gt.shape
    pos = np.zeros(shape, np.float32)
    neg = np.zeros(shape, np.float32)
    regions = []
    for kind, err in (("pos", gt & ~pred), ("neg", pred & ~gt)):
        err = ndi.binary_opening(err)
        lab, n = ndi.label(err)
        if n == 0:
            continue
        sizes = ndi.sum(err, lab, range(1, n + 1))
        for i in np.argsort(sizes)[::-1][:max_strokes]:
            if sizes[i] >= min_area:
                regions.append((sizes[i], kind, lab == i + 1))
    regions.sort(key=lambda r: -r[0])
    for _, kind, region in regions[:max_strokes]:
        pts = positive_stroke(region, rng)
        if kind == "pos":
            pos = np.maximum(pos, stroke_map(pts, shape, clip_inside=gt))
        else:
            neg = np.maximum(neg, stroke_map(pts, shape, clip_outside=gt))
    return pos, neg
