"""An election: whose seats and votes a figure counts, the size of the whole, last election's result.

Scenario: tests/articles/election_results/ (expectations: tests/expectations/election_results.md).
"""

from __future__ import annotations

import pytest

from scenario_helpers import brief, explain_findings, findings_citing, scenario_report, show, the_claim


@pytest.fixture(scope="module")
def election():
    return scenario_report("election_results")


def _quantities(report, value):
    return [c for c in report["claims"] if c["kind"] == "quantity" and c["value"] == value]


def test_a_partys_seats_differ_between_sources(election):
    body = the_claim(election, "morning_ledger", "52 seats", "quantity")
    other = the_claim(election, "valley_post", "55 seats", "quantity")
    assert body["owner"] == other["owner"] == "PAS", show([brief(body), brief(other)])
    assert findings_citing(election, body, other, verdict="discrepancy"), explain_findings(election)


def test_a_partys_vote_share_agrees_and_the_rivals_is_kept_apart(election):
    shares = [c for c in _quantities(election, 50.2)]
    assert {c["owner"] for c in shares} == {"PAS"} and len(shares) == 2
    assert findings_citing(election, *shares, verdict="agreement"), explain_findings(election)
    rival = _quantities(election, 24.2) + _quantities(election, 26)
    assert rival
    for c in rival:
        assert c["owner"] != "PAS"
        assert not findings_citing(election, c, shares[0]), explain_findings(election)


def test_the_whole_is_not_a_count_of_seats_won(election):
    whole = _quantities(election, 101)
    assert whole and all(c.get("revision") == "whole" for c in whole), show([brief(c) for c in whole])


def test_last_elections_result_is_kept_apart(election):
    old = _quantities(election, 52.8) + _quantities(election, 63)
    assert old and {c["period"] for c in old} == {"2021"}
    for c in old:
        assert not [f for f in election["findings"] if c["id"] in f["claims"] and len(f["articles"]) > 1]


def test_turnout_and_election_day_agree(election):
    turnout = [c for c in election["claims"] if c["kind"] == "quantity" and c["measure"] == "percent"
               and c["property"] == "attended"]
    assert len({c["article"] for c in turnout}) == 3
    assert findings_citing(election, *turnout, verdict="agreement"), explain_findings(election)
    day = [c for c in election["claims"] if c["kind"] == "date" and c["value"] == "2025-09-28"]
    assert len({c["article"] for c in day}) == 3 and {c["unit"] for c in day} == {"election"}
