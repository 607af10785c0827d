"""
How PyTorch modules map onto the dashboard's layer model (tfjs's vocabulary): which leaves carry
weights, which are activations and under which name, and how each parameter is named and laid out
(a kernel with its units last, as tfjs: Linear [in, out], Conv2d [kh, kw, in, out]).
"""
from __future__ import annotations

from typing import Callable, Optional

import torch
from torch import nn
from torch.nn import functional as F

ACTIVATION_MODULES: dict[type, str] = {
    nn.ReLU: "relu", nn.ReLU6: "relu6", nn.LeakyReLU: "leakyrelu", nn.PReLU: "prelu", nn.ELU: "elu",
    nn.SELU: "selu", nn.CELU: "celu", nn.GELU: "gelu", nn.SiLU: "swish", nn.Mish: "mish",
    nn.Sigmoid: "sigmoid", nn.Hardsigmoid: "hardSigmoid", nn.Tanh: "tanh", nn.Softmax: "softmax",
    nn.LogSoftmax: "logsoftmax", nn.Softplus: "softplus", nn.Softsign: "softsign",
}

# (owner, attribute, activation): the functional forms a forward may apply to a layer's output.
FUNCTIONAL_ACTIVATIONS: tuple[tuple[object, str, str], ...] = (
    (F, "relu", "relu"), (torch, "relu", "relu"), (torch, "relu_", "relu"), (torch.Tensor, "relu", "relu"),
    (torch.Tensor, "relu_", "relu"), (F, "relu6", "relu6"), (F, "leaky_relu", "leakyrelu"), (F, "elu", "elu"),
    (F, "selu", "selu"), (F, "gelu", "gelu"), (F, "silu", "swish"), (F, "mish", "mish"), (F, "softplus", "softplus"),
    (F, "sigmoid", "sigmoid"), (torch, "sigmoid", "sigmoid"), (torch.Tensor, "sigmoid", "sigmoid"),
    (torch.Tensor, "sigmoid_", "sigmoid"), (F, "hardsigmoid", "hardSigmoid"), (F, "tanh", "tanh"),
    (torch, "tanh", "tanh"), (torch.Tensor, "tanh", "tanh"), (torch.Tensor, "tanh_", "tanh"),
    (F, "softmax", "softmax"), (torch, "softmax", "softmax"), (torch.Tensor, "softmax", "softmax"),
    (F, "log_softmax", "logsoftmax"),
)

_LINEAR_LAYERS = (nn.Linear, nn.Bilinear, nn.modules.conv._ConvNd)
_NORMALISATION = (nn.modules.batchnorm._NormBase, nn.LayerNorm, nn.GroupNorm)


def activation_module(module: nn.Module) -> Optional[str]:
    return ACTIVATION_MODULES.get(type(module))


def takes_activation(module: nn.Module) -> bool:
    """Linear and convolution layers: an activation that consumes their output joins them ('linear' if none)."""
    return isinstance(module, _LINEAR_LAYERS)


def is_recurrent(module: nn.Module) -> bool:
    return isinstance(module, nn.RNNBase)


def unwrap(model: nn.Module) -> nn.Module:
    """DataParallel and DistributedDataParallel train their `.module`."""
    while isinstance(model, (nn.DataParallel, nn.parallel.DistributedDataParallel)):
        model = model.module
    return model


def leaves(model: nn.Module) -> list[tuple[str, nn.Module]]:
    """Modules without children, named as in the model (`features.0`); a model that is one layer is named by its class."""
    found = [(name, module) for name, module in model.named_modules() if next(module.children(), None) is None]
    return [(name or type(module).__name__, module) for name, module in found]


def output_shape(module: nn.Module, output: torch.Tensor) -> list[Optional[int]]:
    """The output's shape with the batch axis unknown (axis 1 for a recurrent layer that is not batch-first)."""
    shape: list[Optional[int]] = list(output.shape)
    batch_axis = 1 if is_recurrent(module) and not getattr(module, "batch_first", False) and output.dim() == 3 else 0
    if shape:
        shape[batch_axis] = None
    return shape


WeightView = tuple[str, nn.Parameter, Callable[[torch.Tensor], torch.Tensor]]


def weight_views(module: nn.Module) -> list[WeightView]:
    """The module's own parameters as tfjs names them, each with the transform to tfjs's layout."""
    return [(probe_name(module, name), parameter, tfjs_layout(module, name)) for name, parameter in module.named_parameters(recurse=False)]


def probe_name(module: nn.Module, name: str) -> str:
    if isinstance(module, _LINEAR_LAYERS) and name == "weight":
        return "kernel"
    if isinstance(module, (nn.Embedding, nn.EmbeddingBag)) and name == "weight":
        return "embeddings"
    if isinstance(module, _NORMALISATION):
        return {"weight": "gamma", "bias": "beta"}.get(name, name)
    if isinstance(module, nn.PReLU) and name == "weight":
        return "alpha"
    if is_recurrent(module):
        return _recurrent_name(name)
    return name


def _recurrent_name(name: str) -> str:
    # weight_ih_l0 → kernel, weight_hh_l0 → recurrent_kernel, weight_ih_l1_reverse → kernel_l1_reverse.
    kind, _, rest = name.rpartition("_l")
    layer, _, direction = rest.partition("_")
    suffix = "" if layer == "0" and not direction else f"_l{layer}" + (f"_{direction}" if direction else "")
    base = {"weight_ih": "kernel", "weight_hh": "recurrent_kernel"}.get(kind, kind)
    return base + suffix


def tfjs_layout(module: nn.Module, name: str) -> Callable[[torch.Tensor], torch.Tensor]:
    if name.startswith("weight") and isinstance(module, (nn.Linear, nn.Bilinear)) or (is_recurrent(module) and name.startswith("weight_")):
        if isinstance(module, nn.Bilinear):
            return lambda tensor: tensor.permute(1, 2, 0)
        return lambda tensor: tensor.t()
    if name == "weight" and isinstance(module, nn.modules.conv._ConvNd):
        spatial = tuple(range(2, module.weight.dim()))
        # Convolutions store [out, in, *k]; transposed ones [in, out, *k]. tfjs: [*k, in, out].
        order = (*spatial, 0, 1) if module.transposed else (*spatial, 1, 0)
        return lambda tensor: tensor.permute(*order)
    return lambda tensor: tensor
