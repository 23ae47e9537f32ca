"""Write example frames of the synthetic generator (image | label overlay) to models/examples/*.png."""
import os
import sys

import numpy as np
from PIL import Image
from scipy import ndimage as ndi

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from mivos_models import generator  # noqa: E402

EXAMPLES = [("nuclei", 0, dict(division=True, touching=True, bit_depth=16)),
            ("phase", 1, dict(bit_depth=8)),
            ("phase", 2, dict(bit_depth=8)),
            ("phase", 3, dict(bit_depth=8, n_objects=8, radius=(24.0, 30.0), overlap=0.35, speed=0.5, harm_amp=0.25,
                              render={"dic": 1.0, "texture": (0.2, 0.2), "nucleus": (0.6, 0.6), "border": (0.3, 0.3)})),
            ("generic", 4, {})]


def overlay(gray_rgb, labels):
    """Image with coloured instance outlines."""
    out = gray_rgb.copy()
    rng = np.random.default_rng(1)
    colors = rng.integers(80, 256, (labels.max() + 1, 3))
    edge = (ndi.grey_dilation(labels, 3) != ndi.grey_erosion(labels, 3)) & (ndi.grey_dilation(labels, 3) > 0)
    out[edge] = colors[ndi.grey_dilation(labels, 3)[edge]]
    return out


def main():
    out_dir = os.path.join(HERE, "examples")
    os.makedirs(out_dir, exist_ok=True)
    for mode, seed, opts in EXAMPLES:
        seq = generator.generate(mode, seed=seed, frames=6, height=160, width=160, **opts)
        t = 5
        img = generator.normalize(seq.images)[t]
        if img.ndim == 2:
            img = np.repeat(img[..., None], 3, 2)
        rgb = (img * 255).astype(np.uint8)
        both = np.concatenate([rgb, np.full((160, 4, 3), 255, np.uint8), overlay(rgb, seq.labels[t])], 1)
        name = "%s_seed%d_frame%d.png" % (mode, seed, t + 1)
        Image.fromarray(both).resize((both.shape[1] * 2, both.shape[0] * 2), Image.NEAREST).save(
            os.path.join(out_dir, name))
        print(name)


if __name__ == "__main__":
    main()
