"""
Epochs of a PyTorch script. The rule, in order of authority:
1. `deepscope.epoch()` ends an epoch where the script says (once called, only it does);
2. else a pass over a DataLoader during which the optimizer stepped ends one, when the loader is
   exhausted or iterated again (a `break`); the first loader to do so is the run's epoch loader, so a
   validation loader (no steps while it runs) or a second training loader never adds epochs;
3. else every step is in epoch 0, and the run's end closes that one epoch.
An epoch a loader ends is written at the next step, `deepscope.epoch()` or the run's end, so that a
`deepscope.epoch(val_loss=…)` right after the loop adds its metrics to the same record.
"""
from __future__ import annotations

import math
import weakref
from typing import Any, Callable, Optional

import torch

from .records import Record, without_none


class EpochClock:
    def __init__(self, write: Callable[[Record], None]) -> None:
        self._write = write
        self.epoch = 0
        self.explicit = False
        self._losses: list[float] = []
        self._steps = 0
        self._lr = math.nan
        self._pending = False
        self._epoch_loader: Optional[weakref.ref[Any]] = None
        self._loader_steps: "weakref.WeakKeyDictionary[Any, int]" = weakref.WeakKeyDictionary()
        self._total_steps = 0
        self.current_loader: Optional[weakref.ref[Any]] = None

    @property
    def pending(self) -> bool:
        """A loader ended an epoch that is not written yet."""
        return self._pending

    def step_taken(self, loss: Optional[float], lr: float) -> None:
        if self._steps == 0:
            self._lr = lr  # the rate this epoch's steps use, before a scheduler steps at its end
        self._steps += 1
        self._total_steps += 1
        if loss is not None:
            self._losses.append(loss)

    def write_pending(self) -> bool:
        """Writes the epoch a loader ended; True if there was one."""
        if self._pending:
            self._end({})
            return True
        return False

    def explicit_end(self, metrics: dict[str, Any]) -> bool:
        self.explicit = True
        if self._pending or self._steps > 0:
            self._end(metrics)
            return True
        return False

    def run_ends(self) -> None:
        if self._pending or self._steps > 0:
            self._end({})

    def iteration_started(self, loader: Any) -> None:
        """A new pass over `loader`: the previous one, cut short by a `break`, ended an epoch if it trained."""
        if loader in self._loader_steps:
            self._loader_exhausted(loader)
        self._loader_steps[loader] = self._total_steps
        self.current_loader = weakref.ref(loader)

    def batch_fetched(self, loader: Any) -> None:
        self.current_loader = weakref.ref(loader)

    def iteration_ended(self, loader: Any) -> None:
        if loader in self._loader_steps:
            self._loader_exhausted(loader)

    def is_epoch_loader(self, loader: Any) -> bool:
        epoch_loader = self._epoch_loader() if self._epoch_loader else None
        return epoch_loader is None or epoch_loader is loader

    def _loader_exhausted(self, loader: Any) -> None:
        started = self._loader_steps.pop(loader)
        if self.explicit or self._total_steps == started or not self.is_epoch_loader(loader):
            return
        self._epoch_loader = weakref.ref(loader)
        self._pending = self._steps > 0

    def _end(self, metrics: dict[str, Any]) -> None:
        mean = sum(self._losses) / len(self._losses) if self._losses else math.nan
        own, validation, val_loss = _split_metrics(metrics)
        self._write(without_none({
            "type": "epoch", "epoch": self.epoch, "loss": mean, "lr": self._lr, "metrics": own,
            "valLoss": val_loss, "valMetrics": validation or None,
        }))
        self.epoch += 1
        self._losses, self._steps, self._pending, self._lr = [], 0, False, math.nan


def _split_metrics(metrics: dict[str, Any]) -> tuple[dict[str, float], dict[str, float], Optional[float]]:
    """`val_loss` → valLoss, `val_acc` → valMetrics.acc, others → metrics; tensors become floats."""
    own: dict[str, float] = {}
    validation: dict[str, float] = {}
    val_loss: Optional[float] = None
    for name, value in metrics.items():
        number = _number(value)
        if number is None:
            continue
        if name == "val_loss":
            val_loss = number
        elif name.startswith("val_"):
            validation[name[4:]] = number
        else:
            own[name] = number
    return own, validation, val_loss


def _number(value: Any) -> Optional[float]:
    if isinstance(value, torch.Tensor) and value.numel() == 1:
        return float(value.item())
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    return None
