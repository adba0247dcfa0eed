"""JSON lines: one object per line, the claims then the findings, each with a "type" field.

Objects are those of the JSON report (docs/json-report.md), ``"type"`` first ("claim" or
"finding"); findings also carry their ``"fingerprint"`` (the key of baseline entries).
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from consistency.fingerprint import report_fingerprints
from consistency.render.escape import json_text


def render_jsonl(report) -> str:  # noqa: ANN001
    return "".join(jsonl_chunks(report))


def jsonl_chunks(report) -> Iterator[str]:  # noqa: ANN001
    """The lines one at a time: a large report is never held as one string."""
    parts = dict(report._json_parts())
    fps = report_fingerprints(report)
    for c in parts["claims"]:
        yield json_text(json.dumps({"type": "claim", **c}, ensure_ascii=False)) + "\n"
    for f in parts["findings"]:
        yield json_text(json.dumps({"type": "finding", **f, "fingerprint": fps[f["id"]]}, ensure_ascii=False)) + "\n"
