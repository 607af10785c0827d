"""
Command line: `python -m deepscope run [--probe-every N] [--layers a,b] script.py [args…]` and
`python -m deepscope doctor` (one JSON line describing the interpreter; exit 3 without torch).
Options come before the script; everything after it is the script's own.
"""
from __future__ import annotations

import json
import platform
import sys
from typing import Optional

USAGE = "usage: python -m deepscope run [--probe-every N] [--layers a,b] script.py [args…] | python -m deepscope doctor"
DEFAULT_PROBE_EVERY = 50  # as src/cli/trainArgs.ts


def doctor() -> int:
    try:
        import torch
    except ImportError:
        print(json.dumps({"python": platform.python_version(), "torch": None, "cuda": False}))
        return 3
    print(json.dumps({"python": platform.python_version(), "torch": torch.__version__, "cuda": bool(torch.cuda.is_available())}))
    return 0


def parse_run(args: list[str]) -> tuple[str, list[str], int, Optional[tuple[str, ...]]]:
    probe_every, layers = DEFAULT_PROBE_EVERY, None
    index = 0
    while index < len(args) and args[index].startswith("--"):
        option, _, inline = args[index].partition("=")
        if option == "--":
            index += 1
            break
        if option not in ("--probe-every", "--layers"):
            raise ValueError(f"unknown option {option}")
        if not inline:
            index += 1
            if index >= len(args):
                raise ValueError(f"{option} needs a value")
            inline = args[index]
        if option == "--probe-every":
            if not inline.isdigit() or int(inline) < 1:
                raise ValueError(f"--probe-every must be a positive integer, got {inline!r}")
            probe_every = int(inline)
        else:
            layers = tuple(name.strip() for name in inline.split(",") if name.strip()) or None
        index += 1
    if index >= len(args):
        raise ValueError("give the script to run")
    return args[index], args[index + 1:], probe_every, layers


def main(argv: list[str]) -> int:
    if argv[:1] == ["doctor"]:
        return doctor()
    if argv[:1] != ["run"]:
        print(USAGE, file=sys.stderr)
        return 2
    try:
        script, script_args, probe_every, layers = parse_run(argv[1:])
    except ValueError as problem:
        print(f"deepscope: {problem}\n{USAGE}", file=sys.stderr)
        return 2
    from .runner import run_script

    return run_script(script, script_args, probe_every, layers)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
