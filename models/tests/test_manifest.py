import json
import os
import unittest

import _paths  # noqa: F401
import export
from mivos_models import networks
from mivos_models.stages import STAGE_SIGNATURES


class ManifestTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        with open(os.path.join(_paths.MODELS, "manifest.json")) as f:
            cls.manifest = json.load(f)

    def test_format_and_default_model(self):
        self.assertEqual(self.manifest["format"], 1)
        names = [m["name"] for m in self.manifest["models"]]
        self.assertIn("lite", names)

    def test_sha256_matches_files(self):
        for model in self.manifest["models"]:
            for stage in networks.STAGES:
                entry = model["files"][stage]
                path = os.path.join(_paths.MODELS, entry["path"])
                self.assertTrue(os.path.exists(path), path)
                self.assertEqual(export.sha256(path), entry["sha256"], path)
                self.assertLess(os.path.getsize(path), 50 * 2 ** 20, path)

    def test_required_fields(self):
        for model in self.manifest["models"]:
            for key in ("name", "version", "description", "licence", "config", "input", "files", "stages",
                        "training", "validation"):
                self.assertIn(key, model)
            self.assertEqual(model["licence"], "MIT")
            self.assertEqual(model["input"]["channels"], [1, 3])
            self.assertEqual(model["input"]["multiple_of"], 16)
            self.assertEqual(model["config"]["stride"], 16)
            self.assertEqual(set(model["stages"]), set(STAGE_SIGNATURES))
            for stage, spec in model["stages"].items():
                self.assertIn(spec["file"], model["files"], stage)


if __name__ == "__main__":
    unittest.main()
