"""Several figures of different kinds in one sentence, read as what each counts.

The scenario is tests/articles/ferry_sinking/ (expectations: tests/expectations/ferry_sinking.md):
tolls, missing, rescued, aboard and capacity figures side by side, a background toll of an
earlier disaster, and statement dates beside event dates.
"""

from __future__ import annotations

import pytest

from scenario_helpers import brief, explain_findings, find_claims, findings_citing, findings_with, scenario_report, show, the_claim


@pytest.fixture(scope="module")
def ferry():
    return scenario_report("ferry_sinking")


def _never_with(report, a, b):
    together = findings_citing(report, a, b)
    assert not together, f"{brief(a)} and {brief(b)} must never be compared:\n" + explain_findings(report, together)


def _not_in_discrepancy(report, claim):
    bad = [f for f in findings_with(report, "discrepancy") if claim["id"] in f["claims"]]
    assert not bad, f"{show(brief(claim))} is in a discrepancy:\n" + explain_findings(report, bad)


def test_each_figure_of_a_sentence_takes_its_own_property(ferry):
    died = the_claim(ferry, "harbour_wire", "At least 34 people", "quantity")
    missing = [c for c in find_claims(ferry, "harbour_wire", "17", "quantity") if c["value"] == 17]
    assert (died["property"], [c["property"] for c in missing]) == ("killed", ["missing"])
    toll = [c for c in find_claims(ferry, "selayar_daily", "41", "quantity") if c["line"] > 1]
    nine = the_claim(ferry, "selayar_daily", "nine passengers", "quantity")
    assert [c["property"] for c in toll] == ["killed"] and nine["property"] == "missing"


def test_passengers_aboard_differ(ferry):
    hw = the_claim(ferry, "harbour_wire", "186 passengers", "quantity")
    sd = the_claim(ferry, "selayar_daily", "180 passengers", "quantity")
    assert hw["property"] == sd["property"] == "aboard"
    assert findings_citing(ferry, hw, sd, verdict="discrepancy"), explain_findings(ferry)


def test_rescued_counts_differ_and_a_bound_fits_both(ferry):
    hw = the_claim(ferry, "harbour_wire", "147 people", "quantity")
    sd = the_claim(ferry, "selayar_daily", "145", "quantity")
    ib = the_claim(ferry, "island_broadcaster", "More than 140", "quantity")
    assert {hw["property"], sd["property"], ib["property"]} == {"rescued"}
    assert findings_citing(ferry, hw, sd, verdict="discrepancy"), explain_findings(ferry)


def test_capacity_agrees_and_never_conflicts_with_those_aboard(ferry):
    caps = [the_claim(ferry, "harbour_wire", "no more than 150", "quantity"),
            the_claim(ferry, "island_broadcaster", "150 passengers", "quantity"),
            the_claim(ferry, "selayar_daily", "150 passengers", "quantity")]
    assert {c["property"] for c in caps} == {"capacity"}
    assert findings_citing(ferry, *caps, verdict="agreement"), explain_findings(ferry)
    for cap in caps:
        _not_in_discrepancy(ferry, cap)


def test_rising_toll_is_no_discrepancy(ferry):
    toll = [the_claim(ferry, "harbour_wire", "At least 34 people", "quantity"),
            the_claim(ferry, "island_broadcaster", "38", "quantity")]
    toll += [c for c in find_claims(ferry, "selayar_daily", "41", "quantity")]
    for c in toll:
        assert c["property"] == "killed"
        _not_in_discrepancy(ferry, c)
    assert findings_citing(ferry, *toll[:2], verdict="update") or findings_citing(ferry, *toll[:2], verdict="agreement")


def test_an_earlier_disasters_toll_is_kept_apart(ferry):
    old = [the_claim(ferry, "harbour_wire", "more than 160", "quantity"),
           the_claim(ferry, "archipelago_press", "More than 160", "quantity"),
           the_claim(ferry, "island_broadcaster", "about 160", "quantity")]
    assert {c["period"] for c in old} == {"2018"}
    assert findings_citing(ferry, *old, verdict="agreement"), explain_findings(ferry)
    now = the_claim(ferry, "harbour_wire", "At least 34 people", "quantity")
    for c in old:
        _never_with(ferry, c, now)


def test_the_capsizing_date_agrees_and_the_2018_sinking_is_another_occurrence(ferry):
    sunday = [c for c in ferry["claims"] if c["kind"] == "date" and c["unit"] == "sinking" and c["value"] == "2024-03-03"]
    assert {c["article"] for c in sunday} == {a["id"] for a in ferry["articles"]}, show([brief(c) for c in sunday])
    assert findings_citing(ferry, *sunday, verdict="agreement"), explain_findings(ferry)
    old = [c for c in ferry["claims"] if c["kind"] == "date" and c["unit"] == "sinking" and c["low"] and c["low"] < "2019"]
    assert len(old) == 3
    for c in old:
        _never_with(ferry, c, sunday[0])
    said = [c for c in ferry["claims"] if c["kind"] == "date" and c["unit"] == "sinking" and c["value"] == "2024-03-04"]
    assert not said, "a statement date ('said on Monday') is not the date of the capsizing: " + show([brief(c) for c in said])


def test_a_distance_is_no_toll(ferry):
    km = find_claims(ferry, "selayar_daily", "kilometres")
    assert all(c["property"] != "killed" and c["unit"] != "people" for c in km), show([brief(c) for c in km])
