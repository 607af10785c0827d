"""
The baseline loss (src/engine/probes/baselineLoss.ts): the loss of always predicting the mean target,
taken on the first training batch through the loss function the script calls. Cross-entropy and NLL:
the entropy of the class frequencies (ln 10 for ten balanced classes); MSE: the targets' variance;
binary cross-entropy: the entropy of each output's mean. Other losses have none. The same call also
tells the start record which loss trains the model, the targets' range (src/engine/probes/targetStats.ts)
and the user's line that computed it.
"""
from __future__ import annotations

import math
from typing import Any, Callable, Optional

import torch
from torch.nn import functional as F

from .guard import guarded
from .sites import Site, user_site
from .taps import Taps

_CLASSIFICATION = ("cross_entropy", "nll_loss")
_BINARY = ("binary_cross_entropy", "binary_cross_entropy_with_logits")
LOSS_FUNCTIONS = (*_CLASSIFICATION, "mse_loss", *_BINARY)


LOSS_TAPS = Taps(tuple((F, name, name) for name in LOSS_FUNCTIONS))


class BaselineCapture:
    """Listens to the loss functions until the first training call, or until `close()`."""

    def __init__(self) -> None:
        self.value: Optional[float] = None
        self.loss: Optional[str] = None
        self.targets: Optional[dict[str, Any]] = None
        self.site: Optional[Site] = None
        self.seen = False
        self._unsubscribe: Optional[Callable[[], None]] = LOSS_TAPS.subscribe(guarded(self._loss))

    def close(self) -> None:
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None

    def _loss(self, name: str, args: tuple[Any, ...], kwargs: dict[str, Any], _result: Any) -> None:
        prediction = args[0] if args else kwargs.get("input")
        target = args[1] if len(args) > 1 else kwargs.get("target")
        if self.seen or not torch.is_grad_enabled() or not isinstance(prediction, torch.Tensor) or not isinstance(target, torch.Tensor):
            return
        self.seen = True
        self.value = baseline_loss(name, prediction, target, kwargs.get("ignore_index", -100))
        self.loss = name
        self.targets = describe_targets(target)
        self.site = user_site()
        self.close()


@torch.no_grad()
def describe_targets(target: torch.Tensor) -> Optional[dict[str, Any]]:
    """targetStats.ts: the targets' range, whether they are whole numbers and one-hot rows."""
    if target.numel() == 0 or target.is_complex() or target.dtype == torch.bool:
        return None
    values = target.detach().float()
    low, high = float(values.min()), float(values.max())
    if not (math.isfinite(low) and math.isfinite(high)):
        return None
    width = int(target.shape[-1]) if target.dim() > 1 else 1
    binary = bool(((values == 0) | (values == 1)).all())
    one_hot = width >= 2 and binary and bool((values.reshape(-1, width).sum(1) == 1).all())
    return {"min": low, "max": high, "integers": bool((values == values.round()).all()), "oneHot": one_hot, "width": width}


@torch.no_grad()
def baseline_loss(name: str, prediction: torch.Tensor, target: torch.Tensor, ignore_index: int = -100) -> Optional[float]:
    try:
        value = _baseline(name, prediction.detach(), target.detach(), ignore_index)
    except (RuntimeError, ValueError, IndexError):
        return None
    return value if value is not None and math.isfinite(value) else None


def _baseline(name: str, prediction: torch.Tensor, target: torch.Tensor, ignore_index: int) -> Optional[float]:
    if target.numel() == 0:
        return None
    if name in _CLASSIFICATION:
        classes = prediction.shape[1] if prediction.dim() > 1 else prediction.shape[0]
        if target.is_floating_point():
            # Class probabilities, shaped like the prediction: cross-entropy with their mean.
            rows = (target.movedim(1, -1) if target.dim() > 1 else target).reshape(-1, classes).float()
            mean = rows.mean(0).clamp_min(1e-12)
            return float(-(rows * mean.log()).sum(1).mean())
        labels = target.reshape(-1)
        labels = labels[labels != ignore_index]
        if labels.numel() == 0:
            return None
        frequencies = torch.bincount(labels, minlength=classes).float() / labels.numel()
        present = frequencies[frequencies > 0]
        return float(-(present * present.log()).sum())
    values = target.float()
    if name == "mse_loss":
        return float(((values - values.mean(0)) ** 2).mean()) if values.dim() > 0 else None
    if name in _BINARY:
        mean = values.mean(0).clamp(1e-7, 1 - 1e-7)
        return float(-(values * mean.log() + (1 - values) * (1 - mean).log()).mean())
    return None
