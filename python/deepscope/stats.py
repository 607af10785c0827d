"""
The statistics of src/engine/probes/distribution.ts and inputStats.ts, in torch: 30 equal-width bins,
population std, exact zeros, saturation for tanh/sigmoid, and percentiles read from the histogram as
src/common/core/histogramMath.ts does. Everything runs under no_grad on a detached copy.
"""
from __future__ import annotations

import bisect
import itertools
import math
from typing import Any, Optional, Sequence

import torch

from .buffers import WORK

HISTOGRAM_BINS = 30
DISTRIBUTION_PERCENTILES = (0, 6.68, 15.87, 30.85, 50, 69.15, 84.13, 93.32, 100)
Stats = dict[str, Any]


def saturation_of(activation: Optional[str]) -> str:
    if activation == "tanh":
        return "tanh"
    if activation in ("sigmoid", "hardSigmoid"):
        return "sigmoid"
    return "none"


def percentile_from_histogram(low: float, high: float, counts: list[float], percent: float) -> float:
    return percentiles_from_histogram(low, high, counts, (percent,))[0]


def percentiles_from_histogram(low: float, high: float, counts: list[float], percents: Sequence[float] = DISTRIBUTION_PERCENTILES) -> list[float]:
    """histogramMath.ts: the value below which `percent` % of the mass lies, linear inside its bin; 0 and 100 are min and max."""
    total = sum(counts)
    width = (high - low) / len(counts) if counts else math.nan
    cumulative = list(itertools.accumulate(counts))
    values = []
    for percent in percents:
        if percent <= 0:
            values.append(low)
        elif percent >= 100:
            values.append(high)
        elif total == 0 or not counts:
            values.append(math.nan)
        else:
            target = percent / 100 * total
            # The first bin whose cumulative count reaches the target (target > 0, so that bin is not empty).
            index = bisect.bisect_left(cumulative, target)
            values.append(high if index == len(counts) else low + (index + (target - (cumulative[index] - counts[index])) / counts[index]) * width)
    return values


@torch.no_grad()
def describe_activations(tensor: torch.Tensor, activation: Optional[str]) -> Stats:
    """Distribution of a layer's outputs, with `saturatedFraction` (0 when the activation does not saturate)."""
    return _describe(tensor, saturation_of(activation))[0]


@torch.no_grad()
def describe_values(tensor: torch.Tensor) -> Stats:
    """Distribution of weights, gradients or pre-activations: no saturation field."""
    return describe_with_norm(tensor)[0]


@torch.no_grad()
def describe_with_norm(tensor: torch.Tensor) -> tuple[Stats, float]:
    """`describe_values` and the tensor's Euclidean norm, from the same passes over it."""
    stats, squares = _describe(tensor, "none")
    del stats["saturatedFraction"]
    norm = math.sqrt(squares)
    # inf - inf is NaN in the centred sum, where torch's norm says inf: ask torch when it is not finite.
    return stats, norm if math.isfinite(norm) else float(tensor.detach().float().norm())


def sum_of_squares(tensor: torch.Tensor) -> float:
    """‖tensor‖² by a dot product, without a copy when the tensor is contiguous (torch's norm is several times slower on CPU)."""
    flat = tensor.detach().reshape(-1).float()
    return float(torch.dot(flat, flat))


def _describe(tensor: torch.Tensor, saturation: str) -> tuple[Stats, float]:
    values = tensor.detach().reshape(-1).float()
    count = values.numel()
    if count == 0:
        return _empty(), 0.0
    # Few passes, each a vectorised one (dot products, one fused scaling): var_mean, count_nonzero and chains
    # of in-place ops are each several times slower on CPU, and probes must stay cheap.
    scratch = WORK.flat(("values", values.device), count, torch.float32, values.device)
    mean = values.mean()
    centred = torch.sub(values, mean, out=scratch)
    centred_squares = torch.dot(centred, centred)
    low, high = torch.aminmax(values)
    # sign(v)² is 1 for a non-zero value and 0 for a zero: their count in one dot product. sign(NaN) is 0,
    # where a NaN is not a zero: with NaNs (then min and max are NaN) the count is count_nonzero's.
    signs = torch.sign(values, out=scratch)
    nonzero = torch.dot(signs, signs)
    scalars = torch.stack([mean, centred_squares, low, high, nonzero, _saturated(values, saturation)]).tolist()
    mean_value, squares, low_value, high_value, nonzero_count, saturated = scalars
    if math.isnan(low_value) or math.isnan(high_value):
        nonzero_count = float(torch.count_nonzero(values))
    counts = _bins(values, low_value, high_value, scratch)
    stats = {
        "count": count,
        "mean": mean_value,
        "std": math.sqrt(squares / count),
        "min": low_value,
        "max": high_value,
        "zeroFraction": (count - nonzero_count) / count,
        "saturatedFraction": saturated / count,
        "histogram": {"min": low_value, "max": high_value, "counts": counts},
        "percentiles": percentiles_from_histogram(low_value, high_value, counts),
    }
    return stats, squares + count * mean_value * mean_value


def _bins(values: torch.Tensor, low: float, high: float, scratch: torch.Tensor) -> list[float]:
    """distribution.ts's bins, floor((v - min) / max(max - min, 1e-12) * 30) clipped, computed in `scratch`."""
    # A diverged tensor (NaN, ±Infinity) has no meaningful bins: empty ones, as its stats say the rest.
    if not (math.isfinite(low) and math.isfinite(high)):
        return [0.0] * HISTOGRAM_BINS
    # (v - min) · (30 / span): two passes where dividing then multiplying took three.
    torch.sub(values, low, out=scratch).mul_(HISTOGRAM_BINS / max(high - low, 1e-12))
    # v - min ≥ 0, so truncating (the cast) is flooring; int32 makes bincount several times faster than int64.
    # Only the maximum reaches 30 (and rounding): it is folded into the last bin, which is what clipping does.
    index = WORK.flat(("bins", values.device), values.numel(), torch.int32, values.device)
    index.copy_(scratch)
    counts = [float(count) for count in torch.bincount(index, minlength=HISTOGRAM_BINS + 1).tolist()]
    return counts[: HISTOGRAM_BINS - 1] + [sum(counts[HISTOGRAM_BINS - 1:])]


def _saturated(values: torch.Tensor, saturation: str) -> torch.Tensor:
    if saturation == "tanh":
        return (values.abs() > 0.99).sum().float()
    if saturation == "sigmoid":
        return ((values < 0.01) | (values > 0.99)).sum().float()
    return torch.zeros((), device=values.device)


def _empty() -> Stats:
    nan = math.nan
    return {
        "count": 0, "mean": nan, "std": nan, "min": nan, "max": nan, "zeroFraction": nan, "saturatedFraction": nan,
        "histogram": {"min": nan, "max": nan, "counts": [0.0] * HISTOGRAM_BINS},
        "percentiles": [nan] * len(DISTRIBUTION_PERCENTILES),
    }


@torch.no_grad()
def describe_inputs(inputs: torch.Tensor) -> Optional[Stats]:
    """inputStats.ts: every axis but the first is a feature. None for inputs that are not real numbers (token ids)."""
    if inputs.dim() == 0 or inputs.shape[0] == 0 or not inputs.is_floating_point():
        return None
    rows = inputs.detach().float().reshape(inputs.shape[0], -1)
    variance, mean = torch.var_mean(rows, dim=0, unbiased=False)
    mean_abs, std = torch.stack([mean.abs().mean(), variance.sqrt().mean()]).tolist()
    return {"values": describe_values(inputs), "meanAbsFeatureMean": mean_abs, "meanFeatureStd": std}


@torch.no_grad()
def unit_spread(kernel: torch.Tensor) -> Optional[float]:
    """RMS over inputs of the std across units (the last axis), as modelProbe.ts; None below 2 units or rank 2."""
    if kernel.dim() < 2 or kernel.shape[-1] < 2:
        return None
    # The mean over inputs of a variance across units is the mean square of the centred kernel, centred in a
    # kept buffer laid out as the kernel is (a transposed view of the stored weights), so that the subtraction
    # reads and writes memory in the same order.
    values = kernel.detach().float()
    flat = WORK.flat(("values", values.device), values.numel(), torch.float32, values.device)
    torch.sub(values, values.mean(dim=-1, keepdim=True), out=_shaped_like(flat, values))
    return math.sqrt(float(torch.dot(flat, flat)) / flat.numel())


def _shaped_like(flat: torch.Tensor, values: torch.Tensor) -> torch.Tensor:
    """`flat` (as many elements) seen with `values`' shape, and with its strides when `values` is a permutation of dense memory."""
    order = sorted(range(values.dim()), key=lambda axis: values.stride(axis), reverse=True)
    if values.permute(*order).is_contiguous():
        return flat.as_strided(values.shape, values.stride())
    return flat.view(values.shape)
