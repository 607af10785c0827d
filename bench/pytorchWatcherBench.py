"""
What watching costs a PyTorch training loop: the reference MLP (784-256-128-10, ReLU, batch 128, SGD
with Nesterov momentum, random data) trained in one process in rounds without and with
`deepscope.watch(model)` at the default probe interval, interleaved; best round of each, and the
median of the paired rounds' ratios (steadier when other processes share the CPU).
Usage: PYTHONPATH=python /usr/bin/python3 bench/pytorchWatcherBench.py [steps per round] [rounds]
Prints steps/s without and with the watcher and their ratio (target ≤ 1.05).
"""
import os
import sys
import tempfile
import time

import torch
from torch import nn

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "python"))
import deepscope  # noqa: E402

STEPS = int(sys.argv[1]) if len(sys.argv) > 1 else 300
ROUNDS = int(sys.argv[2]) if len(sys.argv) > 2 else 7
BATCHES = 20

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 128), nn.ReLU(), nn.Linear(128, 10))
optimizer = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9, nesterov=True)
loss_function = nn.CrossEntropyLoss()
data = [(torch.randn(128, 784), torch.randint(0, 10, (128,))) for _ in range(BATCHES)]


def steps_per_second(steps: int) -> float:
    began = time.perf_counter()
    for step in range(steps):
        inputs, labels = data[step % BATCHES]
        optimizer.zero_grad()
        loss_function(model(inputs), labels).backward()
        optimizer.step()
    return steps / (time.perf_counter() - began)


def watched(steps: int) -> float:
    deepscope.watch(model)
    try:
        return steps_per_second(steps)
    finally:
        deepscope.unwatch()


with tempfile.TemporaryDirectory() as runs:
    os.environ["DEEPSCOPE_RUNS_DIR"] = runs
    steps_per_second(50)  # warm-up
    plain, with_watcher = [], []
    for _ in range(ROUNDS):
        plain.append(steps_per_second(STEPS))
        with_watcher.append(watched(STEPS))

best_plain, best_watched = max(plain), max(with_watcher)
print(f"without watcher: {best_plain:.1f} steps/s (rounds {', '.join(f'{value:.1f}' for value in plain)})")
print(f"with watcher:    {best_watched:.1f} steps/s (rounds {', '.join(f'{value:.1f}' for value in with_watcher)})")
ratios = sorted(without / watching for without, watching in zip(plain, with_watcher))
print(f"overhead ratio:  {best_plain / best_watched:.3f} best of each, {ratios[len(ratios) // 2]:.3f} median of pairs (target <= 1.05)")
