"""Stage signatures (docs/ARCHITECTURE.md) and example inputs used for export checks and tests."""
import torch

# method name -> (file, inputs, output); the text goes into models/manifest.json
STAGE_SIGNATURES = {
    "s2m": ("s2m", ["image [1,C,H,W]", "prev [N,1,H,W]", "pos [N,1,H,W]", "neg [N,1,H,W]"], "logits [N,1,H,W]"),
    "encode_key": ("propagation", ["image [1,C,H,W]"],
                   "tuple (key [1,Ck,h,w], f16 [1,C16,h,w], f8 [1,C8,H/8,W/8], f4 [1,C4,H/4,W/4])"),
    "encode_value": ("propagation", ["image [1,C,H,W]", "f16 [1,C16,h,w]", "mask [N,1,H,W]", "others [N,1,H,W]"],
                     "value [N,Cv,h,w]"),
    "segment": ("propagation", ["key [1,Ck,h,w]", "f16 [1,C16,h,w]", "f8 [1,C8,H/8,W/8]", "f4 [1,C4,H/4,W/4]",
                                "mem_keys [1,Ck,T,h,w]", "mem_values [N,Cv,T,h,w]", "top_k [] int64"],
                "logits [N,1,H,W]"),
    "aggregate": ("propagation", ["logits [N,1,H,W]"], "prob [N+1,1,H,W] (index 0 = background)"),
    "fuse": ("fusion", ["image [1,C,H,W]", "key [1,Ck,h,w]", "ikey [1,Ck,h,w]", "prev [N,1,H,W]", "cur [N,1,H,W]",
                        "dpos [N,1,H,W]", "dneg [N,1,H,W]", "dist [N,2]"], "logits [N,1,H,W]"),
}


def memory_value_dim(cfg):
    """Channels of what ``encode_value`` returns: Cv, or Ck + Cv when each object carries its own memory key."""
    return cfg["value_dim"] + (cfg["key_dim"] if cfg.get("memory_keys", "frame") == "object" else 0)


def example_calls(stage, cfg, c, n, height=64, width=96, t=3, seed=0):
    """Yield (method name, argument tuple) for every method of ``stage`` with random inputs of the given sizes."""
    g = torch.Generator().manual_seed(seed)

    def rand(*shape):
        return torch.rand(*shape, generator=g)

    h, w = height // 16, width // 16
    image = rand(1, c, height, width)
    masks = [rand(n, 1, height, width) for _ in range(4)]
    if stage == "s2m":
        yield "s2m", (image, masks[0], (masks[1] > 0.9).float(), (masks[2] > 0.9).float())
    elif stage == "propagation":
        yield "encode_key", (image,)
        yield "encode_value", (image, None, masks[0], masks[1])  # f16 filled in by the caller from encode_key
        yield "segment", (None, None, None, None, torch.randn(1, cfg["key_dim"], t, h, w, generator=g),
                          torch.randn(n, memory_value_dim(cfg), t, h, w, generator=g), torch.tensor(cfg["top_k"]))
        yield "aggregate", (torch.randn(n, 1, height, width, generator=g) * 3,)
    elif stage == "fusion":
        key = torch.randn(1, cfg["key_dim"], h, w, generator=g)
        if cfg.get("memory_keys", "frame") == "object":  # the interacted frame's memory values, one per object
            ikey = torch.randn(n, memory_value_dim(cfg), h, w, generator=g)
        else:
            ikey = torch.randn(1, cfg["key_dim"], h, w, generator=g)
        dist = torch.tensor([[1.0 + i, 4.0 + i] for i in range(n)])
        yield "fuse", (image, key, ikey, masks[0], masks[1], (masks[2] > 0.8).float(), (masks[3] > 0.8).float(),
                       dist)
    else:
        raise ValueError(stage)


def run_all(module, stage, cfg, c, n, **kw):
    """Call every method of ``stage`` on ``module`` (eager or scripted); return {method: output}."""
    out = {}
    feats = None
    for name, args in example_calls(stage, cfg, c, n, **kw):
        if name == "encode_value":
            args = (args[0], feats[1], args[2], args[3])
        if name == "segment":
            args = (feats[0], feats[1], feats[2], feats[3]) + args[4:]
        with torch.no_grad():
            res = getattr(module, name)(*args)
        if name == "encode_key":
            feats = res
        out[name] = res
    return out
