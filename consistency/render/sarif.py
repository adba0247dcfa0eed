"""SARIF 2.1.0, for code-scanning dashboards (GitHub code scanning and others).

One result per finding that can fail a run (discrepancies, updates; unique claims with
``--fail-on unique``): ``ruleId`` is the verdict, ``level`` error/warning/note, the location is
the claim in a new article (or the first claim), the other claims are related locations, and
``partialFingerprints`` holds the finding's fingerprint (the key of baseline entries), so a
dashboard tracks a finding across runs.  Columns count Unicode code points.  Skipped inputs
are tool notifications.  Message texts are plain text in which "[text](target)" is a link, so
article text goes through :func:`consistency.render.escape.sarif` (one line, brackets escaped).
"""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import quote

from consistency import __version__
from consistency.compare import describe
from consistency.fingerprint import VERSION, report_fingerprints
from consistency.policy import reported_verdicts
from consistency.render.common import primary_claim
from consistency.render.escape import plain
from consistency.render.escape import json_text
from consistency.render.escape import sarif as esc

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVEL = {"discrepancy": "error", "update": "warning", "unique": "note"}
RULES = [
    {
        "id": "discrepancy",
        "name": "Discrepancy",
        "shortDescription": {"text": "Sources contradict each other"},
        "fullDescription": {"text": "Two or more articles give readings of the same figure or date that cannot "
                                    "both be true (their intervals do not overlap), or violate a relation the "
                                    "rules state between properties (present <= approved)."},
        "help": {"text": "Check the cited sentences against each other and against primary sources; "
                         "correct the article, or accept the finding in the baseline with a reason."},
        "defaultConfiguration": {"level": "error"},
    },
    {
        "id": "update",
        "name": "Update",
        "shortDescription": {"text": "A figure changed between reports"},
        "fullDescription": {"text": "Articles give different readings of a figure that can change over time "
                                    "(a toll that rises); the later report may supersede the earlier one."},
        "help": {"text": "Make sure the newer figure is used, or say when the older one was true."},
        "defaultConfiguration": {"level": "warning"},
    },
    {
        "id": "unique",
        "name": "UniqueClaim",
        "shortDescription": {"text": "Only one source says this"},
        "fullDescription": {"text": "A figure or date that no other article of the corpus states."},
        "help": {"text": "Confirm it with a second source before relying on it."},
        "defaultConfiguration": {"level": "note"},
    },
]
RULE_INDEX = {r["id"]: i for i, r in enumerate(RULES)}


def _uri(path: str) -> tuple[str, str | None]:
    p = Path(path)
    if p.is_absolute():
        return p.as_uri(), None
    return quote(p.as_posix()), "%SRCROOT%"


def _location(report, claim, message: str | None = None, ident: int | None = None) -> dict:  # noqa: ANN001
    uri, base = _uri(report.article(claim.article).path)
    artifact = {"uri": uri}
    if base:
        artifact["uriBaseId"] = base
    loc: dict = {
        "physicalLocation": {
            "artifactLocation": artifact,
            "region": {"startLine": claim.line, "startColumn": claim.start, "endColumn": claim.end,
                       "snippet": {"text": plain(claim.text)}},
        }
    }
    if ident is not None:
        loc["id"] = ident
    if message:
        loc["message"] = {"text": message}
    return loc


def _says(report, claim) -> str:  # noqa: ANN001
    a = report.article(claim.article)
    return f"{esc(a.source or a.id)}: \"{esc(claim.text)}\" = {esc(describe(claim))}"


def sarif_log(report, *, fail_on: str = "discrepancy") -> dict:  # noqa: ANN001
    verdicts = reported_verdicts(fail_on)
    fps = report_fingerprints(report)
    results = []
    for f in report.findings:
        if f.verdict not in verdicts:
            continue
        main = primary_claim(report, f)
        others = [report.claim(cid) for cid in f.claims if cid != main.id]
        text = f"{esc(f.topic)}: {esc(f.explanation)}. {_says(report, main)}"
        if others:
            text += "; " + "; ".join(_says(report, c) for c in others)
        result = {
            "ruleId": f.verdict,
            "ruleIndex": RULE_INDEX[f.verdict],
            "level": LEVEL[f.verdict],
            "message": {"text": text},
            "locations": [_location(report, main)],
            "partialFingerprints": {f"consistencyFinding/{VERSION}": fps[f.id]},
            "properties": {"finding": f.id, "topic": f.topic, "articles": list(f.articles)},
        }
        if others:
            result["relatedLocations"] = [_location(report, c, _says(report, c), i)
                                          for i, c in enumerate(others, start=1)]
        if f.notes:
            result["properties"]["notes"] = list(f.notes)
        results.append(result)
    notifications = [
        {"level": "warning", "message": {"text": f"skipped {esc(path)}: {esc(reason)}"}}
        for path, reason in report.skipped
    ]
    invocation = {"executionSuccessful": True}
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "consistency",
                "version": __version__,
                "semanticVersion": __version__,
                "rules": RULES,
            }},
            "invocations": [invocation],
            "columnKind": "unicodeCodePoints",
            "results": results,
            "properties": {"rulesVersion": report.rules_version},
        }],
    }


def render_sarif(report, *, fail_on: str = "discrepancy") -> str:  # noqa: ANN001
    return json_text(json.dumps(sarif_log(report, fail_on=fail_on), indent=2, ensure_ascii=False)) + "\n"
