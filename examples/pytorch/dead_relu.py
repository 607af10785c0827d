"""Broken on purpose: biases started at -3 keep w·x + b below 0 for almost every input, so the ReLU
units output 0, get no gradient and never recover (dead ReLUs).

Run it with DeepScope: the finding lands on the line that builds the layer whose units died."""
import torch
import torch.nn.functional as F
from torch import nn
from torch.utils.data import DataLoader

from spirals import spiral


class SpiralNet(nn.Module):
    def __init__(self, hidden: int = 32):
        super().__init__()
        self.fc1 = nn.Linear(2, hidden)
        self.fc2 = nn.Linear(hidden, hidden)
        self.out = nn.Linear(hidden, 3)
        for layer in (self.fc1, self.fc2):
            nn.init.kaiming_normal_(layer.weight, nonlinearity="relu")
            nn.init.constant_(layer.bias, -3.0)

    def forward(self, x):
        x = F.relu(self.fc1(x))
        x = F.relu(self.fc2(x))
        return self.out(x)


torch.manual_seed(1)
train, _ = spiral()
model = SpiralNet()
optimizer = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9, nesterov=True)
scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size=5, gamma=0.5)
loader = DataLoader(train, batch_size=32, shuffle=True)

for epoch in range(12):
    total = 0.0
    for x, y in loader:
        optimizer.zero_grad()
        loss = F.cross_entropy(model(x), y)
        loss.backward()
        optimizer.step()
        total += loss.item() * len(x)
    scheduler.step()
    print(f"epoch {epoch + 1}: loss {total / len(train):.3f}")
