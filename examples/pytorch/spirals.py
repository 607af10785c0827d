"""The CS231n spiral: 3 arms of 2-D points, one class per arm, centred; every 5th point held out."""
import torch
from torch.utils.data import TensorDataset


def spiral(per_class: int = 100, seed: int = 7):
    generator = torch.Generator().manual_seed(seed)
    xs, ys = [], []
    for k in range(3):
        r = torch.linspace(0.0, 1.0, per_class)
        angle = 4 * (k + r) + 0.2 * torch.randn(per_class, generator=generator)
        xs.append(torch.stack([r * torch.sin(angle), r * torch.cos(angle)], dim=1))
        ys.append(torch.full((per_class,), k, dtype=torch.long))
    x, y = torch.cat(xs), torch.cat(ys)
    order = torch.randperm(len(x), generator=generator)
    x, y = x[order], y[order]
    x = x - x.mean(0)
    held_out = torch.arange(len(x)) % 5 == 0
    return TensorDataset(x[~held_out], y[~held_out]), TensorDataset(x[held_out], y[held_out])

