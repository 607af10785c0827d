"""Attribute replacement that can be undone: every hook DeepScope puts into torch goes through here."""
from __future__ import annotations

from typing import Any, Callable


class Patches:
    """Replaces attributes of classes and modules and puts the originals back, last first."""

    def __init__(self) -> None:
        self._undo: list[tuple[Any, str, bool, Any]] = []

    def replace(self, owner: Any, name: str, make: Callable[[Any], Any]) -> None:
        """Sets `owner.name` to `make(current value)`; `restore` brings back exactly what was there."""
        own = name in vars(owner)
        previous = vars(owner)[name] if own else None
        setattr(owner, name, make(getattr(owner, name)))
        self._undo.append((owner, name, own, previous))

    def restore(self) -> None:
        while self._undo:
            owner, name, own, previous = self._undo.pop()
            if own:
                setattr(owner, name, previous)
            else:
                delattr(owner, name)

    def __bool__(self) -> bool:
        return bool(self._undo)
