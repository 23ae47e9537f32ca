"""Model configurations.

Both configurations go through the same network code in :mod:`mivos_models.networks`; they only differ in the
encoder/decoder shapes and the key/value widths. Every encoder reaches stride 16.

Encoder description keys:
    block        'ir' (inverted residual, depthwise separable), 'basic' (ResNet basic) or 'bottleneck'
    stem         channels of the stride-2 stem convolution
    stem_kernel  kernel size of the stem convolution
    stem_pool    True: a 3x3/2 max pool follows the stem (ResNet style), the first stage keeps stride 1
    widths       output channels of the stride-4, stride-8 and stride-16 stages
    depths       number of blocks per stage
    expand       expansion factor of 'ir' blocks (ignored otherwise)
    plain_first  True: the first block of the stride-4 stage is a plain strided 3x3 convolution
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


def _resnet50():
    return {"block": "bottleneck", "stem": 64, "stem_kernel": 7, "stem_pool": True, "widths": [256, 512, 1024],
            "depths": [3, 4, 6], "expand": 1}


def _resnet18():
    return {"block": "basic", "stem": 64, "stem_kernel": 7, "stem_pool": True, "widths": [64, 128, 256],
            "depths": [2, 2, 2], "expand": 1}


MIVOS = {
    "name": "mivos",
    "key_dim": 128,
    "value_dim": 512,
    "stride": 16,
    "top_k": 50,
    "mean": IMAGENET_MEAN,
    "std": IMAGENET_STD,
    "key_encoder": _resnet50(),
    "value_encoder": _resnet18(),
    "s2m_encoder": _resnet50(),
    "s2m_context_blocks": 2,
    "fusion_encoder": _resnet18(),
    "decoder": {"block": "basic", "widths": [512, 256, 256], "expand": 1},
    "fusion_decoder": {"block": "basic", "widths": [256, 128, 64], "expand": 1},
}

CONFIGS = {"lite": LITE, "mivos": MIVOS}


def get_config(name):
    """Return the configuration dictionary called ``name`` ('lite' or 'mivos')."""
    if name not in CONFIGS:
        raise ValueError("unknown model configuration '%s' (known: %s)" % (name, ", ".join(sorted(CONFIGS))))
    return CONFIGS[name]
