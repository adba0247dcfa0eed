"""The JSON report (schema ``consistency/report@1``; see docs/json-report.md)."""

from __future__ import annotations


def render_json(report) -> str:  # noqa: ANN001
    return report.to_json()
