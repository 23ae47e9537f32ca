"""Training samples built from the synthetic generator and the scribble simulator.

All images come out normalised to 0..1 like the Java side and replicated to 3 channels (identical to what the
stages do with a C = 1 input); generic RGB scenes keep their colours.
"""
import numpy as np
from scipy import ndimage as ndi

from . import generator, scribbles

MODES = ("nuclei", "phase", "generic")
MODE_WEIGHTS = (0.4, 0.35, 0.25)


def scene_options(rng, mode, size):
    """Generator options of a training scene, wider than the generator's defaults.

    Half of the scenes hold 1-3 large objects (radius 10-25 % of the crop: cells at the processing size cover
    that much), the rest 2-6 small ones. Nuclei get low contrast and strong internal texture as well as bright
    clean ones; phase scenes are mostly DIC relief with granular, low-contrast cell interiors and irregular outlines,
    and half of them are confluent: 5-10 large, slow, irregular cells packed against each other, each with a
    raised nucleus and a visible outline, as in dense DIC cultures.
    """
    if mode == "phase" and rng.random() < 0.5:
        lo = rng.uniform(0.12, 0.2) * size
        return {"radius": (lo, lo * rng.uniform(1.1, 1.4)), "n_objects": int(rng.integers(5, 11)),
                "overlap": float(rng.uniform(0.2, 0.45)), "speed": float(rng.uniform(0.2, 1.2)),
                "harm_amp": float(rng.uniform(0.15, 0.35)),
                "render": {"dic": 0.85, "contrast": (0.04, 0.45), "texture": (0.05, 0.5),
                           "texture_sigma": (0.7, 2.0), "nucleus": (0.3, 1.0), "border": (0.1, 0.5)}}
    big = rng.random() < 0.5
    lo = rng.uniform(0.1, 0.25 if mode != "nuclei" else 0.18) * size if big else rng.uniform(0.05, 0.1) * size
    opts = {"radius": (lo, lo * rng.uniform(1.15, 1.5)),
            "n_objects": int(rng.integers(1, 4)) if big else int(rng.integers(2, 7))}
    if mode == "nuclei":
        opts["render"] = {"contrast": (0.4, 10.0), "texture": (0.05, 0.6)}
    elif mode == "phase":
        opts["render"] = {"dic": 0.7, "contrast": (0.04, 0.45), "texture": (0.2, 1.0), "texture_sigma": (0.7, 2.0)}
        opts["harm_amp"] = float(rng.uniform(0.08, 0.3))
    return opts


def random_clip(rng, frames, size, mode=None, **kw):
    """(images float32 [T,3,H,W] in 0..1, labels int32 [T,H,W], divisions) of a random synthetic clip.

    Options not given in ``kw`` come from :func:`scene_options`.
    """
    if mode is None:
        mode = MODES[rng.choice(len(MODES), p=MODE_WEIGHTS)]
    kw = dict(scene_options(rng, mode, size), **kw)
    seq = generator.generate(mode, seed=int(rng.integers(1 << 31)), frames=frames, height=size, width=size, **kw)
    img = generator.normalize(seq.images)
    if img.ndim == 3:
        if rng.random() < 0.5:
            img = np.clip(img, 0, 1) ** rng.uniform(0.7, 1.4)
        img = np.repeat(img[:, None], 3, 1)
    else:
        img = img.transpose(0, 3, 1, 2)
        if rng.random() < 0.3:  # colour scenes shown as grey too
            img = np.repeat(img.mean(1, keepdims=True), 3, 1)
    labels = seq.labels
    if rng.random() < 0.5:
        img, labels = img[..., ::-1], labels[..., ::-1]
    if rng.random() < 0.5:
        img, labels = img[..., ::-1, :], labels[..., ::-1, :]
    return np.ascontiguousarray(img, np.float32), np.ascontiguousarray(labels), seq.divisions


def corrupt(mask, rng):
    """A plausible imperfect prediction of ``mask`` (bool) as a soft probability map float32: one error, or (30 %)
    two of different kinds."""
    m = mask.copy()
    kinds = rng.choice(6, size=2 if rng.random() < 0.3 else 1, replace=False)
    for kind in kinds:
        m = _one_error(m, mask, int(kind), rng)
    soft = ndi.gaussian_filter(m.astype(np.float32), rng.uniform(0.5, 2.0))
    return np.clip(soft, 0, 1)


def _one_error(m, mask, kind, rng):
    if kind == 0:
        return ndi.binary_dilation(m, iterations=int(rng.integers(2, 6)))
    if kind == 1:
        return ndi.binary_erosion(m, iterations=int(rng.integers(2, 6)))
    if kind == 2:
        return np.roll(m, (int(rng.integers(-6, 7)), int(rng.integers(-6, 7))), (0, 1))
    if kind == 3:
        ys, xs = np.nonzero(m)
        if len(ys):
            cy, cx = ys.mean(), xs.mean()
            a = rng.uniform(0, np.pi)
            yy, xx = np.mgrid[0:m.shape[0], 0:m.shape[1]]
            m = m & ((np.cos(a) * (xx - cx) + np.sin(a) * (yy - cy)) < rng.uniform(-3, 8))
        return m
    if kind == 4:
        blob = ndi.gaussian_filter(rng.standard_normal(m.shape), 6) > 0.12
        return m ^ (blob & ndi.binary_dilation(mask, iterations=8))
    # a false positive away from the object (propagation that leaked onto similar-looking background)
    field = ndi.gaussian_filter(rng.standard_normal(m.shape), rng.uniform(4, 10))
    blob = field > field.std() * rng.uniform(1.0, 2.0)
    lab, n = ndi.label(blob & ~ndi.binary_dilation(mask, iterations=4))
    if n == 0:
        return m
    return m | (lab == 1 + int(rng.integers(n)))


def misplaced(labels, oid, rng):
    """(soft previous mask, truth) where the previous mask of ``oid`` lies on another object: half the time the
    object is absent from the frame (truth empty: a mother after its division, a cell that left), otherwise it is
    elsewhere (an identity swap between neighbours)."""
    others = [o for o in np.unique(labels) if o not in (0, oid)]
    if not others:
        return corrupt(labels == oid, rng), labels == oid
    prev = corrupt(labels == others[int(rng.integers(len(others)))], rng)
    gt = np.zeros(labels.shape, bool) if rng.random() < 0.5 else labels == oid
    return prev, gt


def _pick_objects(labels, rng, n, min_area=30):
    ids, counts = np.unique(labels, return_counts=True)
    ok = [i for i, c in zip(ids, counts) if i != 0 and c >= min_area]
    rng.shuffle(ok)
    return ok[:n]


def s2m_sample(rng, size):
    """One S2M example: dict of float32 arrays image [3,H,W], prev/pos/neg/gt [1,H,W]."""
    while True:
        img, labels, _ = random_clip(rng, 1, size)
        objs = _pick_objects(labels[0], rng, 1)
        if objs:
            break
    lab = labels[0]
    oid = objs[0]
    gt = lab == oid
    prev = np.zeros(gt.shape, np.float32)
    pos = neg = None
    kind = rng.random()
    if kind < 0.5:
        if kind < 0.15:
            prev, gt = misplaced(lab, oid, rng)
        else:
            prev = corrupt(gt, rng)
        pos, neg = scribbles.corrective_strokes(prev > 0.5, gt, rng)
        if pos.sum() + neg.sum() == 0:
            prev, gt = np.zeros(gt.shape, np.float32), lab == oid
            pos = neg = None
    if pos is None:
        prev = np.zeros(gt.shape, np.float32) if rng.random() < 0.8 else prev
        pos, neg = scribbles.first_round(lab, oid, rng)
        others = [o for o in np.unique(lab) if o not in (0, oid)]
        if others and rng.random() < 0.4:  # a stroke on a neighbouring object as negative
            other = lab == others[int(rng.integers(len(others)))]
            neg = np.maximum(neg, scribbles.stroke_map(scribbles.positive_stroke(other, rng), gt.shape,
                                                       clip_inside=other))
    return {"image": img[0], "prev": prev[None], "pos": pos[None], "neg": neg[None],
            "gt": gt[None].astype(np.float32)}


def propagation_sample(rng, frames, size, n_objects=2):
    """A clip with up to ``n_objects`` tracked objects (missing ones are empty).

    Returns image [T,3,H,W], masks [T,N,H,W] (0/1), cls [T,H,W] int64 (0 = background, k = object k).
    """
    while True:
        img, labels, _ = random_clip(rng, frames, size)
        objs = _pick_objects(labels[0], rng, n_objects)
        if objs:
            break
    masks = np.zeros((frames, n_objects, size, size), np.float32)
    cls = np.zeros((frames, size, size), np.int64)
    for k, oid in enumerate(objs):
        masks[:, k] = labels == oid
        cls[labels == oid] = k + 1
    return {"image": img, "masks": masks, "cls": cls}


def collate(samples):
    return {k: np.stack([s[k] for s in samples]) for k in samples[0]}


def fixed_set(builder, count, seed, **kw):
    """A reproducible list of samples (validation)."""
    return [builder(np.random.default_rng(seed + i), **kw) for i in range(count)]
