"""Accepted findings: the baseline file (``consistency baseline``, ``check --baseline``).

The file is pretty JSON, one entry per finding, sorted by fingerprint (see
:mod:`consistency.fingerprint`), so that a pull request that changes it reviews well::

    {
      "schema": "consistency/baseline@1",
      "findings": [
        {
          "fingerprint": "3f0c9e...",
          "status": "accepted",          // "accepted" suppresses the finding; "open" does not
          "reason": "",                  // filled in by a person: why this is acceptable
          "reviewer": "",                // and who decided
          "verdict": "discrepancy",      // the rest describes the finding for reviewers;
          "topic": "people (killed)",    // it is not read back
          "explanation": "...",
          "claims": ["article_id: \"12 people\" = 12", ...]
        }
      ]
    }

Regenerating a baseline keeps the status, reason and reviewer of entries whose fingerprint is
still found, and drops the rest.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from consistency import __version__
from consistency.fingerprint import fingerprint, report_fingerprints
from consistency.policy import at_or_above

SCHEMA = "consistency/baseline@1"
STATUSES = ("accepted", "open")
DEFAULT_FILE = "consistency-baseline.json"


class BaselineError(Exception):
    """A baseline file that cannot be used; the message names the file and the entry."""


@dataclass
class Entry:
    fingerprint: str
    status: str = "accepted"
    reason: str = ""
    reviewer: str = ""
    about: dict[str, Any] = field(default_factory=dict)  # descriptive fields, for reviewers

    def to_dict(self) -> dict[str, Any]:
        return {"fingerprint": self.fingerprint, "status": self.status, "reason": self.reason,
                "reviewer": self.reviewer, **self.about}


@dataclass
class Baseline:
    entries: dict[str, Entry]
    path: Path | None = None

    @property
    def accepted(self) -> set[str]:
        return {fp for fp, e in self.entries.items() if e.status == "accepted"}


def load(path: Path) -> Baseline:
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BaselineError(f"{path}: baseline file does not exist (write one with `consistency baseline`)") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise BaselineError(f"{path}: cannot read baseline file: {exc}") from None
    except json.JSONDecodeError as exc:
        raise BaselineError(f"{path}:{exc.lineno}: not valid JSON: {exc.msg}") from None
    if not isinstance(data, dict) or data.get("schema") != SCHEMA:
        raise BaselineError(f"{path}: not a consistency baseline (expected \"schema\": \"{SCHEMA}\")")
    items = data.get("findings")
    if not isinstance(items, list):
        raise BaselineError(f"{path}: \"findings\" must be a list")
    entries: dict[str, Entry] = {}
    for i, item in enumerate(items):
        where = f"{path}: findings[{i}]"
        if not isinstance(item, dict) or not isinstance(item.get("fingerprint"), str) or not item["fingerprint"]:
            raise BaselineError(f"{where}: needs a \"fingerprint\" string")
        fp = item["fingerprint"]
        status = item.get("status", "accepted")
        if status not in STATUSES:
            raise BaselineError(f"{where} ({fp}): \"status\" must be one of {', '.join(STATUSES)}, not {status!r}")
        for key in ("reason", "reviewer"):
            if not isinstance(item.get(key, ""), str):
                raise BaselineError(f"{where} ({fp}): \"{key}\" must be a string")
        if fp in entries:
            raise BaselineError(f"{where}: fingerprint {fp} is listed twice")
        about = {k: v for k, v in item.items() if k not in ("fingerprint", "status", "reason", "reviewer")}
        entries[fp] = Entry(fp, status, item.get("reason", ""), item.get("reviewer", ""), about)
    return Baseline(entries=entries, path=path)


def build(report, fail_on: str, previous: Baseline | None = None) -> tuple[Baseline, dict[str, int]]:  # noqa: ANN001
    """A baseline of the report's findings at or above ``fail_on``.

    Entries of ``previous`` still found keep their status, reason and reviewer.  Returns the
    baseline and counts: {"entries", "kept", "dropped"}."""
    claims = {c.id: c for c in [*report.claims, *report.context_claims]}
    entries: dict[str, Entry] = {}
    for f in report.findings:
        if not at_or_above(f.verdict, fail_on):
            continue
        fp = fingerprint(f, claims)
        about = {
            "verdict": f.verdict, "kind": f.kind, "topic": f.topic, "explanation": f.explanation,
            "claims": [_says(claims[cid]) for cid in f.claims],
        }
        entry = Entry(fp, about=about)
        if previous and fp in previous.entries:
            old = previous.entries[fp]
            entry.status, entry.reason, entry.reviewer = old.status, old.reason, old.reviewer
        entries[fp] = entry
    kept = len(set(entries) & set(previous.entries)) if previous else 0
    dropped = len(set(previous.entries) - set(entries)) if previous else 0
    return Baseline(entries=dict(sorted(entries.items()))), {"entries": len(entries), "kept": kept, "dropped": dropped}


def _says(claim) -> str:  # noqa: ANN001
    from consistency.compare import describe
    from consistency.render.escape import plain

    return f"{claim.article}: \"{plain(claim.text)}\" = {plain(describe(claim))}"


def dumps(baseline: Baseline) -> str:
    data = {
        "schema": SCHEMA,
        "generated_by": f"consistency {__version__}",
        "findings": [baseline.entries[fp].to_dict() for fp in sorted(baseline.entries)],
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def apply(report, baseline: Baseline):  # noqa: ANN001
    """Drop the findings the baseline accepts; note suppressed and stale entries on the report.

    Stale entries are fingerprints that match no finding of the whole run, reported or not
    (with ``--new``, findings among old articles still count as found)."""
    fps = report_fingerprints(report)
    accepted = baseline.accepted
    kept, suppressed = [], []
    for f in report.findings:
        (suppressed if fps[f.id] in accepted else kept).append(f)
    context = [f for f in report.context_findings if fps[f.id] not in accepted]
    seen = set(fps.values())
    stale = sorted(fp for fp in baseline.entries if fp not in seen)
    report.findings = kept
    report.context_findings = context
    report.suppressed = suppressed
    report.baseline = {"suppressed": len(suppressed), "stale": stale}
    return report
