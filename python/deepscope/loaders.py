"""
DataLoader passes, as the epoch rule needs them: a pass starts (`iter(loader)`), yields a batch, or is
exhausted. Seen through DataLoader.__iter__ and the iterators' common __next__, so every loader kind
(one process, worker processes, persistent workers) is followed.
"""
from __future__ import annotations

import weakref
from typing import Any, Callable, Optional, Protocol

from torch.utils.data import DataLoader
from torch.utils.data.dataloader import _BaseDataLoaderIter

from .guard import guarded
from .patches import Patches


class LoaderListener(Protocol):
    def iteration_started(self, loader: DataLoader) -> None: ...

    def iteration_ended(self, loader: DataLoader) -> None: ...

    def batch_fetched(self, loader: DataLoader, iterator: Any) -> None: ...


class LoaderEvents:
    def __init__(self, listeners: Callable[[], list[LoaderListener]]) -> None:
        self._listeners = listeners
        self._loaders: "weakref.WeakKeyDictionary[Any, weakref.ref[DataLoader]]" = weakref.WeakKeyDictionary()
        self._fetching: Optional[weakref.ref[DataLoader]] = None
        self._patches = Patches()

    def install(self) -> None:
        self._patches.replace(DataLoader, "__iter__", self._iter)
        self._patches.replace(_BaseDataLoaderIter, "__next__", self._next)

    def remove(self) -> None:
        self._patches.restore()

    def _iter(self, original: Callable[[DataLoader], Any]) -> Callable[[DataLoader], Any]:
        def __iter__(loader: DataLoader) -> Any:
            iterator = original(loader)
            guarded(self._started)(loader, iterator)
            return iterator

        return __iter__

    def _next(self, original: Callable[[Any], Any]) -> Callable[[Any], Any]:
        def __next__(iterator: Any) -> Any:
            try:
                batch = original(iterator)
            except StopIteration:
                guarded(self._ended)(iterator)
                raise
            guarded(self._fetched)(iterator)
            return batch

        return __next__

    def _started(self, loader: DataLoader, iterator: Any) -> None:
        self._loaders[iterator] = weakref.ref(loader)
        for listener in self._listeners():
            listener.iteration_started(loader)

    def pass_under_way(self) -> Optional[DataLoader]:
        """The loader whose pass gave the last batch, while that pass lasts (for a run that begins in the middle of it)."""
        return self._fetching() if self._fetching is not None else None

    def _ended(self, iterator: Any) -> None:
        loader = self._loader_of(iterator)
        if loader is not None and self.pass_under_way() is loader:
            self._fetching = None
        for listener in self._listeners() if loader is not None else []:
            listener.iteration_ended(loader)

    def _fetched(self, iterator: Any) -> None:
        loader = self._loader_of(iterator)
        self._fetching = weakref.ref(loader) if loader is not None else None
        for listener in self._listeners() if loader is not None else []:
            listener.batch_fetched(loader, iterator)

    def _loader_of(self, iterator: Any) -> Optional[DataLoader]:
        reference = self._loaders.get(iterator)
        return reference() if reference is not None else None
