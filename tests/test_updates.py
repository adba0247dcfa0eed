"""Counts that change over time: a later, higher toll is an update; a later, lower one is not."""

from __future__ import annotations

from pathlib import Path

import pytest

from consistency.api import check

CORPUS = Path(__file__).parent / "articles" / "toll_updates"


def _killed(*names: str):
    report = check([CORPUS / f"{n}.txt" for n in names])
    found = [f for f in report.findings if f.kind == "quantity" and f.property == "killed"]
    assert len(found) == 1, [(f.verdict, f.explanation) for f in found]
    return found[0]


def test_later_higher_toll_is_an_update_by_publication_date():
    f = _killed("early_bulletin", "later_wire")
    assert f.verdict == "update"
    assert "earlier figure 8" in f.explanation and "later figure 14" in f.explanation
    assert "2024-09-14" in f.explanation and "2024-09-16" in f.explanation


def test_revision_wording_makes_an_update_without_dates():
    # radio_note has no publication date, but says the toll "rose to 14".
    f = _killed("early_bulletin", "radio_note")
    assert f.verdict == "update"
    assert "revision" in f.explanation


def test_later_lower_toll_stays_a_discrepancy():
    f = _killed("later_wire", "late_lower")
    assert f.verdict == "discrepancy"


def test_earlier_and_increment_figures_are_not_compared():
    report = check([CORPUS])
    revised = {(c.article, c.value): c.revision for c in report.claims if c.revision}
    assert revised[("radio_note", 8)] == "earlier"  # "up from 8"
    assert revised[("later_wire", 6)] == "increment"  # "six more bodies"
    cited = {cid for f in report.findings for cid in f.claims}
    assert not [c for c in report.claims if c.revision and c.id in cited]


@pytest.mark.parametrize("names", [("early_bulletin", "later_wire", "radio_note")])
def test_all_revisions_together_are_one_update(names):
    assert _killed(*names).verdict == "update"


def test_a_weekday_that_contradicts_its_date_is_a_finding_of_its_own(tmp_path):
    (tmp_path / "a.txt").write_text(
        "Ferry service resumes\n\nThe ferry service resumed on Friday, March 3, 2023, the port authority said.\n",
        encoding="utf-8")
    (tmp_path / "b.txt").write_text(
        "Ferries sail again\n\nThe ferry service resumed on Monday, 6 March 2023, according to the operator.\n",
        encoding="utf-8")
    report = check([tmp_path])
    weekday = [f for f in report.findings if f.kind == "weekday"]
    # 3 March 2023 was a Friday (right); 6 March 2023 was a Monday (right): no finding.
    assert weekday == []
    (tmp_path / "b.txt").write_text(
        "Ferries sail again\n\nThe ferry service resumed on Sunday, 6 March 2023, according to the operator.\n",
        encoding="utf-8")
    weekday = [f for f in check([tmp_path]).findings if f.kind == "weekday"]
    assert len(weekday) == 1 and weekday[0].verdict == "discrepancy"
    assert "was a Monday, not a Sunday" in weekday[0].explanation
