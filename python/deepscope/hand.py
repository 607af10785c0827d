"""
Training loops that update parameters by hand, with no torch.optim optimizer
(`loss.backward()` then `p.data.add_(-lr * p.grad)`, or `p -= lr * p.grad` under no_grad).

Before any optimizer has stepped the watched model, each `backward()` names a candidate: the model its
graph reaches (the top-level module holding most of the parameters the graph accumulates gradients into),
with a fingerprint of that model's parameters. If the next `backward()` finds those parameters changed and no
optimizer stepped them in between, the script trains that model by hand, and from then on every `backward()`
whose graph reaches one of its parameters is one step (another model's backward pass is none).
Gradient accumulation before a first `optimizer.step()` changes no weight between its backward passes, so
an optimizer's model is never taken for a hand-trained one; once an optimizer steps the model, steps are
that optimizer's and backward passes are not looked at any more.
"""
from __future__ import annotations

from typing import Any, Optional

import torch
from torch import nn

from .optimizers import model_of


class HandCandidate:
    """The model one backward pass reached, its parameters' fingerprint then, and that pass's loss."""

    def __init__(self, model: nn.Module, loss: Optional[float]) -> None:
        self.model = model
        self.loss = loss
        self._fingerprint = fingerprint(model)

    def updated(self) -> bool:
        """The parameters changed since the backward pass (an optimizer step rules this out beforehand)."""
        now = fingerprint(self.model)
        return now.shape != self._fingerprint.shape or not torch.equal(now, self._fingerprint)


def reached_model(tensors: Any, preferred: Optional[nn.Module]) -> Optional[nn.Module]:
    """The model whose parameters the backward pass of `tensors` gives gradients to (`preferred` if it is one of them)."""
    parameters = reached_parameters(tensors)
    return model_of(parameters, preferred) if parameters else None


def reached_parameters(tensors: Any, wanted: Optional[set[int]] = None) -> set[int]:
    """ids of the leaf tensors the graph of `tensors` accumulates gradients into (AccumulateGrad nodes); with
    `wanted`, the walk stops at the first of those (depth first, a layer's parameters are a few nodes from the loss)."""
    items = tensors if isinstance(tensors, (tuple, list)) else (tensors,)
    pending = [item.grad_fn for item in items if isinstance(item, torch.Tensor) and item.grad_fn is not None]
    seen: dict[int, Any] = {}  # the nodes are kept while the walk lasts, so that their ids stay theirs
    found: set[int] = set()
    while pending:
        node = pending.pop()
        if node is None or id(node) in seen:
            continue
        seen[id(node)] = node
        variable = getattr(node, "variable", None)
        if isinstance(variable, torch.Tensor):
            found.add(id(variable))
            if wanted is not None and id(variable) in wanted:
                return found
        pending.extend(following for following, _ in node.next_functions)
    return found


def reaches(tensors: Any, parameters: set[int]) -> bool:
    """The backward pass of `tensors` gives a gradient to one of `parameters` (ids)."""
    return not parameters.isdisjoint(reached_parameters(tensors, parameters))


@torch.no_grad()
def fingerprint(model: nn.Module) -> torch.Tensor:
    """Sum and norm of each parameter, in float64: any real update changes them; nothing is copied."""
    values = [
        torch.stack([torch.sum(parameter, dtype=torch.float64), torch.linalg.vector_norm(parameter, dtype=torch.float64)])
        for parameter in model.parameters()
    ]
    return torch.stack(values).cpu() if values else torch.zeros(0, dtype=torch.float64)
