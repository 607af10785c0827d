"""
The probe of one training step, from the step itself: activations from its forward pass (ForwardCapture),
gradients as the optimizer is about to use them, weights after the update and ‖ΔW‖/‖W‖ over it.
"""
from __future__ import annotations

import math
from typing import Any, Callable, Optional

import torch

from . import layers
from .capture import ForwardCapture, LeafSeen
from .records import Record, without_none
from .sites import site_of
from .buffers import WORK
from .stats import describe_with_norm, sum_of_squares, unit_spread


class StepProbe:
    """Taken around `optimizer.step`: `before_update()`, the update, then `record()`."""

    def __init__(self, capture: ForwardCapture) -> None:
        self._watched = [seen for seen in capture.seen if seen.outputs is not None]
        self._gradients: dict[int, Record] = {}
        self._before: dict[int, tuple[torch.Tensor, float]] = {}

    @torch.no_grad()
    def before_update(self) -> None:
        for seen in self._watched:
            for _, parameter, layout in layers.weight_views(seen.module):
                if parameter.grad is not None:
                    # Statistics do not depend on the layout: taken on the stored tensor, without a transposed copy.
                    gradient = parameter.grad
                    stats, norm = describe_with_norm(gradient)
                    # .float(): the kept buffer is float32 whatever the model's dtype (a no-op on float32 gradients).
                    mean_abs = torch.abs(gradient.reshape(-1).float(), out=WORK.flat(("values", gradient.device), gradient.numel(), torch.float32, gradient.device)).mean()
                    self._gradients[id(parameter)] = {"norm": norm, "meanAbs": float(mean_abs), "stats": stats}
                # The weights before the update, in a buffer kept for the next probes, and their norm.
                before = WORK.flat(("before", id(parameter)), parameter.numel(), parameter.dtype, parameter.device).view(parameter.shape)
                before.copy_(parameter)
                self._before[id(parameter)] = (before, math.sqrt(sum_of_squares(before)))

    @torch.no_grad()
    def record(self, step: int, epoch: int) -> Record:
        return {"type": "probe", "step": step, "epoch": epoch, "layers": [self._layer(seen) for seen in self._watched]}

    def _layer(self, seen: LeafSeen) -> Record:
        return without_none({
            "layer": seen.name,
            "activations": seen.outputs,
            "preActivations": seen.pre_activations,
            "weights": [self._weight(seen.name, name, parameter, layout) for name, parameter, layout in layers.weight_views(seen.module)],
        })

    def _weight(self, layer: str, name: str, parameter: torch.nn.Parameter, layout: Callable[[torch.Tensor], torch.Tensor]) -> Record:
        value = parameter.detach()
        stats, norm = describe_with_norm(value)
        ratio: Optional[float] = None
        before = self._before.get(id(parameter))
        # A ratio to a (near-)zero norm, e.g. a freshly zero-initialised bias, says nothing (as modelProbe.ts).
        if before is not None and norm > 1e-6 and before[1] > 0:
            previous, previous_norm = before
            change = math.sqrt(sum_of_squares(previous.sub_(value))) / previous_norm  # ΔW in the kept buffer
            ratio = change if math.isfinite(change) else None
        return without_none({
            "name": f"{layer}/{name}",
            "shape": list(layout(value).shape),
            "values": stats,
            "norm": norm,
            "gradient": self._gradients.get(id(parameter)),
            "updateRatio": ratio,
            "unitSpread": unit_spread(layout(value)),
        })


def layer_infos(seen: list[LeafSeen]) -> list[Record]:
    """The start record's layers, in the order the forward pass ran them."""
    infos = []
    for layer in seen:
        modules = [layer.module] + ([layer.activation_module] if layer.activation_module is not None else [])
        infos.append(without_none({
            "name": layer.name,
            "className": type(layer.module).__name__,
            "activation": layer.activation,
            "outputShape": layer.output_shape,
            "paramCount": sum(parameter.numel() for module in modules for parameter in module.parameters(recurse=False)),
            "source": site_of(layer.module),
        }))
    return infos


def optimizer_info(optimizer: torch.optim.Optimizer) -> Record:
    group: dict[str, Any] = optimizer.param_groups[0] if optimizer.param_groups else {}
    rate = optimizer.defaults.get("lr", group.get("lr", math.nan))
    momentum = group.get("momentum")
    nesterov = group.get("nesterov")
    return without_none({
        "name": type(optimizer).__name__,
        "learningRate": float(rate) if isinstance(rate, (int, float)) else math.nan,
        "momentum": float(momentum) if isinstance(momentum, (int, float)) and not isinstance(momentum, bool) else None,
        "nesterov": nesterov if isinstance(nesterov, bool) else None,
    })


def current_lr(optimizer: torch.optim.Optimizer) -> float:
    rate = optimizer.param_groups[0].get("lr") if optimizer.param_groups else None
    return float(rate) if isinstance(rate, (int, float)) else math.nan
