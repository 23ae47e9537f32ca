"""Export the MiVOS stages as TorchScript files and write models/manifest.json.

    /usr/bin/python3 models/export.py --config lite [--checkpoints models/runs/lite]

Without checkpoints the networks keep their random initialisation (placeholders). With ``--checkpoints DIR`` the
files ``DIR/{s2m,propagation,fusion}.pth`` written by the training scripts are loaded; their stored training
summaries go into the manifest. With ``--keep-exported``, a stage without a checkpoint keeps the weights of its
currently exported file and its training/validation entries of the manifest (used when only the configuration or
one stage changes). Batch norms are folded into the convolutions before scripting. Every exported file
is loaded back and each method is run with C = 1 and 3, N = 1 and 3, and compared to the eager module.
"""
import argparse
import datetime
import hashlib
import json
import os
import sys

import torch

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from mivos_models import configs, networks, training as tr  # noqa: E402
from mivos_models.stages import STAGE_SIGNATURES, memory_value_dim, run_all  # noqa: E402

VERSION = "0.5.0"
DESCRIPTIONS = {
    "lite": "Small MiVOS-style networks (inverted-residual encoders, stride 16, key 64 / value 128) for CPU use.",
    "mivos": "The MiVOS networks (DeepLabV3+ ResNet-50 S2M, ResNet-50 query and memory encoders with key 128 / value "
             "512 per object, full-resolution fusion network).",
}


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _flatten(x):
    if isinstance(x, (tuple, list)):
        out = []
        for e in x:
            out.extend(_flatten(e))
        return out
    return [x]


def max_difference(a, b):
    return max(float((x - y).abs().max()) for x, y in zip(_flatten(a), _flatten(b)))


def exported_summary(out_dir, name, stage):
    """The manifest's training/validation entries of an exported stage (None without a manifest entry)."""
    path = os.path.join(out_dir, "manifest.json")
    if not os.path.exists(path):
        return None
    with open(path) as f:
        entry = next((e for e in json.load(f).get("models", []) if e["name"] == name), None)
    if entry is None:
        return None
    return {"training": entry.get("training", {}).get(stage, {}),
            "validation": entry.get("validation", {}).get(stage, {})}


def load_module(stage, cfg, checkpoint_dir, allow_missing=False, keep_exported=None):
    """Build the eager module for ``stage``, load its checkpoint if any; return (module, summary or None).

    ``keep_exported``: models folder whose exported file of this stage is used when there is no checkpoint.
    """
    module = networks.build(stage, cfg)
    summary = None
    if checkpoint_dir:
        path = os.path.join(checkpoint_dir, stage + ".pth")
        if not os.path.exists(path) and keep_exported:
            exported = os.path.join(keep_exported, cfg["name"], stage + ".pt")
            if not os.path.exists(exported):
                raise SystemExit("missing checkpoint %s and exported file %s" % (path, exported))
            fresh = tr.warm_start(module, exported)
            if fresh:
                raise SystemExit("%s does not match the configuration: %s" % (exported, ", ".join(fresh)))
            print("%s: no checkpoint, keeping %s" % (stage, exported))
            return module.eval(), exported_summary(keep_exported, cfg["name"], stage)
        if not os.path.exists(path):
            if allow_missing:
                print("%s: no checkpoint, keeping the random initialisation" % stage)
                return module.eval(), {"training": {"note": "untrained random initialisation"}, "validation": {}}
            raise SystemExit("missing checkpoint " + path)
        summary = tr.load(path, module, None)[2]
    return module.eval(), summary


def export_stage(module, stage, cfg, path):
    """Fold batch norms, script, save, reload and verify; return the largest eager/scripted difference."""
    eager = networks.fold_batchnorm(module)
    scripted = torch.jit.script(eager)
    torch.jit.save(scripted, path)
    loaded = torch.jit.load(path)
    worst = 0.0
    for c in (1, 3):
        for n in (1, 3):
            ref = run_all(eager, stage, cfg, c, n)
            got = run_all(loaded, stage, cfg, c, n)
            for name in ref:
                worst = max(worst, max_difference(ref[name], got[name]))
    if worst > 1e-4:
        raise SystemExit("%s: scripted output differs from eager by %g" % (path, worst))
    return worst


def feature_widths(cfg):
    """Channel counts of the propagation tensors (Ck, C16, C8, C4, and Cv as encode_value returns it)."""
    w4, w8, w16 = cfg["key_encoder"]["widths"]
    if cfg.get("memory_keys", "frame") == "object":  # f16 is the query value then
        w16 = cfg["value_dim"]
    return {"key": cfg["key_dim"], "f16": w16, "f8": w8, "f4": w4, "value": memory_value_dim(cfg)}


def stage_table():
    return {name: {"file": f, "inputs": ins, "output": out} for name, (f, ins, out) in STAGE_SIGNATURES.items()}


def model_entry(cfg, out_dir, summaries, placeholder):
    name = cfg["name"]
    files = {}
    for stage in networks.STAGES:
        rel = name + "/" + stage + ".pt"
        files[stage] = {"path": rel, "sha256": sha256(os.path.join(out_dir, rel)),
                        "bytes": os.path.getsize(os.path.join(out_dir, rel))}
    if placeholder:
        training = {"data": "none", "note": "untrained random initialisation (placeholder for wiring and tests)"}
        validation = {}
    else:
        training = {"data": "synthetic generator (models/mivos_models/generator.py)",
                    "framework": "PyTorch " + torch.__version__.split("+")[0] + ", CPU"}
        validation = {}
        for stage, summary in summaries.items():
            if summary:
                training[stage] = summary.get("training", {})
                validation[stage] = summary.get("validation", {})
    return {
        "name": name,
        "version": VERSION,
        "description": DESCRIPTIONS[name] + (" UNTRAINED PLACEHOLDER WEIGHTS (random initialisation)."
                                             if placeholder else " Trained on synthetic microscopy time-lapses."),
        "licence": "MIT",
        "exported": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "config": {k: v for k, v in cfg.items() if k != "name"},
        "input": {"channels": [1, 3], "range": "0..1 (see docs/ARCHITECTURE.md)", "multiple_of": 16,
                  "normalisation": "inside the stages: grey replicated to 3 channels, then (x - mean) / std"},
        "features": feature_widths(cfg),
        "files": files,
        "stages": stage_table(),
        "recommended": {"top_k": cfg["top_k"]},
        "training": training,
        "validation": validation,
    }


def write_manifest(out_dir, entries):
    """Write manifest.json with ``entries`` plus earlier entries of other models whose files still match."""
    path = os.path.join(out_dir, "manifest.json")
    models = []
    if os.path.exists(path):
        with open(path) as f:
            old = json.load(f)
        names = {e["name"] for e in entries}
        for e in old.get("models", []):
            if e["name"] in names:
                continue
            ok = all(os.path.exists(os.path.join(out_dir, v["path"]))
                     and sha256(os.path.join(out_dir, v["path"])) == v["sha256"] for v in e["files"].values())
            if ok:
                models.append(e)
    models.extend(entries)
    models.sort(key=lambda e: e["name"] != "lite")
    with open(path, "w") as f:
        json.dump({"format": 1, "models": models}, f, indent=2)
        f.write("\n")
    return path


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--config", default="lite", choices=sorted(configs.CONFIGS))
    ap.add_argument("--checkpoints", help="folder with s2m.pth, propagation.pth, fusion.pth")
    ap.add_argument("--out", default=HERE, help="models folder (default: this folder)")
    ap.add_argument("--seed", type=int, default=0, help="seed of the random initialisation without checkpoints")
    ap.add_argument("--allow-missing", action="store_true",
                    help="export stages without a checkpoint with their random initialisation")
    ap.add_argument("--keep-exported", action="store_true",
                    help="stages without a checkpoint keep the weights of their exported file in --out")
    args = ap.parse_args(argv)
    torch.manual_seed(args.seed)
    cfg = configs.get_config(args.config)
    os.makedirs(os.path.join(args.out, cfg["name"]), exist_ok=True)
    summaries = {}
    for stage in networks.STAGES:
        module, summary = load_module(stage, cfg, args.checkpoints, args.allow_missing,
                                      args.out if args.keep_exported else None)
        summaries[stage] = summary
        path = os.path.join(args.out, cfg["name"], stage + ".pt")
        diff = export_stage(module, stage, cfg, path)
        print("%-12s %s  %.2f MB  max |scripted - eager| = %.2g" % (stage, path, os.path.getsize(path) / 2 ** 20,
                                                                   diff))
    entry = model_entry(cfg, args.out, summaries, placeholder=args.checkpoints is None)
    print("manifest:", write_manifest(args.out, [entry]))


if __name__ == "__main__":
    main()
