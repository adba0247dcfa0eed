"""Company results: changes and levels named by the noun before their verb, bare head counts.

Scenario: tests/articles/steel_results/ (expectations: tests/expectations/steel_results.md).
"""

from __future__ import annotations

import pytest

from scenario_helpers import brief, explain_findings, findings_citing, findings_with, scenario_report, show, the_claim


@pytest.fixture(scope="module")
def steel():
    return scenario_report("steel_results")


def test_job_cuts_differ(steel):
    ew = [c for c in steel["claims"] if c["value"] == 1200]
    nb = [c for c in steel["claims"] if c["value"] == 1500]
    assert ew and nb
    assert findings_citing(steel, ew[0], nb[0], verdict="discrepancy"), explain_findings(steel)


def test_percent_changes_take_the_noun_before_their_verb(steel):
    profit = [c for c in steel["claims"] if c["value"] == 42 and c["measure"] == "percent"]
    revenue = [c for c in steel["claims"] if c["value"] == 11 and c["measure"] == "percent"]
    assert {(c["unit"], c["property"]) for c in profit} == {("profit", "decrease")}, show([brief(c) for c in profit])
    assert {(c["unit"], c["period"]) for c in revenue} == {("revenue", "2024")}, show([brief(c) for c in revenue])
    assert len(profit) == len(revenue) == 2
    assert findings_citing(steel, *profit, verdict="agreement") and findings_citing(steel, *revenue, verdict="agreement")


def test_bare_head_counts_make_no_discrepancy(steel):
    plant = the_claim(steel, "eastwire_oslo", "2,400 people", "quantity")
    company = the_claim(steel, "nordic_business", "15,000 people", "quantity")
    assert not findings_citing(steel, plant, company)
    assert all(set(f["claims"]).isdisjoint({plant["id"], company["id"]}) for f in findings_with(steel, "discrepancy"))


def test_a_date_after_an_amount_is_not_what_it_counts(steel):
    sales = the_claim(steel, "nordic_business", "48.6 billion", "quantity")
    assert (sales["unit"], sales["measure"]) == ("revenue", "NOK"), show(brief(sales))
