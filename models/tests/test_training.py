import copy
import os
import tempfile
import unittest

import torch

import _paths  # noqa: F401
from mivos_models import configs, networks, training
from mivos_models.stages import run_all

CFG = configs.get_config("lite")


def _flat(x):
    return [y for z in x for y in _flat(z)] if isinstance(x, (tuple, list)) else [x]


def _exported(stage, cfg, folder, seed):
    """A scripted, batch-norm-folded module of ``stage`` with random weights, saved like export.py saves it."""
    torch.manual_seed(seed)
    module = networks.fold_batchnorm(networks.build(stage, cfg).eval())
    path = os.path.join(folder, stage + ".pt")
    torch.jit.script(module).save(path)
    return path


class WarmStartTest(unittest.TestCase):

    def _check(self, stage, source_cfg):
        with tempfile.TemporaryDirectory() as d:
            path = _exported(stage, source_cfg, d, seed=3)
            model = networks.build(stage, CFG).eval()
            training.warm_start(model, path)
            self.assertTrue(training.is_folded(model))
            want = run_all(torch.jit.load(path), stage, source_cfg, 1, 2)
            got = run_all(model, stage, CFG, 1, 2)
            for name in want:
                for a, b in zip(_flat(want[name]), _flat(got[name])):
                    self.assertLess(float((a - b).abs().max()), 1e-5, stage + "." + name)

    def test_same_architecture_computes_the_exported_function(self):
        self._check("s2m", CFG)

    def test_wider_value_stem_keeps_the_exported_function(self):
        narrow = copy.deepcopy(CFG)
        narrow["value_encoder"]["stem"] = 12
        self.assertGreater(CFG["value_encoder"]["stem"], 12)
        self._check("propagation", narrow)

    def test_folded_checkpoint_resumes(self):
        with tempfile.TemporaryDirectory() as d:
            model = networks.build("fusion", CFG)
            training.warm_start(model, _exported("fusion", CFG, d, seed=5))
            ckpt = os.path.join(d, "fusion.pth")
            opt = torch.optim.AdamW(model.parameters())
            training.save(ckpt, model, opt, 7, 1.0, {})
            again = networks.build("fusion", CFG)
            opt2, step, _ = training.start(again, ckpt, True, None, 1e-3)
            self.assertEqual(step, 7)
            for (k, a), b in zip(model.state_dict().items(), again.state_dict().values()):
                self.assertTrue(torch.equal(a, b), k)


if __name__ == "__main__":
    unittest.main()
