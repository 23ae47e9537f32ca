import os
import tempfile
import unittest

import torch

import _paths  # noqa: F401
from mivos_models import configs, networks
from mivos_models.stages import run_all
import export

CFG = configs.get_config("lite")


def _flat(x):
    return list(x) if isinstance(x, tuple) else [x]


def _randomize_batchnorm(module, seed):
    """Non-trivial running statistics so that folding is really exercised."""
    g = torch.Generator().manual_seed(seed)
    for m in module.modules():
        if isinstance(m, torch.nn.BatchNorm2d):
            m.running_mean.copy_(torch.randn(m.num_features, generator=g) * 0.1)
            m.running_var.copy_(torch.rand(m.num_features, generator=g) + 0.5)
            m.weight.data.copy_(torch.rand(m.num_features, generator=g) + 0.5)
            m.bias.data.copy_(torch.randn(m.num_features, generator=g) * 0.1)


class ExportRoundTripTest(unittest.TestCase):

    def test_scripted_equals_eager(self):
        with tempfile.TemporaryDirectory() as tmp:
            for stage in networks.STAGES:
                torch.manual_seed(1)
                eager = networks.build(stage, CFG).eval()
                _randomize_batchnorm(eager, 2)
                if stage == "fusion":  # the zero-initialised last layer would hide the decoder
                    torch.nn.init.normal_(eager.decoder.pred.weight, std=0.05)
                reference = {(c, n): run_all(eager, stage, CFG, c, n) for c in (1, 3) for n in (1, 3)}
                path = os.path.join(tmp, stage + ".pt")
                export.export_stage(eager, stage, CFG, path)
                loaded = torch.jit.load(path)
                for (c, n), ref in reference.items():
                    got = run_all(loaded, stage, CFG, c, n)
                    for name in ref:
                        for a, b in zip(_flat(ref[name]), _flat(got[name])):
                            self.assertEqual(a.shape, b.shape, "%s C=%d N=%d" % (name, c, n))
                            tol = 1e-5 * max(1.0, float(a.abs().max()))
                            self.assertLessEqual(float((a - b).abs().max()), tol, "%s C=%d N=%d" % (name, c, n))


class CommittedFilesTest(unittest.TestCase):
    """The exported lite files follow the stage contract of docs/ARCHITECTURE.md."""

    @classmethod
    def setUpClass(cls):
        d = os.path.join(_paths.MODELS, "lite")
        cls.mods = {s: torch.jit.load(os.path.join(d, s + ".pt")) for s in networks.STAGES}

    def test_shapes(self):
        h, w = 64, 96
        for c in (1, 3):
            for n in (1, 3):
                out = run_all(self.mods["s2m"], "s2m", CFG, c, n, height=h, width=w)
                self.assertEqual(tuple(out["s2m"].shape), (n, 1, h, w))
                out = run_all(self.mods["propagation"], "propagation", CFG, c, n, height=h, width=w, t=2)
                key, f16, f8, f4 = out["encode_key"]
                self.assertEqual(tuple(key.shape), (1, CFG["key_dim"], h // 16, w // 16))
                self.assertEqual(tuple(f16.shape[2:]), (h // 16, w // 16))
                self.assertEqual(tuple(f8.shape[2:]), (h // 8, w // 8))
                self.assertEqual(tuple(f4.shape[2:]), (h // 4, w // 4))
                self.assertEqual(tuple(out["encode_value"].shape), (n, CFG["value_dim"], h // 16, w // 16))
                self.assertEqual(tuple(out["segment"].shape), (n, 1, h, w))
                prob = out["aggregate"]
                self.assertEqual(tuple(prob.shape), (n + 1, 1, h, w))
                torch.testing.assert_close(prob.sum(0), torch.ones(1, h, w))
                out = run_all(self.mods["fusion"], "fusion", CFG, c, n, height=h, width=w)
                self.assertEqual(tuple(out["fuse"].shape), (n, 1, h, w))

    def test_top_k_is_clamped(self):
        prop = self.mods["propagation"]
        key, f16, f8, f4 = prop.encode_key(torch.rand(1, 1, 32, 32))
        mk = torch.randn(1, CFG["key_dim"], 2, 2, 2)
        mv = torch.randn(2, CFG["value_dim"], 2, 2, 2)
        big = prop.segment(key, f16, f8, f4, mk, mv, torch.tensor(10 ** 6))
        exact = prop.segment(key, f16, f8, f4, mk, mv, torch.tensor(8))
        torch.testing.assert_close(big, exact)

    def test_top_one_reads_the_best_match(self):
        prop = self.mods["propagation"]
        key = torch.randn(1, CFG["key_dim"], 2, 2)
        mk = torch.cat([key.unsqueeze(2), torch.randn(1, CFG["key_dim"], 1, 2, 2) * 5], 2)
        mv = torch.randn(1, CFG["value_dim"], 2, 2, 2)
        read = prop.read_memory(key, mk, mv, torch.tensor(1))
        torch.testing.assert_close(read, mv[:, :, 0])


if __name__ == "__main__":
    unittest.main()
