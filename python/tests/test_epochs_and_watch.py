"""The epoch rule, watch() from a script or notebook, and that every hook comes out again."""
import os
import tempfile
import unittest

import torch
from torch import nn
from torch.nn import functional as F
from torch.utils.data import DataLoader, TensorDataset
from torch.utils.data.dataloader import _BaseDataLoaderIter

from support import read_logs, run_fixture, run_plain

import deepscope


class EpochRuleTest(unittest.TestCase):
    def test_a_break_ends_an_epoch_and_a_validation_loader_adds_none(self):
        outcome = run_fixture("loader_epochs.py")
        self.assertEqual(outcome.code, 0, outcome.stderr)
        epochs = outcome.of_type("epoch")
        self.assertEqual([epoch["epoch"] for epoch in epochs], [0, 1, 2, 3])
        steps = [loss for record in outcome.of_type("steps") for loss in record["losses"]]
        self.assertEqual([loss["epoch"] for loss in steps], [0] * 3 + [1] * 3 + [2] * 3 + [3] * 3)

    def test_without_loader_or_epoch_calls_the_run_is_one_epoch(self):
        outcome = run_fixture("construction_sites.py")
        self.assertEqual([epoch["epoch"] for epoch in outcome.of_type("epoch")], [0])
        self.assertEqual(outcome.start()["stepsPerEpoch"], 1)


class WatchTest(unittest.TestCase):
    def test_watch_after_the_model_and_optimizer_exist(self):
        with tempfile.TemporaryDirectory() as folder:
            outcome = run_plain("watch_late_import.py", runs_dir=folder)
        self.assertEqual(outcome.code, 0, outcome.stderr)
        self.assertEqual([epoch["epoch"] for epoch in outcome.of_type("epoch")], [0, 1])
        self.assertEqual([layer["name"] for layer in outcome.start()["layers"]], ["0", "2"])
        self.assertNotIn("source", outcome.start()["layers"][0], "built before deepscope was imported: no site")
        self.assertEqual(outcome.records[-1]["type"], "end")

    def test_unwatch_takes_every_hook_out(self):
        originals = {
            "backward": torch.autograd.backward, "iter": DataLoader.__iter__, "next": _BaseDataLoaderIter.__next__,
            "relu": F.relu, "torch.sigmoid": torch.sigmoid, "cross_entropy": F.cross_entropy,
        }
        with tempfile.TemporaryDirectory() as folder:
            os.environ["DEEPSCOPE_RUNS_DIR"] = folder
            try:
                torch.manual_seed(0)
                model = nn.Sequential(nn.Linear(3, 5), nn.Tanh(), nn.Linear(5, 2))
                optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
                loader = DataLoader(TensorDataset(torch.randn(12, 3), torch.randint(0, 2, (12,))), batch_size=4)
                deepscope.watch(model, probe_every=1)
                self.assertIsNot(torch.autograd.backward, originals["backward"])
                for inputs, labels in loader:
                    optimizer.zero_grad()
                    F.cross_entropy(model(inputs), labels).backward()
                    optimizer.step()
                deepscope.unwatch()
            finally:
                del os.environ["DEEPSCOPE_RUNS_DIR"]
            records = read_logs(folder)
        now = {
            "backward": torch.autograd.backward, "iter": DataLoader.__iter__, "next": _BaseDataLoaderIter.__next__,
            "relu": F.relu, "torch.sigmoid": torch.sigmoid, "cross_entropy": F.cross_entropy,
        }
        self.assertEqual(now, originals)
        self.assertNotIn("relu", vars(torch.Tensor))
        for module in model.modules():
            self.assertEqual((len(module._forward_hooks), len(module._forward_pre_hooks)), (0, 0))
        self.assertEqual([records[0]["type"], records[-1]["type"]], ["start", "end"])
        self.assertEqual(len([record for record in records if record["type"] == "probe"]), 3)
        # The optimizer still steps as it did.
        before = model[0].weight.detach().clone()
        F.cross_entropy(model(torch.randn(4, 3)), torch.tensor([0, 1, 0, 1])).backward()
        optimizer.step()
        self.assertFalse(torch.equal(before, model[0].weight))

    def test_watch_again_ends_the_previous_run(self):
        with tempfile.TemporaryDirectory() as folder:
            os.environ["DEEPSCOPE_RUNS_DIR"] = folder
            try:
                model = nn.Linear(2, 1)
                optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
                for _ in range(2):  # a notebook cell run twice
                    deepscope.watch(model)
                    F.mse_loss(model(torch.randn(3, 2)), torch.randn(3, 1)).backward()
                    optimizer.step()
                deepscope.unwatch()
            finally:
                del os.environ["DEEPSCOPE_RUNS_DIR"]
            logs = sorted(os.listdir(folder))
            self.assertEqual(len(logs), 2)
            for log in logs:
                with open(os.path.join(folder, log), encoding="utf-8") as file:
                    lines = file.read().splitlines()
                self.assertIn('"type":"start"', lines[0])
                self.assertIn('"type":"end"', lines[-1])

    def test_a_failure_of_deepscope_leaves_the_script_running(self):
        from unittest import mock

        with tempfile.TemporaryDirectory() as folder:
            os.environ["DEEPSCOPE_RUNS_DIR"] = folder
            try:
                model = nn.Sequential(nn.Linear(2, 3), nn.ReLU(), nn.Linear(3, 1))
                optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
                deepscope.watch(model, probe_every=1)
                with mock.patch("deepscope.capture.describe_activations", side_effect=RuntimeError("probe broke")), mock.patch("sys.stderr"):
                    for _ in range(3):
                        optimizer.zero_grad()
                        F.mse_loss(model(torch.randn(4, 2)), torch.randn(4, 1)).backward()
                        optimizer.step()
                deepscope.unwatch()
            finally:
                del os.environ["DEEPSCOPE_RUNS_DIR"]
            records = read_logs(folder)
        self.assertEqual((records[-1]["type"], records[-1]["kind"]), ("error", "internal"))
        self.assertIn("probe broke", records[-1]["message"])
        self.assertIsNone(deepscope.api.current())
        for module in model.modules():
            self.assertEqual(len(module._forward_hooks), 0)


if __name__ == "__main__":
    unittest.main()
