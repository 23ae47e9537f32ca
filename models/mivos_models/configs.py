"""Model configurations.

Both configurations go through the same network code in :mod:`mivos_models.networks`; they differ in the
encoder/decoder shapes, the key/value widths and the optional pieces listed below. Every encoder reaches stride 16.

Encoder description keys:
    block        'ir' (inverted residual, depthwise separable) or 'bottleneck' (ResNet)
    stem         channels of the stride-2 stem convolution
    stem_kernel  kernel size of the stem convolution
    stem_pool    True: a 3x3/2 max pool follows the stem (ResNet style), the first stage keeps stride 1
    widths       output channels of the stride-4, stride-8 and stride-16 stages
    depths       number of blocks per stage
    expand       expansion factor of 'ir' blocks (ignored otherwise)
    plain_first  True: the first block of the stride-4 stage is a plain strided 3x3 convolution
    conv_bias    True: every convolution has a bias besides its batch norm (default False)
    dilated_stage {width, depth, dilation}: a further stage of dilated blocks at stride 16 whose output is the
                 stride-16 feature (default none)

Memory read:
    memory_locality  sigma, in stride-16 cells, of a Gaussian spatial prior added to the memory affinity (a memory
                 cell far from the query position is read less); 0 or absent = off, as in the published networks

Keys only `mivos` sets (absent = the `lite` behaviour): memory_keys ('frame' or 'object'), s2m_head, decoder.style
('unet' or 'upsample'), fusion_net; see :mod:`mivos_models.networks`.
"""

IMAGENET_MEAN = [0.485, 0.456, 0.406]
IMAGENET_STD = [0.229, 0.224, 0.225]


def _lite_encoder(widths, depths, stem=16):
    return {"block": "ir", "stem": stem, "stem_kernel": 3, "stem_pool": False, "widths": widths,
            "depths": depths, "expand": 3, "plain_first": True}


LITE = {
    "name": "lite",
    "key_dim": 64,
    "value_dim": 128,
    "stride": 16,
    "top_k": 50,
    # Chosen on the real validation sequences with the 0.2.0 weights (model card, "Memory locality").
    "memory_locality": 0.7,
    "mean": IMAGENET_MEAN,
    "std": IMAGENET_STD,
    "key_encoder": _lite_encoder([24, 40, 96], [2, 2, 3]),
    "value_encoder": _lite_encoder([16, 32, 64], [1, 1, 2]),
    "s2m_encoder": _lite_encoder([24, 40, 96], [1, 2, 3]),
    "s2m_context_blocks": 2,
    "fusion_encoder": _lite_encoder([16, 32, 64], [1, 1, 2]),
    "decoder": {"block": "ir", "widths": [64, 40, 24], "expand": 2},
    "fusion_decoder": {"block": "ir", "widths": [48, 32, 16], "expand": 2},
}


def _resnet50(conv_bias=False, dilated=False):
    """ResNet-50 up to layer3 (stride 16, 1024 channels); ``dilated`` adds layer4 with dilation 2 (DeepLab)."""
    encoder = {"block": "bottleneck", "stem": 64, "stem_kernel": 7, "stem_pool": True, "widths": [256, 512, 1024],
               "depths": [3, 4, 6], "expand": 1}
    if conv_bias:
        encoder["conv_bias"] = True
    if dilated:
        encoder["dilated_stage"] = {"width": 2048, "depth": 3, "dilation": 2}
    return encoder


# The published MiVOS networks (Cheng, Tai and Tang, CVPR 2021), layer for layer, so that convert_official.py can
# load their checkpoints: S2M = DeepLabV3+ on a ResNet-50 (output stride 16, ASPP rates 6/12/18) over image + prev +
# pos + neg; propagation = STM-style with a ResNet-50 query encoder (key 128, query value 512) and a second ResNet-50
# (convolutions with biases) over image + mask + others that gives each object's memory key and value; fusion = a
# small full-resolution residual network over image, both masks, the aligned change maps and the distance ratios.
MIVOS = {
    "name": "mivos",
    "key_dim": 128,
    "value_dim": 512,
    "stride": 16,
    "top_k": 50,
    "mean": IMAGENET_MEAN,
    "std": IMAGENET_STD,
    "memory_keys": "object",
    "key_encoder": _resnet50(),
    "value_encoder": _resnet50(conv_bias=True),
    "s2m_encoder": _resnet50(dilated=True),
    "s2m_head": {"style": "deeplabv3plus", "aspp_rates": [6, 12, 18], "width": 256, "low_level": 48},
    "decoder": {"style": "upsample", "widths": [512, 256, 256]},
    "fusion_net": {"style": "residual_stack", "width": 32, "blocks": 2, "distance_features": "ratio",
                   "residual_on_cur": False},
}

CONFIGS = {"lite": LITE, "mivos": MIVOS}


def get_config(name):
    """Return the configuration dictionary called ``name`` ('lite' or 'mivos')."""
    if name not in CONFIGS:
        raise ValueError("unknown model configuration '%s' (known: %s)" % (name, ", ".join(sorted(CONFIGS))))
    return CONFIGS[name]
