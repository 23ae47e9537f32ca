"""Parameter counts and multiply-accumulates (MACs) per stage call at a given size (default 512 x 512).

    /usr/bin/python3 models/flops.py [--config lite] [--size 512] [--memory 5] [--time]

Convolution MACs are counted with forward hooks (output elements x input channels per group x kernel area); the
memory read of ``segment`` and the alignment of ``fuse`` are counted analytically. ``--time`` also measures the
TorchScript stage calls with 2 threads.
"""
import argparse
import math
import os
import sys
import time

import torch
import torch.nn as nn

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from mivos_models import configs, networks  # noqa: E402


class ConvCounter:
    def __init__(self, module):
        self.macs = 0
        self.handles = [m.register_forward_hook(self.hook) for m in module.modules() if isinstance(m, nn.Conv2d)]

    def hook(self, m, inp, out):
        k = m.kernel_size[0] * m.kernel_size[1]
        self.macs += out.numel() * (m.in_channels // m.groups) * k

    def take(self):
        v, self.macs = self.macs, 0
        return v


def count(cfg, size, t_mem, n=1, c=1):
    torch.manual_seed(0)
    mods = {s: networks.fold_batchnorm(networks.build(s, cfg).eval()) for s in networks.STAGES}
    h = w = size // 16
    q = h * w
    m = t_mem * q
    ck, cv = cfg["key_dim"], cfg["value_dim"]
    image = torch.rand(1, c, size, size)
    mask = torch.rand(n, 1, size, size)
    rows = []
    with torch.no_grad():
        cnt = ConvCounter(mods["s2m"])
        mods["s2m"].s2m(image, mask, mask, mask)
        rows.append(("s2m", "s2m", cnt.take()))
        p = mods["propagation"]
        cnt = ConvCounter(p)
        key, f16, f8, f4 = p.encode_key(image)
        rows.append(("propagation", "encode_key", cnt.take()))
        v = p.encode_value(image, f16, mask, mask)
        rows.append(("propagation", "encode_value", cnt.take()))
        mk = key.unsqueeze(2).repeat(1, 1, t_mem, 1, 1)
        mv = v.unsqueeze(2).repeat(1, 1, t_mem, 1, 1)
        p.segment(key, f16, f8, f4, mk, mv, torch.tensor(cfg["top_k"]))
        # the affinity convolution is functional (not hooked): Q x M x (Ck + 1); readout: N Cv Q top_k
        read = q * m * (ck + 1) + n * cv * q * min(cfg["top_k"], m)
        rows.append(("propagation", "segment (T=%d)" % t_mem, cnt.take() + read))
        f = mods["fusion"]
        cnt = ConvCounter(f)
        f.fuse(image, key, key, mask, mask, mask, mask, torch.ones(n, 2))
        rows.append(("fusion", "fuse", cnt.take() + q * q * ck + 2 * n * q * q))
    params = {s: sum(x.numel() for x in networks.build(s, cfg).parameters()) for s in networks.STAGES}
    return rows, params


def timings(cfg, size, t_mem, repeats=5):
    torch.set_num_threads(2)
    torch.manual_seed(0)
    mods = {s: torch.jit.script(networks.fold_batchnorm(networks.build(s, cfg).eval())) for s in networks.STAGES}
    image = torch.rand(1, 1, size, size)
    mask = torch.rand(1, 1, size, size)
    p = mods["propagation"]
    out = {}
    with torch.no_grad():
        key, f16, f8, f4 = p.encode_key(image)
        v = p.encode_value(image, f16, mask, mask)
        mk = key.unsqueeze(2).repeat(1, 1, t_mem, 1, 1).contiguous()
        mv = v.unsqueeze(2).repeat(1, 1, t_mem, 1, 1).contiguous()
        tk = torch.tensor(cfg["top_k"])
        calls = {"s2m": lambda: mods["s2m"].s2m(image, mask, mask, mask),
                 "encode_key": lambda: p.encode_key(image),
                 "encode_value": lambda: p.encode_value(image, f16, mask, mask),
                 "segment": lambda: p.segment(key, f16, f8, f4, mk, mv, tk),
                 "aggregate": lambda: p.aggregate(mask),
                 "fuse": lambda: mods["fusion"].fuse(image, key, key, mask, mask, mask, mask, torch.ones(1, 2))}
        for name, fn in calls.items():
            for _ in range(3):
                fn()
            best = math.inf
            for _ in range(repeats):
                t0 = time.perf_counter()
                fn()
                best = min(best, time.perf_counter() - t0)
            out[name] = best * 1000
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="lite")
    ap.add_argument("--size", type=int, default=512)
    ap.add_argument("--memory", type=int, default=5)
    ap.add_argument("--time", action="store_true")
    args = ap.parse_args()
    cfg = configs.get_config(args.config)
    rows, params = count(cfg, args.size, args.memory)
    print("config %s, %dx%d, N=1, C=1" % (cfg["name"], args.size, args.size))
    for stage, n in params.items():
        print("  %-12s %8.3f M parameters" % (stage, n / 1e6))
    for stage, call, macs in rows:
        print("  %-28s %7.3f GMAC" % (call, macs / 1e9))
    if args.time:
        for name, ms in timings(cfg, args.size, args.memory).items():
            print("  %-14s %7.1f ms (best of 5, 2 threads, TorchScript)" % (name, ms))


if __name__ == "__main__":
    main()
