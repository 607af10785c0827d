"""
Work buffers kept from one probe to the next. On CPU a freshly allocated large tensor is new memory that the
kernel maps page by page as it is first written (glibc hands blocks this size back to the system when they
are freed): on the reference MLP those page faults were a third of a probe's time. A kept buffer costs
nothing after the first probe. Kept buffers add up to KEPT_ELEMENTS at most; beyond, a buffer lives for the
call, as a plain allocation would. `release()` (the watcher's removal) frees them all.
"""
from __future__ import annotations

from typing import Hashable

import torch

# 2^25 float32 elements: 128 MiB. A teaching model's tensors are far smaller; a large model's largest ones
# are then allocated per probe, which is slower but never holds more memory than an unwatched script would.
KEPT_ELEMENTS = 1 << 25


class WorkBuffers:
    def __init__(self, limit: int = KEPT_ELEMENTS) -> None:
        self._limit = limit
        self._kept: dict[Hashable, torch.Tensor] = {}
        self._elements = 0

    def flat(self, key: Hashable, numel: int, dtype: torch.dtype, device: torch.device) -> torch.Tensor:
        """A 1-D buffer of `numel` elements (contents undefined) for `key`, the same memory at every call that fits in it."""
        kept = self._kept.get(key)
        if kept is not None and kept.dtype == dtype and kept.device == device and kept.numel() >= numel:
            return kept[:numel]
        if kept is not None:
            self._elements -= kept.numel()
            del self._kept[key]
        buffer = torch.empty(numel, dtype=dtype, device=device)
        if self._elements + numel <= self._limit:
            self._kept[key] = buffer
            self._elements += numel
        return buffer

    def release(self) -> None:
        self._kept.clear()
        self._elements = 0


WORK = WorkBuffers()
