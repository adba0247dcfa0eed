"""Time across claims: durations tied to events, and a start plus a duration against an end."""

from __future__ import annotations

from pathlib import Path

import pytest

from consistency.api import check

CORPUS = Path(__file__).parent / "articles" / "timeline"


@pytest.fixture(scope="module")
def report():
    return check([CORPUS])


def _inferred(report, verdict, article):
    return [f for f in report.findings if f.inferred and f.verdict == verdict and article in f.articles]


def test_start_plus_duration_against_an_earlier_end_is_an_inferred_discrepancy(report):
    found = _inferred(report, "discrepancy", "city_paper")
    assert len(found) == 1
    f = found[0]
    assert f.unit == "repair" and f.difference == 4
    # the arithmetic is shown: start, length, window, the other source's end
    for part in ("began 2023-03-06", "'ten days'", "between 2023-03-15 and 2023-03-16", "2023-03-11", "4 day(s) before"):
        assert part in f.explanation


def test_an_end_inside_the_window_agrees(report):
    found = _inferred(report, "agreement", "radio_traffic")
    assert [f.unit for f in found] == ["repair"]


def test_a_vague_duration_is_a_range(report):
    # "will take several weeks" from 1 May: an end on June 2 is inside the window.
    found = [f for f in report.findings if f.inferred and f.unit == "roadworks"]
    assert len(found) == 1 and found[0].verdict == "agreement"
    assert "21 to 70 days" in found[0].explanation


def test_different_kinds_of_works_are_not_compared(report):
    # the bridge repair and the road resurfacing are different events
    for f in report.findings:
        units = {report.claim(c).unit for c in f.claims if report.claim(c).kind in ("date", "duration")}
        assert len(units) <= 1, f.explanation


def test_durations_are_claims_not_counts(report):
    kinds = {(c.text, c.kind) for c in report.claims}
    assert ("ten days", "duration") in kinds
    assert not [c for c in report.claims if c.kind == "quantity" and c.unit in ("day", "days", "week")]


def test_seeds_withdrawal_of_a_few_days_is_not_a_discrepancy():
    from conftest import SEEDS

    seeds = check([SEEDS])
    few = [c for c in seeds.claims if c.kind == "duration" and "few days" in c.text]
    assert few and few[0].unit == "withdrawal" and (few[0].low, few[0].high) == (2, 7)
    assert not [f for f in seeds.findings if f.inferred and f.verdict == "discrepancy"]
