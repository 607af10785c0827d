"""Loops that update parameters by hand after backward() (no torch.optim) are watched, each backward() a step;
scripts with optimizers still count one step per optimizer.step(), however many backward() calls it takes."""
import json
import math
import tempfile
import unittest

from support import decoded, marked_line, printed_losses, run_fixture, run_plain


def printed(outcome, label):
    line = next(line for line in outcome.stdout.splitlines() if line.startswith(label + " "))
    return json.loads(line[len(label) + 1:])


def step_losses(outcome):
    return [loss for record in outcome.of_type("steps") for loss in record["losses"]]


class HandUpdatesTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.plain = run_plain("hand_updates.py", "5")
        cls.watched = run_fixture("hand_updates.py", "5", options=("--probe-every", "3"))

    def test_the_script_runs_as_without_the_watcher(self):
        self.assertEqual(self.plain.code, 0, self.plain.stderr)
        self.assertEqual(self.watched.code, 0, self.watched.stderr)
        self.assertNotIn("internal error", self.watched.stderr)
        self.assertEqual(printed_losses(self.watched), printed_losses(self.plain))
        self.assertEqual(printed(self.watched, "CHANGES"), printed(self.plain, "CHANGES"))

    def test_each_backward_is_a_step_with_its_loss(self):
        steps = step_losses(self.watched)
        self.assertEqual([loss["step"] for loss in steps], list(range(12)))
        self.assertEqual([loss["loss"] for loss in steps], printed_losses(self.watched))
        self.assertEqual([loss["epoch"] for loss in steps], [0] * 4 + [1] * 4 + [2] * 4)

    def test_epochs_from_the_loader_and_no_optimizer(self):
        start = self.watched.start()
        self.assertEqual(start["stepsPerEpoch"], 4)
        self.assertNotIn("optimizer", start)
        self.assertEqual(start["loss"], "mse_loss")
        epochs = [decoded(epoch) for epoch in self.watched.of_type("epoch")]
        self.assertEqual([epoch["epoch"] for epoch in epochs], [0, 1, 2])
        self.assertAlmostEqual(epochs[1]["loss"], sum(printed_losses(self.watched)[4:8]) / 4)
        self.assertTrue(all(math.isnan(epoch["lr"]) for epoch in epochs))  # a rate the script never names

    def test_layers_and_their_lines(self):
        layers = [(layer["name"], layer["className"], layer["activation"], layer["source"]["line"]) for layer in self.watched.start()["layers"]]
        self.assertEqual(layers, [
            ("hidden", "Linear", "tanh", marked_line("hand_updates.py", "hidden")),
            ("out", "Linear", "linear", marked_line("hand_updates.py", "out")),
        ])

    def test_probes_measure_the_update_the_script_made(self):
        probes = self.watched.of_type("probe")
        # Steps 0 and 1 tell that the loop trains by hand; then every 3rd step and each epoch's last batch.
        self.assertEqual([probe["step"] for probe in probes], [2, 3, 6, 7, 9, 11])
        changes = printed(self.watched, "CHANGES")
        for probe in probes:
            hidden = next(layer for layer in probe["layers"] if layer["layer"] == "hidden")
            kernel = hidden["weights"][0]
            self.assertEqual(kernel["name"], "hidden/kernel")
            self.assertGreater(kernel["gradient"]["norm"], 0)
            self.assertAlmostEqual(kernel["updateRatio"], changes[probe["step"]], delta=1e-6 + 1e-4 * changes[probe["step"]])
            self.assertEqual(hidden["activations"]["count"], 16 * 16)


class BackwardWithoutUpdatesTest(unittest.TestCase):
    def test_gradients_that_change_no_weight_are_not_training(self):
        outcome = run_fixture("backward_only.py", record_fd=False)
        self.assertEqual(outcome.code, 0, outcome.stderr)
        self.assertEqual(outcome.stdout.count("saliency"), 3)
        self.assertEqual([record["type"] for record in outcome.records], ["start", "error"])
        self.assertIn("no training to watch", outcome.records[-1]["message"])


class NamedBackwardArgumentTest(unittest.TestCase):
    def test_backward_called_with_tensors_as_a_keyword_runs_and_is_watched(self):
        plain, watched = run_plain("named_backward.py"), run_fixture("named_backward.py")
        self.assertEqual(watched.code, 0, watched.stderr)
        self.assertEqual(printed_losses(watched), printed_losses(plain))
        self.assertEqual([loss["loss"] for loss in step_losses(watched)], printed_losses(plain))


class WatchedHandLoopTest(unittest.TestCase):
    def test_only_the_watched_models_backward_passes_are_its_steps(self):
        with tempfile.TemporaryDirectory() as folder:
            outcome = run_plain("watch_hand_loop.py", runs_dir=folder)
        self.assertEqual(outcome.code, 0, outcome.stderr)
        steps = step_losses(outcome)
        self.assertEqual([loss["step"] for loss in steps], list(range(12)))
        self.assertEqual([loss["loss"] for loss in steps], printed_losses(outcome))
        start = outcome.start()
        self.assertEqual({layer["source"]["line"] for layer in start["layers"]}, {marked_line("watch_hand_loop.py", "net")})
        # The other model's backward pass told that net was updated by hand: net's step 1 is already probed.
        self.assertEqual([probe["step"] for probe in outcome.of_type("probe")], [1, 2, 5, 10])
        self.assertEqual(outcome.records[-1]["type"], "end")


class OptimizerStepsAreNotDoubleCountedTest(unittest.TestCase):
    def test_gradient_accumulation_is_one_step_per_optimizer_step(self):
        outcome = run_fixture("accumulate_and_gan.py", "2", "accumulate", options=("--probe-every", "2"))
        self.assertEqual(outcome.code, 0, outcome.stderr)
        steps = step_losses(outcome)
        self.assertEqual([loss["step"] for loss in steps], [0, 1, 2, 3])
        for logged, printed_loss in zip([loss["loss"] for loss in steps], printed_losses(outcome)):
            self.assertAlmostEqual(logged, printed_loss, places=9)  # the three backward passes' losses, summed
        self.assertEqual([probe["step"] for probe in outcome.of_type("probe")], [0, 2])
        self.assertEqual(outcome.start()["optimizer"]["name"], "SGD")
        self.assertEqual([notice["model"] for notice in outcome.of_type("unwatched")], ["Sequential", "Sequential"])

    def test_a_gan_counts_its_discriminators_steps(self):
        outcome = run_fixture("accumulate_and_gan.py", "2", "gan", options=("--probe-every", "2"))
        self.assertEqual(outcome.code, 0, outcome.stderr)
        steps = step_losses(outcome)
        self.assertEqual([loss["step"] for loss in steps], [0, 1, 2])
        for logged, printed_loss in zip([loss["loss"] for loss in steps], printed_losses(outcome)):
            self.assertAlmostEqual(logged, printed_loss, places=6)
        start = outcome.start()
        self.assertEqual(start["optimizer"]["name"], "Adam")
        self.assertEqual({layer["source"]["line"] for layer in start["layers"]}, {marked_line("accumulate_and_gan.py", "discriminator")})
        self.assertEqual([notice["model"] for notice in outcome.of_type("unwatched")], ["Sequential"])


if __name__ == "__main__":
    unittest.main()
