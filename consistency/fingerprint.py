"""A finding's fingerprint: a hash of what it says, not of where it sits.

It covers the verdict, the kind, the counted thing or event (unit), the property, the owner,
and for every cited claim the article id, the claim as written (whitespace collapsed) and its
normalised reading (value, bounds, qualifier, measure).  It leaves out line numbers, columns,
claim and finding ids and wording of the explanation, so a finding keeps its fingerprint when
an article is edited elsewhere, when other articles join the corpus, or when the report's
wording changes.  Renaming an article file (its id) or changing a cited claim changes it:
the finding then needs a new review.
"""

from __future__ import annotations

import hashlib
import json
import re
from typing import Any, Mapping

VERSION = "v1"


def _norm(value: Any) -> Any:
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return value
    if isinstance(value, (int, float)):
        return format(float(value), ".12g")
    return str(value)


def fingerprint_payload(finding, claims: Mapping[str, Any]) -> dict[str, Any]:  # noqa: ANN001
    cited = []
    for cid in finding.claims:
        c = claims[cid]
        cited.append([
            c.article, re.sub(r"\s+", " ", c.text or "").strip(),
            _norm(c.value), _norm(c.low), _norm(c.high), bool(c.low_exclusive), bool(c.high_exclusive),
            c.qualifier, c.measure,
        ])
    cited.sort(key=lambda row: json.dumps(row, ensure_ascii=False))
    return {
        "verdict": finding.verdict, "kind": finding.kind, "unit": finding.unit,
        "property": finding.property, "owner": finding.owner, "claims": cited,
    }


def fingerprint(finding, claims: Mapping[str, Any]) -> str:  # noqa: ANN001
    """A 20-hex-digit fingerprint of ``finding``; ``claims`` maps claim ids to claims."""
    payload = json.dumps(fingerprint_payload(finding, claims), sort_keys=True, ensure_ascii=False,
                         separators=(",", ":"))
    return hashlib.sha256(f"{VERSION}\n{payload}".encode("utf-8")).hexdigest()[:20]


def report_fingerprints(report) -> dict[str, str]:  # noqa: ANN001
    """Finding id -> fingerprint for every finding of a report (reported and context ones)."""
    claims = {c.id: c for c in report.claims}
    claims.update({c.id: c for c in getattr(report, "context_claims", [])})
    found = [*report.findings, *getattr(report, "context_findings", []), *getattr(report, "suppressed", [])]
    return {f.id: fingerprint(f, claims) for f in found}
