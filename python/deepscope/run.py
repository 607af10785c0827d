"""
The run of the watched model: counts its optimizer steps, writes step losses, probes every N steps,
at the last batch of an epoch and after an epoch that ended without one, and writes the start record
at the first step whose forward pass it saw (earlier steps are held back until then).
A model trained by hand (hand.py) has the same run, its steps cut in two: a step begins when its
backward pass has left the gradients (`hand_step_begins`) and ends when the script has updated the
weights — at the next backward pass, batch, epoch or the run's end (`end_hand_step`).
"""
from __future__ import annotations

import math
import os
import sys
from dataclasses import dataclass
from typing import Any, Callable, Optional

import torch
from torch import nn

from . import guard
from .baseline import BaselineCapture
from .capture import ForwardCapture
from .epochs import EpochClock
from .probe import StepProbe, current_lr, layer_infos, optimizer_info
from .records import PRODUCER, RUN_LOG_VERSION, Record, now_iso, without_none
from .sinks import StepBatcher
from .layers import unwrap
from .sites import Site, live_modules, site_of


@dataclass(frozen=True)
class RunOptions:
    model_file: str
    probe_every: int = 50
    layers: Optional[tuple[str, ...]] = None


class WatchedRun:
    def __init__(self, model: nn.Module, options: RunOptions, out: StepBatcher, model_site: Optional[Site] = None) -> None:
        self.model = model
        self.options = options
        self.started = False
        self.step = 0
        self._out = out
        self._model_site = model_site or site_of(model)
        self._held: list[Record] = []
        self._clock = EpochClock(self._send)
        self._capture: Optional[ForwardCapture] = None
        self._baseline: Optional[BaselineCapture] = BaselineCapture()
        self._probe_due = False
        self._probed_last = False
        self.by_hand = False
        self._open: Optional[tuple[Optional[ForwardCapture], Optional[StepProbe], Optional[float]]] = None
        self._arm()

    def optimizer_step(
        self,
        optimizer: torch.optim.Optimizer,
        step_loss: Callable[[], Optional[float]],
        update: Callable[[Optional[Callable[[], Any]]], Any],
        closure: Optional[Callable[[], Any]] = None,
    ) -> Any:
        """One step of the watched model; `update(closure)` is the optimizer's own step."""
        self._clock.write_pending()
        capture = self._capture
        probes: list[Optional[StepProbe]] = []
        if closure is None:
            probes.append(self._probe_before_update())
            result = update(None)
        else:
            # The step evaluates the closure: its first forward pass is the step's, captured while it runs;
            # the probe reads the gradients it leaves, before the optimizer moves the weights.
            def take_probe() -> None:
                probes[0] = self._probe_before_update()

            def evaluate() -> Any:
                value = closure()
                if not probes:
                    probes.append(None)
                    guard.guarded(take_probe)()  # a failure of DeepScope's own must not come back into the step
                return value

            result = update(evaluate)
            if not probes:
                probes.append(self._probe_before_update())
        self._probed_last = probes[0] is not None
        self._step_ends(optimizer, capture, probes[0], step_loss())
        return result

    def train_by_hand(self, first_loss: Optional[float]) -> None:
        """The model turned out to be trained by hand: the backward pass that showed it was step 0, unprobed."""
        self.by_hand = True
        if self._capture is not None:
            self._capture.close()  # it saw an earlier forward pass or none, not the next step's: armed again below
            self._capture = None
        self._step_ends(None, None, None, first_loss)

    def hand_step_begins(self, loss: Optional[float]) -> None:
        """A backward pass of the hand-trained model is done: its gradients are probed now, the weights' change at its end."""
        self.end_hand_step()
        self._clock.write_pending()
        capture = self._capture
        probe = self._probe_before_update()
        self._probed_last = probe is not None
        self._open = (capture, probe, loss)
        self._arm(self.step + 1)  # the next forward pass may come before this step ends (no loader between)

    def end_hand_step(self) -> None:
        """The script has updated the weights of the step begun at the last backward pass."""
        if self._open is not None:
            capture, probe, loss = self._open
            self._open = None
            self._step_ends(None, capture, probe, loss)

    def _step_ends(self, optimizer: Optional[torch.optim.Optimizer], capture: Optional[ForwardCapture], probe: Optional[StepProbe], loss: Optional[float]) -> None:
        if not self.started and probe is not None:
            self._start(optimizer, capture)  # type: ignore[arg-type]
        if probe is not None and self.started:
            self._send(probe.record(self.step, self._clock.epoch))
        if loss is not None:
            loss_record = {"step": self.step, "epoch": self._clock.epoch, "loss": loss}
            if self.started:
                self._out.step(loss_record)
            else:
                self._held.append({"type": "steps", "losses": [loss_record]})
        self._clock.step_taken(loss, current_lr(optimizer) if optimizer is not None else math.nan)
        self.step += 1
        self._arm()

    def _probe_before_update(self) -> Optional[StepProbe]:
        """Ends the step's forward capture; a probe of it when it saw the watched layers (weights and gradients read now)."""
        capture, self._capture = self._capture, None
        if capture is not None:
            capture.close()
        probe = StepProbe(capture) if capture is not None and capture.captured else None
        if probe is not None:
            probe.before_update()
        return probe

    def iteration_started(self, loader: Any) -> None:
        self.end_hand_step()
        self._clock.iteration_started(loader)
        self._probe_if_unprobed_end()

    def iteration_ended(self, loader: Any) -> None:
        self.end_hand_step()
        self._clock.iteration_ended(loader)
        self._probe_if_unprobed_end()

    def batch_fetched(self, loader: Any, iterator: Any) -> None:
        """A batch of the loader that feeds training: arms the probe when it is the epoch's last."""
        self.end_hand_step()
        self._clock.batch_fetched(loader)
        if self._clock.is_epoch_loader(loader) and _is_last_batch(iterator):
            self._probe_due = True
            self._arm()

    def epoch(self, metrics: dict[str, Any]) -> None:
        self.end_hand_step()
        if self._clock.explicit_end(metrics) and not self._probed_last:
            self._probe_due = True
            self._arm()

    def _probe_if_unprobed_end(self) -> None:
        """An epoch that ended without a probe on its last step (a loader of unknown length) gets one on the next step."""
        if self._clock.pending and not self._probed_last:
            self._probe_due = True
            self._arm()

    def finish(self) -> None:
        """Closes the last epoch and removes every hook; the caller writes how the run ended."""
        self.end_hand_step()
        if self.started:
            self._clock.run_ends()
        self._out.flush()
        self.close()

    def close(self) -> None:
        if self._capture is not None:
            self._capture.close()
            self._capture = None
        if self._baseline is not None:
            self._baseline.close()
            self._baseline = None

    def _arm(self, step: Optional[int] = None) -> None:
        """Sets up the forward capture when step `step` (the next one by default) is to be probed."""
        upcoming = self.step if step is None else step
        due = self._probe_due or upcoming % self.options.probe_every == 0 or not self.started
        if not due:
            return
        self._probe_due = False
        if self._capture is None:
            # The inputs are described once, for the start record.
            self._capture = ForwardCapture(self.model, set(self.options.layers) if self.options.layers else None, describe_input=not self.started)

    def _start(self, optimizer: Optional[torch.optim.Optimizer], capture: ForwardCapture) -> None:
        self.started = True
        wrapper = next((type(module).__name__ for module in live_modules() if module is not self.model and unwrap(module) is self.model), None)
        if wrapper is not None:
            print(f"deepscope: the model is wrapped in {wrapper}: DeepScope watches the {type(self.model).__name__} it wraps, its layers named without the wrapper's `module.` prefix", file=sys.stderr)
        # The first training call of the loss gave the baseline, the loss's name, its targets and its line.
        captured = self._baseline
        if captured is not None:
            captured.close()
            self._baseline = None
        infos = layer_infos(capture.seen)
        watched = [info["name"] for info in infos if not self.options.layers or info["name"] in self.options.layers]
        loader = self._clock.current_loader() if self._clock.current_loader else None
        sites = without_none({
            "model": self._model_site, "optimizer": site_of(optimizer) if optimizer is not None else None, "data": site_of(loader) if loader is not None else None,
            "loss": captured.site if captured else None,
        })
        self._out.send(without_none({
            "type": "start", "version": RUN_LOG_VERSION, "startedAt": now_iso(), "producer": PRODUCER,
            "framework": "pytorch", "backend": backend_of(self.model), "modelFile": self.options.model_file,
            "epochs": 0, "stepsPerEpoch": _length(loader) or 1, "layers": infos, "watchedLayers": watched,
            "optimizer": optimizer_info(optimizer) if optimizer is not None else None, "inputs": capture.inputs, "baselineLoss": captured.value if captured else None,
            "loss": captured.loss if captured else None, "targets": captured.targets if captured else None, "sites": sites or None,
        }))
        for record in self._held:
            if record["type"] == "steps":
                self._out.step(record["losses"][0])
            else:
                self._out.send(record)
        self._held.clear()

    def _send(self, record: Record) -> None:
        if self.started:
            self._out.send(record)
        else:
            self._held.append(record)


def backend_of(model: nn.Module) -> str:
    parameter = next(model.parameters(), None)
    return "torch-cuda" if parameter is not None and parameter.is_cuda else "torch-cpu"


def never_trained_start(model_file: str) -> Record:
    """What programInProcess.ts writes for a program that never trained: a start with no layers."""
    return {
        "type": "start", "version": RUN_LOG_VERSION, "startedAt": now_iso(), "producer": PRODUCER, "framework": "pytorch",
        "backend": "torch-cuda" if torch.cuda.is_available() else "torch-cpu", "modelFile": os.path.abspath(model_file),
        "epochs": 0, "stepsPerEpoch": 1, "layers": [], "watchedLayers": [],
    }


def _length(loader: Any) -> Optional[int]:
    try:
        return len(loader) if loader is not None else None
    except TypeError:
        return None


def _is_last_batch(iterator: Any) -> bool:
    try:
        return bool(iterator._num_yielded == len(iterator))
    except (TypeError, AttributeError):
        return False
