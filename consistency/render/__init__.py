"""Renderers: one module per output format.  Findings know nothing of rendering."""

from __future__ import annotations

from enum import Enum


class Format(str, Enum):
    table = "table"
    markdown = "markdown"
    json = "json"


def render(report, fmt: Format, **options) -> str:  # noqa: ANN001 - Report, imported lazily
    if fmt == Format.table:
        from consistency.render.table import render_table

        return render_table(report, **options)
    if fmt == Format.markdown:
        from consistency.render.markdown import render_markdown

        return render_markdown(report)
    from consistency.render.jsonout import render_json

    return render_json(report)
