"""
What watching costs a PyTorch training loop: the reference MLP (784-256-128-10, ReLU, batch 128, SGD
with Nesterov momentum, random data) trained in one process in rounds without and with
`deepscope.watch(model)` at the default probe interval, interleaved.

A watched round starts a run: its first step (the start record: layers, sites, the first probe) is paid once
per run, not per step, so it is taken before the clock starts; the timed steps then hold one probe every
PROBE_EVERY steps, as a long run does. Each round is timed by the wall clock and by the process's CPU time:
on a machine shared with other work the CPU time is the steadier of the two (it leaves out the time spent
waiting for a core). The result is the median of the paired rounds' ratios.
Usage: PYTHONPATH=python /usr/bin/python3 bench/pytorchWatcherBench.py [steps per round] [rounds] [--json]
Prints steps/s without and with the watcher and their ratio (goal ≤ 1.05); with --json, a last line
{"cpuRatio", "wallRatio", "stepsPerSec": {"plain", "watched"}} for bench/pytorchBench.ts.
"""
import json
import os
import sys
import tempfile
import time

import torch
from torch import nn

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "python"))
import deepscope  # noqa: E402

arguments = [argument for argument in sys.argv[1:] if not argument.startswith("--")]
STEPS = int(arguments[0]) if len(arguments) > 0 else 500
ROUNDS = int(arguments[1]) if len(arguments) > 1 else 9
BATCHES = 20
PROBE_EVERY = 50  # deepscope.watch's default

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 128), nn.ReLU(), nn.Linear(128, 10))
optimizer = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9, nesterov=True)
loss_function = nn.CrossEntropyLoss()
data = [(torch.randn(128, 784), torch.randint(0, 10, (128,))) for _ in range(BATCHES)]


def train(steps: int) -> None:
    for step in range(steps):
        inputs, labels = data[step % BATCHES]
        optimizer.zero_grad()
        loss_function(model(inputs), labels).backward()
        optimizer.step()


def timed(steps: int) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of `steps` steps."""
    wall, cpu = time.perf_counter(), time.process_time()
    train(steps)
    return time.perf_counter() - wall, time.process_time() - cpu


def watched(steps: int) -> tuple[float, float]:
    deepscope.watch(model, probe_every=PROBE_EVERY)
    try:
        train(1)  # the run's start; the timed steps 1…steps then probe at every multiple of PROBE_EVERY
        return timed(steps)
    finally:
        deepscope.unwatch()


def median(values: list[float]) -> float:
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


with tempfile.TemporaryDirectory() as runs:
    os.environ["DEEPSCOPE_RUNS_DIR"] = runs
    train(50)  # warm-up
    watched(PROBE_EVERY)
    plain, with_watcher = [], []
    for _ in range(ROUNDS):
        plain.append(timed(STEPS))
        with_watcher.append(watched(STEPS))

wall_ratio = median([watching[0] / without[0] for without, watching in zip(plain, with_watcher)])
cpu_ratio = median([watching[1] / without[1] for without, watching in zip(plain, with_watcher)])
plain_rate, watched_rate = STEPS / min(wall for wall, _ in plain), STEPS / min(wall for wall, _ in with_watcher)
print(f"without watcher: {plain_rate:.1f} steps/s at best (rounds {', '.join(f'{STEPS / wall:.1f}' for wall, _ in plain)})")
print(f"with watcher:    {watched_rate:.1f} steps/s at best (rounds {', '.join(f'{STEPS / wall:.1f}' for wall, _ in with_watcher)})")
print(f"step time with / without, median of {ROUNDS} paired rounds: CPU time {cpu_ratio:.3f}, wall clock {wall_ratio:.3f} (goal <= 1.05)")
if "--json" in sys.argv:
    print(json.dumps({"cpuRatio": cpu_ratio, "wallRatio": wall_ratio, "probeEvery": PROBE_EVERY, "stepsPerSec": {"plain": plain_rate, "watched": watched_rate}}))
