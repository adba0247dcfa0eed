"""JSON lines: one object per line, the claims then the findings, each with a "type" field.

Objects are those of the JSON report (docs/json-report.md), ``"type"`` first ("claim" or
"finding"); findings also carry their ``"fingerprint"`` (the key of baseline entries).
"""

from __future__ import annotations

import json

from consistency.fingerprint import report_fingerprints
from consistency.render.escape import json_text


def render_jsonl(report) -> str:  # noqa: ANN001
    data = report.to_json_dict()
    fps = report_fingerprints(report)
    lines = [json.dumps({"type": "claim", **c}, ensure_ascii=False) for c in data["claims"]]
    lines += [json.dumps({"type": "finding", **f, "fingerprint": fps[f["id"]]}, ensure_ascii=False)
              for f in data["findings"]]
    return "".join(json_text(line) + "\n" for line in lines)
