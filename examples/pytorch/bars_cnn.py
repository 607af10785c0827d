"""A healthy small CNN, with the notes' defaults: ReLU, He initialisation, SGD with Nesterov momentum and
step decay. It learns to tell 28×28 images of a horizontal bar, a vertical bar and a diagonal apart
(generated, with noise). DeepScope should find nothing to warn about."""
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset


def bars(count: int, seed: int) -> TensorDataset:
    generator = torch.Generator().manual_seed(seed)
    images = 0.8 * torch.randn(count, 1, 28, 28, generator=generator)
    labels = torch.randint(0, 3, (count,), generator=generator)
    where = torch.randint(4, 24, (count,), generator=generator)
    index = torch.arange(28)
    for i in range(count):
        k, at = labels[i].item(), where[i].item()
        if k == 0:
            images[i, 0, at - 1 : at + 2, :] += 1.0
        elif k == 1:
            images[i, 0, :, at - 1 : at + 2] += 1.0
        else:
            images[i, 0, index, index] += 1.0
            images[i, 0, index[1:], index[:-1]] += 1.0
    return TensorDataset(images - images.mean(), labels)


def block(inputs: int, outputs: int) -> list:
    conv = nn.Conv2d(inputs, outputs, kernel_size=3, padding=1)
    nn.init.kaiming_normal_(conv.weight, nonlinearity="relu")
    nn.init.zeros_(conv.bias)
    return [conv, nn.ReLU(), nn.MaxPool2d(2)]


torch.manual_seed(0)
model = nn.Sequential(*block(1, 8), *block(8, 16), nn.Flatten(), nn.Linear(16 * 7 * 7, 3))
optimizer = torch.optim.SGD(model.parameters(), lr=0.02, momentum=0.9, nesterov=True)
scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size=3, gamma=0.5)
loader = DataLoader(bars(960, seed=1), batch_size=32, shuffle=True)
validation = bars(240, seed=2)

for epoch in range(6):
    model.train()
    for x, y in loader:
        optimizer.zero_grad()
        loss = nn.functional.cross_entropy(model(x), y)
        loss.backward()
        optimizer.step()
    scheduler.step()
    model.eval()
    with torch.no_grad():
        x, y = validation.tensors
        accuracy = (model(x).argmax(1) == y).float().mean().item()
    print(f"epoch {epoch + 1}: loss {loss.item():.3f}, validation accuracy {accuracy:.2f}")
