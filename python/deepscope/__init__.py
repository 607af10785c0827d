"""
DeepScope for PyTorch: watches a training run and writes DeepScope's run log (schema/run-log.schema.json).

    import deepscope
    deepscope.watch(model)          # one line, in a script or a notebook cell
    deepscope.epoch(val_loss=0.31)  # optional: marks an epoch's end, with metrics

`python -m deepscope run script.py` watches a script with no line changed. Importing the package
records where modules, optimizers and data loaders are built (their source lines); nothing else in
torch changes until a run is watched.
"""
from .records import __version__

try:
    from .api import epoch, unwatch, watch
except ModuleNotFoundError as missing:
    if missing.name != "torch":
        raise
    _MISSING_TORCH = "deepscope needs PyTorch (torch ≥ 1.13) in this interpreter; `python -m deepscope doctor` tells what it has."

    def watch(*_args: object, **_kwargs: object) -> None:  # type: ignore[misc]
        raise ModuleNotFoundError(_MISSING_TORCH, name="torch")

    epoch = unwatch = watch  # type: ignore[assignment]

__all__ = ["watch", "epoch", "unwatch", "__version__"]
