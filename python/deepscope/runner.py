"""
`python -m deepscope run script.py [args…]`: the script runs as `__main__`, as `python script.py` would
run it (its argv, sys.path[0] its folder, the same working directory and exit code, an uncaught
exception printed as Python prints it and exit code 1), with the watcher installed first.
"""
from __future__ import annotations

import os
import runpy
import sys
import traceback
from types import TracebackType
from typing import Optional

from . import sites
from .records import Record
from .run import RunOptions
from .sinks import RECORD_FD_ENV, StepBatcher, default_sink
from .watcher import Watcher

_OWN_FILES = (os.path.dirname(os.path.abspath(__file__)) + os.sep, os.path.abspath(runpy.__file__))
_RUNPY_FROZEN = "<frozen runpy>"


def run_script(script: str, args: list[str], probe_every: int, layers: Optional[tuple[str, ...]]) -> int:
    path = os.path.abspath(script)
    options = RunOptions(model_file=path, probe_every=probe_every, layers=layers)
    sink = default_sink(path)
    watcher = Watcher(options, StepBatcher(sink), writes_log=RECORD_FD_ENV not in os.environ, by_runner=True)
    # The script sees the environment it would see under python (its own children must not write to the descriptor).
    os.environ.pop(RECORD_FD_ENV, None)
    watcher.install()
    sys.argv = [script, *args]
    sys.path[0] = os.path.dirname(path)
    try:
        runpy.run_path(path, run_name="__main__")
    except SystemExit as exit:
        code = exit.code
        if code in (None, 0) or not watcher.writes_log:
            watcher.finish()  # under `deepscope run` the parent reads the exit code itself
        else:
            watcher.error({"type": "error", "kind": "program", "message": f"The program exited with code {code}."})
        raise
    except Exception as error:
        watcher.error(thrown_record(error))
        error = error.with_traceback(_user_traceback(error.__traceback__))
        sys.excepthook(type(error), error, error.__traceback__)
        hint = _absent_cuda_hint(error)
        if hint:
            print(f"deepscope: {hint}", file=sys.stderr)
        return 1
    except BaseException:
        watcher.finish("cancelled")
        raise
    watcher.finish()
    return 0


def thrown_record(error: BaseException) -> Record:
    """kind module-threw, `ExcType: text`, at the deepest frame of the traceback in the user's own files."""
    message = "".join(traceback.format_exception_only(type(error), error)).strip()
    hint = _absent_cuda_hint(error)
    record: Record = {"type": "error", "kind": "module-threw", "message": f"{message}. {hint}" if hint else message}
    location = _deepest_user_frame(error.__traceback__)
    if location is not None:
        record["location"] = location
    return record


# What torch raises for `.cuda()`, `.to("cuda")` or `device="cuda"` without a usable GPU (a CPU-only build, no driver, no device).
_NO_CUDA = ("Torch not compiled with CUDA enabled", "Found no NVIDIA driver", "No CUDA GPUs are available", "CUDA driver initialization failed")


def _absent_cuda_hint(error: BaseException) -> Optional[str]:
    """What to do when the script asked for CUDA and this PyTorch has none; None for other errors."""
    import torch

    if torch.cuda.is_available() or not any(text in str(error) for text in _NO_CUDA):
        return None
    return ("The script asks for CUDA, which this PyTorch cannot use (torch.cuda.is_available() is False): "
            "run it on the CPU, e.g. device = \"cuda\" if torch.cuda.is_available() else \"cpu\", then .to(device) instead of .cuda().")


def _deepest_user_frame(tb: Optional[TracebackType]) -> Optional[sites.Site]:
    found: Optional[sites.Site] = None
    while tb is not None:
        file = tb.tb_frame.f_code.co_filename
        if sites.is_user_file(file):
            line, column = tb.tb_lineno, 1
            positions = list(tb.tb_frame.f_code.co_positions())[tb.tb_lasti // 2] if hasattr(tb.tb_frame.f_code, "co_positions") and tb.tb_lasti >= 0 else None
            if positions is not None and positions[0] is not None:
                line, column = positions[0], (positions[2] or 0) + 1
            found = {"file": os.path.abspath(file), "line": line, "column": column}
        tb = tb.tb_next
    return found


def _user_traceback(tb: Optional[TracebackType]) -> Optional[TracebackType]:
    """Without DeepScope's and runpy's frames, which `python script.py` would not show."""
    while tb is not None and _is_runner_frame(tb.tb_frame.f_code.co_filename):
        tb = tb.tb_next
    return tb


def _is_runner_frame(file: str) -> bool:
    return file == _RUNPY_FROZEN or os.path.abspath(file).startswith(_OWN_FILES)
