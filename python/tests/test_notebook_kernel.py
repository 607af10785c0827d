"""The example notebook executed by a real Jupyter kernel (Debian's ipykernel, through nbconvert):
`deepscope.watch(model)` in a cell writes a whole run log into the runs folder, which the extension
follows. Skipped when jupyter is not installed."""
from __future__ import annotations

import glob
import json
import os
import shutil
import subprocess
import tempfile
import unittest

from support import PYTHON_PATH, REPO

NOTEBOOK = os.path.join(REPO, "examples", "pytorch", "spirals_notebook.ipynb")


@unittest.skipUnless(shutil.which("jupyter") and shutil.which("jupyter-nbconvert"), "needs jupyter nbconvert and ipykernel")
class NotebookKernelTest(unittest.TestCase):
    def test_watch_in_a_kernel_writes_the_run_log(self) -> None:
        with tempfile.TemporaryDirectory() as scratch:
            workspace = os.path.join(scratch, "workspace")
            shutil.copytree(os.path.dirname(NOTEBOOK), workspace)
            runs = os.path.join(workspace, ".deepscope", "runs")
            env = {**os.environ, "PYTHONPATH": PYTHON_PATH, "DEEPSCOPE_RUNS_DIR": runs}
            env.pop("DEEPSCOPE_RECORD_FD", None)
            notebook = os.path.join(workspace, os.path.basename(NOTEBOOK))
            done = subprocess.run(
                ["jupyter", "nbconvert", "--to", "notebook", "--execute", "--ExecutePreprocessor.timeout=300", "--output", "executed.ipynb", notebook],
                cwd=workspace, env=env, capture_output=True, text=True, timeout=400,
            )
            self.assertEqual(done.returncode, 0, done.stderr[-2000:])
            logs = glob.glob(os.path.join(runs, "*.jsonl"))
            self.assertEqual(len(logs), 1, f"run logs: {logs}")
            with open(logs[0], encoding="utf8") as log:
                records = [json.loads(line) for line in log]
            kinds = [record["type"] for record in records]
            self.assertEqual(kinds[0], "start")
            self.assertEqual(records[0]["framework"], "pytorch")
            self.assertEqual([layer["activation"] for layer in records[0]["layers"]], ["tanh", "tanh", "linear"])
            self.assertEqual(kinds.count("epoch"), 20)
            self.assertIn("probe", kinds)
            self.assertEqual(kinds[-1], "end", "the kernel's exit ends the run")


if __name__ == "__main__":
    unittest.main()
