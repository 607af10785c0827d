"""What a watched run reports about training, and that watching changes nothing in it."""
import math
import unittest

from support import decoded, marked_line, printed_losses, run_fixture, run_plain


class TrainingTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.plain = run_plain("mlp_dataloader.py", "7")
        cls.watched = run_fixture("mlp_dataloader.py", "7", options=("--probe-every", "2"))

    def test_same_losses_with_and_without_the_watcher(self):
        self.assertEqual(self.plain.code, 0, self.plain.stderr)
        self.assertEqual(self.watched.code, 0, self.watched.stderr)
        self.assertEqual(printed_losses(self.watched), printed_losses(self.plain))

    def test_step_losses_are_the_scripts(self):
        steps = [loss for record in self.watched.of_type("steps") for loss in record["losses"]]
        self.assertEqual([loss["step"] for loss in steps], list(range(18)))
        self.assertEqual([loss["loss"] for loss in steps], printed_losses(self.watched))

    def test_epochs_from_the_data_loader(self):
        epochs = self.watched.of_type("epoch")
        self.assertEqual([epoch["epoch"] for epoch in epochs], [0, 1, 2])
        losses = printed_losses(self.watched)
        self.assertAlmostEqual(epochs[0]["loss"], sum(losses[:6]) / 6)
        self.assertEqual([epoch["lr"] for epoch in epochs], [0.05, 0.025, 0.0125])
        start = self.watched.start()
        self.assertEqual(start["stepsPerEpoch"], 6)
        self.assertEqual(start["optimizer"], {"name": "SGD", "learningRate": 0.05, "momentum": 0.9, "nesterov": False})
        self.assertAlmostEqual(start["baselineLoss"], 1.0, delta=0.2)

    def test_loss_and_targets_of_the_first_training_call(self):
        start = self.watched.start()
        self.assertEqual(start["loss"], "cross_entropy")
        # Class indices 0 to 2 of the first batch: whole numbers, one column, not one-hot.
        targets = start["targets"]
        self.assertEqual((targets["integers"], targets["oneHot"], targets["width"]), (True, False, 1))
        self.assertTrue(0 <= targets["min"] < targets["max"] <= 2, targets)
        self.assertEqual(start["sites"]["loss"]["line"], marked_line("mlp_dataloader.py", "loss"))

    def test_probes_every_n_steps_and_at_each_epochs_end(self):
        steps = [probe["step"] for probe in self.watched.of_type("probe")]
        self.assertEqual(steps, [0, 2, 4, 5, 6, 8, 10, 11, 12, 14, 16, 17])

    def test_layer_model(self):
        start = self.watched.start()
        layers = [(layer["name"], layer["className"], layer.get("activation"), layer["outputShape"]) for layer in start["layers"]]
        self.assertEqual(layers, [
            ("0", "Linear", "linear", [None, 24]),
            ("1", "BatchNorm1d", None, [None, 24]),
            ("2", "ReLU", "relu", [None, 24]),
            ("3", "Dropout", None, [None, 24]),
            ("4", "Linear", "linear", [None, 3]),
        ])
        self.assertEqual(start["sites"]["data"]["line"], 12)
        probe = self.watched.of_type("probe")[1]
        first = probe["layers"][0]
        kernel = first["weights"][0]
        self.assertEqual((kernel["name"], kernel["shape"]), ("0/kernel", [12, 24]))
        self.assertGreater(kernel["updateRatio"], 0)
        self.assertGreater(kernel["unitSpread"], 0)
        self.assertIn("gradient", kernel)
        relu = probe["layers"][2]
        self.assertIn("preActivations", relu)
        self.assertGreater(relu["activations"]["zeroFraction"], 0.2)
        self.assertEqual(sum(first["activations"]["histogram"]["counts"]), first["activations"]["count"])


class ConstructionSitesTest(unittest.TestCase):
    def test_each_layer_points_at_the_line_that_built_it(self):
        start = run_fixture("construction_sites.py").start()
        lines = {layer["name"]: layer["source"]["line"] for layer in start["layers"]}
        expected = {
            "stem.0": marked_line("construction_sites.py", "sequential-0"),
            "repeated.0": marked_line("construction_sites.py", "loop"),
            "repeated.1": marked_line("construction_sites.py", "loop"),
            "helped": marked_line("construction_sites.py", "helper"),
            "residual.inner": marked_line("construction_sites.py", "custom-init"),
            "head": marked_line("construction_sites.py", "head"),
        }
        self.assertEqual({name: lines[name] for name in expected}, expected)
        self.assertEqual(start["sites"]["model"]["line"], marked_line("construction_sites.py", "model"))
        self.assertEqual(start["sites"]["optimizer"]["line"], marked_line("construction_sites.py", "optimizer"))
        self.assertTrue(start["layers"][0]["source"]["file"].endswith("construction_sites.py"))


class ActivationPairingTest(unittest.TestCase):
    def test_modules_and_functional_calls_join_their_layer(self):
        outcome = run_fixture("activations.py")
        start = outcome.start()
        activations = {layer["name"]: layer.get("activation") for layer in start["layers"]}
        self.assertEqual(activations, {
            "conv": "linear", "norm": None, "after_norm": "relu", "conv2": "relu", "flat": None,
            "module_relu": "relu", "functional_relu": "relu", "torch_sigmoid": "sigmoid", "method_tanh": "tanh",
            "leaky": "leakyrelu", "shared_act": "relu", "out": "linear",
        })
        self.assertNotIn("act", activations, "an activation that joined a layer is not a layer of its own")
        conv = next(layer for layer in outcome.of_type("probe")[0]["layers"] if layer["layer"] == "conv2")
        self.assertEqual(conv["weights"][0]["shape"], [3, 3, 4, 4])
        probe = {layer["layer"]: layer for layer in outcome.of_type("probe")[0]["layers"]}
        self.assertGreaterEqual(probe["module_relu"]["activations"]["min"], 0)
        self.assertLess(probe["module_relu"]["preActivations"]["min"], 0)
        self.assertGreater(probe["torch_sigmoid"]["activations"]["min"], 0)
        self.assertLess(probe["torch_sigmoid"]["activations"]["max"], 1)


class VanishingGradientsTest(unittest.TestCase):
    def test_sigmoid_layers_have_tiny_early_gradients(self):
        outcome = run_fixture("sigmoid_deep.py")
        probe = outcome.of_type("probe")[0]
        norms = [decoded(layer["weights"][0]["gradient"]["norm"]) for layer in probe["layers"] if layer["weights"]]
        self.assertTrue(all(math.isfinite(norm) for norm in norms))
        self.assertLess(norms[0] / norms[-1], 1e-3)
        self.assertLess(norms[0], 1e-4)
        self.assertEqual({layer.get("activation") for layer in outcome.start()["layers"][:-1]}, {"sigmoid"})


if __name__ == "__main__":
    unittest.main()
