"""Scripts that fail, exit, never train, train two models, wrap theirs or ask for absent CUDA."""
import os
import unittest

import torch

from support import FIXTURES, fixture, run_fixture


class BadScriptsTest(unittest.TestCase):
    def test_an_uncaught_exception(self):
        outcome = run_fixture("raises.py")
        self.assertEqual(outcome.code, 1)
        self.assertIn("Traceback (most recent call last):", outcome.stderr)
        self.assertIn("ValueError: bad value 42", outcome.stderr)
        self.assertNotIn("deepscope", outcome.stderr.split("Traceback")[1].split("ValueError")[0], "the traceback shows the script's frames only")
        error = outcome.records[-1]
        self.assertEqual((error["type"], error["kind"], error["message"]), ("error", "module-threw", "ValueError: bad value 42"))
        self.assertEqual(error["location"], {"file": fixture("raises.py"), "line": 7, "column": 5})
        self.assertEqual(outcome.records[0]["type"], "start")

    def test_sys_exit_keeps_its_code(self):
        outcome = run_fixture("exits.py")
        self.assertEqual(outcome.code, 3)
        self.assertNotIn("error", [record["type"] for record in outcome.records], "the parent reads the exit code")
        own_log = run_fixture("exits.py", record_fd=False)
        self.assertEqual(own_log.code, 3)
        self.assertEqual(own_log.records[-1]["message"], "The program exited with code 3.")

    def test_a_script_that_never_trains(self):
        outcome = run_fixture("never_trains.py")
        self.assertEqual(outcome.code, 0, outcome.stderr)
        self.assertIn("prediction", outcome.stdout)
        self.assertEqual(outcome.records, [], "no start: programInProcess.ts writes one with no layers")
        own_log = run_fixture("never_trains.py", record_fd=False)
        self.assertEqual([record["type"] for record in own_log.records], ["start", "error"])
        self.assertEqual(own_log.records[0]["layers"], [])

    def test_two_models_the_first_that_trains_is_watched(self):
        outcome = run_fixture("two_models.py")
        self.assertEqual(outcome.code, 0, outcome.stderr)
        self.assertEqual([layer["name"] for layer in outcome.start()["layers"]], ["linear"])
        self.assertEqual(outcome.of_type("unwatched"), [{"type": "unwatched", "model": "Main"}])
        self.assertEqual(len([loss for record in outcome.of_type("steps") for loss in record["losses"]]), 3)

    def test_two_models_watch_names_the_main_one(self):
        outcome = run_fixture("two_models.py", "watch")
        self.assertEqual([layer["name"] for layer in outcome.start()["layers"]], ["hidden", "out"])
        self.assertEqual(outcome.of_type("unwatched"), [{"type": "unwatched", "model": "Baseline"}])
        own_log = run_fixture("two_models.py", "watch", record_fd=False)
        self.assertEqual(own_log.records[-1]["unwatchedModels"], ["Baseline"])

    def test_data_parallel_is_mapped_through_its_module(self):
        outcome = run_fixture("data_parallel.py")
        self.assertEqual(outcome.code, 0, outcome.stderr)
        layers = outcome.start()["layers"]
        self.assertEqual([(layer["name"], layer.get("activation")) for layer in layers], [("0", "relu"), ("2", "linear")])
        self.assertIn("deepscope: the model is wrapped in DataParallel: DeepScope watches the Sequential it wraps", outcome.stderr)

    @unittest.skipIf(torch.cuda.is_available(), "this machine has CUDA")
    def test_cuda_when_there_is_none(self):
        for args, line in (((), 7), (("device",), 8)):  # model.cuda(); torch.randn(…, device="cuda")
            outcome = run_fixture("cuda_absent.py", *args)
            self.assertEqual(outcome.code, 1)
            error = outcome.records[-1]
            self.assertEqual(error["kind"], "module-threw")
            self.assertIn("CUDA", error["message"])
            self.assertIn("run it on the CPU", error["message"])
            self.assertEqual((error["location"]["file"], error["location"]["line"]), (fixture("cuda_absent.py"), line))
            self.assertIn("deepscope: The script asks for CUDA, which this PyTorch cannot use", outcome.stderr)

    def test_other_errors_get_no_cuda_hint(self):
        outcome = run_fixture("raises.py")
        self.assertNotIn("CUDA", outcome.records[-1]["message"] + outcome.stderr)

    def test_the_script_runs_as_python_would_run_it(self):
        folder = os.path.dirname(FIXTURES)
        outcome = run_fixture("script_context.py", "a", "--b", cwd=folder)
        line = next(line for line in outcome.stdout.splitlines() if line.startswith("CONTEXT "))
        import json

        context = json.loads(line[len("CONTEXT "):])
        self.assertEqual(context, {"name": "__main__", "argv": [fixture("script_context.py"), "a", "--b"], "path0": FIXTURES, "cwd": folder})


if __name__ == "__main__":
    unittest.main()
