"""Lists a source asserts as a whole, and names spelled several ways (tests/articles/summit_lists)."""

from __future__ import annotations

from pathlib import Path

import pytest

from consistency.api import check

CORPUS = Path(__file__).parent / "articles" / "summit_lists"


@pytest.fixture(scope="module")
def report():
    return check([CORPUS])


def _sets(report, verdict, unit):
    return [f for f in report.findings if f.kind == "set" and f.verdict == verdict and f.unit == unit]


def test_same_members_in_another_order_agree(report):
    (f,) = _sets(report, "agreement", "members")
    assert set(f.articles) == {"baltic_wire", "nordic_daily"} and "different order" in f.explanation


def test_a_shorter_member_list_is_a_discrepancy_naming_the_difference(report):
    (f,) = _sets(report, "discrepancy", "members")
    assert "harbour_times" in f.articles and "include Poland" in f.explanation


def test_all_members_is_expanded_and_compared(report):
    (f,) = _sets(report, "discrepancy", "participants")
    assert "'all members'" in f.explanation
    assert "include Poland" in f.explanation and "include Sweden" in f.explanation


def test_a_partial_list_conflicts_only_with_what_others_exclude(report):
    partial = [c for c in report.claims if c.kind == "set" and c.qualifier == "partial"]
    assert [c.value for c in partial] == [["Estonia", "Latvia", "Lithuania"]]
    assert not [f for f in report.findings if f.verdict == "discrepancy" and partial[0].id in f.claims]


def test_transliterations_and_former_names_are_one_entity(report):
    names = {f.topic: f for f in report.findings if f.kind == "name"}
    zelensky = next(f for t, f in names.items() if "Zelensk" in t)
    for spelling in ("Zelensky", "Zelenskyy", "Zelenskiy"):
        assert f"Volodymyr {spelling}'" in zelensky.explanation
    kyiv = next(f for t, f in names.items() if t.startswith("Kyiv"))
    assert "'Kiev'" in kyiv.explanation and "'Kyiv'" in kyiv.explanation


def test_two_people_with_one_surname_stay_apart(report):
    # Anna Petrova (council chair) and Olga Petrova (deputy minister) are not one person spelled twice.
    assert not [f for f in report.findings if f.kind == "name" and "Petrova" in f.topic]
