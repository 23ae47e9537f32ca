import unittest

import numpy as np

import _paths  # noqa: F401
from mivos_models import generator, scribbles


class ScribbleTest(unittest.TestCase):

    def setUp(self):
        self.labels = generator.generate("nuclei", seed=0, frames=1, height=128, width=128, n_objects=5).labels[0]
        self.ids = [i for i in np.unique(self.labels) if i != 0]

    def test_positive_strokes_inside_and_thin(self):
        rng = np.random.default_rng(0)
        for oid in self.ids:
            mask = self.labels == oid
            pts = scribbles.positive_stroke(mask, rng)
            raster = scribbles.rasterize(pts, mask.shape) > 0
            self.assertGreater(raster.sum(), 0)
            self.assertGreaterEqual((raster & mask).sum() / raster.sum(), 0.95, "object %d" % oid)
            self.assertLess(raster.sum(), 0.6 * mask.sum(), "a stroke, not the whole mask")

    def test_first_round_maps(self):
        rng = np.random.default_rng(1)
        for oid in self.ids:
            mask = self.labels == oid
            pos, neg = scribbles.first_round(self.labels, oid, rng, n_negative=2)
            self.assertGreater(pos.sum(), 0)
            self.assertEqual(pos[~mask].sum(), 0)
            self.assertEqual(neg[mask].sum(), 0)

    def test_background_strokes_avoid_all_objects(self):
        rng = np.random.default_rng(2)
        everything = self.labels > 0
        for oid in self.ids:
            pts = scribbles.negative_stroke(self.labels == oid, everything, rng)
            if pts:
                raster = scribbles.rasterize(pts, everything.shape) > 0
                self.assertEqual((raster & everything).sum(), 0)

    def test_corrective_strokes_target_errors(self):
        rng = np.random.default_rng(3)
        gt = self.labels == self.ids[0]
        pred = np.roll(gt, 5, axis=1)
        pos, neg = scribbles.corrective_strokes(pred, gt, rng)
        self.assertGreater(pos.sum() + neg.sum(), 0)
        self.assertEqual(pos[~gt].sum(), 0)
        self.assertEqual(neg[gt].sum(), 0)
        errors = (gt & ~pred) | (pred & ~gt)
        touched = (pos + neg) > 0
        self.assertGreater((touched & errors).sum() / touched.sum(), 0.5)

    def test_no_strokes_for_perfect_prediction(self):
        gt = self.labels == self.ids[0]
        pos, neg = scribbles.corrective_strokes(gt, gt, np.random.default_rng(4))
        self.assertEqual(pos.sum() + neg.sum(), 0)


if __name__ == "__main__":
    unittest.main()
