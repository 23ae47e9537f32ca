import unittest

import torch

import _paths  # noqa: F401
from mivos_models import configs, networks


def _propagation(locality):
    cfg = dict(configs.get_config("lite"), memory_locality=locality)
    return networks.build("propagation", cfg).eval(), cfg


class MemoryLocalityTest(unittest.TestCase):
    """The spatial prior of the memory read (configuration key ``memory_locality``)."""

    def _two_equal_matches(self, cfg):
        """Query row of 1 x 6 cells; the key of query cell 1 appears in memory cells 0 and 4 (frame 0)."""
        g = torch.Generator().manual_seed(3)
        ck = cfg["key_dim"]
        key = torch.randn(1, ck, 1, 6, generator=g)
        mem = torch.randn(1, ck, 1, 1, 6, generator=g) * 4
        mem[:, :, 0, 0, 0] = key[:, :, 0, 1]
        mem[:, :, 0, 0, 4] = key[:, :, 0, 1]
        values = torch.arange(6.0).reshape(1, 1, 1, 1, 6).expand(1, cfg["value_dim"], 1, 1, 6).contiguous()
        return key, mem, values

    def test_nearer_of_two_equal_matches_is_read(self):
        prop, cfg = _propagation(1.0)
        key, mem, values = self._two_equal_matches(cfg)
        read = prop.read_memory(key, mem, values, torch.tensor(1))
        self.assertEqual(float(read[0, 0, 0, 1]), 0.0)  # memory cell 0 is one cell away, cell 4 three

    def test_without_locality_both_matches_weigh_the_same(self):
        prop, cfg = _propagation(0.0)
        key, mem, values = self._two_equal_matches(cfg)
        read = prop.read_memory(key, mem, values, torch.tensor(2))
        self.assertAlmostEqual(float(read[0, 0, 0, 1]), 2.0, places=4)  # the mean of cells 0 and 4

    def test_window_prior_grows_with_squared_distance_and_masks_cells_outside(self):
        prop, _ = _propagation(0.7)  # radius ceil(0.7 * sqrt(32)) = 4 cells, 9 x 9 window
        cells, prior = prop.window(2, 3, torch.float32, torch.device("cpu"))
        self.assertEqual(tuple(cells.shape), (6, 81))
        centre = 4 * 9 + 4
        self.assertEqual(int(cells[0, centre]), 0)
        self.assertEqual(float(prior[0, centre]), 0.0)
        self.assertEqual(int(cells[0, centre + 2]), 2)  # (0,0) to (0,2)
        self.assertAlmostEqual(float(prior[0, centre + 2]), 4.0 / (2 * 0.49), places=5)
        self.assertEqual(int(cells[0, centre + 9 + 2]), 5)  # (0,0) to (1,2)
        self.assertAlmostEqual(float(prior[0, centre + 9 + 2]), 5.0 / (2 * 0.49), places=5)
        self.assertEqual(float(prior[0, centre - 1]), 1e4)  # left of the frame
        self.assertEqual(int(cells[0, centre - 1]), 0)

    def test_windowed_read_matches_the_read_over_whole_frames(self):
        prop, _ = _propagation(0.7)
        g = torch.Generator().manual_seed(5)
        h, w, t = 12, 14, 3
        q = h * w
        aff = torch.randn(q, t * q, generator=g)
        ys = torch.arange(h).repeat_interleave(w).float()
        xs = torch.arange(w).repeat(h).float()
        d2 = (ys[:, None] - ys[None]) ** 2 + (xs[:, None] - xs[None]) ** 2
        full = aff - (d2 / (2 * 0.49)).repeat(1, t)
        cells, _ = prop.window(h, w, torch.float32, torch.device("cpu"))
        near = aff.reshape(q, t, q).gather(2, cells.unsqueeze(1).expand(q, t, 81)).reshape(q, t * 81)
        for k in (1, 10, 40):  # few enough that the best lie inside the window, at the corners too
            ref_vals, _ = torch.topk(full, k, dim=1)
            vals, idx = prop.window_topk(near, h, w, k)
            torch.testing.assert_close(vals, ref_vals)
            torch.testing.assert_close(full.gather(1, idx), ref_vals)
        self.assertEqual(prop.window_topk(near, h, w, 10 ** 6)[1].size(1), t * 81)  # k clamped to the window

    def test_window_affinity_matches_the_affinity_with_every_memory_cell(self):
        prop, _ = _propagation(0.7)
        g = torch.Generator().manual_seed(7)
        for h, w in ((12, 14), (8, 8), (3, 21)):  # blocks that do and do not tile the frame
            q, t, c = h * w, 2, 5
            qry = torch.randn(q, c, generator=g)
            mem = torch.randn(c, t, h, w, generator=g)
            dense = torch.mm(qry, mem.reshape(c, t * q)).reshape(q, t, q)
            cells, prior = prop.window(h, w, torch.float32, torch.device("cpu"))
            ref = dense.gather(2, cells.unsqueeze(1).expand(q, t, 81))
            near = prop.window_affinity(qry, mem, h, w).reshape(q, t, 81)
            inside = (prior < 1e3).unsqueeze(1).expand(q, t, 81)
            torch.testing.assert_close(near[inside], ref[inside])
            self.assertEqual(float(near[~inside].abs().max()), 0.0)

    def test_windowed_read_of_both_key_layouts_runs_scripted(self):
        for name in ("lite", "mivos"):
            cfg = dict(configs.get_config(name), memory_locality=0.7)
            prop = torch.jit.script(networks.build("propagation", cfg).eval())
            ck, h, w, t = cfg["key_dim"], 5, 7, 2
            cv = cfg["value_dim"] + (ck if cfg.get("memory_keys") == "object" else 0)
            read = prop.read_memory(torch.randn(1, ck, h, w), torch.randn(1, ck, t, h, w), torch.randn(2, cv, t, h, w),
                                    torch.tensor(20))
            self.assertEqual(tuple(read.shape), (2, cfg["value_dim"], h, w))


if __name__ == "__main__":
    unittest.main()
