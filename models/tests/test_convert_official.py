"""convert_official.py on random checkpoints in the official MiVOS layout (official_reference.py): every converted
stage reproduces the forward pass written on the official tensors, and bad checkpoints are refused."""
import contextlib
import io
import json
import math
import os
import tempfile
import unittest

import torch

import _paths  # noqa: F401
import convert_official
import export
import official_reference as ref
from mivos_models import networks

H, W, N, T = 64, 64, 2, 4
CK = 128


def _max_diff(a, b):
    return float((a - b).abs().max())


class ConvertedStagesTest(unittest.TestCase):
    """One conversion (official checkpoints written with a DataParallel 'module.' prefix), compared stage by stage."""

    @classmethod
    def setUpClass(cls):
        torch.set_grad_enabled(False)
        cls.tmp = tempfile.TemporaryDirectory()
        written = ref.write_checkpoints(cls.tmp.name, seed=11, prefix="module.")
        cls.official = {part: sd for part, (_, sd) in written.items()}
        cls.sources = {part: path for part, (path, _) in written.items()}
        cls.out = os.path.join(cls.tmp.name, "models")
        with contextlib.redirect_stdout(io.StringIO()):
            cls.entry = convert_official.convert(cls.sources, cls.out)
        cls.mods = {s: torch.jit.load(os.path.join(cls.out, "mivos-official", s + ".pt")) for s in networks.STAGES}
        cls.g = torch.Generator().manual_seed(4)

    @classmethod
    def tearDownClass(cls):
        torch.set_grad_enabled(True)
        cls.tmp.cleanup()

    def rand(self, *shape):
        return torch.rand(*shape, generator=self.g)

    def assertClose(self, got, want, what):
        self.assertEqual(tuple(got.shape), tuple(want.shape), what)
        tol = 1e-5 * max(1.0, float(want.abs().max()))
        self.assertLessEqual(_max_diff(got, want), tol, what)

    def test_manifest_entry_names_files_and_sources(self):
        with open(os.path.join(self.out, "manifest.json")) as f:
            models = json.load(f)["models"]
        self.assertEqual(["mivos-official"], [m["name"] for m in models])
        entry = models[0]
        for stage, ref_file in entry["files"].items():
            self.assertEqual(export.sha256(os.path.join(self.out, ref_file["path"])), ref_file["sha256"], stage)
        for part, src in entry["training"]["sources"].items():
            self.assertEqual(export.sha256(self.sources[part]), src["sha256"], part)
        self.assertEqual({"key": 128, "f16": 512, "f8": 512, "f4": 256, "value": 640}, entry["features"])
        self.assertEqual("object", entry["config"]["memory_keys"])
        self.assertIn("not distributed", entry["licence"])

    def test_s2m_matches_the_official_forward(self):
        sd = self.official["s2m"]
        for c in (1, 3):
            image = self.rand(1, c, H, W)
            prev = (self.rand(N, 1, H, W) > 0.5).float()
            pos = (self.rand(N, 1, H, W) > 0.95).float()
            neg = (self.rand(N, 1, H, W) > 0.95).float()
            self.assertClose(self.mods["s2m"].s2m(image, prev, pos, neg), ref.s2m(sd, image, prev, pos, neg),
                             "s2m C=%d" % c)

    def test_propagation_matches_the_official_forward(self):
        sd = self.official["propagation"]
        prop = self.mods["propagation"]
        for c in (1, 3):
            image = self.rand(1, c, H, W)
            key, f16, f8, f4 = prop.encode_key(image)
            r16, r8, r4, rkey, rvalue = ref.query(sd, image)
            for name, got, want in (("key", key, rkey), ("f16 = query value", f16, rvalue), ("f8", f8, r8),
                                    ("f4", f4, r4)):
                self.assertClose(got, want, "encode_key %s C=%d" % (name, c))

            masks = torch.softmax(torch.randn(N + 1, 1, H, W, generator=self.g) * 3, 0)[1:]
            value = prop.encode_value(image, f16, masks, masks.sum(0, keepdim=True) - masks)
            mkey, mvalue = ref.memorize(sd, image, masks)
            self.assertClose(value, torch.cat([mkey, mvalue], 1), "encode_value C=%d" % c)

            memory = torch.randn(N, CK + 512, T, H // 16, W // 16, generator=self.g)
            unused = torch.zeros(1, CK, T, H // 16, W // 16)
            for top_k in (50, 7):
                logits = prop.segment(key, f16, f8, f4, unused, memory, torch.tensor(top_k))
                readout = ref.read_memory(memory[:, :CK], memory[:, CK:], rkey, top_k)
                self.assertClose(logits, ref.decode(sd, readout, rvalue, r8, r4), "segment top_k=%d" % top_k)
            self.assertClose(prop.aggregate(logits), ref.aggregate(torch.sigmoid(logits)), "aggregate")

    def test_top_k_beyond_the_memory_reads_all_of_it(self):
        prop = self.mods["propagation"]
        key, f16, f8, f4 = prop.encode_key(self.rand(1, 3, H, W))
        memory = torch.randn(N, CK + 512, 1, H // 16, W // 16, generator=self.g)
        unused = torch.zeros(1, CK, 1, H // 16, W // 16)
        everything = (H // 16) * (W // 16)
        torch.testing.assert_close(prop.segment(key, f16, f8, f4, unused, memory, torch.tensor(10 ** 6)),
                                   prop.segment(key, f16, f8, f4, unused, memory, torch.tensor(everything)))

    def test_fusion_matches_the_official_forward(self):
        sd = self.official["fusion"]
        image = self.rand(1, 3, H, W)
        key = torch.randn(1, CK, H // 16, W // 16, generator=self.g)
        ivalue = torch.randn(N, CK + 512, H // 16, W // 16, generator=self.g)
        prev, cur = self.rand(N, 1, H, W), self.rand(N, 1, H, W)
        dpos, dneg = (self.rand(N, 1, H, W) > 0.8).float(), (self.rand(N, 1, H, W) > 0.8).float()
        dist = torch.tensor([[2.0, 3.0], [1.0, 5.0]])
        got = self.mods["fusion"].fuse(image, key, ivalue, prev, cur, dpos, dneg, dist)
        want = []
        for i in range(N):
            to_new, to_earlier = float(dist[i, 0]), float(dist[i, 1])
            # MiVOS feeds (distance to the earlier, distance to the new interaction) / their distance
            time = torch.tensor([to_earlier, to_new]) / (to_new + to_earlier)
            attn = ref.attention(ivalue[i:i + 1, :CK], dpos[i:i + 1], dneg[i:i + 1], key)
            want.append(ref.fuse(sd, image, prev[i:i + 1], cur[i:i + 1], attn, time))
        self.assertClose(got, torch.cat(want), "fuse")


class RefusedCheckpointsTest(unittest.TestCase):

    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.fusion = ref.random_checkpoint("fusion", 3)

    def tearDown(self):
        self.tmp.cleanup()

    def save(self, obj, name="fusion.pth"):
        path = os.path.join(self.tmp.name, name)
        torch.save(obj, path)
        return path

    def refusal(self, sd):
        with self.assertRaises(convert_official.ConversionError) as cm:
            convert_official.build_converted("fusion", convert_official.load_checkpoint(self.save(sd)))
        return str(cm.exception)

    def test_a_missing_tensor_is_named(self):
        del self.fusion["conv2.2.weight"]
        message = self.refusal(self.fusion)
        self.assertIn("missing from the checkpoint: body.blocks.0.conv2.weight", message)

    def test_an_extra_tensor_is_named(self):
        self.fusion["conv4.0.weight"] = torch.zeros(32, 32, 3, 3)
        message = self.refusal(self.fusion)
        self.assertIn("1 official tensors have no place in our network: conv4.0.weight", message)

    def test_a_wrong_shape_is_named(self):
        self.fusion["conv1.0.weight"] = torch.zeros(32, 8, 3, 3)
        self.assertIn("conv1.0.weight (32, 8, 3, 3) -> body.stem.weight (32, 9, 3, 3)", self.refusal(self.fusion))

    def test_a_checkpoint_of_another_network_is_refused(self):
        with self.assertRaises(convert_official.ConversionError) as cm:
            convert_official.build_converted("s2m", self.fusion)
        self.assertIn("12 official tensors have no place", str(cm.exception))
        self.assertIn("missing from the checkpoint: encoder.stem.conv.weight", str(cm.exception))

    def test_pickled_objects_are_not_unpickled(self):
        marker = os.path.join(self.tmp.name, "ran")
        self.fusion["payload"] = _RunsOnUnpickling(marker)
        path = self.save(self.fusion)
        with self.assertRaises(convert_official.ConversionError) as cm:
            convert_official.load_checkpoint(path)
        self.assertIn("not a weights-only PyTorch checkpoint", str(cm.exception))
        self.assertFalse(os.path.exists(marker), "unpickling ran code from the checkpoint")

    def test_entries_that_are_not_tensors_are_refused(self):
        self.fusion["epoch"] = 12
        with self.assertRaises(convert_official.ConversionError) as cm:
            convert_official.load_checkpoint(self.save(self.fusion))
        self.assertIn("entries that are not tensors: epoch (int)", str(cm.exception))

    def test_a_bad_file_leaves_the_output_folder_untouched(self):
        out = os.path.join(self.tmp.name, "models")
        paths = {part: self.save(ref.random_checkpoint(part, 1) if part != "s2m" else {}, part + ".pth")
                 for part in networks.STAGES}
        stderr = io.StringIO()
        with contextlib.redirect_stderr(stderr), contextlib.redirect_stdout(io.StringIO()):
            rc = convert_official.main(["--s2m", paths["s2m"], "--propagation", paths["propagation"], "--fusion",
                                        paths["fusion"], "--out", out])
        self.assertEqual(2, rc)
        lines = stderr.getvalue().strip().splitlines()
        self.assertEqual(1, len(lines), stderr.getvalue())
        self.assertTrue(lines[0].startswith("convert_official: error: s2m checkpoint does not match"), lines[0])
        self.assertFalse(os.path.exists(out))


class _RunsOnUnpickling:
    """Writes a file when unpickled (as a malicious checkpoint could run any code)."""

    def __init__(self, marker):
        self.marker = marker

    def __reduce__(self):
        return (_touch, (self.marker,))


def _touch(path):
    with open(path, "w") as f:
        f.write("ran")
    return math.pi


if __name__ == "__main__":
    unittest.main()
