"""The JSON report is written in pieces; the pieces make exactly the one-string report."""

from __future__ import annotations

import json

from consistency.api import CheckOptions, check
from consistency.fingerprint import report_fingerprints
from consistency.render import Format, render, render_chunks
from consistency.render.escape import json_text
from scenario_helpers import ARTICLES_DIR, SEEDS_DIR


def _whole(report) -> str:  # noqa: ANN001 - what the report was before it was streamed
    return json_text(json.dumps(report.to_json_dict(), indent=2, ensure_ascii=False)) + "\n"


def test_streamed_json_is_the_whole_json():
    for folder in (SEEDS_DIR, ARTICLES_DIR / "ferry_sinking", ARTICLES_DIR / "quotes_summit"):
        report = check([folder], CheckOptions(jobs=1))
        pieces = list(render_chunks(report, Format.json))
        assert len(pieces) > len(report.claims), "one piece per claim at least"
        assert "".join(pieces) == _whole(report) == render(report, Format.json)


def test_streamed_json_with_empty_lists_and_the_new_filter(tmp_path):
    article = tmp_path / "lone.txt"
    article.write_text("Lone report\n\nNothing here is counted — “not even one thing”.\n", encoding="utf-8")
    report = check([tmp_path], CheckOptions(jobs=1, new=(article,)))
    assert report.copies == [] and "new_articles" in report.to_json_dict()
    assert report.to_json() == _whole(report)
    json.loads(report.to_json())


def test_streamed_jsonl_is_the_whole_jsonl():
    report = check([ARTICLES_DIR / "protest_bill"], CheckOptions(jobs=1))
    lines = list(render_chunks(report, Format.jsonl))
    assert len(lines) == len(report.claims) + len(report.findings)
    data, fps = report.to_json_dict(), report_fingerprints(report)
    whole = [json.dumps({"type": "claim", **c}, ensure_ascii=False) for c in data["claims"]]
    whole += [json.dumps({"type": "finding", **f, "fingerprint": fps[f["id"]]}, ensure_ascii=False) for f in data["findings"]]
    assert "".join(lines) == "".join(json_text(line) + "\n" for line in whole)
    assert [json.loads(line)["type"] for line in lines][-1] == "finding"


def test_the_layout_is_json_dumps_layout_for_every_kind_of_value():
    from consistency.api import _indented

    samples = [{}, [], {"a": []}, {"a": {}}, {"k": [1, 2.5, None, True, "x\\u2014y"], "n": {"m": [[], {}]}},
               [{"a": 1}, {"b": [{"c": "é"}]}], "plain", 3, -0.0, 1e300, {"q": 'quote " and \\\\ back'}]
    for value in samples:
        assert _indented(value) == json.dumps(value, indent=2, ensure_ascii=False)
        assert _indented(value, "    ") == json.dumps(value, indent=2, ensure_ascii=False).replace("\n", "\n    ")
