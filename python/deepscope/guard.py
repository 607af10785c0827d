"""
DeepScope must never break the script it watches: a failure of its own, inside a hook, stops the
watching (one line on stderr) and the script carries on as it would without DeepScope.
"""
from __future__ import annotations

import sys
from typing import Callable

_stoppers: list[Callable[[BaseException], None]] = []


def on_internal_error(stop: Callable[[BaseException], None]) -> Callable[[], None]:
    """`stop` is called when DeepScope fails; returns the function that forgets it."""
    _stoppers.append(stop)
    return lambda: _stoppers.remove(stop) if stop in _stoppers else None


def internal_error(problem: BaseException) -> None:
    print(f"deepscope: stopped watching after an internal error ({type(problem).__name__}: {problem}); the script goes on unwatched", file=sys.stderr)
    for stop in list(_stoppers):
        stop(problem)


def guarded(action: Callable[..., object]) -> Callable[..., None]:
    """`action` with its failures turned into `internal_error` (for hooks torch calls in the user's code)."""

    def run(*args: object) -> None:
        try:
            action(*args)
        except Exception as problem:
            internal_error(problem)

    return run
