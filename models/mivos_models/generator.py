"""Seeded procedural time-lapses with exact instance masks.

Modes
    'nuclei'  fluorescent nuclei: smooth domed blobs that drift, deform, touch, divide, enter/leave the field and
              blink, on an uneven background; blur, Poisson + Gaussian noise; 8- or 16-bit ranges.
    'phase'   phase-contrast-like (dark textured cells with a bright halo) or DIC-like (relief shading) cells.
    'generic' textured shapes moving over a textured RGB background and occluding each other.

:func:`generate` returns a :class:`Sequence` with the raw image stack (uint8 / uint16, [T,H,W] or [T,H,W,3]) and
int32 labels [T,H,W] (0 = background, ids stay the same over time; after a division the mother id continues in one
daughter and the other daughter gets a new id). :func:`normalize` maps raw stacks to 0..1 like the Java side
(8-bit: v/255, 16-bit: 1st..99.8th percentile of the whole stack, clipped).
"""
import math
from dataclasses import dataclass, field

import numpy as np
from scipy import ndimage as ndi


@dataclass
class Sequence:
    images: np.ndarray          # [T,H,W] or [T,H,W,3], uint8 or uint16
    labels: np.ndarray          # [T,H,W] int32
    divisions: list = field(default_factory=list)   # (frame, mother id, new daughter id), frame 0-based
    mode: str = "nuclei"


@dataclass
class _Blob:
    oid: int
    cx: float
    cy: float
    a: float                    # semi-axis along theta
    b: float
    theta: float
    vx: float
    vy: float
    omega: float
    harm: np.ndarray            # [K,2] amplitude, phase of radial harmonics k = 2..K+1
    intensity: float
    tex_seed: int
    start: int = 0              # first frame the blob exists
    end: int = 1 << 30          # first frame it no longer exists
    z: float = 0.0              # drawing order for occluding modes (larger = in front)
    color: tuple = (1.0, 1.0, 1.0)


def _smooth_noise(rng, shape, sigma):
    n = ndi.gaussian_filter(rng.standard_normal(shape), sigma, mode="wrap")
    s = n.std()
    return n / s if s > 0 else n


def _blob_distance(blob, h, w):
    """Normalised radial distance d (inside where d < 1) over the blob's bounding box; returns (slices, d)."""
    amp = 1.0 + np.abs(blob.harm[:, 0]).sum()
    r = max(blob.a, blob.b) * amp + 2
    y0, y1 = int(max(0, math.floor(blob.cy - r))), int(min(h, math.ceil(blob.cy + r) + 1))
    x0, x1 = int(max(0, math.floor(blob.cx - r))), int(min(w, math.ceil(blob.cx + r) + 1))
    if y0 >= y1 or x0 >= x1:
        return None, None
    yy, xx = np.mgrid[y0:y1, x0:x1].astype(np.float32)
    dx, dy = xx - blob.cx, yy - blob.cy
    c, s = math.cos(blob.theta), math.sin(blob.theta)
    u = (c * dx + s * dy) / blob.a
    v = (-s * dx + c * dy) / blob.b
    rad = np.sqrt(u * u + v * v)
    phi = np.arctan2(v, u)
    rr = np.ones_like(rad)
    for k, (am, ph) in enumerate(blob.harm):
        rr += am * np.cos((k + 2) * phi + ph)
    return (slice(y0, y1), slice(x0, x1)), rad / np.maximum(rr, 0.3)


def _step(blob, rng, speed, h, w, keep_inside):
    blob.vx = 0.8 * blob.vx + rng.normal(0, speed * 0.5)
    blob.vy = 0.8 * blob.vy + rng.normal(0, speed * 0.5)
    if keep_inside:
        margin = 0.6 * max(blob.a, blob.b)
        if blob.cx < margin:
            blob.vx = abs(blob.vx)
        if blob.cx > w - margin:
            blob.vx = -abs(blob.vx)
        if blob.cy < margin:
            blob.vy = abs(blob.vy)
        if blob.cy > h - margin:
            blob.vy = -abs(blob.vy)
    blob.cx += blob.vx
    blob.cy += blob.vy
    blob.theta += blob.omega + rng.normal(0, 0.03)
    blob.harm[:, 0] = np.clip(blob.harm[:, 0] + rng.normal(0, 0.01, len(blob.harm)), -0.18, 0.18)
    blob.harm[:, 1] += rng.normal(0, 0.05, len(blob.harm))


def _new_blob(rng, oid, h, w, rmin, rmax, harm_amp, speed, inside=True):
    a = rng.uniform(rmin, rmax)
    b = a * rng.uniform(0.65, 1.0)
    if inside:
        cx, cy = rng.uniform(a, w - a), rng.uniform(a, h - a)
    else:
        side = rng.integers(4)
        cx = [-a * 0.8, w + a * 0.8, rng.uniform(0, w), rng.uniform(0, w)][side]
        cy = [rng.uniform(0, h), rng.uniform(0, h), -a * 0.8, h + a * 0.8][side]
    harm = np.stack([rng.uniform(-harm_amp, harm_amp, 4), rng.uniform(0, 2 * np.pi, 4)], 1)
    harm[:, 0] /= np.arange(1, 5)
    return _Blob(oid, cx, cy, a, b, rng.uniform(0, np.pi), rng.normal(0, speed), rng.normal(0, speed),
                 rng.normal(0, 0.03), harm, rng.uniform(0.5, 1.0), int(rng.integers(1 << 30)))


def _place(rng, blobs, h, w, rmin, rmax, harm_amp, speed, oid, touching_with=None, overlap=0.0):
    """A new blob inside the field, away from the others (or touching ``touching_with``).

    ``overlap`` > 0 lets blobs reach into each other by that share of their summed radii (confluent cells: the
    label image splits the shared area where the normalised distances are equal).
    """
    best = None
    for _ in range(40):
        blob = _new_blob(rng, oid, h, w, rmin, rmax, harm_amp, speed)
        if touching_with is not None:
            ang = rng.uniform(0, 2 * np.pi)
            dist = (touching_with.b + blob.b) * rng.uniform(0.85, 1.0)
            blob.cx = touching_with.cx + dist * math.cos(ang)
            blob.cy = touching_with.cy + dist * math.sin(ang)
            blob.vx, blob.vy = touching_with.vx, touching_with.vy
        reach = 1.1 - overlap
        gap = min([math.hypot(blob.cx - o.cx, blob.cy - o.cy) - reach * (max(blob.a, blob.b) + max(o.a, o.b))
                   for o in blobs if o is not touching_with] + [1e9])
        inside = blob.a <= blob.cx <= w - blob.a and blob.a <= blob.cy <= h - blob.a
        if inside and gap > 0:
            return blob
        if best is None or gap > best[0]:
            best = (gap, blob)
    return best[1]


def _simulate(rng, t_len, h, w, n_objects, rmin, rmax, speed, harm_amp, division, enter_leave, touching,
              overlap=0.0):
    """Blob states per frame: list over frames of list of blob copies, plus the divisions."""
    blobs = []
    oid = 1
    for i in range(n_objects):
        partner = blobs[-1] if (touching and i == 1 and blobs) else None
        blobs.append(_place(rng, blobs, h, w, rmin, rmax, harm_amp, speed, oid, partner, overlap))
        oid += 1
    entering = []
    if enter_leave and t_len > 3:
        b = _new_blob(rng, oid, h, w, rmin, rmax, harm_amp, speed, inside=False)
        b.start = int(rng.integers(1, max(2, t_len // 2)))
        b.vx = (w / 2 - b.cx) / max(8.0, t_len * 0.6)
        b.vy = (h / 2 - b.cy) / max(8.0, t_len * 0.6)
        entering.append(b)
        oid += 1
        # one of the initial objects heads out of the field
        if blobs:
            out = blobs[int(rng.integers(len(blobs)))]
            out.vx += math.copysign(speed * 1.5 + 0.5, out.cx - w / 2)
    div_plan = None
    if division and t_len >= 4:
        mother = max(blobs, key=lambda o: o.a)
        div_plan = (mother, int(rng.integers(max(1, t_len // 3), max(2, t_len - 2))))
    frames, divisions = [], []
    leaving_id = None
    for t in range(t_len):
        for b in entering:
            if b.start == t:
                blobs.append(b)
        if div_plan is not None and div_plan[1] == t:
            mother = div_plan[0]
            if mother in blobs:
                ang = mother.theta
                d1 = _Blob(mother.oid, 0, 0, mother.a * 0.72, mother.b * 0.8, ang, mother.vx, mother.vy, 0.0,
                           mother.harm.copy() * 0.5, mother.intensity, mother.tex_seed)
                d2 = _Blob(oid, 0, 0, mother.a * 0.72, mother.b * 0.8, ang, mother.vx, mother.vy, 0.0,
                           mother.harm.copy() * 0.5, mother.intensity * rng.uniform(0.9, 1.1),
                           int(rng.integers(1 << 30)))
                off = mother.a * 0.62
                for d, sgn in ((d1, 1), (d2, -1)):
                    d.cx = mother.cx + sgn * off * math.cos(ang)
                    d.cy = mother.cy + sgn * off * math.sin(ang)
                    d.vx = mother.vx + sgn * 0.6 * speed * math.cos(ang) + sgn * 0.4 * math.cos(ang)
                    d.vy = mother.vy + sgn * 0.6 * speed * math.sin(ang) + sgn * 0.4 * math.sin(ang)
                blobs.remove(mother)
                blobs += [d1, d2]
                divisions.append((t, mother.oid, oid))
                oid += 1
            div_plan = None
        elif div_plan is not None and div_plan[1] - t in (1, 2):
            mother = div_plan[0]  # elongate before splitting
            mother.a *= 1.12
            mother.b *= 0.94
        frames.append([_copy(b) for b in blobs])
        for b in blobs:
            keep = b.oid != leaving_id and not any(b is e for e in entering)
            _step(b, rng, speed, h, w, keep_inside=keep and not enter_leave)
    return frames, divisions


def _copy(b):
    c = _Blob(**{k: getattr(b, k) for k in b.__dataclass_fields__})
    c.harm = b.harm.copy()
    return c


def _labels_and_distance(blobs, h, w, occlude):
    """Label image and the normalised distance field of the winning blob per pixel."""
    labels = np.zeros((h, w), np.int32)
    best = np.full((h, w), np.inf, np.float32)
    order = sorted(blobs, key=lambda b: b.z) if occlude else blobs
    for b in order:
        sl, d = _blob_distance(b, h, w)
        if sl is None:
            continue
        inside = d < 1.0
        if occlude:
            take = inside
        else:  # touching objects split where their normalised distances are equal
            take = inside & (d < best[sl])
        labels[sl][take] = b.oid
        best[sl][take] = d[take]
    return labels, best


def _texture(seed, h, w, sigma):
    return _smooth_noise(np.random.default_rng(seed), (h, w), sigma).astype(np.float32)


def _render_nuclei(rng, frames, h, w, bit_depth, cfg):
    t_len = len(frames)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    gx, gy = rng.normal(0, 1, 2)
    bg = 1.0 + 0.5 * ((gx * (xx / w - 0.5) + gy * (yy / h - 0.5)))
    bg += 0.3 * _smooth_noise(rng, (h, w), max(h, w) / 6)
    bg = np.clip(bg, 0.3, None)
    snr = rng.uniform(*cfg.get("contrast", (3.0, 12.0)))
    blur = rng.uniform(0.6, 1.6)
    tex_amp = rng.uniform(*cfg.get("texture", (0.05, 0.3)))
    images, labels = [], []
    tex_cache = {}
    for t, blobs in enumerate(frames):
        lab, dist = _labels_and_distance(blobs, h, w, occlude=False)
        img = bg.copy()
        for b in blobs:
            m = lab == b.oid
            if not m.any():
                continue
            if b.tex_seed not in tex_cache:
                tex_cache[b.tex_seed] = _texture(b.tex_seed, h, w, 1.5)
            blink = 0.45 if rng.random() < cfg.get("blink", 0.04) else 1.0
            prof = (1.0 - 0.35 * dist[m] ** 2) * (1.0 + tex_amp * tex_cache[b.tex_seed][m])
            img[m] += snr * b.intensity * blink * prof
        img = ndi.gaussian_filter(img, blur)
        images.append(img)
        labels.append(lab)
    images = np.stack(images)
    if bit_depth == 8:
        scale = 255.0 / (1.0 + snr * 1.3) * rng.uniform(0.5, 1.0)
        gain = rng.uniform(0.5, 3.0)
        read = 2.0
    else:
        scale = rng.uniform(100, 2000)
        gain = rng.uniform(0.2, 1.0)
        read = rng.uniform(5, 40)
    photons = rng.poisson(np.clip(images * scale * gain, 0, None)) / gain
    raw = photons + rng.normal(0, read, images.shape) + (rng.uniform(80, 400) if bit_depth == 16 else 0)
    top = 255 if bit_depth == 8 else 65535
    raw = np.clip(np.round(raw), 0, top).astype(np.uint8 if bit_depth == 8 else np.uint16)
    return raw, np.stack(labels)


def _add_nucleus(height, mask, blob, amp, h, w):
    """Raises ``height`` inside ``mask`` by a dome on the blob's nucleus: an ellipse of 35-55 % of the cell's
    size, off-centre, fixed to the blob (drawn from its texture seed, so it moves and turns with the cell)."""
    r = np.random.default_rng(blob.tex_seed + 1)
    scale, du, dv = r.uniform(0.35, 0.55), r.uniform(-0.25, 0.25), r.uniform(-0.25, 0.25)
    c, s = math.cos(blob.theta), math.sin(blob.theta)
    nuc = _Blob(0, blob.cx + blob.a * du * c - blob.b * dv * s, blob.cy + blob.a * du * s + blob.b * dv * c,
                blob.a * scale, blob.b * scale, blob.theta, 0.0, 0.0, 0.0, np.zeros((1, 2)), 1.0, 0)
    sl, d = _blob_distance(nuc, h, w)
    if sl is not None:
        height[sl] += amp * np.sqrt(np.clip(1 - d ** 2, 0, 1)) * mask[sl]


def _render_phase(rng, frames, h, w, bit_depth, cfg):
    dic = rng.random() < cfg.get("dic", 0.4)
    bg_level = rng.uniform(0.35, 0.6)
    bg_tex = 0.02 * _smooth_noise(rng, (h, w), 3) + 0.03 * _smooth_noise(rng, (h, w), max(h, w) / 5)
    ang = rng.uniform(0, 2 * np.pi)
    sx, sy = math.cos(ang), math.sin(ang)
    contrast = rng.uniform(*cfg.get("contrast", (0.2, 0.45)))
    tex_amp = rng.uniform(*cfg["texture"]) if "texture" in cfg else 0.25
    tex_sigma = rng.uniform(*cfg["texture_sigma"]) if "texture_sigma" in cfg else 1.2
    nucleus_amp = rng.uniform(*cfg["nucleus"]) if "nucleus" in cfg else 0.0
    border_amp = rng.uniform(*cfg["border"]) if "border" in cfg else 0.0
    images, labels = [], []
    tex_cache = {}
    for blobs in frames:
        lab, dist = _labels_and_distance(blobs, h, w, occlude=False)
        height = np.zeros((h, w), np.float32)
        halo = np.zeros((h, w), np.float32)
        for b in blobs:
            m = lab == b.oid
            if b.tex_seed not in tex_cache:
                tex_cache[b.tex_seed] = _texture(b.tex_seed, h, w, tex_sigma)
            if m.any():
                height[m] = np.sqrt(np.clip(1 - dist[m] ** 2, 0, 1)) * (1 + tex_amp * tex_cache[b.tex_seed][m])
                if nucleus_amp > 0:
                    _add_nucleus(height, m, b, nucleus_amp, h, w)
            sl, d = _blob_distance(b, h, w)
            if sl is not None:
                ring = np.exp(-((d - 1.12) / 0.12) ** 2) * (d >= 1.0)
                halo[sl] = np.maximum(halo[sl], ring)
        if border_amp > 0:  # membranes between touching cells show as a groove in the relief
            edge = np.zeros((h, w), bool)
            edge[:, 1:] |= lab[:, 1:] != lab[:, :-1]
            edge[1:, :] |= lab[1:, :] != lab[:-1, :]
            height -= border_amp * ndi.gaussian_filter(edge.astype(np.float32), 1.0) * 2.5
        if dic:
            hs = ndi.gaussian_filter(height, 1.0)
            relief = ndi.shift(hs, (sy * 1.5, sx * 1.5), order=1) - hs
            img = bg_level + bg_tex + contrast * 5.0 * relief
        else:
            img = bg_level + bg_tex - contrast * height + contrast * 1.2 * halo
            img -= contrast * 0.5 * ((lab > 0) & (dist > 0.8))  # dark rim
        img = ndi.gaussian_filter(img, rng.uniform(0.5, 1.0))
        images.append(img)
        labels.append(lab)
    images = np.stack(images) + rng.normal(0, rng.uniform(0.005, 0.03), (len(frames), h, w))
    top = 255 if bit_depth == 8 else 4095
    raw = np.clip(np.round(images * top), 0, top).astype(np.uint8 if bit_depth == 8 else np.uint16)
    return raw, np.stack(labels)


def _render_generic(rng, frames, h, w, bit_depth, cfg):
    def rgb_tex(seed, sigma):
        r = np.random.default_rng(seed)
        base = r.uniform(0.1, 0.9, 3)
        kind = r.integers(3)
        yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
        if kind == 0:
            pat = _smooth_noise(r, (h, w), sigma)
        elif kind == 1:
            f, a = r.uniform(0.15, 0.6), r.uniform(0, np.pi)
            pat = np.sin(f * (np.cos(a) * xx + np.sin(a) * yy))
        else:
            f = r.uniform(4, 12)
            pat = np.sign(np.sin(xx / f) * np.sin(yy / f))
        mix = r.uniform(-0.25, 0.25, 3)
        return np.clip(base[None, None] + pat[..., None] * mix[None, None], 0, 1).astype(np.float32)

    bg = rgb_tex(int(rng.integers(1 << 30)), 4.0)
    for b in frames[0]:
        b.z = b.oid
    images, labels = [], []
    tex_cache = {}
    for blobs in frames:
        lab, _ = _labels_and_distance(blobs, h, w, occlude=True)
        img = bg.copy()
        for b in blobs:
            m = lab == b.oid
            if not m.any():
                continue
            if b.tex_seed not in tex_cache:
                tex_cache[b.tex_seed] = rgb_tex(b.tex_seed, 2.0)
            img[m] = tex_cache[b.tex_seed][m]
        img = ndi.gaussian_filter(img, (0.7, 0.7, 0))
        images.append(img)
        labels.append(lab)
    images = np.stack(images) + rng.normal(0, 0.02, (len(frames), h, w, 3))
    return np.clip(np.round(images * 255), 0, 255).astype(np.uint8), np.stack(labels)


def generate(mode="nuclei", seed=0, frames=8, height=128, width=128, n_objects=None, division=None,
             enter_leave=None, touching=None, bit_depth=None, radius=None, speed=None, harm_amp=None, render=None,
             overlap=0.0):
    """Make one time-lapse; unspecified options are drawn from the seeded random generator.

    ``harm_amp`` bounds the outline harmonics (irregularity); ``overlap`` (0..0.5) packs objects into each other
    by that share of their summed radii, for confluent cells; ``render`` holds ranges for the renderer: 'contrast'
    and 'texture' (nuclei, phase/DIC), 'dic' (probability of DIC relief in 'phase'), 'texture_sigma' (phase/DIC),
    'nucleus' (height of a nucleus inside each phase/DIC cell, relative to the cell's) and 'border' (depth of a
    groove along every cell outline, phase/DIC); both none by default.
    """
    rng = np.random.default_rng(seed)
    if n_objects is None:
        n_objects = int(rng.integers(2, 7))
    if division is None:
        division = mode == "nuclei" and rng.random() < 0.3
    if enter_leave is None:
        enter_leave = rng.random() < 0.2
    if touching is None:
        touching = mode != "generic" and rng.random() < 0.4
    if bit_depth is None:
        bit_depth = 16 if (mode != "generic" and rng.random() < 0.5) else 8
    size = min(height, width)
    if radius is None:
        lo = rng.uniform(0.05, 0.1) * size
        radius = (lo, lo * rng.uniform(1.2, 1.8))
    if speed is None:
        speed = rng.uniform(0.3, 2.5) * (2.0 if mode == "generic" else 1.0)
    if harm_amp is None:
        harm_amp = 0.12 if mode != "generic" else 0.3
    states, divisions = _simulate(rng, frames, height, width, n_objects, radius[0], radius[1], speed, harm_amp,
                                  division, enter_leave, touching, overlap)
    renderer = {"nuclei": _render_nuclei, "phase": _render_phase, "generic": _render_generic}[mode]
    images, labels = renderer(rng, states, height, width, 8 if mode == "generic" else bit_depth, render or {})
    return Sequence(images, labels, divisions, mode)


def normalize(raw, low=1.0, high=99.8):
    """0..1 float32 like the Java side: 8-bit v/255; 16-bit percentile stretch over the whole stack."""
    if raw.dtype == np.uint8:
        return raw.astype(np.float32) / 255.0
    lo, hi = np.percentile(raw, [low, high])
    return np.clip((raw.astype(np.float32) - lo) / max(hi - lo, 1e-6), 0, 1)
