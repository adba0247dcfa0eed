"""Renderers: one module per output format.  Findings know nothing of rendering.

``render(report, fmt, verbose=..., fail_on=...)``: ``verbose`` shows which rules produced each
claim (table, markdown); ``fail_on`` decides which verdicts the annotation formats (github,
sarif) report: discrepancies and updates always, unique claims with ``fail_on="unique"``.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import Enum


class Format(str, Enum):
    table = "table"
    markdown = "markdown"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    github = "github"
    sarif = "sarif"


def render_chunks(report, fmt: Format | str, **options) -> Iterable[str]:  # noqa: ANN001
    """The rendered report in pieces: JSON and JSON lines are built one claim at a time, so that
    writing a report of millions of claims needs no copy of it in memory."""
    fmt = Format(fmt)
    if fmt == Format.json:
        return report.json_chunks()
    if fmt == Format.jsonl:
        from consistency.render.jsonl import jsonl_chunks

        return jsonl_chunks(report)
    return (render(report, fmt, **options),)


def render(report, fmt: Format | str, **options) -> str:  # noqa: ANN001 - Report, imported lazily
    fmt = Format(fmt)
    verbose = bool(options.pop("verbose", False))
    fail_on = options.pop("fail_on", "discrepancy")
    if fmt == Format.table:
        from consistency.render.table import render_table

        return render_table(report, verbose=verbose, **options)
    if fmt == Format.markdown:
        from consistency.render.markdown import render_markdown

        return render_markdown(report, verbose=verbose)
    if fmt == Format.jsonl:
        from consistency.render.jsonl import render_jsonl

        return render_jsonl(report)
    if fmt == Format.csv:
        from consistency.render.csvout import render_csv

        return render_csv(report)
    if fmt == Format.github:
        from consistency.render.github import render_github

        return render_github(report, fail_on=fail_on)
    if fmt == Format.sarif:
        from consistency.render.sarif import render_sarif

        return render_sarif(report, fail_on=fail_on)
    from consistency.render.jsonout import render_json

    return render_json(report)
