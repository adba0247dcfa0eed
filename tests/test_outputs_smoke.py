"""Every output format renders every corpus we have, as the README promises (no crash, real content)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from consistency.cli import app

TESTS = Path(__file__).parent
CORPORA = [TESTS.parent / "seeds", *sorted(p for p in (TESTS / "articles").iterdir() if p.is_dir())]
FORMATS = ["table", "markdown", "json", "jsonl", "csv", "github", "sarif"]


@pytest.mark.parametrize("corpus", CORPORA, ids=[c.name for c in CORPORA])
@pytest.mark.parametrize("fmt", FORMATS)
def test_format_renders_corpus(corpus, fmt, monkeypatch):
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    result = CliRunner().invoke(app, ["check", str(corpus), "--format", fmt, "--quiet", "--fail-on", "unique"])
    assert result.exit_code in (0, 1), result.output
    assert "Traceback" not in result.output
    if fmt != "github":  # annotations only for findings at or above --fail-on: may be none
        assert result.stdout.strip(), "empty output"
    if fmt in ("json", "sarif"):
        json.loads(result.stdout)
