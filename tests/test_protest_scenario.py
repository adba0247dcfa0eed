"""Protests against a bill: ongoing events, the stages of a bill, turnout, yardstick dates.

Scenario: tests/articles/protest_bill/ (expectations: tests/expectations/protest_bill.md).
"""

from __future__ import annotations

import pytest

from scenario_helpers import brief, explain_findings, find_claims, findings_citing, findings_with, scenario_report, show, the_claim


@pytest.fixture(scope="module")
def protest():
    return scenario_report("protest_bill")


def _dates(report, unit=None, value=None):
    return [c for c in report["claims"] if c["kind"] == "date" and (unit is None or c["unit"] == unit)
            and (value is None or c["value"] == value)]


def test_second_reading_dates_differ_and_stay_apart_from_the_final_vote(protest):
    second = _dates(protest, "second_reading")
    assert {c["value"] for c in second} == {"2024-05-01", "2024-05-02"}, show([brief(c) for c in second])
    assert findings_citing(protest, *second, verdict="discrepancy"), explain_findings(protest)
    final = _dates(protest, "third_reading")
    assert {c["value"] for c in final} == {"2024-05-14"} and len({c["article"] for c in final}) == 3
    assert findings_citing(protest, *final, verdict="agreement"), explain_findings(protest)


def test_a_rally_day_is_not_the_start_of_the_protests(protest):
    starts = [c for c in _dates(protest, "protest") if c["property"] == "start"]
    assert {c["value"] or c["low"] for c in starts} == {"2024-04-15", "2024-04-11"}, show([brief(c) for c in starts])
    assert findings_citing(protest, *starts, verdict="agreement"), explain_findings(protest)
    rally = [c for c in _dates(protest, value="2024-05-11")]
    assert rally and all(c["property"] != "start" for c in rally)
    assert not [f for f in protest["findings"] if {c["id"] for c in rally} & set(f["claims"])]


def test_a_yardstick_year_dates_no_protest(protest):
    yardstick = [c for c in protest["claims"] if c["kind"] == "date" and "2012" in c["text"]]
    assert yardstick and all(c["unit"] is None for c in yardstick), show([brief(c) for c in yardstick])


def test_officers_injured_differ_and_a_part_is_not_compared(protest):
    six = the_claim(protest, "capital_daily", "Six officers", "quantity")
    eleven = the_claim(protest, "city_radio", "11 officers", "quantity")
    assert six["property"] == eleven["property"] == "injured"
    assert findings_citing(protest, six, eleven, verdict="discrepancy"), explain_findings(protest)
    two = [c for c in find_claims(protest, "eastwire", "two", "quantity") if c["value"] == 2]
    assert two and all(c.get("revision") == "part" for c in two), show(two)
    assert not [f for f in protest["findings"] if {c["id"] for c in two} & set(f["claims"])]


def test_turnout_estimates_are_compared(protest):
    ministry = the_claim(protest, "capital_daily", "20,000", "quantity")
    opposition = the_claim(protest, "capital_daily", "70,000", "quantity")
    organisers = the_claim(protest, "eastwire", "more than 50,000", "quantity")
    assert {c["property"] for c in (ministry, opposition, organisers)} == {"attended"}
    assert findings_citing(protest, ministry, organisers, verdict="discrepancy"), explain_findings(protest)


def test_detentions_grow_and_last_years_stay_apart(protest):
    sunday = the_claim(protest, "eastwire", "63 people", "quantity")
    monday = the_claim(protest, "capital_daily", "68 people", "quantity")
    assert sunday["property"] == monday["property"] == "arrested"
    assert findings_citing(protest, sunday, monday, verdict="update"), explain_findings(protest)
    last_year = the_claim(protest, "capital_daily", "133", "quantity")
    assert last_year["period"] == "2023"
    assert not findings_citing(protest, last_year, sunday) and not findings_citing(protest, last_year, monday)


def test_a_vote_tally_is_no_cost(protest):
    votes = [c for c in protest["claims"] if c["kind"] == "quantity" and c["value"] == 83]
    assert votes and all(c["property"] != "cost" for c in votes), show([brief(c) for c in votes])
