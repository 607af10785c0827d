"""Optimizers stepped with a closure (LBFGS, `step(closure)`): the forward and backward passes happen inside
the step, possibly several times; the watcher probes the first and logs the loss the step returns."""
import unittest

from support import marked_line, printed_losses, run_fixture, run_plain


class ClosureStepsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.plain = run_plain("closure_steps.py", "3")
        cls.watched = run_fixture("closure_steps.py", "3", options=("--probe-every", "2"))

    def test_the_script_runs_as_without_the_watcher(self):
        self.assertEqual(self.plain.code, 0, self.plain.stderr)
        self.assertEqual(self.watched.code, 0, self.watched.stderr)
        self.assertNotIn("internal error", self.watched.stderr)
        self.assertEqual(printed_losses(self.watched), printed_losses(self.plain))

    def test_each_step_logs_the_loss_it_returned(self):
        steps = [loss for record in self.watched.of_type("steps") for loss in record["losses"]]
        self.assertEqual([loss["step"] for loss in steps], list(range(6)))
        self.assertEqual([loss["loss"] for loss in steps], printed_losses(self.watched))

    def test_probes_see_the_closures_forward_pass_and_gradients(self):
        start = self.watched.start()
        layers = {layer["name"]: layer for layer in start["layers"]}
        self.assertEqual(layers["cell"]["className"], "LSTMCell")
        self.assertEqual(layers["cell"]["source"]["line"], marked_line("closure_steps.py", "cell"))
        self.assertEqual(layers["head"]["source"]["line"], marked_line("closure_steps.py", "head"))
        probes = self.watched.of_type("probe")
        self.assertEqual([probe["step"] for probe in probes], [0, 2, 4])
        head = next(layer for layer in probes[0]["layers"] if layer["layer"] == "head")
        self.assertGreater(head["activations"]["count"], 0)
        kernel = head["weights"][0]
        self.assertGreater(kernel["gradient"]["norm"], 0)
        self.assertGreater(kernel["updateRatio"], 0)


if __name__ == "__main__":
    unittest.main()
