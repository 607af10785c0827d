"""
The bench's reference models in PyTorch, for the steps/s DeepScope is compared with: the MLP
784-256-128-10 (ReLU) or the small CNN (3x3 convs of 16 and 32 filters with ReLU and 2x2 max pooling,
then a dense softmax, on 28x28x1), batch 128, SGD lr 0.01 with Nesterov momentum 0.9, cross-entropy,
random data; the same models as bench/models/. torch only, on the CPU.
Usage: /usr/bin/python3 bench/pytorchReference.py mlp|cnn [steps] [threads]
Prints one JSON line: {"stepsPerSec": n, "threads": n, "torch": version}.
"""
import json
import sys
import time

import torch
from torch import nn

MODEL = sys.argv[1]
STEPS = int(sys.argv[2]) if len(sys.argv) > 2 else 100
THREADS = int(sys.argv[3]) if len(sys.argv) > 3 else 2
BATCH = 128
BATCHES = 20
WARM_UP = 5

torch.set_num_threads(THREADS)
torch.manual_seed(0)
if MODEL == "mlp":
    model = nn.Sequential(nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 128), nn.ReLU(), nn.Linear(128, 10))
    shape = (BATCH, 784)
elif MODEL == "cnn":
    model = nn.Sequential(
        nn.Conv2d(1, 16, 3), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(16, 32, 3), nn.ReLU(), nn.MaxPool2d(2),
        nn.Flatten(), nn.Linear(32 * 5 * 5, 10),
    )
    shape = (BATCH, 1, 28, 28)
else:
    sys.exit(f"unknown model {MODEL!r}: mlp or cnn")
optimizer = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9, nesterov=True)
# Softmax and cross-entropy in one, as tfjs's categoricalCrossentropy on a softmax output computes.
loss_function = nn.CrossEntropyLoss()
data = [(torch.randn(*shape), torch.randint(0, 10, (BATCH,))) for _ in range(BATCHES)]


def train(steps: int) -> None:
    for step in range(steps):
        inputs, labels = data[step % BATCHES]
        optimizer.zero_grad()
        loss_function(model(inputs), labels).backward()
        optimizer.step()


train(WARM_UP)
began = time.perf_counter()
train(STEPS)
print(json.dumps({"stepsPerSec": STEPS / (time.perf_counter() - began), "threads": torch.get_num_threads(), "torch": torch.__version__}))
