"""Reference outputs of two stages, computed by PyTorch in Python, for the Java parity test.

usage: stage_reference.py FOLDER S2M_FILE PROPAGATION_FILE H W
Reads FOLDER/{image,prev,pos,neg}.f32 (raw little-endian float32, shapes [1,1,H,W] and [1,1,H,W]) and writes
FOLDER/s2m_logits.f32 and FOLDER/key.f32.
"""
import sys

import numpy as np
import torch

folder, s2m_file, prop_file, h, w = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
torch.set_num_threads(1)


def read(name):
    return torch.from_numpy(np.fromfile(folder + "/" + name + ".f32", dtype="<f4").reshape(1, 1, h, w))


with torch.no_grad():
    image, prev, pos, neg = read("image"), read("prev"), read("pos"), read("neg")
    logits = torch.jit.load(s2m_file).s2m(image, prev, pos, neg)
    key = torch.jit.load(prop_file).encode_key(image)[0]
logits.numpy().astype("<f4").tofile(folder + "/s2m_logits.f32")
key.numpy().astype("<f4").tofile(folder + "/key.f32")
