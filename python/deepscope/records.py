"""Run-log lines (src/runs/core/runLogFormat.ts): one JSON object per line, non-finite floats as strings."""
from __future__ import annotations

import json
import math
from datetime import datetime, timezone
from typing import Any

__version__ = "0.1.0"
PRODUCER = f"deepscope-pytorch {__version__}"
RUN_LOG_VERSION = 1
Record = dict[str, Any]


def now_iso() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def encode_record(record: Record) -> str:
    line = json.dumps(record, separators=(",", ":"))
    # json writes non-finite floats as bare NaN / Infinity tokens; only then is the record walked to quote them.
    if "NaN" in line or "Infinity" in line:
        line = json.dumps(_finite(record), separators=(",", ":"), allow_nan=False)
    return line


def _finite(value: Any) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        return "NaN" if math.isnan(value) else ("Infinity" if value > 0 else "-Infinity")
    if isinstance(value, dict):
        return {key: _finite(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_finite(item) for item in value]
    return value


def without_none(record: Record) -> Record:
    """Optional properties are left out rather than written as null (the schema has no nulls there)."""
    return {key: value for key, value in record.items() if value is not None}
