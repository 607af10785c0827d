"""
Listening to torch functions (F.relu, torch.sigmoid, F.cross_entropy…) for a while. The functions are
wrapped while at least one listener is subscribed and restored when the last leaves, so several
listeners (two candidate models) never stack wrappers that could be undone in the wrong order.
"""
from __future__ import annotations

from typing import Any, Callable

from .patches import Patches

Listener = Callable[[str, tuple[Any, ...], dict[str, Any], Any], None]


class Taps:
    def __init__(self, targets: tuple[tuple[object, str, str], ...]) -> None:
        """`targets`: (owner, attribute, tag) for each function; listeners get the tag, arguments and result."""
        self._targets = targets
        self._listeners: list[Listener] = []
        self._patches = Patches()

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        if not self._listeners:
            for owner, attribute, tag in self._targets:
                self._patches.replace(owner, attribute, lambda original, tag=tag: self._tapped(original, tag))
        self._listeners.append(listener)
        return lambda: self._unsubscribe(listener)

    def _unsubscribe(self, listener: Listener) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)
            if not self._listeners:
                self._patches.restore()

    def _tapped(self, original: Callable[..., Any], tag: str) -> Callable[..., Any]:
        listeners = self._listeners

        def tapped(*args: Any, **kwargs: Any) -> Any:
            result = original(*args, **kwargs)
            for listener in list(listeners):
                listener(tag, args, kwargs, result)
            return result

        return tapped
