"""Convert the published MiVOS checkpoints into the `mivos` TorchScript stages and a manifest entry.

    /usr/bin/python3 models/convert_official.py --s2m s2m.pth --propagation propagation_model.pth \\
        --fusion fusion.pth --out DIR [--name mivos-official]

The three files are the ones the MiVOS authors publish (S2M: DeepLabV3+ ResNet-50; propagation: the STM-style
network; fusion: the difference-aware fusion network). They are read with weights-only unpickling, so a file that
holds anything besides tensors and containers is refused. Every official tensor must find its place in our `mivos`
networks and every parameter and batch-norm statistic of ours must be filled, with the same shape; otherwise the
conversion stops and lists what did not match. Batch norms are folded, each stage is scripted, written to
DIR/<name>/{s2m,propagation,fusion}.pt, loaded back and checked against the eager module, and DIR/manifest.json gets
(or replaces) the entry <name>, with the sha256 of the source files.
"""
import argparse
import collections
import datetime
import os
import pickle
import re
import sys

import torch

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import export  # noqa: E402
from mivos_models import configs, networks  # noqa: E402

VERSION = "1.0.0"
DEFAULT_NAME = "mivos-official"
# our buffers that do not come from a checkpoint: the fixed image normalisation and batch-norm step counters
NOT_FROM_CHECKPOINT = re.compile(r"(^|.*\.)(norm\.mean|norm\.std|num_batches_tracked)$")
OPTIONAL_OFFICIAL = re.compile(r".*\.num_batches_tracked$")


class ConversionError(Exception):
    """A checkpoint that cannot be converted; the message says why."""


# -- Official names -> ours --

def _resnet_rules(official, ours, layers):
    """Rules for a ResNet trunk: stem conv1/bn1, bottleneck convN/bnN, downsample.0/1."""
    rules = [(official + r"\.conv1\.(\w+)", ours + r".stem.conv.\1"),
             (official + r"\.bn1\.(\w+)", ours + r".stem.bn.\1")]
    for layer, stage in layers:
        block = official + r"\." + layer + r"\.(\d+)\."
        rules += [(block + r"conv([123])\.(\w+)", ours + "." + stage + r".\1.conv\2.conv.\3"),
                  (block + r"bn([123])\.(\w+)", ours + "." + stage + r".\1.conv\2.bn.\3"),
                  (block + r"downsample\.0\.(\w+)", ours + "." + stage + r".\1.shortcut.conv.\2"),
                  (block + r"downsample\.1\.(\w+)", ours + "." + stage + r".\1.shortcut.bn.\2")]
    return rules


def _resblock_rules(official, ours):
    """Rules for a normalisation-free residual block (conv1, conv2, downsample convolution)."""
    return [(official + r"\.(conv[12])\.(\w+)", ours + r".\1.\2"),
            (official + r"\.downsample\.(\w+)", ours + r".shortcut.\1")]


def _conv_bn_rules(official_conv, official_bn, ours):
    return [(official_conv + r"\.(\w+)", ours + r".conv.\1"), (official_bn + r"\.(\w+)", ours + r".bn.\1")]


RULES = {
    "s2m": _resnet_rules("backbone", "encoder", [("layer1", "stage4"), ("layer2", "stage8"), ("layer3", "stage16"),
                                                 ("layer4", "stage16_dilated")])
    + _conv_bn_rules(r"classifier\.project\.0", r"classifier\.project\.1", "head.low_level")
    + [(r"classifier\.aspp\.convs\.([0-3])\.0\.(\w+)", r"head.aspp.branches.\1.conv.\2"),
       (r"classifier\.aspp\.convs\.([0-3])\.1\.(\w+)", r"head.aspp.branches.\1.bn.\2")]
    + _conv_bn_rules(r"classifier\.aspp\.convs\.4\.1", r"classifier\.aspp\.convs\.4\.2", "head.aspp.pooled")
    + _conv_bn_rules(r"classifier\.aspp\.project\.0", r"classifier\.aspp\.project\.1", "head.aspp.project")
    + _conv_bn_rules(r"classifier\.classifier\.0", r"classifier\.classifier\.1", "head.fuse")
    + [(r"classifier\.classifier\.3\.(\w+)", r"head.pred.\1")],
    "propagation": _resnet_rules("rgb_encoder", "key_encoder", [("res2", "stage4"), ("layer2", "stage8"),
                                                               ("layer3", "stage16")])
    + _resnet_rules("mask_rgb_encoder", "value_encoder", [("layer1", "stage4"), ("layer2", "stage8"),
                                                         ("layer3", "stage16")])
    + [(r"kv_q_f16\.key_proj\.(\w+)", r"key_proj.\1"),
       (r"kv_q_f16\.val_proj\.(\w+)", r"query_value_proj.\1"),
       (r"kv_m_f16\.key_proj\.(\w+)", r"memory_key_proj.\1"),
       (r"kv_m_f16\.val_proj\.(\w+)", r"value_proj.\1")]
    + _resblock_rules(r"decoder\.compress", "decoder.compress")
    + [(r"decoder\.up_16_8\.skip_conv1\.(\w+)", r"decoder.skip8.\1"),
       (r"decoder\.up_8_4\.skip_conv1\.(\w+)", r"decoder.skip4.\1")]
    + _resblock_rules(r"decoder\.up_16_8\.skip_conv2", "decoder.skip8_block")
    + _resblock_rules(r"decoder\.up_16_8\.out_conv", "decoder.out8")
    + _resblock_rules(r"decoder\.up_8_4\.skip_conv2", "decoder.skip4_block")
    + _resblock_rules(r"decoder\.up_8_4\.out_conv", "decoder.out4")
    + [(r"decoder\.pred\.(\w+)", r"decoder.pred.\1")],
    "fusion": [(r"conv1\.0\.(\w+)", r"body.stem.\1"),
               (r"conv2\.0\.(\w+)", r"body.blocks.0.conv1.\1"),
               (r"conv2\.2\.(\w+)", r"body.blocks.0.conv2.\1"),
               (r"conv3\.0\.(\w+)", r"body.blocks.1.conv1.\1"),
               (r"conv3\.2\.(\w+)", r"body.blocks.1.conv2.\1"),
               (r"final_conv\.(\w+)", r"body.pred.\1")],
}


def our_name(stage, official):
    """Our parameter name for an official one, or None when no rule covers it."""
    for pattern, template in RULES[stage]:
        m = re.fullmatch(pattern, official)
        if m:
            return m.expand(template)
    return None


# -- Reading --

def load_checkpoint(path):
    """Tensors of an official checkpoint, by name, read with weights-only unpickling.

    A leading ``module.`` on every name (a checkpoint saved from ``nn.DataParallel``) is dropped.
    """
    try:
        obj = torch.load(path, map_location="cpu", weights_only=True)
    except (pickle.UnpicklingError, RuntimeError, AttributeError, EOFError) as e:
        first = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
        raise ConversionError("%s: not a weights-only PyTorch checkpoint (%s)" % (path, first)) from e
    if not isinstance(obj, dict):
        raise ConversionError("%s: holds a %s, expected a state dict of tensors" % (path, type(obj).__name__))
    bad = ["%s (%s)" % (k, type(v).__name__) for k, v in obj.items() if not isinstance(v, torch.Tensor)]
    if bad:
        raise ConversionError("%s: entries that are not tensors: %s" % (path, ", ".join(sorted(bad))))
    if obj and all(k.startswith("module.") for k in obj):
        obj = collections.OrderedDict((k[len("module."):], v) for k, v in obj.items())
    return obj


def map_state_dict(stage, official, module):
    """Our state dict for ``module`` filled from the official tensors; raises ConversionError listing every official
    tensor without a place, every tensor of ours left empty and every shape that differs."""
    ours = module.state_dict()
    filled = collections.OrderedDict()
    unmatched, shapes = [], []
    for name, tensor in official.items():
        target = our_name(stage, name)
        if target is None or target not in ours:
            unmatched.append(name)
        elif tuple(tensor.shape) != tuple(ours[target].shape):
            shapes.append("%s %s -> %s %s" % (name, tuple(tensor.shape), target, tuple(ours[target].shape)))
        else:
            filled[target] = tensor
    unused = [n for n in unmatched if not OPTIONAL_OFFICIAL.match(n)]
    empty = [n for n in ours if n not in filled and not NOT_FROM_CHECKPOINT.match(n)]
    problems = []
    if unused:
        problems.append("%d official tensors have no place in our network: %s" % (len(unused), ", ".join(unused)))
    if empty:
        problems.append("%d of our tensors are missing from the checkpoint: %s" % (len(empty), ", ".join(empty)))
    if shapes:
        problems.append("%d shapes differ: %s" % (len(shapes), ", ".join(shapes)))
    if problems:
        raise ConversionError("%s checkpoint does not match the MiVOS %s network: %s" % (stage, stage,
                                                                                         "; ".join(problems)))
    for name, tensor in ours.items():
        filled.setdefault(name, tensor)
    return filled


def build_converted(stage, official):
    """The eager `mivos` module of ``stage`` holding the official weights (batch norms not yet folded)."""
    module = networks.build(stage, configs.get_config("mivos"))
    module.load_state_dict(map_state_dict(stage, official, module))
    return module.eval()


# -- Writing --

def manifest_entry(name, cfg, out_dir, sources):
    files = {}
    for stage in networks.STAGES:
        rel = name + "/" + stage + ".pt"
        path = os.path.join(out_dir, rel)
        files[stage] = {"path": rel, "sha256": export.sha256(path), "bytes": os.path.getsize(path)}
    return {
        "name": name,
        "version": VERSION,
        "description": "The published MiVOS networks (Cheng, Tai and Tang, CVPR 2021), converted from the official "
                       "checkpoints supplied by the user.",
        "licence": "The weights are the MiVOS authors' (their repository's terms and those of the data they were "
                   "trained on apply); converted on the user's machine, not distributed with this plugin.",
        "exported": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "config": {k: v for k, v in cfg.items() if k != "name"},
        "input": {"channels": [1, 3], "range": "0..1 (see docs/ARCHITECTURE.md)", "multiple_of": 16,
                  "normalisation": "inside the stages: grey replicated to 3 channels, then (x - mean) / std"},
        "features": export.feature_widths(cfg),
        "files": files,
        "stages": export.stage_table(),
        "recommended": {"top_k": cfg["top_k"]},
        "training": {"data": "official MiVOS training (BL30K, DAVIS, YouTube-VOS; see the MiVOS paper)",
                     "converter": "models/convert_official.py",
                     "framework": "PyTorch " + torch.__version__.split("+")[0],
                     "sources": sources},
        "validation": {},
    }


def convert(paths, out_dir, name=DEFAULT_NAME, log=print):
    """Convert {'s2m': path, 'propagation': path, 'fusion': path} into out_dir; return the manifest entry."""
    cfg = configs.get_config("mivos")
    modules, sources = {}, {}
    # NB: everything is read and matched before anything is written, so a bad file leaves out_dir as it was
    for stage in networks.STAGES:
        modules[stage] = build_converted(stage, load_checkpoint(paths[stage]))
        sources[stage] = {"file": os.path.basename(paths[stage]), "sha256": export.sha256(paths[stage])}
    os.makedirs(os.path.join(out_dir, name), exist_ok=True)
    for stage in networks.STAGES:
        path = os.path.join(out_dir, name, stage + ".pt")
        diff = export.export_stage(modules[stage], stage, cfg, path)
        log("%-12s %s  %.1f MB  max |scripted - eager| = %.2g" % (stage, path, os.path.getsize(path) / 2 ** 20,
                                                                 diff))
    entry = manifest_entry(name, cfg, out_dir, sources)
    log("manifest: " + export.write_manifest(out_dir, [entry]))
    return entry


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--s2m", required=True, help="official S2M checkpoint (s2m.pth)")
    ap.add_argument("--propagation", required=True, help="official propagation checkpoint (propagation_model.pth)")
    ap.add_argument("--fusion", required=True, help="official fusion checkpoint (fusion.pth)")
    ap.add_argument("--out", required=True, help="models folder that receives <name>/*.pt and manifest.json")
    ap.add_argument("--name", default=DEFAULT_NAME, help="model name in the manifest (default %(default)s)")
    args = ap.parse_args(argv)
    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]*", args.name):
        ap.error("--name must be letters, digits, '.', '_' or '-'")
    if args.name == "lite":
        ap.error("--name lite is the embedded model; choose another name")
    for flag in ("s2m", "propagation", "fusion"):
        if not os.path.isfile(getattr(args, flag)):
            ap.error("--%s: no such file: %s" % (flag, getattr(args, flag)))
    try:
        convert({s: getattr(args, s) for s in networks.STAGES}, args.out, args.name)
    except ConversionError as e:
        print("convert_official: error: %s" % e, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
