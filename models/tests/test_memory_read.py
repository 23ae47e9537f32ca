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

    def test_penalty_grows_with_squared_distance_and_repeats_per_memory_frame(self):
        prop, _ = _propagation(2.0)
        aff = prop.localise(torch.zeros(6, 12), 2, 3)  # 2 x 3 cells, two memory frames
        self.assertEqual(float(aff[0, 0]), 0.0)
        self.assertAlmostEqual(float(aff[0, 2]), -4.0 / 8.0)  # (0,0) to (0,2)
        self.assertAlmostEqual(float(aff[0, 5]), -5.0 / 8.0)  # (0,0) to (1,2)
        torch.testing.assert_close(aff[:, :6], aff[:, 6:])


if __name__ == "__main__":
    unittest.main()
