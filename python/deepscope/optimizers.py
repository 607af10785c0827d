"""
Optimizers: their `step` wrapped per instance (a bound method, so an LR scheduler can still wrap it in
turn), the model an optimizer trains, and the optimizers built before DeepScope was imported.
"""
from __future__ import annotations

import gc
import types
import weakref
from typing import Any, Callable, Optional

import torch
from torch import nn

from . import sites
from .layers import unwrap

Closure = Callable[[], Any]
# handler(optimizer, update, closure): `update(c)` runs the optimizer's own step once, with `c` in place of the
# script's closure (LBFGS and `step(closure)`: the forward and backward passes happen inside the step).
Step = Callable[[torch.optim.Optimizer, Callable[[Optional[Closure]], Any], Optional[Closure]], Any]

# The wrapper stays once added (a scheduler may have wrapped it); without a handler it only calls the original.
_wrapped: "weakref.WeakSet[torch.optim.Optimizer]" = weakref.WeakSet()
_handler: list[Step] = []


def handle_steps(handler: Optional[Step]) -> None:
    """Every wrapped optimizer's step goes through `handler(optimizer, update)` from now on (None: straight through)."""
    _handler[:] = [handler] if handler is not None else []


def wrap_step(optimizer: torch.optim.Optimizer) -> None:
    if optimizer in _wrapped:
        return
    _wrapped.add(optimizer)
    original = optimizer.step

    def step(self: torch.optim.Optimizer, *args: Any, **kwargs: Any) -> Any:
        if not _handler:
            return original(*args, **kwargs)
        closure = kwargs["closure"] if "closure" in kwargs else (args[0] if args else None)

        def update(replacement: Optional[Closure]) -> Any:
            if closure is None:
                return original(*args, **kwargs)
            if "closure" in kwargs:
                return original(*args, **{**kwargs, "closure": replacement})
            return original(replacement, *args[1:], **kwargs)

        return _handler[0](self, update, closure if callable(closure) else None)

    optimizer.step = types.MethodType(step, optimizer)  # type: ignore[method-assign]


def trained_model(optimizer: torch.optim.Optimizer, preferred: Optional[nn.Module]) -> Optional[nn.Module]:
    """`preferred` if the optimizer steps it, else the top-level module holding most of its parameters (DataParallel unwrapped)."""
    return model_of({id(parameter) for group in optimizer.param_groups for parameter in group["params"]}, preferred)


def model_of(parameters: set[int], preferred: Optional[nn.Module]) -> Optional[nn.Module]:
    """`preferred` if it holds one of `parameters` (ids), else the top-level module holding most of them (DataParallel unwrapped)."""
    if preferred is not None and any(id(parameter) in parameters for parameter in preferred.parameters()):
        return preferred
    modules = sites.live_modules()
    inner = {id(child) for module in modules for child in module.modules() if child is not module}
    best, overlap = None, 0
    for module in modules:
        if id(module) in inner:
            continue
        count = sum(1 for parameter in module.parameters() if id(parameter) in parameters)
        if count > overlap:
            best, overlap = module, count
    return unwrap(best) if best is not None else None


def existing_optimizers(model: nn.Module) -> tuple[torch.optim.Optimizer, ...]:
    """Optimizers built before DeepScope was imported (a notebook's earlier cell) that step `model`."""
    mine = {id(parameter) for parameter in model.parameters()}
    # type(), not isinstance(): some objects (torch.distributed.reduce_op) warn when their __class__ is read.
    found = [thing for thing in gc.get_objects() if issubclass(type(thing), torch.optim.Optimizer)]
    return tuple(optimizer for optimizer in found if any(id(p) in mine for group in optimizer.param_groups for p in group["params"]))
