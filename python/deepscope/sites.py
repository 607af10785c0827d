"""
Where the user's code built things: the first stack frame outside torch, DeepScope and the standard
library whose `self` is not the object being built (so a custom module's `super().__init__()` and its
own `__init__` are passed over and the statement `self.fc1 = nn.Linear(…)`, the item of an
`nn.Sequential(…)`, the line in a loop or helper that built a layer is kept). Installed when
`deepscope` is imported: modules, optimizers and data loaders built after that have a site.
"""
from __future__ import annotations

import itertools
import os
import sys
import sysconfig
import weakref
from types import FrameType
from typing import Any, Callable, Optional

import torch
from torch.utils.data import DataLoader

from .patches import Patches

Site = dict[str, Any]

_INTERNAL = tuple(
    os.path.realpath(folder) + os.sep
    for folder in (os.path.dirname(torch.__file__), os.path.dirname(__file__), sysconfig.get_paths()["stdlib"])
)
_LIBRARY_MARKERS = (f"{os.sep}site-packages{os.sep}", f"{os.sep}dist-packages{os.sep}")

_sites: "weakref.WeakKeyDictionary[Any, Site]" = weakref.WeakKeyDictionary()
_optimizer_listeners: list[Callable[[torch.optim.Optimizer], None]] = []
_patches = Patches()


def site_of(thing: Any) -> Optional[Site]:
    """The construction site recorded for a module, optimizer or data loader."""
    try:
        return _sites.get(thing)
    except TypeError:
        return None


def live_modules() -> list[torch.nn.Module]:
    """Modules built since DeepScope was imported that still exist."""
    return [thing for thing in list(_sites.keys()) if isinstance(thing, torch.nn.Module)]


def on_optimizer(listener: Callable[[torch.optim.Optimizer], None]) -> Callable[[], None]:
    """Calls `listener` with every optimizer built from now on; returns the function that stops it."""
    _optimizer_listeners.append(listener)
    return lambda: _optimizer_listeners.remove(listener) if listener in _optimizer_listeners else None


def user_site(built: Any = None, depth: int = 1) -> Optional[Site]:
    """The user's statement running now (a library frame only when no user frame is on the stack)."""
    frame: Optional[FrameType] = sys._getframe(depth)
    fallback: Optional[Site] = None
    while frame is not None:
        file = frame.f_code.co_filename
        if not _is_internal(file) and (built is None or frame.f_locals.get("self") is not built):
            site = _frame_site(frame)
            if not any(marker in file for marker in _LIBRARY_MARKERS):
                return site
            fallback = fallback or site
        frame = frame.f_back
    return fallback


def is_user_file(file: str) -> bool:
    """Not torch, DeepScope, the standard library nor an installed package."""
    return not _is_internal(file) and not any(marker in file for marker in _LIBRARY_MARKERS)


def _is_internal(file: str) -> bool:
    # '<frozen runpy>', '<string>'… are not the user's; IPython's old cell names are.
    if file.startswith("<"):
        return not file.startswith("<ipython-input")
    return os.path.realpath(file).startswith(_INTERNAL)


def _frame_site(frame: FrameType) -> Site:
    line, column = frame.f_lineno, 1
    positions = getattr(frame.f_code, "co_positions", None)
    if positions is not None and frame.f_lasti >= 0:
        start_line, _, start_column, _ = next(itertools.islice(positions(), frame.f_lasti // 2, None), (None, None, None, None))
        line = start_line or line
        column = (start_column or 0) + 1
    file = frame.f_code.co_filename
    return {"file": file if file.startswith("<") else os.path.abspath(file), "line": max(1, line or 1), "column": column}


def install() -> None:
    """Records sites from now on (idempotent)."""
    if _patches:
        return

    def recording(original: Callable[..., None], notify: bool = False) -> Callable[..., None]:
        def __init__(self: Any, *args: Any, **kwargs: Any) -> None:
            original(self, *args, **kwargs)
            if self not in _sites:
                _sites[self] = user_site(self, depth=2)
            if notify:
                for listener in list(_optimizer_listeners):
                    listener(self)

        return __init__

    _patches.replace(torch.nn.Module, "__init__", recording)
    _patches.replace(torch.optim.Optimizer, "__init__", lambda original: recording(original, notify=True))
    _patches.replace(DataLoader, "__init__", recording)


def uninstall() -> None:
    _patches.restore()
