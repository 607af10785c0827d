"""Every record the package writes validates against schema/run-log.schema.json (Draft 2020-12)."""
import json
import unittest

from jsonschema import Draft202012Validator

from support import SCHEMA, run_fixture, run_plain

with open(SCHEMA, encoding="utf-8") as schema:
    VALIDATOR = Draft202012Validator(json.load(schema))
NOTICES = ("unwatched", "backend")


def problems(records):
    return [f"{record['type']}: {error.message[:300]}" for record in records if record["type"] not in NOTICES for error in VALIDATOR.iter_errors(record)]


class SchemaTest(unittest.TestCase):
    def test_a_training_run_in_its_own_log(self):
        outcome = run_fixture("mlp_dataloader.py", record_fd=False, options=("--probe-every", "3"))
        self.assertEqual(outcome.code, 0, outcome.stderr)
        self.assertEqual([outcome.records[0]["type"], outcome.records[-1]["type"]], ["start", "end"])
        self.assertEqual({record["type"] for record in outcome.records}, {"start", "steps", "probe", "epoch", "end"})
        self.assertEqual(problems(outcome.records), [])

    def test_a_run_trained_by_hand_in_its_own_log(self):
        outcome = run_fixture("hand_updates.py", record_fd=False, options=("--probe-every", "3"))
        self.assertEqual(outcome.code, 0, outcome.stderr)
        self.assertEqual({record["type"] for record in outcome.records}, {"start", "steps", "probe", "epoch", "end"})
        self.assertEqual(problems(outcome.records), [])

    def test_records_on_the_descriptor(self):
        outcome = run_fixture("activations.py")
        self.assertEqual(outcome.code, 0, outcome.stderr)
        self.assertEqual(outcome.records[0]["type"], "start")
        self.assertNotIn("end", [record["type"] for record in outcome.records], "the parent decides the end")
        self.assertEqual(problems(outcome.records), [])

    def test_error_records(self):
        for options in ({"record_fd": True}, {"record_fd": False}):
            outcome = run_fixture("raises.py", **options)
            self.assertEqual(outcome.records[-1]["type"], "error")
            self.assertEqual(problems(outcome.records), [])
        never = run_fixture("never_trains.py", record_fd=False)
        self.assertEqual([record["type"] for record in never.records], ["start", "error"])
        self.assertEqual(problems(never.records), [])

    def test_watch_with_explicit_epochs(self):
        import tempfile

        with tempfile.TemporaryDirectory() as folder:
            outcome = run_plain("watch_custom_loop.py", runs_dir=folder)
        self.assertEqual(outcome.code, 0, outcome.stderr)
        self.assertEqual(problems(outcome.records), [])
        epochs = [record for record in outcome.records if record["type"] == "epoch"]
        self.assertEqual([record["epoch"] for record in epochs], [0, 1, 2])
        self.assertEqual(epochs[0]["metrics"], {"acc": 0.5})
        self.assertEqual(epochs[0]["valMetrics"], {"acc": 0.4})
        self.assertIn("valLoss", epochs[0])
        self.assertEqual(outcome.records[-1]["type"], "end")

    def test_non_finite_values_are_strings(self):
        from deepscope.records import encode_record

        line = encode_record({"type": "steps", "losses": [{"step": 0, "epoch": 0, "loss": float("nan")}, {"step": 1, "epoch": 0, "loss": float("inf")}]})
        self.assertIn('"loss":"NaN"', line)
        self.assertIn('"loss":"Infinity"', line)
        self.assertEqual(problems([json.loads(line)]), [])


if __name__ == "__main__":
    unittest.main()
