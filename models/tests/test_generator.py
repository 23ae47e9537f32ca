import unittest

import numpy as np
from scipy import ndimage as ndi

import _paths  # noqa: F401
from mivos_models import generator


class GeneratorTest(unittest.TestCase):

    def test_nuclei_are_brighter_than_background(self):
        seq = generator.generate("nuclei", seed=3, frames=4, height=96, width=112, n_objects=4, bit_depth=16)
        self.assertEqual(seq.images.dtype, np.uint16)
        self.assertEqual(seq.images.shape, (4, 96, 112))
        self.assertEqual(seq.labels.shape, (4, 96, 112))
        for t in range(4):
            img, lab = seq.images[t].astype(float), seq.labels[t]
            ring = ndi.binary_dilation(lab > 0, iterations=6) & ~ndi.binary_dilation(lab > 0, iterations=2)
            for oid in np.unique(lab)[1:]:
                inner = ndi.binary_erosion(lab == oid, iterations=2)
                if inner.sum() > 10:
                    self.assertGreater(img[inner].mean(), img[ring].mean() * 1.2, "object %d frame %d" % (oid, t))

    def test_phase_and_generic_objects_differ_from_background(self):
        for mode in ("phase", "generic"):
            seq = generator.generate(mode, seed=5, frames=2, height=96, width=96, n_objects=3)
            img = generator.normalize(seq.images)[0]
            if img.ndim == 3:
                img = img.mean(2)
            lab = seq.labels[0]
            bg = img[lab == 0]
            med = np.median(bg)
            inside = np.abs(img[lab > 0] - med).mean()
            outside = np.abs(bg - med).mean()
            self.assertGreater(inside, outside, mode)

    def test_overlap_packs_cells_against_each_other(self):
        def touching_pairs(seq):
            lab = seq.labels[0]
            pairs = set()
            for a, b in ((lab[:, 1:], lab[:, :-1]), (lab[1:, :], lab[:-1, :])):
                edge = (a != b) & (a > 0) & (b > 0)
                pairs |= {tuple(sorted(p)) for p in zip(a[edge], b[edge])}
            return pairs

        opts = dict(frames=1, height=160, width=160, n_objects=7, radius=(22.0, 26.0), touching=False,
                    enter_leave=False)
        for seed in range(3):
            apart = touching_pairs(generator.generate("phase", seed=seed, **opts))
            packed = generator.generate("phase", seed=seed, overlap=0.4, render={"dic": 1.0, "nucleus": (0.6, 0.6),
                                                                                  "border": (0.3, 0.3)}, **opts)
            self.assertGreaterEqual(len(touching_pairs(packed)), max(3, len(apart) + 2), "seed %d" % seed)
            self.assertEqual(len(np.unique(packed.labels[0])) - 1, 7)

    def test_eight_bit_range(self):
        seq = generator.generate("nuclei", seed=1, frames=2, height=64, width=64, bit_depth=8)
        self.assertEqual(seq.images.dtype, np.uint8)

    def test_ids_consistent_over_time(self):
        seq = generator.generate("nuclei", seed=2, frames=6, height=128, width=128, n_objects=4, division=False,
                                 enter_leave=False, speed=1.0)
        ids = [set(np.unique(l)) - {0} for l in seq.labels]
        self.assertTrue(all(i == ids[0] for i in ids), ids)
        for oid in ids[0]:
            c = [np.array(ndi.center_of_mass(l == oid)) for l in seq.labels]
            steps = [np.linalg.norm(b - a) for a, b in zip(c[:-1], c[1:])]
            self.assertLess(max(steps), 10.0, "object %d jumps" % oid)

    def test_division_when_requested(self):
        seq = generator.generate("nuclei", seed=4, frames=10, height=128, width=128, n_objects=3, division=True)
        self.assertEqual(len(seq.divisions), 1)
        t, mother, daughter = seq.divisions[0]
        self.assertNotIn(daughter, np.unique(seq.labels[:t]))
        self.assertIn(daughter, np.unique(seq.labels[t]))
        self.assertIn(mother, np.unique(seq.labels[t]))
        self.assertIn(mother, np.unique(seq.labels[t - 1]))
        self.assertNotEqual(mother, daughter)

    def test_no_division_unless_requested(self):
        seq = generator.generate("nuclei", seed=4, frames=10, height=128, width=128, n_objects=3, division=False)
        self.assertEqual(seq.divisions, [])

    def test_seeded_reproducibility(self):
        a = generator.generate("nuclei", seed=11, frames=3, height=64, width=80)
        b = generator.generate("nuclei", seed=11, frames=3, height=64, width=80)
        c = generator.generate("nuclei", seed=12, frames=3, height=64, width=80)
        np.testing.assert_array_equal(a.images, b.images)
        np.testing.assert_array_equal(a.labels, b.labels)
        self.assertFalse(np.array_equal(a.images, c.images))

    def test_normalize_range(self):
        seq = generator.generate("nuclei", seed=1, frames=2, height=64, width=64, bit_depth=16)
        x = generator.normalize(seq.images)
        self.assertEqual(x.dtype, np.float32)
        self.assertGreaterEqual(x.min(), 0.0)
        self.assertLessEqual(x.max(), 1.0)


if __name__ == "__main__":
    unittest.main()
