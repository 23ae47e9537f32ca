"""Files for the Java tests of the converted MiVOS networks (they cannot be committed: about 370 MB).

    /usr/bin/python3 models/tests/official_fixtures.py --out DIR

Writes random checkpoints in the official layout, converts them with convert_official.py into DIR/models (model
'mivos-official', with its manifest.json), and stores for every stage call inputs and the outputs that the
converted TorchScript files give here: DIR/fixtures/index.json lists the calls in order, each with its inputs and
outputs as {name, file, shape}; the files are little-endian float32 in C order. Inputs of later calls are outputs
of earlier ones where the engine would chain them (the query features, the memory values), but every call is
compared on its own. The checkpoint files are removed again.
"""
import argparse
import contextlib
import io
import json
import os
import sys

import torch

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
sys.path.insert(0, HERE)

import convert_official  # noqa: E402
import official_reference  # noqa: E402

H, W, N, T, TOP_K = 64, 64, 2, 3, 10


def write_fixtures(out, seed=21):
    torch.set_grad_enabled(False)
    models = os.path.join(out, "models")
    os.makedirs(out, exist_ok=True)
    written = official_reference.write_checkpoints(out, seed)
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            convert_official.convert({part: path for part, (path, _) in written.items()}, models)
    finally:
        for path, _ in written.values():
            os.remove(path)
    mods = {s: torch.jit.load(os.path.join(models, convert_official.DEFAULT_NAME, s + ".pt"))
            for s in ("s2m", "propagation", "fusion")}
    folder = os.path.join(out, "fixtures")
    os.makedirs(folder, exist_ok=True)
    g = torch.Generator().manual_seed(seed)
    calls = []

    def arrays(call, kind, named):
        out_list = []
        for name, tensor in named:
            file = "%d.%s.%s.f32" % (len(calls), kind, name)
            t = tensor.contiguous().float()
            t.numpy().astype("<f4").tofile(os.path.join(folder, file))
            out_list.append({"name": name, "file": file, "shape": list(t.shape)})
        return out_list

    def record(stage, inputs, outputs):
        outputs = outputs if isinstance(outputs, tuple) else (outputs,)
        calls.append({"stage": stage, "inputs": arrays(len(calls), "in", inputs),
                      "outputs": arrays(len(calls), "out", [("out%d" % i, o) for i, o in enumerate(outputs)])})
        return outputs

    grey = torch.rand(1, 1, H, W, generator=g)
    image = torch.rand(1, 3, H, W, generator=g)
    masks = torch.softmax(torch.randn(N + 1, 1, H, W, generator=g) * 3, 0)[1:]
    strokes = [(torch.rand(N, 1, H, W, generator=g) > 0.95).float() for _ in range(2)]
    s2m_in = [("image", grey), ("prev", masks), ("pos", strokes[0]), ("neg", strokes[1])]
    record("s2m", s2m_in, mods["s2m"].s2m(*[t for _, t in s2m_in]))

    prop = mods["propagation"]
    key, f16, f8, f4 = record("encode_key", [("image", image)], prop.encode_key(image))
    others = masks.sum(0, keepdim=True) - masks
    value_in = [("image", image), ("f16", f16), ("mask", masks), ("others", others)]
    value, = record("encode_value", value_in, prop.encode_value(*[t for _, t in value_in]))
    mem_keys = key.unsqueeze(2).repeat(1, 1, T, 1, 1)
    mem_values = torch.cat([value.unsqueeze(2), torch.randn(N, value.size(1), T - 1, H // 16, W // 16,
                                                             generator=g)], 2)
    segment_in = [("key", key), ("f16", f16), ("f8", f8), ("f4", f4), ("mem_keys", mem_keys),
                  ("mem_values", mem_values)]
    logits, = record("segment", segment_in, prop.segment(*[t for _, t in segment_in], torch.tensor(TOP_K)))
    record("aggregate", [("logits", logits)], prop.aggregate(logits))

    cur = torch.sigmoid(logits)
    dpos, dneg = (torch.rand(N, 1, H, W, generator=g) > 0.8).float(), (torch.rand(N, 1, H, W, generator=g) > 0.8)
    fuse_in = [("image", image), ("key", key), ("ikey", value), ("prev", masks), ("cur", cur), ("dpos", dpos),
               ("dneg", dneg.float()), ("dist", torch.tensor([[2.0, 3.0], [1.0, 4.0]]))]
    record("fuse", fuse_in, mods["fusion"].fuse(*[t for _, t in fuse_in]))

    with open(os.path.join(folder, "index.json"), "w") as f:
        json.dump({"model": convert_official.DEFAULT_NAME, "top_k": TOP_K, "calls": calls}, f, indent=1)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", required=True)
    write_fixtures(ap.parse_args().out)


if __name__ == "__main__":
    main()
