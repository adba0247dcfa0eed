"""GitHub Actions workflow commands: one annotation per finding.

``::error`` for discrepancies, ``::warning`` for updates, ``::notice`` for unique claims (with
``--fail-on unique`` only), each at the claim of the finding in a new article (or its first
claim), with the other sources in the message.  GitHub shows at most 10 annotations of each
level per step (and 50 per job): the rest are left out, and a plain line says how many.

Every value is escaped by GitHub's rules (data: % CR LF; properties also : and ,) after
article text is reduced to one line without control characters, so an article cannot start a
workflow command of its own ("::add-mask::", "::set-output" ...).

With ``$GITHUB_STEP_SUMMARY`` set, the markdown report is appended to that file (the job
summary), cut to GitHub's limit of 1 MiB per step.
"""

from __future__ import annotations

import os
from pathlib import Path

from consistency.compare import describe
from consistency.policy import reported_verdicts
from consistency.render.common import VERDICT_TITLE, primary_claim
from consistency.render.escape import plain

LEVEL = {"discrepancy": "error", "update": "warning", "unique": "notice"}
PER_STEP = 10  # annotations of one level GitHub shows per step
SUMMARY_LIMIT = 1024 * 1024  # bytes of job summary GitHub accepts per step


def escape_data(text: str) -> str:
    return str(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(level: str, message: str, **properties) -> str:
    props = ",".join(f"{k}={escape_property(v)}" for k, v in properties.items() if v is not None)
    return f"::{level} {props}::{escape_data(message)}" if props else f"::{level}::{escape_data(message)}"


def _message(report, finding) -> str:  # noqa: ANN001
    lines = [plain(finding.explanation)]
    for cid in finding.claims:
        c = report.claim(cid)
        a = report.article(c.article)
        source = plain(a.source or a.id)
        lines.append(f"{plain(a.path)}:{c.line}: {source}: \"{plain(c.text)}\" = {plain(describe(c))}")
    lines += [plain(n) for n in finding.notes]
    return "\n".join(lines)


def render_github(report, *, fail_on: str = "discrepancy", per_step: int = PER_STEP) -> str:  # noqa: ANN001
    verdicts = reported_verdicts(fail_on)
    out: list[str] = []
    shown = {v: 0 for v in verdicts}
    left_out = {v: 0 for v in verdicts}
    for f in report.findings:
        if f.verdict not in verdicts:
            continue
        if shown[f.verdict] >= per_step:
            left_out[f.verdict] += 1
            continue
        shown[f.verdict] += 1
        c = primary_claim(report, f)
        title = f"consistency: {VERDICT_TITLE[f.verdict].lower()}: {plain(f.topic)}"
        out.append(annotation(LEVEL[f.verdict], _message(report, f), file=Path(report.article(c.article).path).as_posix(),
                              line=str(c.line), col=str(c.start), endColumn=str(c.end), title=title))
    for verdict, n in left_out.items():
        if n:
            out.append(f"consistency: {n} more {verdict} finding(s) not annotated: GitHub shows at most "
                       f"{per_step} {LEVEL[verdict]} annotations per step; the job summary and "
                       "`--format markdown` list them all")
    return "".join(line + "\n" for line in out)


def write_step_summary(report, path: str | os.PathLike | None = None, *, verbose: bool = False) -> Path | None:  # noqa: ANN001
    """Append the markdown report to ``path`` (default: ``$GITHUB_STEP_SUMMARY``), if any."""
    from consistency.render.markdown import render_markdown

    path = path or os.environ.get("GITHUB_STEP_SUMMARY")
    if not path:
        return None
    text = render_markdown(report, verbose=verbose)
    data = text.encode("utf-8")
    if len(data) > SUMMARY_LIMIT - 1024:
        cut = data[: SUMMARY_LIMIT - 1024].decode("utf-8", errors="ignore")
        cut = cut[: cut.rfind("\n") + 1]
        text = cut + ("\n\n**The report was cut here: GitHub takes at most 1 MiB of job summary per step. "
                      "Run with `--report FILE` and upload it as an artifact for the whole report.**\n")
    with open(path, "a", encoding="utf-8", newline="\n") as handle:
        handle.write(text + "\n")
    return Path(path)
