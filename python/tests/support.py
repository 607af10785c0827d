"""Runs fixture scripts under `python -m deepscope run` and reads what they reported."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from typing import Any, Optional

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
FIXTURES = os.path.join(REPO, "test", "fixtures", "python")
PYTHON_PATH = os.path.join(REPO, "python")
SCHEMA = os.path.join(REPO, "schema", "run-log.schema.json")
sys.path.insert(0, PYTHON_PATH)
NON_FINITE = {"NaN": float("nan"), "Infinity": float("inf"), "-Infinity": float("-inf")}


@dataclass
class Outcome:
    code: int
    stdout: str
    stderr: str
    records: list[dict[str, Any]] = field(default_factory=list)

    def of_type(self, kind: str) -> list[dict[str, Any]]:
        return [record for record in self.records if record["type"] == kind]

    def start(self) -> dict[str, Any]:
        starts = self.of_type("start")
        assert len(starts) == 1, f"expected one start record, got {len(starts)}: {self.stderr}"
        return starts[0]


def fixture(name: str) -> str:
    return os.path.join(FIXTURES, name)


def environment(**extra: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("DEEPSCOPE_")}
    env["PYTHONPATH"] = PYTHON_PATH
    env.update(extra)
    return env


def run_fixture(name: str, *args: str, options: tuple[str, ...] = (), record_fd: bool = True, cwd: Optional[str] = None) -> Outcome:
    """`deepscope run` with records on a descriptor (as the TypeScript parent reads them), or writing its own log."""
    with tempfile.TemporaryDirectory() as folder:
        command = [sys.executable, "-m", "deepscope", "run", *options, fixture(name), *args]
        if record_fd:
            with open(os.path.join(folder, "records.jsonl"), "w+b") as records:
                env = environment(DEEPSCOPE_RECORD_FD=str(records.fileno()))
                done = subprocess.run(command, env=env, cwd=cwd or folder, capture_output=True, text=True, pass_fds=(records.fileno(),), timeout=120)
                records.seek(0)
                return Outcome(done.returncode, done.stdout, done.stderr, parse_lines(records.read().decode()))
        env = environment(DEEPSCOPE_RUNS_DIR=os.path.join(folder, "runs"))
        done = subprocess.run(command, env=env, cwd=cwd or folder, capture_output=True, text=True, timeout=120)
        return Outcome(done.returncode, done.stdout, done.stderr, read_logs(os.path.join(folder, "runs")))


def run_plain(name: str, *args: str, runs_dir: Optional[str] = None) -> Outcome:
    """`python script.py` with the package importable (scripts that call deepscope.watch themselves)."""
    extra = {"DEEPSCOPE_RUNS_DIR": runs_dir} if runs_dir else {}
    done = subprocess.run([sys.executable, fixture(name), *args], env=environment(**extra), capture_output=True, text=True, timeout=120, cwd=runs_dir or REPO)
    return Outcome(done.returncode, done.stdout, done.stderr, read_logs(runs_dir) if runs_dir else [])


def read_logs(folder: str) -> list[dict[str, Any]]:
    if not os.path.isdir(folder):
        return []
    logs = sorted(os.listdir(folder))
    assert len(logs) <= 1, f"one run log expected, got {logs}"
    if not logs:
        return []
    with open(os.path.join(folder, logs[0]), encoding="utf-8") as log:
        return parse_lines(log.read())


def parse_lines(text: str) -> list[dict[str, Any]]:
    assert text == "" or text.endswith("\n"), "every line ends with a newline"
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def decoded(value: Any) -> Any:
    """As runLogFormat.ts decodeLine: the strings NaN/Infinity back to floats."""
    if isinstance(value, str) and value in NON_FINITE:
        return NON_FINITE[value]
    if isinstance(value, dict):
        return {key: decoded(item) for key, item in value.items()}
    if isinstance(value, list):
        return [decoded(item) for item in value]
    return value


def marked_line(name: str, marker: str) -> int:
    """The line of `fixture` that carries `# site: <marker>`."""
    with open(fixture(name), encoding="utf-8") as source:
        for number, line in enumerate(source, start=1):
            if line.rstrip().endswith(f"# site: {marker}"):
                return number
    raise AssertionError(f"no '# site: {marker}' in {name}")


def printed_losses(outcome: Outcome) -> list[float]:
    """The losses a fixture printed on its `LOSSES [...]` line."""
    line = next(line for line in outcome.stdout.splitlines() if line.startswith("LOSSES "))
    return json.loads(line[len("LOSSES "):])
