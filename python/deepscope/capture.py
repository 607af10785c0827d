"""
What the forward pass of a probe step shows: each leaf's output, which activation consumes the output
of which layer (an activation module run on it, or a functional call such as F.relu / torch.sigmoid /
Tensor.tanh applied to it) and the model's input. Hooks and the functional wrappers exist only from the
step before the probe step until its backward: other steps run torch untouched. Statistics are taken
at once (a later in-place op, such as ReLU(inplace=True), would change the tensor).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Optional

import torch
from torch import nn

from . import layers
from .guard import guarded
from .taps import Taps
from .stats import Stats, describe_activations, describe_inputs, describe_values


ACTIVATION_TAPS = Taps(layers.FUNCTIONAL_ACTIVATIONS)


@dataclass
class LeafSeen:
    """One leaf on the probe forward, merged with the activation that consumed its output."""

    name: str
    module: nn.Module
    output_shape: list[Optional[int]]
    activation: Optional[str]
    outputs: Optional[Stats]
    pre_activations: Optional[Stats] = None
    activation_module: Optional[nn.Module] = None


@dataclass
class ForwardCapture:
    """Set up before a probe step's forward pass; `close()` removes every hook it added."""

    root: nn.Module
    watched: Optional[set[str]]
    describe_input: bool = False
    seen: list[LeafSeen] = field(default_factory=list)
    inputs: Optional[Stats] = None
    _names: dict[nn.Module, str] = field(default_factory=dict)
    _by_output: dict[int, LeafSeen] = field(default_factory=dict)
    _keep: list[torch.Tensor] = field(default_factory=list)
    _recording: bool = False
    _done: bool = False
    _inside: int = 0
    _pending_pre: Optional[Stats] = None
    _pairing: dict[int, LeafSeen] = field(default_factory=dict)
    _handles: list[Any] = field(default_factory=list)
    _unsubscribe: Optional[Callable[[], None]] = None

    def __post_init__(self) -> None:
        self._names = {module: name for name, module in layers.leaves(self.root)}
        # Hooks run in the order they were added: a model that is itself one layer ends as a leaf, then as the root.
        self._handles.append(self.root.register_forward_pre_hook(guarded(self._root_starts)))
        for module in self._names:
            self._handles.append(module.register_forward_pre_hook(guarded(self._leaf_starts)))
            self._handles.append(module.register_forward_hook(guarded(self._leaf_ends)))
        self._handles.append(self.root.register_forward_hook(guarded(self._root_ends)))
        self._unsubscribe = ACTIVATION_TAPS.subscribe(guarded(self._functional))

    @property
    def captured(self) -> bool:
        return bool(self.seen)

    def close(self) -> None:
        for handle in self._handles:
            handle.remove()
        self._handles.clear()
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        self._keep.clear()
        self._recording = False

    def _begin(self) -> bool:
        """The first forward with gradients after set-up is the training step's."""
        if not self._recording and not self._done and torch.is_grad_enabled():
            self._recording = True
        return self._recording

    def _root_starts(self, _module: nn.Module, inputs: tuple[Any, ...]) -> None:
        if self._begin() and self.describe_input and self.inputs is None:
            first = _first_tensor(inputs)
            self.inputs = describe_inputs(first) if first is not None else None

    def _root_ends(self, *_: Any) -> None:
        if self._recording:
            self._recording, self._done = False, True

    def _leaf_starts(self, module: nn.Module, inputs: tuple[Any, ...]) -> None:
        self._inside += 1
        if not self._begin() or any(seen.module is module for seen in self.seen):
            return
        activation = layers.activation_module(module)
        source = self._by_output.get(id(inputs[0])) if activation and inputs and isinstance(inputs[0], torch.Tensor) else None
        if source is not None and layers.takes_activation(source.module) and source.activation_module is None and source.activation == "linear":
            source.activation, source.activation_module = activation, module
            self._pairing[id(module)] = source  # one nn.ReLU may serve several layers: this call's
        elif activation and inputs and isinstance(inputs[0], torch.Tensor) and self._is_watched(self._names[module]):
            self._pending_pre = describe_values(inputs[0])

    def _leaf_ends(self, module: nn.Module, _inputs: tuple[Any, ...], output: Any) -> None:
        self._inside -= 1
        if not self._recording:
            return
        tensor = _first_tensor(output)
        paired = self._pairing.pop(id(module), None)
        if paired is not None:
            if tensor is not None and paired.outputs is not None:
                paired.pre_activations = paired.outputs
                paired.outputs = describe_activations(tensor, paired.activation)
            return
        if tensor is None or any(seen.module is module for seen in self.seen):
            return
        name = self._names[module]
        activation = layers.activation_module(module) or ("linear" if layers.takes_activation(module) else None)
        watched = self._is_watched(name)
        seen = LeafSeen(name, module, layers.output_shape(module, tensor), activation, describe_activations(tensor, activation) if watched else None)
        if watched and layers.activation_module(module):
            seen.pre_activations = self._pending_pre
        self._pending_pre = None
        self.seen.append(seen)
        if not layers.is_recurrent(module):
            self._by_output[id(tensor)] = seen
            self._keep.append(tensor)  # keeps the id unique while the capture lasts

    def _functional(self, activation: str, args: tuple[Any, ...], _kwargs: dict[str, Any], result: Any) -> None:
        # Inside a leaf (nn.ReLU calls F.relu) the call is that module's own business.
        if self._inside == 0 and args and isinstance(args[0], torch.Tensor) and torch.is_grad_enabled():
            self._functional_applied(args[0], result, activation)

    def _functional_applied(self, source_tensor: torch.Tensor, result: Any, activation: str) -> None:
        source = self._by_output.get(id(source_tensor))
        if source is None or source.activation_module is not None or source.activation not in (None, "linear"):
            return
        if layers.is_recurrent(source.module) or not isinstance(result, torch.Tensor):
            return
        source.activation = activation
        source.activation_module = None
        if source.outputs is not None:
            source.pre_activations = source.outputs
            source.outputs = describe_activations(result, activation)
        # Consumed: a second function applied to the same output is not this layer's activation.
        del self._by_output[id(source_tensor)]

    def _is_watched(self, name: str) -> bool:
        return self.watched is None or name in self.watched


def _first_tensor(value: Any) -> Optional[torch.Tensor]:
    if isinstance(value, torch.Tensor):
        return value
    if isinstance(value, (tuple, list)):
        for item in value:
            found = _first_tensor(item)
            if found is not None:
                return found
    if isinstance(value, dict):
        return _first_tensor(list(value.values()))
    return None
