"""
The hooks that follow training in a script: every optimizer's `step` (wrapped per instance, so LR
schedulers still find a bound method to wrap), `torch.autograd.backward` for the step's loss, and the
DataLoader's passes for epochs. The watched model is the one `watch(model)` named, else the first
model that an optimizer steps: the top-level module (DataParallel unwrapped) holding most of the
optimizer's parameters, else the first model updated by hand after a backward pass (hand.py). Other
models that an optimizer steps get one `unwatched` notice each.
"""
from __future__ import annotations

import weakref
from typing import Any, Callable, Optional

import torch
from torch import nn
from . import guard, optimizers, sites
from .buffers import WORK
from .hand import HandCandidate, reached_model, reaches
from .layers import unwrap
from .loaders import LoaderEvents, LoaderListener
from .patches import Patches
from .records import Record, now_iso
from .run import RunOptions, WatchedRun, never_trained_start
from .sinks import StepBatcher

_current: Optional["Watcher"] = None


def current() -> Optional["Watcher"]:
    return _current


class Watcher:
    def __init__(self, options: RunOptions, out: StepBatcher, writes_log: bool, preferred: Optional[nn.Module] = None, model_site: Optional[sites.Site] = None, by_runner: bool = False) -> None:
        self.options = options
        self.by_runner = by_runner
        self.out = out
        self.writes_log = writes_log
        self.preferred = unwrap(preferred) if preferred is not None else None
        self.run: Optional[WatchedRun] = None
        self.unwatched: list[str] = []
        self._model_site = model_site
        self._pending: dict[int, WatchedRun] = {}
        self._roots: "weakref.WeakKeyDictionary[torch.optim.Optimizer, nn.Module]" = weakref.WeakKeyDictionary()
        self._noticed: set[int] = set()
        self._loss: Optional[float] = None
        self._backward_loss: Optional[float] = None  # the loss of the last backward pass alone
        self._hand: Optional[HandCandidate] = None
        self._inside_backward = False
        self._hand_parameters: set[int] = set()  # ids of the hand-trained model's parameters
        self._hand_step = False  # the backward pass running is a step of the hand-trained model
        self._loaders = LoaderEvents(self._listening)
        self._patches = Patches()
        self._stop_listening: Callable[[], None] = lambda: None
        self._forget_guard: Callable[[], None] = lambda: None
        self.ended = False

    def install(self, existing: tuple[torch.optim.Optimizer, ...] = ()) -> None:
        global _current
        if _current is not None:
            raise RuntimeError("a DeepScope watcher is already installed")
        _current = self
        sites.install()
        self._patches.replace(torch.autograd, "backward", self._backward)
        self._loaders.install()
        optimizers.handle_steps(self.optimizer_step)
        self._stop_listening = sites.on_optimizer(self.optimizer_built)
        self._forget_guard = guard.on_internal_error(self._failed)
        for optimizer in existing:
            self.optimizer_built(optimizer)

    def remove(self) -> None:
        """Takes every hook out of torch; the run's records stop."""
        global _current
        self._stop_listening()
        self._forget_guard()
        self._patches.restore()
        self._loaders.remove()
        optimizers.handle_steps(None)
        for run in [*self._pending.values(), *([self.run] if self.run else [])]:
            run.close()
        self._pending.clear()
        WORK.release()
        if _current is self:
            _current = None

    def finish(self, status: str = "finished") -> None:
        """Ends the run: its last epoch, and in a log of its own the `end` record (or a start with no layers and why)."""
        if self.ended:
            return
        self.ended = True
        if self.run is not None:
            self.run.finish()
        if self.writes_log:
            if self.run is None or not self.run.started:
                self.out.send(never_trained_start(self.options.model_file))
                self.out.send(self._last({"type": "error", "kind": "program", "message": "The program ended without training the watched model: there was no training to watch. DeepScope watches a model that a torch.optim optimizer steps, or whose parameters the script updates by hand between two backward() calls; tensors that are not parameters of an nn.Module are not seen."}))
            else:
                self.out.send(self._last({"type": "end", "status": status}))
        self.out.flush()
        self.out.sink.close()
        self.remove()

    def error(self, record: Record) -> None:
        """The script failed: its `error` record ends the run (the log gets a start first if it has none)."""
        if self.ended:
            return
        self.ended = True
        if self.run is not None:
            self.run.finish()
        if self.writes_log and (self.run is None or not self.run.started):
            self.out.send(never_trained_start(self.options.model_file))
        self.out.send(self._last(record) if self.writes_log else {**record, "endedAt": now_iso()})
        self.out.flush()
        self.out.sink.close()
        self.remove()

    def _failed(self, problem: BaseException) -> None:
        try:
            self.error({"type": "error", "kind": "internal", "message": f"DeepScope failed while watching: {type(problem).__name__}: {problem}"})
        except Exception:
            self.remove()  # the hooks come out whatever else fails

    def prefer(self, model: nn.Module, optimizer: Optional[torch.optim.Optimizer] = None) -> None:
        """`watch(model)` before training: this model is the run's, whichever trains first."""
        if self.run is not None:
            return
        self.preferred = unwrap(model)
        self._hand = None
        for run in self._pending.values():
            run.close()
        self._pending.clear()
        for known in [*self._roots.keys(), *([optimizer] if optimizer is not None else [])]:
            self.optimizer_built(known)

    def epoch(self, metrics: dict[str, Any]) -> None:
        if self.run is not None:
            self.run.epoch(metrics)

    def optimizer_built(self, optimizer: torch.optim.Optimizer) -> None:
        optimizers.wrap_step(optimizer)
        root = self._root_of(optimizer)
        if root is None:
            return
        self._roots[optimizer] = root
        # The first forward pass after the optimizer exists is the first training step's: watch it.
        if self.run is None and id(root) not in self._pending and (self.preferred is None or root is self.preferred):
            self._pending[id(root)] = WatchedRun(root, self.options, self.out, self._model_site if root is self.preferred else None)

    def optimizer_step(self, optimizer: torch.optim.Optimizer, update: Callable[[Optional[optimizers.Closure]], Any], closure: Optional[optimizers.Closure]) -> Any:
        """The optimizer's own step runs exactly once, whatever happens to DeepScope's bookkeeping around it."""
        outcome: list[Any] = []
        failure: list[BaseException] = []

        def once(replacement: Optional[optimizers.Closure]) -> Any:
            try:
                outcome.append(update(replacement))
            except BaseException as problem:
                failure.append(problem)
                raise
            return outcome[0]

        try:
            return self._step(optimizer, once, closure)
        except Exception as problem:
            if failure and problem is failure[0]:
                raise
            guard.internal_error(problem)
            return outcome[0] if outcome else (update(closure) if not failure else None)

    def _step(self, optimizer: torch.optim.Optimizer, update: Callable[[Optional[optimizers.Closure]], Any], closure: Optional[optimizers.Closure]) -> Any:
        if closure is None:
            before, self._loss = self._loss, None
            loss: Callable[[], Optional[float]] = lambda: before
        else:
            # The closure back-propagates inside the step, maybe several times (LBFGS): the step's loss is its first.
            self._loss = None
            first: list[Optional[float]] = []
            script_closure = closure

            def first_loss_kept() -> Any:
                result = script_closure()
                if not first:
                    first.append(self._loss)
                self._loss = None
                return result

            closure = first_loss_kept
            loss = lambda: first[0] if first else None
        root = self._roots.get(optimizer) or self._root_of(optimizer)
        if root is None:
            return update(closure)
        if self.run is None and (self.preferred is None or root is self.preferred):
            self._begin_run(root)
        if self.run is not None and root is self.run.model:
            # A model trained by hand counts its backward passes: an optimizer stepping it as well adds no step.
            return update(closure) if self.run.by_hand else self.run.optimizer_step(optimizer, loss, update, closure)
        self._notice_unwatched(root)
        return update(closure)

    def _begin_run(self, root: nn.Module) -> WatchedRun:
        """`root` is the watched model from now on: its candidate run (or a new one) becomes the run."""
        self.run = self._pending.pop(id(root), None) or WatchedRun(root, self.options, self.out, self._model_site)
        for other in self._pending.values():
            other.close()
        self._pending.clear()
        self._hand = None
        return self.run

    def _notice_unwatched(self, root: nn.Module) -> None:
        if id(root) in self._noticed:
            return
        self._noticed.add(id(root))
        name = type(root).__name__
        self.unwatched.append(name)
        if not self.writes_log:
            self.out.send({"type": "unwatched", "model": name})

    def _root_of(self, optimizer: torch.optim.Optimizer) -> Optional[nn.Module]:
        return optimizers.trained_model(optimizer, self.preferred)

    def _listening(self) -> list[LoaderListener]:
        """The run, or before the first step the candidates for it (their epochs start with the first pass)."""
        return [self.run] if self.run is not None else list(self._pending.values())

    def _last(self, record: Record) -> Record:
        return {**record, "endedAt": now_iso(), **({"unwatchedModels": list(self.unwatched)} if self.unwatched else {})}

    # The patched torch function.

    def _backward(self, original: Callable[..., Any]) -> Callable[..., Any]:
        # Built once: this runs at every step.
        loss_backwarded = guard.guarded(self._loss_backwarded)
        before_hand, after_hand = guard.guarded(self._before_hand_backward), guard.guarded(self._after_hand_backward)

        def backward(tensors: Any, *args: Any, **kwargs: Any) -> Any:
            loss_backwarded(tensors)
            run = self.run
            # Once an optimizer steps the watched model, a backward pass is only its loss; a nested one
            # (torch.utils.checkpoint runs backward inside backward) is part of the outer pass.
            if (run is not None and not run.by_hand) or self._inside_backward:
                return original(tensors, *args, **kwargs)
            before_hand(tensors)
            self._inside_backward = True
            try:
                result = original(tensors, *args, **kwargs)
            finally:
                self._inside_backward = False
            after_hand()
            return result

        return backward

    def _before_hand_backward(self, tensors: Any) -> None:
        """Ends the hand step the last backward pass began; before any step, tells whether the script trains by hand."""
        self._hand_step = False
        if self.run is not None:
            self._hand_step = reaches(tensors, self._hand_parameters)
            if self._hand_step:
                self.run.end_hand_step()
            return
        candidate = self._hand
        if candidate is not None and candidate.updated():
            self._hand_parameters = {id(parameter) for parameter in candidate.model.parameters()}
            self._hand_step = reaches(tensors, self._hand_parameters)
            run = self._begin_run(candidate.model)
            loader = self._loaders.pass_under_way()
            if loader is not None:
                run.iteration_started(loader)  # its epochs count from the pass the first step was in
            run.train_by_hand(candidate.loss)
            return
        model = reached_model(tensors, self.preferred)
        if model is not None and (self.preferred is None or model is self.preferred):
            self._hand = HandCandidate(model, self._backward_loss)
        else:
            self._hand = None

    def _after_hand_backward(self) -> None:
        if self.run is not None and self.run.by_hand:
            if self._hand_step:
                self.run.hand_step_begins(self._backward_loss)
            self._loss = None  # a step's loss is its own backward pass's: nothing adds up as for an optimizer

    def _loss_backwarded(self, tensors: Any) -> None:
        """The step's loss: the sum of the scalars back-propagated since the last step (their sum is what the gradients are of)."""
        self._backward_loss = None
        if isinstance(tensors, torch.Tensor):  # loss.backward(): one tensor, no list to build
            if tensors.numel() != 1:
                return
            value = float(tensors.item())
        else:
            items = tensors if isinstance(tensors, (tuple, list)) else ()
            scalars = [item for item in items if isinstance(item, torch.Tensor) and item.numel() == 1]
            if not scalars:
                return
            value = sum(float(item.item()) for item in scalars)
        self._backward_loss = value
        self._loss = value if self._loss is None else self._loss + value
