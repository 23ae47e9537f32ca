"""The three MiVOS stages as TorchScript-scriptable modules.

Stage contract (see docs/ARCHITECTURE.md): all tensors float32 NCHW, images in 0..1 with C = 1 or 3, H and W
multiples of 16, ``h = H/16``, ``w = W/16``, N = number of objects, T = number of memory frames.

* :class:`S2M`          ``s2m(image, prev, pos, neg) -> logits [N,1,H,W]``
* :class:`Propagation`  ``encode_key``, ``encode_value``, ``segment``, ``aggregate``
* :class:`Fusion`       ``fuse(image, key, ikey, prev, cur, dpos, dneg, dist) -> logits [N,1,H,W]``

The same classes build the small ``lite`` networks and the ``mivos`` networks, which match the published MiVOS
networks layer for layer so that its checkpoints load (``convert_official.py``); only the configuration dictionary
differs (:mod:`mivos_models.configs`), and the pieces only MiVOS uses (bottlenecks with biases, a dilated stage,
ASPP / DeepLabV3+ head, the residual upsampling decoder, per-object memory keys, the full-resolution fusion network)
are switched on by its keys.
"""
import math
from typing import Tuple

import torch
import torch.nn as nn
import torch.nn.functional as F


class ConvBN(nn.Module):
    """Convolution + batch norm (+ ReLU). :func:`fold_batchnorm` merges the norm into the convolution for export."""

    def __init__(self, cin: int, cout: int, k: int = 3, stride: int = 1, groups: int = 1, act: bool = True,
                 dilation: int = 1, bias: bool = False):
        super().__init__()
        self.conv = nn.Conv2d(cin, cout, k, stride, padding=dilation * (k // 2), dilation=dilation, groups=groups,
                              bias=bias)
        self.bn = nn.BatchNorm2d(cout)
        self.act = act

    def forward(self, x):
        x = self.bn(self.conv(x))
        if self.act:
            x = F.relu(x)
        return x


class InvertedResidual(nn.Module):
    """Expand 1x1, depthwise 3x3 (carries the stride), project 1x1; residual shortcut."""

    def __init__(self, cin: int, cout: int, stride: int, expand: int):
        super().__init__()
        mid = cin * expand
        self.expand = ConvBN(cin, mid, 1)
        self.depthwise = ConvBN(mid, mid, 3, stride, groups=mid)
        self.project = ConvBN(mid, cout, 1, act=False)
        self.shortcut = nn.Identity() if stride == 1 and cin == cout else ConvBN(cin, cout, 1, stride, act=False)

    def forward(self, x):
        return F.relu(self.project(self.depthwise(self.expand(x))) + self.shortcut(x))


class Bottleneck(nn.Module):
    """ResNet bottleneck block (1x1 reduce to cout/4, 3x3 with stride and dilation, 1x1 expand)."""

    def __init__(self, cin: int, cout: int, stride: int, dilation: int = 1, bias: bool = False):
        super().__init__()
        mid = cout // 4
        self.conv1 = ConvBN(cin, mid, 1, bias=bias)
        self.conv2 = ConvBN(mid, mid, 3, stride, dilation=dilation, bias=bias)
        self.conv3 = ConvBN(mid, cout, 1, act=False, bias=bias)
        self.shortcut = nn.Identity() if stride == 1 and cin == cout else ConvBN(cin, cout, 1, stride, act=False,
                                                                                 bias=bias)

    def forward(self, x):
        return F.relu(self.conv3(self.conv2(self.conv1(x))) + self.shortcut(x))


def make_block(kind: str, cin: int, cout: int, stride: int, expand: int = 1, dilation: int = 1,
               bias: bool = False) -> nn.Module:
    if kind == "ir":
        if dilation != 1 or bias:
            raise ValueError("inverted-residual blocks take neither dilation nor convolution biases")
        return InvertedResidual(cin, cout, stride, expand)
    if kind == "bottleneck":
        return Bottleneck(cin, cout, stride, dilation, bias)
    raise ValueError("unknown block kind " + kind)


class Encoder(nn.Module):
    """Stem + three stages; returns features at stride 4, 8 and 16.

    With ``dilated_stage`` in the configuration a fourth stage of dilated blocks follows at stride 16 (the layer4 of
    a DeepLab ResNet) and its output is returned as the stride-16 features.
    """

    def __init__(self, cin: int, cfg: dict):
        super().__init__()
        bias = bool(cfg.get("conv_bias", False))
        self.stem = ConvBN(cin, cfg["stem"], cfg["stem_kernel"], 2, bias=bias)
        self.pool = nn.MaxPool2d(3, 2, 1) if cfg["stem_pool"] else nn.Identity()
        stages = []
        prev = cfg["stem"]
        for i, (width, depth) in enumerate(zip(cfg["widths"], cfg["depths"])):
            stride = 2 if (i > 0 or not cfg["stem_pool"]) else 1
            if i == 0 and cfg.get("plain_first", False):
                # a plain strided convolution is much cheaper than an expanded block at stride 2
                blocks = [ConvBN(prev, width, 3, stride)]
            else:
                blocks = [make_block(cfg["block"], prev, width, stride, cfg["expand"], bias=bias)]
            for _ in range(depth - 1):
                blocks.append(make_block(cfg["block"], width, width, 1, cfg["expand"], bias=bias))
            stages.append(nn.Sequential(*blocks))
            prev = width
        self.stage4 = stages[0]
        self.stage8 = stages[1]
        self.stage16 = stages[2]
        self.widths = list(cfg["widths"])
        dilated = cfg.get("dilated_stage")
        self.stage16_dilated = None
        if dilated is not None:
            width = dilated["width"]
            # the first block keeps dilation 1 and widens; the others dilate instead of striding
            blocks = [make_block(cfg["block"], prev, width, 1, cfg["expand"], bias=bias)]
            for _ in range(dilated["depth"] - 1):
                blocks.append(make_block(cfg["block"], width, width, 1, cfg["expand"], dilated["dilation"], bias))
            self.stage16_dilated = nn.Sequential(*blocks)
            self.widths[2] = width

    def forward(self, x) -> Tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
        f4 = self.stage4(self.pool(self.stem(x)))
        f8 = self.stage8(f4)
        f16 = self.stage16(f8)
        if self.stage16_dilated is not None:
            f16 = self.stage16_dilated(f16)
        return f4, f8, f16


class Decoder(nn.Module):
    """U-Net style decoder: stride-16 input, skip features at strides 8 and 4, logits at full resolution.

    The skip features may have batch 1 while the main path has batch N (broadcast addition).
    """

    def __init__(self, cin16: int, c8: int, c4: int, cfg: dict, zero_last: bool = False):
        super().__init__()
        d16, d8, d4 = cfg["widths"]
        kind, expand = cfg["block"], cfg["expand"]
        self.compress = ConvBN(cin16, d16, 1)
        self.block16 = make_block(kind, d16, d16, 1, expand)
        self.reduce8 = ConvBN(d16, d8, 1, act=False)
        self.skip8 = ConvBN(c8, d8, 3, act=False)
        self.block8 = make_block(kind, d8, d8, 1, expand)
        self.reduce4 = ConvBN(d8, d4, 1, act=False)
        self.skip4 = ConvBN(c4, d4, 3, act=False)
        self.block4 = make_block(kind, d4, d4, 1, expand)
        self.pred = nn.Conv2d(d4, 1, 3, padding=1)
        if zero_last:
            nn.init.zeros_(self.pred.weight)
            nn.init.zeros_(self.pred.bias)

    def forward(self, x16, f8, f4):
        x = self.block16(self.compress(x16))
        x = F.interpolate(self.reduce8(x), scale_factor=2.0, mode="bilinear", align_corners=False)
        x = self.block8(F.relu(x + self.skip8(f8)))
        x = F.interpolate(self.reduce4(x), scale_factor=2.0, mode="bilinear", align_corners=False)
        x = self.block4(F.relu(x + self.skip4(f4)))
        x = self.pred(x)
        return F.interpolate(x, scale_factor=4.0, mode="bilinear", align_corners=False)


class PreActResBlock(nn.Module):
    """Residual block without normalisation whose 3x3 convolutions see ReLU-activated inputs (MiVOS decoder and
    fusion network); a 3x3 convolution matches the widths on the shortcut."""

    def __init__(self, cin: int, cout: int):
        super().__init__()
        self.conv1 = nn.Conv2d(cin, cout, 3, padding=1)
        self.conv2 = nn.Conv2d(cout, cout, 3, padding=1)
        self.shortcut = None if cin == cout else nn.Conv2d(cin, cout, 3, padding=1)

    def forward(self, x):
        r = self.conv2(F.relu(self.conv1(F.relu(x))))
        if self.shortcut is not None:
            x = self.shortcut(x)
        return x + r


class UpsampleDecoder(nn.Module):
    """Decoder of the MiVOS propagation network: each skip feature goes through a 3x3 convolution and a residual
    block, is added to the upsampled coarser path and refined by another residual block; logits from the stride-4
    result, bilinear x4 to full size. The skip features may have batch 1 while the main path has batch N."""

    def __init__(self, cin16: int, c8: int, c4: int, cfg: dict):
        super().__init__()
        d16, d8, d4 = cfg["widths"]
        self.compress = PreActResBlock(cin16, d16)
        self.skip8 = nn.Conv2d(c8, d16, 3, padding=1)
        self.skip8_block = PreActResBlock(d16, d16)
        self.out8 = PreActResBlock(d16, d8)
        self.skip4 = nn.Conv2d(c4, d8, 3, padding=1)
        self.skip4_block = PreActResBlock(d8, d8)
        self.out4 = PreActResBlock(d8, d4)
        self.pred = nn.Conv2d(d4, 1, 3, padding=1)

    def forward(self, x16, f8, f4):
        x = self.compress(x16)
        x = F.interpolate(x, scale_factor=2.0, mode="bilinear", align_corners=False)
        x = self.out8(self.skip8_block(self.skip8(f8)) + x)
        x = F.interpolate(x, scale_factor=2.0, mode="bilinear", align_corners=False)
        x = self.out4(self.skip4_block(self.skip4(f4)) + x)
        x = self.pred(F.relu(x))
        return F.interpolate(x, scale_factor=4.0, mode="bilinear", align_corners=False)


def make_decoder(cin16: int, c8: int, c4: int, cfg: dict) -> nn.Module:
    """The decoder named by ``cfg['style']``: 'unet' (default, :class:`Decoder`) or 'upsample'
    (:class:`UpsampleDecoder`)."""
    style = cfg.get("style", "unet")
    if style == "unet":
        return Decoder(cin16, c8, c4, cfg)
    if style == "upsample":
        return UpsampleDecoder(cin16, c8, c4, cfg)
    raise ValueError("unknown decoder style " + style)


class ASPP(nn.Module):
    """Atrous spatial pyramid pooling: a 1x1 branch, one dilated 3x3 branch per rate and a global-average branch,
    concatenated and projected back to ``width`` channels."""

    def __init__(self, cin: int, width: int, rates):
        super().__init__()
        self.branches = nn.ModuleList([ConvBN(cin, width, 1)] + [ConvBN(cin, width, 3, dilation=r) for r in rates])
        self.pooled = ConvBN(cin, width, 1)
        self.project = ConvBN(width * (len(rates) + 2), width, 1)

    def forward(self, x):
        parts = []
        for branch in self.branches:
            parts.append(branch(x))
        # NB: bilinear upsampling of a 1x1 map is a constant map, so broadcasting gives the same values
        g = self.pooled(x.mean(dim=(2, 3), keepdim=True))
        parts.append(g.expand(-1, -1, x.size(2), x.size(3)))
        return self.project(torch.cat(parts, 1))


class DeepLabHead(nn.Module):
    """DeepLabV3+ head: ASPP on the stride-16 features, upsampled to stride 4 and joined with projected stride-4
    features, a 3x3 convolution, 1x1 logits, bilinear x4 to full size."""

    def __init__(self, c4: int, c16: int, cfg: dict):
        super().__init__()
        if cfg["style"] != "deeplabv3plus":
            raise ValueError("unknown S2M head style " + cfg["style"])
        width = cfg["width"]
        self.low_level = ConvBN(c4, cfg["low_level"], 1)
        self.aspp = ASPP(c16, width, cfg["aspp_rates"])
        self.fuse = ConvBN(cfg["low_level"] + width, width, 3)
        self.pred = nn.Conv2d(width, 1, 1)

    def forward(self, f4, f16):
        low = self.low_level(f4)
        context = F.interpolate(self.aspp(f16), size=(low.size(2), low.size(3)), mode="bilinear",
                                align_corners=False)
        x = self.pred(self.fuse(torch.cat([low, context], 1)))
        return F.interpolate(x, scale_factor=4.0, mode="bilinear", align_corners=False)


class ResidualConvStack(nn.Module):
    """Full-resolution network of the MiVOS fusion: a 3x3 convolution + ReLU, residual blocks each followed by a
    ReLU, a 3x3 convolution to one logit."""

    def __init__(self, cin: int, width: int, blocks: int):
        super().__init__()
        self.stem = nn.Conv2d(cin, width, 3, padding=1)
        self.blocks = nn.ModuleList([PreActResBlock(width, width) for _ in range(blocks)])
        self.pred = nn.Conv2d(width, 1, 3, padding=1)

    def forward(self, x):
        x = F.relu(self.stem(x))
        for block in self.blocks:
            # NB: x is non-negative here, so the block's leading ReLU changes nothing
            x = F.relu(block(x))
        return self.pred(x)


class ImageNorm(nn.Module):
    """Replicates a grey channel to three and applies the fixed mean/std of the configuration."""

    def __init__(self, cfg: dict):
        super().__init__()
        self.register_buffer("mean", torch.tensor(cfg["mean"], dtype=torch.float32).view(1, 3, 1, 1))
        self.register_buffer("std", torch.tensor(cfg["std"], dtype=torch.float32).view(1, 3, 1, 1))

    def forward(self, image):
        if image.size(1) == 1:
            image = image.expand(-1, 3, -1, -1)
        return (image - self.mean) / self.std


class ContextBlock(nn.Module):
    """Blocks at stride 16 plus a global-average-pooled context term (larger receptive field for S2M)."""

    def __init__(self, c: int, n: int, kind: str, expand: int):
        super().__init__()
        self.blocks = nn.Sequential(*[make_block(kind, c, c, 1, expand) for _ in range(n)])
        self.glob = nn.Conv2d(c, c, 1)

    def forward(self, x):
        x = self.blocks(x)
        g = self.glob(x.mean(dim=(2, 3), keepdim=True))
        return F.relu(x + g)


def _neg_sq_l2(a, b, scale: float):
    """Affinity between columns of ``a`` [Ck,M] and ``b`` [Ck,Q]: -(|a|^2 - 2 a.b) * scale -> [M,Q].

    The |b|^2 term is constant per query column and cancels in a softmax over M.
    """
    return (2.0 * torch.mm(a.t(), b) - (a * a).sum(0).unsqueeze(1)) * scale


class S2M(nn.Module):
    """Scribble-to-mask network: an encoder over image + prev + pos + neg, then either a context block and the U-Net
    decoder (``lite``) or a DeepLabV3+ head (configuration key ``s2m_head``)."""

    def __init__(self, cfg: dict):
        super().__init__()
        self.norm = ImageNorm(cfg)
        self.encoder = Encoder(6, cfg["s2m_encoder"])
        w4, w8, w16 = self.encoder.widths
        head = cfg.get("s2m_head")
        if head is None:
            dec = cfg["decoder"]
            self.context = ContextBlock(w16, cfg["s2m_context_blocks"], dec["block"], dec["expand"])
            self.decoder = Decoder(w16, w8, w4, dec)
            self.head = None
        else:
            self.context = None
            self.decoder = None
            self.head = DeepLabHead(w4, w16, head)

    @torch.jit.export
    def s2m(self, image, prev, pos, neg):
        """image [1,C,H,W], prev/pos/neg [N,1,H,W] -> logits [N,1,H,W]."""
        n = prev.size(0)
        x = torch.cat([self.norm(image).expand(n, -1, -1, -1), prev, pos, neg], 1)
        f4, f8, f16 = self.encoder(x)
        if self.head is not None:
            return self.head(f4, f16)
        if self.context is not None and self.decoder is not None:
            return self.decoder(self.context(f16), f8, f4)
        raise RuntimeError("S2M has no head")

    def forward(self, image, prev, pos, neg):
        return self.s2m(image, prev, pos, neg)


class Propagation(nn.Module):
    """Space-time memory propagation with top-k memory read (key encoder, value encoder, decoder).

    Two memory layouts (configuration key ``memory_keys``):

    * ``frame`` (default, ``lite``): memory keys are the frames' ``encode_key`` keys, shared by all objects, read
      with the negative squared L2 affinity; ``encode_value`` returns the values ``[N,Cv,h,w]``.
    * ``object`` (MiVOS): the value encoder also projects a memory key per object, so ``encode_value`` returns
      ``[N,Ck+Cv,h,w]`` with the key in the first ``Ck`` channels, and ``segment`` reads the memory keys from there
      with the scaled dot-product affinity (``mem_keys`` is then only shape-checked by the caller). ``encode_key``
      returns as ``f16`` the query value (a 3x3 projection of the stride-16 features to ``Cv`` channels), which the
      decoder takes beside the memory readout.
    """

    def __init__(self, cfg: dict):
        super().__init__()
        self.norm = ImageNorm(cfg)
        kc, vc = cfg["key_encoder"], cfg["value_encoder"]
        self.object_keys = cfg.get("memory_keys", "frame") == "object"
        self.key_encoder = Encoder(3, kc)
        k4, k8, k16 = kc["widths"]
        self.key_proj = nn.Conv2d(k16, cfg["key_dim"], 3, padding=1)
        self.value_encoder = Encoder(5, vc)
        dec = cfg["decoder"]
        v16 = vc["widths"][2]
        if self.object_keys:
            self.value_fuse = None
            self.query_value_proj = nn.Conv2d(k16, cfg["value_dim"], 3, padding=1)
            self.memory_key_proj = nn.Conv2d(v16, cfg["key_dim"], 3, padding=1)
            self.value_proj = nn.Conv2d(v16, cfg["value_dim"], 3, padding=1)
            c16 = cfg["value_dim"]
        else:
            self.value_fuse = nn.Sequential(ConvBN(v16 + k16, cfg["value_dim"], 1),
                                            make_block(dec["block"], cfg["value_dim"], cfg["value_dim"], 1,
                                                       dec["expand"]))
            self.query_value_proj = None
            self.memory_key_proj = None
            self.value_proj = None
            c16 = k16
        self.decoder = make_decoder(cfg["value_dim"] + c16, k8, k4, dec)
        self.key_dim = cfg["key_dim"]
        self.locality = float(cfg.get("memory_locality", 0.0))

    @torch.jit.export
    def encode_key(self, image) -> Tuple[torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor]:
        """image [1,C,H,W] -> (key [1,Ck,h,w], f16 [1,C16,h,w], f8 [1,C8,H/8,W/8], f4 [1,C4,H/4,W/4])."""
        f4, f8, f16 = self.key_encoder(self.norm(image))
        key = self.key_proj(f16)
        if self.query_value_proj is not None:
            return key, self.query_value_proj(f16), f8, f4
        return key, f16, f8, f4

    @torch.jit.export
    def encode_value(self, image, f16, mask, others):
        """image [1,C,H,W], f16 [1,C16,h,w], mask/others [N,1,H,W] -> value [N,Cv,h,w] ([N,Ck+Cv,h,w] with
        object keys; ``f16`` is not used then)."""
        n = mask.size(0)
        x = torch.cat([self.norm(image).expand(n, -1, -1, -1), mask, others], 1)
        _, _, v16 = self.value_encoder(x)
        if self.value_fuse is not None:
            return self.value_fuse(torch.cat([v16, f16.expand(n, -1, -1, -1)], 1))
        if self.memory_key_proj is not None and self.value_proj is not None:
            return torch.cat([self.memory_key_proj(v16), self.value_proj(v16)], 1)
        raise RuntimeError("Propagation has no value head")

    @torch.jit.export
    def read_memory(self, key, mem_keys, mem_values, top_k):
        """Top-k memory read: key [1,Ck,h,w], mem_keys [1,Ck,T,h,w], mem_values [N,Cv,T,h,w] -> [N,Cv,h,w]."""
        if self.object_keys:
            return self.read_object_memory(key, mem_values, top_k)
        ck = key.size(1)
        h = key.size(2)
        w = key.size(3)
        m = mem_keys.size(2) * h * w
        q = h * w
        n = mem_values.size(0)
        cv = mem_values.size(1)
        # affinity [Q,M] = (2 q.m - |m|^2) / sqrt(Ck) as one product: the memory gets an extra -|m|^2 channel, the
        # queries an extra constant 1; |q|^2 cancels in the softmax
        mem = mem_keys.reshape(ck, m)
        mem = torch.cat([mem, -(mem * mem).sum(0, keepdim=True)], 0)
        qry = torch.cat([2.0 * key.reshape(ck, q).t(), torch.ones(q, 1, dtype=key.dtype, device=key.device)], 1)
        vals, idx = self.memory_topk(qry * (1.0 / math.sqrt(ck)), mem, h, w, int(top_k.item()))  # [Q,k]
        k = idx.size(1)
        weights = torch.softmax(vals, dim=1)
        rows = mem_values.reshape(n * cv, m).t().contiguous()  # [M, N*Cv]: gather whole rows
        gathered = torch.index_select(rows, 0, idx.reshape(-1)).reshape(q, k, n * cv)
        readout = torch.bmm(weights.unsqueeze(1), gathered).reshape(q, n * cv).t()
        return readout.reshape(n, cv, h, w)

    def memory_topk(self, qry, mem, h: int, w: int, top_k: int) -> Tuple[torch.Tensor, torch.Tensor]:
        """The k best memory positions of each query by affinity qry . mem: qry [Q,C], mem [C,T*h*w] -> (values
        [Q,k], indices [Q,k]); within each query's window with the spatial prior (:meth:`window_topk`), over whole
        frames without it."""
        if self.locality > 0.0:
            near = self.window_affinity(qry, mem.reshape(mem.size(0), mem.size(1) // (h * w), h, w), h, w)
            return self.window_topk(near, h, w, top_k)
        return torch.topk(torch.mm(qry, mem), max(1, min(top_k, mem.size(1))), dim=1)

    def window_topk(self, near, h: int, w: int, top_k: int) -> Tuple[torch.Tensor, torch.Tensor]:
        """The k best memory positions of each query within its window: near [Q, T*S] -> (values [Q,k], indices
        [Q,k] into the T*h*w memory positions).

        With the spatial prior on (``memory_locality`` = sigma > 0) a memory position loses d^2 / (2 sigma^2), d its
        distance to the query in stride-16 cells, the same for every memory frame: objects in time-lapses move little
        between the frames the memory holds, while neighbouring cells look alike. Only a square window around the
        query is searched, of radius ceil(sigma * sqrt(32)) cells (4 for sigma 0.7): it holds every position whose
        prior is above e^-16, a position further away weighs under 1e-7 of a nearer one with the same match.
        ``near`` is the affinity with the S window cells of each memory frame (:meth:`window_affinity`); k is clamped
        to the T*S positions searched.
        """
        q = h * w
        cells, prior = self.window(h, w, near.dtype, near.device)
        s = cells.size(1)
        t = near.size(1) // s
        near = near.reshape(q, t, s) - prior.unsqueeze(1)
        vals, j = torch.topk(near.reshape(q, t * s), max(1, min(top_k, t * s)), dim=1)
        return vals, torch.div(j, s, rounding_mode="floor") * q + cells.gather(1, j % s)

    def window_radius(self) -> int:
        """Search window radius in cells: ceil(sigma * sqrt(32)), see :meth:`window_topk`."""
        return int(math.ceil(self.locality * math.sqrt(32.0)))

    def window_affinity(self, qry, mem, h: int, w: int):
        """Affinity qry . mem of each query with the memory cells in its window: qry [Q,C], mem [C,T,h,w] ->
        [Q, T*S], window cells in the order of :meth:`window`; cells outside the frame read zero.

        Queries go in blocks of b x b cells, each multiplied with the (b + 2r)^2 memory cells its windows span, so
        the cost grows with the frame's area, not with its square as the affinity with every memory cell does.
        """
        r = self.window_radius()
        side = 2 * r + 1
        b = 8  # query cells per block side: the region is (8 + 2r)^2 = 256 cells for r = 4
        span = b + 2 * r
        c = qry.size(1)
        t = mem.size(1)
        bh = (h + b - 1) // b
        bw = (w + b - 1) // b
        grid = F.pad(qry.t().reshape(c, h, w), (0, bw * b - w, 0, bh * b - h))
        blocks = grid.reshape(c, bh, b, bw, b).permute(1, 3, 2, 4, 0).reshape(bh * bw, b * b, c)
        padded = F.pad(mem.reshape(1, c * t, h, w), (r, bw * b - w + r, r, bh * b - h + r))
        regions = F.unfold(padded, span, stride=b).reshape(c, t * span * span, bh * bw).permute(2, 0, 1)
        aff = torch.bmm(blocks, regions).reshape(bh * bw, b * b, t, span * span)
        # each block cell's window inside its block's region: (y + dy) * span + (x + dx)
        inner = torch.arange(b, device=qry.device)
        offs = torch.arange(side, device=qry.device)
        rows = (inner.reshape(b, 1, 1, 1) + offs.reshape(1, 1, side, 1)) * span
        cols = inner.reshape(1, b, 1, 1) + offs.reshape(1, 1, 1, side)
        pick = (rows + cols).reshape(1, b * b, 1, side * side).expand(bh * bw, b * b, t, side * side)
        near = aff.gather(3, pick).reshape(bh, bw, b, b, t * side * side).permute(0, 2, 1, 3, 4)
        return near.reshape(bh * b, bw * b, t * side * side)[:h, :w].reshape(h * w, t * side * side)

    def window(self, h: int, w: int, dtype: torch.dtype, device: torch.device) -> Tuple[torch.Tensor, torch.Tensor]:
        """Per query cell, the cells of its search window and their prior: (cells [Q,S] int64, prior [Q,S]).

        S = (2r + 1)^2, row-major from the window's top-left; window cells outside the frame point at cell 0 with a
        prior of 1e4 (weight 0).
        """
        r = self.window_radius()
        side = 2 * r + 1
        grid = torch.arange(h * w, dtype=dtype, device=device).reshape(1, 1, h, w)
        near = F.unfold(F.pad(grid, (r, r, r, r), value=-1.0), side).reshape(side * side, h * w).t()
        d = torch.arange(-r, r + 1, dtype=dtype, device=device) ** 2
        d2 = (d.unsqueeze(1) + d.unsqueeze(0)).reshape(1, side * side) * (0.5 / (self.locality * self.locality))
        prior = torch.where(near >= 0, d2, torch.full_like(d2, 1e4))
        return near.clamp(min=0).long(), prior

    def read_object_memory(self, key, mem_values, top_k):
        """Top-k read of a memory with per-object keys: mem_values [N,Ck+Cv,T,h,w] -> readout [N,Cv,h,w].

        Affinity q.m / sqrt(Ck) between each query position and the T*h*w memory positions of the same object, the
        top k per query (see :meth:`memory_topk`), softmax over them, weighted sum of the values.
        """
        ck = self.key_dim
        n = mem_values.size(0)
        cv = mem_values.size(1) - ck
        h = key.size(2)
        w = key.size(3)
        q = h * w
        m = mem_values.size(2) * q
        qry = key.reshape(ck, q) * (1.0 / math.sqrt(ck))
        out = []
        for i in range(n):
            entry = mem_values[i].reshape(ck + cv, m)
            vals, idx = self.memory_topk(qry.t(), entry[:ck], h, w, int(top_k.item()))
            k = idx.size(1)
            weights = torch.softmax(vals, dim=1)
            rows = entry[ck:].t().contiguous()  # [M,Cv]
            gathered = torch.index_select(rows, 0, idx.reshape(-1)).reshape(q, k, cv)
            out.append(torch.bmm(weights.unsqueeze(1), gathered).reshape(q, cv).t().reshape(cv, h, w))
        return torch.stack(out, 0)

    @torch.jit.export
    def segment(self, key, f16, f8, f4, mem_keys, mem_values, top_k):
        """Memory read + decode -> logits [N,1,H,W]. ``top_k`` is a 0-dim int64 tensor (see :meth:`memory_topk`)."""
        readout = self.read_memory(key, mem_keys, mem_values, top_k)
        n = readout.size(0)
        x = torch.cat([readout, f16.expand(n, -1, -1, -1)], 1)
        return self.decoder(x, f8, f4)

    @torch.jit.export
    def aggregate(self, logits):
        """Soft aggregation: logits [N,1,H,W] -> probabilities [N+1,1,H,W], background at index 0."""
        prob = torch.sigmoid(logits)
        bg = torch.prod(1.0 - prob, dim=0, keepdim=True)
        p = torch.cat([bg, prob], 0).clamp(1e-7, 1.0 - 1e-7)
        return torch.softmax(torch.log(p / (1.0 - p)), dim=0)

    def forward(self, image):
        return self.encode_key(image)


class Fusion(nn.Module):
    """Difference-aware fusion of the previous-round and the new propagation masks.

    The mask change at the interacted frame (``dpos``/``dneg``) is averaged to stride 16, carried to the target
    frame by the softmax (over source positions) of the affinity between ``ikey`` (source) and ``key`` (target), and
    decoded together with the image, both masks and two distance maps.

    * ``lite`` (default): negative squared L2 affinity with the interacted frame's key ``[1,Ck,h,w]``; distance maps
      ``a/(a+b+1)`` and ``exp(-a/16)``; a U-Net whose output is a residual on the logit of ``cur``
      (zero-initialised last layer, so an untrained fusion returns ``cur``).
    * ``fusion_net`` in the configuration (MiVOS): with ``memory_keys`` 'object', ``ikey`` is the interacted frame's
      memory value ``[1 or N,Ck+Cv,h,w]`` whose first ``Ck`` channels are each object's memory key, compared by
      scaled dot product; distance maps ``b/(a+b)`` and ``a/(a+b)`` (``distance_features`` 'ratio'); a
      full-resolution :class:`ResidualConvStack` that returns the logits itself (``residual_on_cur`` false).

    ``dist = (a, b)``: frames to the new and to the earlier interacted frame.
    """

    def __init__(self, cfg: dict):
        super().__init__()
        self.norm = ImageNorm(cfg)
        net = cfg.get("fusion_net")
        cin = 3 + 2 + 2 + 2
        if net is None:
            ec = cfg["fusion_encoder"]
            self.encoder = Encoder(cin, ec)
            w4, w8, w16 = ec["widths"]
            self.decoder = Decoder(w16, w8, w4, cfg["fusion_decoder"], zero_last=True)
            self.body = None
            net = {}
        else:
            if net["style"] != "residual_stack":
                raise ValueError("unknown fusion network style " + net["style"])
            self.encoder = None
            self.decoder = None
            self.body = ResidualConvStack(cin, net["width"], net["blocks"])
        self.ratio_distances = net.get("distance_features", "decay") == "ratio"
        self.residual_on_cur = bool(net.get("residual_on_cur", True))
        self.object_keys = cfg.get("memory_keys", "frame") == "object"
        self.key_dim = cfg["key_dim"]
        self.stride = int(cfg["stride"])

    @torch.jit.export
    def align(self, key, ikey, d):
        """Carry d [N,K,H,W] from the interacted frame (ikey) to the target frame (key) -> [N,K,H,W]."""
        ck = key.size(1)
        h = key.size(2)
        w = key.size(3)
        n = d.size(0)
        kk = d.size(1)
        small = F.avg_pool2d(d, self.stride).reshape(n, kk, h * w)
        if self.object_keys:
            src = ikey[:, :self.key_dim].reshape(-1, self.key_dim, h * w)
            tgt = key.reshape(1, ck, h * w) * (1.0 / math.sqrt(ck))
            aff = torch.softmax(torch.matmul(src.transpose(1, 2), tgt), dim=1)  # [1 or N, src, tgt]
            moved = torch.bmm(small, aff.expand(n, -1, -1)).reshape(n, kk, h, w)
        else:
            src = ikey.reshape(ck, h * w)
            aff = torch.softmax(_neg_sq_l2(src, key.reshape(ck, h * w), 1.0 / math.sqrt(ck)), dim=0)  # [src, tgt]
            moved = torch.mm(small.reshape(n * kk, h * w), aff).reshape(n, kk, h, w)
        return F.interpolate(moved, size=(d.size(2), d.size(3)), mode="bilinear", align_corners=False)

    @torch.jit.export
    def fuse(self, image, key, ikey, prev, cur, dpos, dneg, dist):
        """See docs/ARCHITECTURE.md; dist [N,2] = frames to the new / to the earlier interacted frame."""
        return self.decode(self.inputs(image, key, ikey, prev, cur, dpos, dneg, dist), cur)

    def inputs(self, image, key, ikey, prev, cur, dpos, dneg, dist):
        """Network input [N,9,H,W]: normalised image, prev, cur, aligned dpos/dneg, two distance maps."""
        n = prev.size(0)
        hh = prev.size(2)
        ww = prev.size(3)
        moved = self.align(key, ikey, torch.cat([dpos, dneg], 1))
        a = dist[:, 0:1]
        b = dist[:, 1:2]
        if self.ratio_distances:
            span = (a + b).clamp(min=1e-6)
            dfeat = torch.cat([b / span, a / span], 1)
        else:
            dfeat = torch.cat([a / (a + b + 1.0), torch.exp(-a / 16.0)], 1)
        dfeat = dfeat.view(n, 2, 1, 1).expand(n, 2, hh, ww)
        return torch.cat([self.norm(image).expand(n, -1, -1, -1), prev, cur, moved, dfeat], 1)

    def decode(self, x, cur):
        """Fused logits from the network input (a residual on the logit of ``cur`` where configured)."""
        if self.body is not None:
            logits = self.body(x)
        elif self.encoder is not None and self.decoder is not None:
            f4, f8, f16 = self.encoder(x)
            logits = self.decoder(f16, f8, f4)
        else:
            raise RuntimeError("Fusion has no network")
        if self.residual_on_cur:
            c = cur.clamp(1e-4, 1.0 - 1e-4)
            logits = logits + torch.log(c / (1.0 - c))
        return logits

    def forward(self, image, key, ikey, prev, cur, dpos, dneg, dist):
        return self.fuse(image, key, ikey, prev, cur, dpos, dneg, dist)


def fold_batchnorm(module: nn.Module) -> nn.Module:
    """Merge every ConvBN's batch norm into its convolution (in place, eval semantics) and return the module."""
    for m in module.modules():
        if isinstance(m, ConvBN) and isinstance(m.bn, nn.BatchNorm2d):
            bn = m.bn
            scale = bn.weight.detach() / torch.sqrt(bn.running_var + bn.eps)
            conv = m.conv
            conv.weight.data = conv.weight.data * scale.view(-1, 1, 1, 1)
            shift = bn.running_mean if conv.bias is None else bn.running_mean - conv.bias.detach()
            bias = bn.bias.detach() - shift * scale
            conv.bias = nn.Parameter(bias.clone())
            m.bn = nn.Identity()
    return module


def build(stage: str, cfg: dict) -> nn.Module:
    """Build the module for 's2m', 'propagation' or 'fusion'."""
    if stage == "s2m":
        return S2M(cfg)
    if stage == "propagation":
        return Propagation(cfg)
    if stage == "fusion":
        return Fusion(cfg)
    raise ValueError("unknown stage " + stage)


STAGES = ("s2m", "propagation", "fusion")
