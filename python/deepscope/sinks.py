"""
Where records go. Under `deepscope run` (env DEEPSCOPE_RECORD_FD): one line per record on that file
descriptor, for the parent that writes the log and decides how the run ended. Otherwise the run log
itself, `<runs dir>/<run id>.jsonl`, each line flushed as it is written. Step losses are grouped.
"""
from __future__ import annotations

import os
import re
import secrets
import time
from datetime import datetime
from typing import Optional, Protocol

from .records import Record, encode_record

RECORD_FD_ENV = "DEEPSCOPE_RECORD_FD"
RUNS_DIR_ENV = "DEEPSCOPE_RUNS_DIR"
STEPS_PER_RECORD = 50
STEPS_INTERVAL_S = 0.1
_ROOT_MARKERS = (".git", ".vscode", ".deepscope")


class Sink(Protocol):
    def write(self, record: Record) -> None: ...

    def close(self) -> None: ...


class FdSink:
    """Writes to an inherited descriptor; a parent that went away (EPIPE) leaves the script running unwatched."""

    def __init__(self, fd: int) -> None:
        self._fd = fd
        self._broken = False

    def write(self, record: Record) -> None:
        if self._broken:
            return
        data = (encode_record(record) + "\n").encode()
        try:
            while data:
                data = data[os.write(self._fd, data):]
        except OSError:
            self._broken = True

    def close(self) -> None:
        """The descriptor belongs to the process: it closes at exit."""


class FileSink:
    """The run log; created with the first record, so a run that never trains leaves no empty file."""

    def __init__(self, path: str) -> None:
        self.path = path
        self._file: Optional[object] = None

    def write(self, record: Record) -> None:
        if self._file is None:
            os.makedirs(os.path.dirname(self.path), exist_ok=True)
            self._file = open(self.path, "a", encoding="utf-8")
        self._file.write(encode_record(record) + "\n")  # type: ignore[attr-defined]
        self._file.flush()  # type: ignore[attr-defined]

    def close(self) -> None:
        if self._file is not None:
            self._file.close()  # type: ignore[attr-defined]
            self._file = None


class StepBatcher:
    """Holds step losses back for up to STEPS_PER_RECORD steps or STEPS_INTERVAL_S; other records go at once, after them."""

    def __init__(self, sink: Sink) -> None:
        self.sink = sink
        self._losses: list[Record] = []
        self._since = time.monotonic()

    def step(self, loss: Record) -> None:
        self._losses.append(loss)
        if len(self._losses) >= STEPS_PER_RECORD or time.monotonic() - self._since >= STEPS_INTERVAL_S:
            self.flush()

    def send(self, record: Record) -> None:
        self.flush()
        self.sink.write(record)

    def flush(self) -> None:
        self._since = time.monotonic()
        if self._losses:
            losses, self._losses = self._losses, []
            self.sink.write({"type": "steps", "losses": losses})


def default_sink(model_file: str) -> Sink:
    fd = os.environ.get(RECORD_FD_ENV)
    if fd:
        return FdSink(int(fd))
    return FileSink(os.path.join(runs_directory(os.getcwd()), new_run_id(model_file) + ".jsonl"))


def runs_directory(cwd: str) -> str:
    """$DEEPSCOPE_RUNS_DIR (relative to cwd), else .deepscope/runs under the nearest folder with .git, .vscode or .deepscope."""
    configured = os.environ.get(RUNS_DIR_ENV, "").strip()
    if configured:
        return os.path.abspath(os.path.join(cwd, configured))
    folder = os.path.abspath(cwd)
    while True:
        if any(os.path.exists(os.path.join(folder, marker)) for marker in _ROOT_MARKERS):
            return os.path.join(folder, ".deepscope", "runs")
        parent = os.path.dirname(folder)
        if parent == folder:
            return os.path.join(os.path.abspath(cwd), ".deepscope", "runs")
        folder = parent


def new_run_id(model_file: str, now: Optional[datetime] = None) -> str:
    """As runLogFiles.ts newRunId: `20261202-183525-123-spiral-classifier-k3f9` (local time; the random part from os.urandom, not the script's RNG)."""
    now = now or datetime.now()
    stamp = now.strftime("%Y%m%d-%H%M%S-") + f"{now.microsecond // 1000:03d}"
    name = re.sub(r"[^\w-]+", "-", os.path.splitext(os.path.basename(model_file))[0])[:40] or "run"
    alphabet = "0123456789abcdefghijklmnopqrstuvwxyz"
    return f"{stamp}-{name}-{''.join(secrets.choice(alphabet) for _ in range(4))}"
