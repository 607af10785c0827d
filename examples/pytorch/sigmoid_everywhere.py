"""Broken on purpose: eight sigmoid hidden layers. The derivative of a sigmoid is at most 1/4, so the
gradient shrinks at each layer on its way back and the first layers barely learn (vanishing gradients).

Run it with DeepScope (Run with DeepScope, or `deepscope run sigmoid_everywhere.py`): the finding
lands on the line that builds the hidden layers."""
import argparse

import torch
from torch import nn
from torch.utils.data import DataLoader

from spirals import spiral

parser = argparse.ArgumentParser()
parser.add_argument("--epochs", type=int, default=15)
args = parser.parse_args()

torch.manual_seed(0)
train, validation = spiral()

layers = [nn.Linear(2, 32), nn.Sigmoid()]
for _ in range(7):
    layers += [nn.Linear(32, 32), nn.Sigmoid()]
model = nn.Sequential(*layers, nn.Linear(32, 3))

optimizer = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9, nesterov=True)
loss_fn = nn.CrossEntropyLoss()
loader = DataLoader(train, batch_size=32, shuffle=True)

for epoch in range(args.epochs):
    for x, y in loader:
        optimizer.zero_grad()
        loss = loss_fn(model(x), y)
        loss.backward()
        optimizer.step()
    with torch.no_grad():
        x, y = validation.tensors
        accuracy = (model(x).argmax(1) == y).float().mean().item()
    print(f"epoch {epoch + 1}: loss {loss.item():.3f}, validation accuracy {accuracy:.2f}")
