"""The published MiVOS networks as the tests see them: the tensor names and shapes of their checkpoints, random
checkpoints in that layout, and forward passes written directly on those tensors.

This is a second description of the official networks, independent of mivos_models/networks.py and of the name
mapping in convert_official.py: a tensor that the converter puts in the wrong place changes the outputs.
The layout follows the MiVOS sources (model/propagation/{prop_net,modules,mod_resnet}.py, model/fusion_net.py,
model/s2m/*.py): the propagation query encoder is torchvision's ResNet-50 (no convolution biases, stages named
conv1/bn1/res2/layer2/layer3), the memory encoder a ResNet-50 whose convolutions all carry biases and whose first
convolution sees 5 channels; S2M is DeepLabV3+ on a ResNet-50 with a 6-channel input and a dilated layer4.
"""
import collections
import math
import os

import torch
import torch.nn.functional as F

MEAN = torch.tensor([0.485, 0.456, 0.406]).view(1, 3, 1, 1)
STD = torch.tensor([0.229, 0.224, 0.225]).view(1, 3, 1, 1)
RESNET50 = (("64", 3), ("128", 4), ("256", 6), ("512", 3))  # planes, blocks of layer1..layer4


# -- Layout: name -> shape --

def _conv(out, prefix, cout, cin, k, bias):
    out[prefix + ".weight"] = (cout, cin, k, k)
    if bias:
        out[prefix + ".bias"] = (cout,)


def _bn(out, prefix, c):
    for p in ("weight", "bias", "running_mean", "running_var"):
        out[prefix + "." + p] = (c,)
    out[prefix + ".num_batches_tracked"] = ()


def _resnet(out, prefix, cin, bias, layer_names):
    _conv(out, prefix + ".conv1", 64, cin, 7, bias)
    _bn(out, prefix + ".bn1", 64)
    inplanes = 64
    for name, (planes, blocks) in zip(layer_names, RESNET50):
        planes = int(planes)
        for i in range(blocks):
            b = "%s.%s.%d" % (prefix, name, i)
            _conv(out, b + ".conv1", planes, inplanes, 1, bias)
            _bn(out, b + ".bn1", planes)
            _conv(out, b + ".conv2", planes, planes, 3, bias)
            _bn(out, b + ".bn2", planes)
            _conv(out, b + ".conv3", planes * 4, planes, 1, bias)
            _bn(out, b + ".bn3", planes * 4)
            if i == 0:
                _conv(out, b + ".downsample.0", planes * 4, inplanes, 1, bias)
                _bn(out, b + ".downsample.1", planes * 4)
            inplanes = planes * 4


def _resblock(out, prefix, cin, cout):
    _conv(out, prefix + ".conv1", cout, cin, 3, True)
    _conv(out, prefix + ".conv2", cout, cout, 3, True)
    if cin != cout:
        _conv(out, prefix + ".downsample", cout, cin, 3, True)


def layout(part):
    """Ordered {name: shape} of the official checkpoint 's2m', 'propagation' or 'fusion'."""
    out = collections.OrderedDict()
    if part == "s2m":
        _resnet(out, "backbone", 6, False, ("layer1", "layer2", "layer3", "layer4"))
        _conv(out, "classifier.project.0", 48, 256, 1, False)
        _bn(out, "classifier.project.1", 48)
        for i in range(4):
            _conv(out, "classifier.aspp.convs.%d.0" % i, 256, 2048, 1 if i == 0 else 3, False)
            _bn(out, "classifier.aspp.convs.%d.1" % i, 256)
        _conv(out, "classifier.aspp.convs.4.1", 256, 2048, 1, False)
        _bn(out, "classifier.aspp.convs.4.2", 256)
        _conv(out, "classifier.aspp.project.0", 256, 1280, 1, False)
        _bn(out, "classifier.aspp.project.1", 256)
        _conv(out, "classifier.classifier.0", 256, 304, 3, False)
        _bn(out, "classifier.classifier.1", 256)
        _conv(out, "classifier.classifier.3", 1, 256, 1, True)
    elif part == "propagation":
        _resnet(out, "mask_rgb_encoder", 5, True, ("layer1", "layer2", "layer3"))
        _resnet(out, "rgb_encoder", 3, False, ("res2", "layer2", "layer3"))
        for kv in ("kv_m_f16", "kv_q_f16"):
            _conv(out, kv + ".key_proj", 128, 1024, 3, True)
            _conv(out, kv + ".val_proj", 512, 1024, 3, True)
        _resblock(out, "decoder.compress", 1024, 512)
        for name, skip, up, res in (("up_16_8", 512, 512, 256), ("up_8_4", 256, 256, 256)):
            _conv(out, "decoder.%s.skip_conv1" % name, up, skip, 3, True)
            _resblock(out, "decoder.%s.skip_conv2" % name, up, up)
            _resblock(out, "decoder.%s.out_conv" % name, up, res)
        _conv(out, "decoder.pred", 1, 256, 3, True)
    elif part == "fusion":
        _conv(out, "conv1.0", 32, 9, 3, True)
        for name in ("conv2", "conv3"):
            _conv(out, name + ".0", 32, 32, 3, True)
            _conv(out, name + ".2", 32, 32, 3, True)
        _conv(out, "final_conv", 1, 32, 3, True)
    else:
        raise ValueError(part)
    return out


def random_checkpoint(part, seed):
    """A state dict in the official layout with random, well-scaled values (activations stay of order 1)."""
    g = torch.Generator().manual_seed(seed)
    shapes = layout(part)
    sd = collections.OrderedDict()
    for name, shape in shapes.items():
        prefix, _, kind = name.rpartition(".")
        if kind == "num_batches_tracked":
            sd[name] = torch.tensor(1000 + seed, dtype=torch.long)
        elif kind == "running_mean":
            sd[name] = torch.randn(shape, generator=g) * 0.1
        elif kind == "running_var":
            sd[name] = torch.rand(shape, generator=g) + 0.5
        elif len(shape) == 4:
            fan_in = shape[1] * shape[2] * shape[3]
            gain = 8.0 if shape[0] == 1 else 1.0  # logits of order 1 from the one-channel prediction layers
            sd[name] = torch.randn(shape, generator=g) * (gain / math.sqrt(fan_in))
        elif prefix + ".running_mean" in shapes:  # batch-norm scale and shift
            sd[name] = (torch.rand(shape, generator=g) * 0.4 + 0.3 if kind == "weight"
                        else torch.randn(shape, generator=g) * 0.1)
        else:  # convolution bias
            sd[name] = torch.randn(shape, generator=g) * 0.05
    return sd


def write_checkpoints(folder, seed, prefix=""):
    """Random official checkpoints s2m.pth, propagation.pth, fusion.pth in ``folder`` (tensor names prefixed with
    ``prefix``, e.g. 'module.'); returns {part: (path, state dict)}."""
    out = {}
    for i, part in enumerate(("s2m", "propagation", "fusion")):
        sd = random_checkpoint(part, seed + i)
        path = os.path.join(folder, part + ".pth")
        torch.save(collections.OrderedDict((prefix + k, v) for k, v in sd.items()), path)
        out[part] = (path, sd)
    return out


# -- Forward passes on the official tensors --

def _conv2d(sd, p, x, stride=1, padding=0, dilation=1):
    return F.conv2d(x, sd[p + ".weight"], sd.get(p + ".bias"), stride, padding, dilation)


def _batchnorm(sd, p, x):
    return F.batch_norm(x, sd[p + ".running_mean"], sd[p + ".running_var"], sd[p + ".weight"], sd[p + ".bias"],
                        False, 0.0, 1e-5)


def _bottleneck(sd, p, x, stride, dilation):
    y = F.relu(_batchnorm(sd, p + ".bn1", _conv2d(sd, p + ".conv1", x)))
    y = F.relu(_batchnorm(sd, p + ".bn2", _conv2d(sd, p + ".conv2", y, stride, dilation, dilation)))
    y = _batchnorm(sd, p + ".bn3", _conv2d(sd, p + ".conv3", y))
    if p + ".downsample.0.weight" in sd:
        x = _batchnorm(sd, p + ".downsample.1", _conv2d(sd, p + ".downsample.0", x, stride))
    return F.relu(y + x)


def resnet_features(sd, prefix, x, layer_names, dilate_last=False):
    """Outputs of each named layer of a ResNet-50 trunk (layer4 dilated instead of strided when asked)."""
    x = F.relu(_batchnorm(sd, prefix + ".bn1", _conv2d(sd, prefix + ".conv1", x, 2, 3)))
    x = F.max_pool2d(x, 3, 2, 1)
    feats = []
    for li, (name, (_, blocks)) in enumerate(zip(layer_names, RESNET50)):
        for i in range(blocks):
            stride, dilation = (2 if li > 0 and i == 0 else 1), 1
            if li == 3 and dilate_last:
                stride, dilation = 1, (1 if i == 0 else 2)
            x = _bottleneck(sd, "%s.%s.%d" % (prefix, name, i), x, stride, dilation)
        feats.append(x)
    return feats


def normalise(image):
    """0..1 image [1,C,H,W] (C = 1 or 3) -> ImageNet-normalised RGB, as the MiVOS data loaders do."""
    if image.size(1) == 1:
        image = image.expand(-1, 3, -1, -1)
    return (image - MEAN) / STD


def s2m(sd, image, prev, pos, neg):
    """DeepLabV3+ on [image, prev, pos, neg] for each object -> logits [N,1,H,W]."""
    n = prev.size(0)
    x = torch.cat([normalise(image).expand(n, -1, -1, -1), prev, pos, neg], 1)
    low, _, _, high = resnet_features(sd, "backbone", x, ("layer1", "layer2", "layer3", "layer4"), True)
    branches = [F.relu(_batchnorm(sd, "classifier.aspp.convs.0.1", _conv2d(sd, "classifier.aspp.convs.0.0", high)))]
    for i, rate in zip((1, 2, 3), (6, 12, 18)):
        branches.append(F.relu(_batchnorm(sd, "classifier.aspp.convs.%d.1" % i,
                                          _conv2d(sd, "classifier.aspp.convs.%d.0" % i, high, 1, rate, rate))))
    pooled = F.adaptive_avg_pool2d(high, 1)
    pooled = F.relu(_batchnorm(sd, "classifier.aspp.convs.4.2", _conv2d(sd, "classifier.aspp.convs.4.1", pooled)))
    branches.append(F.interpolate(pooled, size=high.shape[2:], mode="bilinear", align_corners=False))
    aspp = F.relu(_batchnorm(sd, "classifier.aspp.project.1",
                             _conv2d(sd, "classifier.aspp.project.0", torch.cat(branches, 1))))
    low = F.relu(_batchnorm(sd, "classifier.project.1", _conv2d(sd, "classifier.project.0", low)))
    aspp = F.interpolate(aspp, size=low.shape[2:], mode="bilinear", align_corners=False)
    y = F.relu(_batchnorm(sd, "classifier.classifier.1",
                          _conv2d(sd, "classifier.classifier.0", torch.cat([low, aspp], 1), 1, 1)))
    y = _conv2d(sd, "classifier.classifier.3", y)
    return F.interpolate(y, size=image.shape[2:], mode="bilinear", align_corners=False)


def _resblock_forward(sd, p, x):
    r = _conv2d(sd, p + ".conv2", F.relu(_conv2d(sd, p + ".conv1", F.relu(x), padding=1)), padding=1)
    if p + ".downsample.weight" in sd:
        x = _conv2d(sd, p + ".downsample", x, padding=1)
    return x + r


def query(sd, image):
    """Query features of a frame: (f16, f8, f4, k16, v16)."""
    f4, f8, f16 = resnet_features(sd, "rgb_encoder", normalise(image), ("res2", "layer2", "layer3"))
    return f16, f8, f4, _conv2d(sd, "kv_q_f16.key_proj", f16, padding=1), _conv2d(sd, "kv_q_f16.val_proj", f16,
                                                                                    padding=1)


def memorize(sd, image, masks):
    """Memory key and value of each object: masks [N,1,H,W] -> ([N,128,h,w], [N,512,h,w]); 'others' = sum of the
    other objects' masks."""
    n = masks.size(0)
    others = masks.sum(0, keepdim=True) - masks
    x = torch.cat([normalise(image).expand(n, -1, -1, -1), masks, others], 1)
    _, _, f16 = resnet_features(sd, "mask_rgb_encoder", x, ("layer1", "layer2", "layer3"))
    return _conv2d(sd, "kv_m_f16.key_proj", f16, padding=1), _conv2d(sd, "kv_m_f16.val_proj", f16, padding=1)


def read_memory(mem_keys, mem_values, qk, top_k):
    """Per object: dot-product affinity / sqrt(Ck) over the T*h*w memory positions, softmax over the top k, weighted
    sum of the values. mem_keys [N,Ck,T,h,w], mem_values [N,Cv,T,h,w], qk [1,Ck,h,w] -> [N,Cv,h,w]."""
    n, ck, t, h, w = mem_keys.shape
    cv = mem_values.size(1)
    out = []
    for i in range(n):
        aff = mem_keys[i].reshape(ck, t * h * w).t() @ (qk.reshape(ck, h * w) / math.sqrt(ck))  # [THW, HW]
        vals, idx = torch.topk(aff, top_k, dim=0)
        dense = torch.zeros_like(aff).scatter_(0, idx, torch.softmax(vals, dim=0))
        out.append((mem_values[i].reshape(cv, t * h * w) @ dense).reshape(cv, h, w))
    return torch.stack(out)


def decode(sd, readout, v16, f8, f4):
    """Propagation decoder on [readout, query value] with skips f8, f4 -> logits [N,1,H,W]."""
    x = _resblock_forward(sd, "decoder.compress", torch.cat([readout, v16.expand(readout.size(0), -1, -1, -1)], 1))
    for name, skip in (("up_16_8", f8), ("up_8_4", f4)):
        s = _resblock_forward(sd, "decoder.%s.skip_conv2" % name, _conv2d(sd, "decoder.%s.skip_conv1" % name, skip,
                                                                         padding=1))
        x = s + F.interpolate(x, scale_factor=2, mode="bilinear", align_corners=False)
        x = _resblock_forward(sd, "decoder.%s.out_conv" % name, x)
    x = _conv2d(sd, "decoder.pred", F.relu(x), padding=1)
    return F.interpolate(x, scale_factor=4, mode="bilinear", align_corners=False)


def aggregate(prob):
    """Soft aggregation with background: prob [N,1,H,W] -> [N+1,1,H,W]."""
    p = torch.cat([torch.prod(1 - prob, dim=0, keepdim=True), prob], 0).clamp(1e-7, 1 - 1e-7)
    return torch.softmax(torch.log(p / (1 - p)), dim=0)


def attention(mem_key, pos, neg, qk):
    """Change maps of one object carried from the interacted frame (memory key [1,Ck,h,w]) to the query frame."""
    _, ck, h, w = qk.shape
    weights = torch.softmax(mem_key.reshape(ck, h * w).t() @ (qk.reshape(ck, h * w) / math.sqrt(ck)), dim=0)
    maps = [F.interpolate(m, size=(h, w), mode="area").reshape(1, h * w) @ weights for m in (pos, neg)]
    maps = torch.cat(maps, 0).reshape(1, 2, h, w)
    return F.interpolate(maps, size=pos.shape[2:], mode="bilinear", align_corners=False)


def fuse(sd, image, prev, cur, attn, time):
    """Fusion network on [image, prev, cur, attention maps, time maps] -> logits [1,1,H,W]."""
    h, w = image.shape[2:]
    x = torch.cat([normalise(image), prev, cur, attn, time.view(1, 2, 1, 1).expand(1, 2, h, w)], 1)
    x = F.relu(_conv2d(sd, "conv1.0", x, padding=1))
    for name in ("conv2", "conv3"):
        r = _conv2d(sd, name + ".2", F.relu(_conv2d(sd, name + ".0", x, padding=1)), padding=1)
        x = F.relu(x + r)
    return _conv2d(sd, "final_conv", x, padding=1)
