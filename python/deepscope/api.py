"""The one-line API (see the package's docstring); importing it records construction sites."""
from __future__ import annotations

import atexit
import os
import sys
from typing import Any, Optional, Sequence

import torch

from . import sites
from .run import RunOptions
from .sinks import RECORD_FD_ENV, StepBatcher, default_sink
from .optimizers import existing_optimizers
from .watcher import Watcher, current

sites.install()
_previous_excepthook: Optional[Any] = None


def watch(model: torch.nn.Module, optimizer: Optional[torch.optim.Optimizer] = None, probe_every: int = 50, layers: Optional[Sequence[str]] = None) -> torch.nn.Module:
    """Watches `model` from its next optimizer step; returns it. Under `deepscope run` it only names the model to watch."""
    running = current()
    if running is not None and running.by_runner:
        running.prefer(model, optimizer)
        return model
    if running is not None:
        unwatch()  # a notebook cell run again: the previous run ends here
    caller = sys._getframe(1)
    model_file = caller.f_globals.get("__vsc_ipynb_file__") or caller.f_code.co_filename
    options = RunOptions(model_file=os.path.abspath(model_file), probe_every=max(1, int(probe_every)), layers=tuple(layers) if layers else None)
    watcher = Watcher(options, StepBatcher(default_sink(options.model_file)), writes_log=RECORD_FD_ENV not in os.environ, preferred=model, model_site=sites.site_of(model) or sites.user_site())
    found = (optimizer,) if optimizer is not None else existing_optimizers(model)
    watcher.install(found)
    _hook_exceptions()
    return model


def epoch(val_loss: Optional[float] = None, **metrics: Any) -> None:
    """Ends the current epoch: `val_loss` → valLoss, `val_<name>` → valMetrics, other keywords → metrics."""
    watcher = current()
    if watcher is not None:
        watcher.epoch({**metrics, **({"val_loss": val_loss} if val_loss is not None else {})})


def unwatch() -> None:
    """Ends the run watch() started (its `end` record) and takes DeepScope's hooks out of torch."""
    global _previous_excepthook
    watcher = current()
    if watcher is not None:
        watcher.finish()
    if _previous_excepthook is not None and sys.excepthook is _excepthook:
        sys.excepthook = _previous_excepthook
    _previous_excepthook = None


def _hook_exceptions() -> None:
    global _previous_excepthook
    if _previous_excepthook is None:
        _previous_excepthook = sys.excepthook
        sys.excepthook = _excepthook


def _excepthook(kind: type[BaseException], error: BaseException, tb: Any) -> None:
    from .runner import thrown_record

    watcher = current()
    if watcher is not None and isinstance(error, Exception):
        watcher.error(thrown_record(error))
    (_previous_excepthook or sys.__excepthook__)(kind, error, tb)


atexit.register(unwatch)
