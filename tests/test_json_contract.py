"""The JSON contract ("consistency/report@1") of `check(...).to_json_dict()`, on the seeds and on
every scenario: schema, referential integrity, verdict/article-count rules, determinism, and
that each claim's (line, start, end) points at its text in the input file."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from scenario_helpers import (
    ARTICLES_DIR,
    SCENARIOS,
    SEEDS_DIR,
    article_files,
    brief,
    fresh_report,
    report_for,
    show,
)

DATE = r"^\d{4}-\d{2}-\d{2}$"
QUALIFIERS = ["exact", "approx", "more_than", "less_than", "at_least", "at_most", "up_to", "nearly", "range",
              "complete", "partial", "all"]  # the last three: lists (kind "set")

# quantity and date (the end-to-end issue); name, set and quote (claims beyond numbers).
CLAIM_KINDS = ["quantity", "date", "name", "set", "quote", "duration"]

REPORT_SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "consistency/report@1",
    "type": "object",
    "required": ["schema", "articles", "claims", "findings"],
    "properties": {
        "schema": {"const": "consistency/report@1"},
        "articles": {"type": "array", "items": {"$ref": "#/$defs/article"}},
        "claims": {"type": "array", "items": {"$ref": "#/$defs/claim"}},
        "findings": {"type": "array", "items": {"$ref": "#/$defs/finding"}},
    },
    "$defs": {
        "nullable_string": {"type": ["string", "null"]},
        "article": {
            "type": "object",
            "required": ["id", "path", "title", "source", "published", "status"],
            "properties": {
                "id": {"type": "string", "minLength": 1},
                "path": {"type": "string", "minLength": 1},
                "title": {"$ref": "#/$defs/nullable_string"},
                "source": {"$ref": "#/$defs/nullable_string"},
                "published": {"anyOf": [{"type": "null"}, {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}"}]},
                "status": {"type": "string", "minLength": 1},
            },
        },
        "claim": {
            "type": "object",
            "required": ["id", "article", "kind", "text", "sentence", "line", "start", "end", "value",
                         "low", "high", "qualifier", "unit", "property", "attribution"],
            "properties": {
                "id": {"type": "string", "minLength": 1},
                "article": {"type": "string", "minLength": 1},
                "kind": {"enum": CLAIM_KINDS},
                "text": {"type": "string", "minLength": 1},
                "sentence": {"type": "string", "minLength": 1},
                "line": {"type": "integer", "minimum": 1},
                "start": {"type": "integer", "minimum": 1},
                "end": {"type": "integer", "minimum": 2},
                "value": {"type": ["number", "string", "array", "null"]},
                "low": {"type": ["number", "string", "null"]},
                "high": {"type": ["number", "string", "null"]},
                "qualifier": {"enum": QUALIFIERS},
                "unit": {"$ref": "#/$defs/nullable_string"},
                "property": {"$ref": "#/$defs/nullable_string"},
                "attribution": {"$ref": "#/$defs/nullable_string"},
            },
            "allOf": [
                {   # quantities: numbers; only a range ("hundreds of", "150-200") may lack a single value
                    "if": {"properties": {"kind": {"const": "quantity"}}},
                    "then": {
                        "properties": {
                            "value": {"type": ["number", "null"]},
                            "low": {"type": ["number", "null"]},
                            "high": {"type": ["number", "null"]},
                        },
                        "if": {"not": {"properties": {"qualifier": {"const": "range"}}}},
                        "then": {"properties": {"value": {"type": "number"}}},
                    },
                },
                {   # dates: ISO dates, or null when the date cannot be placed on the calendar
                    "if": {"properties": {"kind": {"const": "date"}}},
                    "then": {
                        "properties": {
                            "value": {"anyOf": [{"type": "null"}, {"type": "string", "pattern": DATE}]},
                            "low": {"anyOf": [{"type": "null"}, {"type": "string", "pattern": DATE}]},
                            "high": {"anyOf": [{"type": "null"}, {"type": "string", "pattern": DATE}]},
                        },
                    },
                },
            ],
        },
        "finding": {
            "type": "object",
            "required": ["id", "verdict", "kind", "topic", "claims", "explanation"],
            "properties": {
                "id": {"type": "string", "minLength": 1},
                "verdict": {"enum": ["agreement", "discrepancy", "update", "unique"]},
                "kind": {"enum": [*CLAIM_KINDS, "weekday"]},
                "topic": {"type": "string", "minLength": 1},
                "claims": {"type": "array", "minItems": 1, "uniqueItems": True,
                           "items": {"type": "string", "minLength": 1}},
                "explanation": {"type": "string", "minLength": 1},
            },
        },
    },
}

INPUT_DIRS = [SEEDS_DIR] + [ARTICLES_DIR / s for s in SCENARIOS]
IDS = ["seeds"] + SCENARIOS


@pytest.fixture(params=INPUT_DIRS, ids=IDS)
def input_dir(request) -> Path:
    return request.param


@pytest.fixture
def report(input_dir):
    return report_for(input_dir)


def test_schema_itself_is_valid():
    Draft202012Validator.check_schema(REPORT_SCHEMA)


def test_report_matches_schema(report):
    errors = sorted(Draft202012Validator(REPORT_SCHEMA).iter_errors(report), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(
        f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in errors[:15])


def test_report_is_plain_json(input_dir):
    data = fresh_report(input_dir)
    text = json.dumps(data, allow_nan=False)  # no NaN/Infinity (pandas leaks)
    assert json.loads(text) == data           # no tuples, numpy scalars or other non-JSON types


def test_ids_are_unique(report):
    for section in ("articles", "claims", "findings"):
        ids = [x["id"] for x in report[section]]
        assert len(ids) == len(set(ids)), f"duplicate {section} ids: {sorted(i for i in ids if ids.count(i) > 1)}"


def test_every_input_is_an_article(report, input_dir):
    stems = [p.stem for p in article_files(input_dir)]
    assert sorted(a["id"] for a in report["articles"]) == sorted(stems)


def test_references_resolve(report):
    claim_ids = {c["id"] for c in report["claims"]}
    article_ids = {a["id"] for a in report["articles"]}
    dangling = [(f["id"], cid) for f in report["findings"] for cid in f["claims"] if cid not in claim_ids]
    assert not dangling, f"findings cite unknown claims: {dangling}"
    orphans = [brief(c) for c in report["claims"] if c["article"] not in article_ids]
    assert not orphans, f"claims of unknown articles: {show(orphans)}"


def test_verdicts_cite_the_right_number_of_articles(report):
    claims = {c["id"]: c for c in report["claims"]}
    wrong = []
    for f in report["findings"]:
        cited = [claims[c] for c in f["claims"] if c in claims]
        articles = {c["article"] for c in cited}
        if f["verdict"] == "unique" and len(articles) != 1:
            wrong.append(("unique finding must cite one article", f))
        if f["kind"] == "weekday":
            # a date contradicting the weekday written beside it: one article, one date claim
            if f["verdict"] != "discrepancy" or len(articles) != 1 or {c["kind"] for c in cited} != {"date"}:
                wrong.append(("weekday finding must be a discrepancy about one date claim", f))
            continue
        if f["verdict"] in ("agreement", "discrepancy", "update") and len(articles) < 2:
            wrong.append((f"{f['verdict']} must cite >= 2 articles", f))
        if f.get("inferred"):
            # a start plus a duration against an end: date and duration claims
            if not {c["kind"] for c in cited} <= {"date", "duration"}:
                wrong.append(("inferred finding must cite dates and durations", f))
        elif {c["kind"] for c in cited} != {f["kind"]}:
            wrong.append(("finding kind differs from its claims' kind", f))
    assert not wrong, show(wrong[:10])


def test_intervals_are_ordered(report):
    wrong = []
    for c in report["claims"]:
        value, low, high = c["value"], c["low"], c["high"]
        if c["kind"] == "quantity":
            for a, b in ((low, value), (value, high), (low, high)):
                if isinstance(a, (int, float)) and isinstance(b, (int, float)):
                    if math.isnan(a) or math.isnan(b) or a > b:
                        wrong.append(brief(c))
                        break
        else:
            for a, b in ((low, value), (value, high), (low, high)):
                if isinstance(a, str) and isinstance(b, str) and a > b:
                    wrong.append(brief(c))
                    break
    assert not wrong, "low <= value <= high violated:\n" + show(wrong[:10])


def test_two_runs_are_byte_identical(input_dir):
    first = json.dumps(fresh_report(input_dir), sort_keys=False, ensure_ascii=False)
    second = json.dumps(fresh_report(input_dir), sort_keys=False, ensure_ascii=False)
    assert first == second


def _input_path(article) -> Path:
    p = Path(article["path"])
    return p if p.is_absolute() else (Path.cwd() / p)


def test_claim_columns_point_at_the_claim_text(report):
    """Line `line` (1-based) of the input file, columns start..end-1 (1-based), equals `text`."""
    articles = {a["id"]: a for a in report["articles"]}
    lines_of: dict[str, list[str]] = {}
    wrong = []
    for c in report["claims"]:
        path = _input_path(articles[c["article"]])
        if path.suffix.lower() != ".txt":
            continue
        if c["article"] not in lines_of:
            lines_of[c["article"]] = [ln.rstrip("\r") for ln in path.read_text(encoding="utf-8").split("\n")]
        lines = lines_of[c["article"]]
        if not 1 <= c["line"] <= len(lines):
            wrong.append({"claim": brief(c), "problem": f"line out of range (file has {len(lines)})"})
            continue
        segment = lines[c["line"] - 1][c["start"] - 1:c["end"] - 1]
        if segment != c["text"]:
            wrong.append({"claim": brief(c), "start": c["start"], "end": c["end"], "file_has": segment,
                          "line_text": lines[c["line"] - 1][:160]})
    assert not wrong, f"{len(wrong)} claims with wrong columns:\n" + show(wrong[:10])


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_claim_text_lies_in_its_sentence(scenario):
    """In the clean scenario texts, normalisation changes nothing inside a claim."""
    report = report_for(ARTICLES_DIR / scenario)
    wrong = [{"text": c["text"], "sentence": c["sentence"]} for c in report["claims"] if c["text"] not in c["sentence"]]
    assert not wrong, show(wrong[:10])
