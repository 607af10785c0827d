"""The pure parts: statistics as distribution.ts computes them, tfjs names and layouts, run ids and folders."""
import math
import os
import re
import tempfile
import unittest
from datetime import datetime

import torch
from torch import nn

import support  # noqa: F401  (puts the package on the path)
from deepscope import layers
from deepscope.sinks import new_run_id, runs_directory
from deepscope.stats import describe_activations, describe_inputs, describe_values, percentile_from_histogram, unit_spread


class StatisticsTest(unittest.TestCase):
    def test_a_known_tensor(self):
        stats = describe_activations(torch.tensor([0.0, 0.0, 0.5, 1.0]), "sigmoid")
        self.assertEqual((stats["count"], stats["mean"], stats["min"], stats["max"]), (4, 0.375, 0.0, 1.0))
        self.assertAlmostEqual(stats["std"], math.sqrt(((0.375 ** 2) * 2 + 0.125 ** 2 + 0.625 ** 2) / 4), places=6)
        self.assertEqual((stats["zeroFraction"], stats["saturatedFraction"]), (0.5, 0.75))
        counts = stats["histogram"]["counts"]
        self.assertEqual((len(counts), counts[0], counts[15], counts[29], sum(counts)), (30, 2, 1, 1, 4))
        self.assertEqual((stats["percentiles"][0], stats["percentiles"][-1]), (0.0, 1.0))

    def test_values_have_no_saturation(self):
        self.assertNotIn("saturatedFraction", describe_values(torch.ones(3)))
        self.assertEqual(describe_activations(torch.tensor([0.995, -0.2]), "tanh")["saturatedFraction"], 0.5)

    def test_percentiles_interpolate_inside_the_bin(self):
        # Two bins over [0, 2], one value in each: the median is the end of the first bin.
        self.assertEqual(percentile_from_histogram(0.0, 2.0, [1.0, 1.0], 50), 1.0)
        self.assertEqual(percentile_from_histogram(0.0, 2.0, [1.0, 1.0], 25), 0.5)
        self.assertTrue(math.isnan(percentile_from_histogram(0.0, 2.0, [0.0, 0.0], 50)))

    def test_a_diverged_tensor(self):
        stats = describe_values(torch.tensor([1.0, float("nan")]))
        self.assertTrue(math.isnan(stats["mean"]))
        self.assertEqual(sum(stats["histogram"]["counts"]), 0)

    def test_inputs_and_unit_spread(self):
        inputs = torch.tensor([[1.0, 10.0], [3.0, 10.0]])
        described = describe_inputs(inputs)
        self.assertEqual((described["meanAbsFeatureMean"], described["meanFeatureStd"]), (6.0, 0.5))
        self.assertIsNone(describe_inputs(torch.tensor([[1, 2]])), "token ids are not features")
        self.assertEqual(unit_spread(torch.ones(3, 4)), 0.0)
        self.assertIsNone(unit_spread(torch.ones(4)))


class TfjsLayoutTest(unittest.TestCase):
    def views(self, module):
        return {name: list(layout(parameter).shape) for name, parameter, layout in layers.weight_views(module)}

    def test_kernels_have_their_units_last(self):
        self.assertEqual(self.views(nn.Linear(3, 5)), {"kernel": [3, 5], "bias": [5]})
        self.assertEqual(self.views(nn.Conv2d(2, 6, (3, 4))), {"kernel": [3, 4, 2, 6], "bias": [6]})
        self.assertEqual(self.views(nn.ConvTranspose2d(2, 6, 3))["kernel"], [3, 3, 2, 6])
        self.assertEqual(self.views(nn.Conv1d(2, 6, 5))["kernel"], [5, 2, 6])
        self.assertEqual(self.views(nn.Embedding(10, 4)), {"embeddings": [10, 4]})
        self.assertEqual(self.views(nn.BatchNorm1d(4)), {"gamma": [4], "beta": [4]})

    def test_recurrent_weights(self):
        views = self.views(nn.LSTM(3, 4, num_layers=2, bidirectional=True))
        self.assertEqual(views["kernel"], [3, 16])
        self.assertEqual(views["recurrent_kernel"], [4, 16])
        self.assertEqual(views["kernel_l1_reverse"], [8, 16])
        self.assertIn("bias_ih", views)
        self.assertEqual(layers.output_shape(nn.LSTM(3, 4), torch.zeros(7, 2, 4)), [7, None, 4])


class RunFilesTest(unittest.TestCase):
    def test_run_ids_as_newRunId(self):
        run_id = new_run_id("/x/my model.py", datetime(2026, 12, 2, 18, 35, 25, 123000))
        self.assertRegex(run_id, r"^20261202-183525-123-my-model-[0-9a-z]{4}$")

    def test_the_runs_folder_is_under_the_workspace_root(self):
        with tempfile.TemporaryDirectory() as root:
            os.makedirs(os.path.join(root, ".vscode"))
            os.makedirs(os.path.join(root, "a", "b"))
            self.assertEqual(runs_directory(os.path.join(root, "a", "b")), os.path.join(root, ".deepscope", "runs"))
        self.assertTrue(re.search(r"runs$", runs_directory(tempfile.gettempdir())))


if __name__ == "__main__":
    unittest.main()
