"""Acceptance: the five seed articles, as a careful reader sees them (docs/seeds-expectations.md)."""

from __future__ import annotations

import pytest

from consistency.api import check

from conftest import SEEDS


@pytest.fixture(scope="module")
def report():
    return check([SEEDS])


def _finding_with(report, verdict, *needles):
    """The finding of ``verdict`` citing claims whose texts contain every needle (article, text)."""
    for f in report.findings:
        if f.verdict != verdict:
            continue
        cited = [report.claim(cid) for cid in f.claims]
        if all(any(c.article.startswith(art) and text in c.text for c in cited) for art, text in needles):
            return f
    return None


def test_no_discrepancy_in_figures_or_dates(report):
    found = [f.explanation for f in report.findings if f.verdict == "discrepancy" and f.kind in ("quantity", "date")]
    assert not found


def _set_finding(report, verdict, *articles):
    for f in report.findings:
        if f.kind == "set" and f.verdict == verdict and {a[:3] for a in f.articles} == set(articles):
            return f
    return None


def test_member_lists_agree_in_another_order(report):
    f = _set_finding(report, "agreement", "001", "004")
    assert f is not None and f.unit == "members" and "different order" in f.explanation


def test_contributing_contingents_agree(report):
    f = _set_finding(report, "agreement", "003", "004")
    assert f is not None and f.unit == "contributors"
    assert "Kazakhstan" not in f.explanation


def test_all_members_is_set_against_the_five_contributors(report):
    f = _set_finding(report, "discrepancy", "001", "003", "004")
    assert f is not None
    assert "all members" in f.explanation and "include Kazakhstan" in f.explanation


def test_personnel_agreement_2030_within_more_than_2000(report):
    f = _finding_with(report, "agreement", ("000", "2,030"), ("003", "more than 2 thousand"), ("003", "More than 2000"),
                      ("004", "more than 2,000 officers"))
    assert f is not None
    assert "2,030" in f.explanation and "more than 2,000" in f.explanation


def test_equipment_agreement(report):
    assert _finding_with(report, "agreement", ("000", "250 pieces of equipment"), ("003", "250 units of military"),
                         ("003", "about 250 units"), ("004", "250 units of military")) is not None


def test_withdrawal_start_agreement_and_weekday(report):
    f = _finding_with(report, "agreement", ("000", "Thursday, January 13th"), ("003", "January 13, 2022"))
    assert f is not None
    assert any("was a Thursday" in note for note in f.notes)


def test_council_decision_agreement(report):
    assert _finding_with(report, "agreement", ("001", "January 6"), ("003", "January 6, 2022")) is not None


def test_january_10_session_agreement(report):
    assert _finding_with(report, "agreement", ("003", "January 10, 2022"), ("004", "Jan. 10")) is not None


def test_exactly_the_five_agreements_on_figures_and_dates(report):
    assert len([f for f in report.findings if f.verdict == "agreement" and f.kind in ("quantity", "date")]) == 5


@pytest.mark.parametrize("spellings", [
    {"Kassym-Zhomart Tokayev", "Kassym-Jomart Tokayev"},
    {"Alma-Ata", "Almaty"},
    {"CSTO", "Collective Security Treaty Organization"},
])
def test_name_variants_are_reconciled(report, spellings):
    names = [f for f in report.findings if f.kind == "name"]
    assert any(spellings <= {report.claim(c).text for c in f.claims} for f in names), [f.explanation for f in names]


@pytest.mark.parametrize("article, text", [
    ("001", "2.5 thousand"),
    ("001", "3.6 thousand"),
    ("001", "twofold"),
    ("002", "no losses"),
    ("002", "20 January"),
    ("003", "Thursday"),
    ("004", "Jan. 19"),
    ("004", "May 15, 1992"),
    ("004", "Oct. 6, 2007"),
])
def test_unique_assertions(report, article, text):
    f = _finding_with(report, "unique", (article, text))
    assert f is not None, f"{text!r} of {article} should be unique"


def test_approved_and_total_are_consistent_with_present(report):
    approved = _finding_with(report, "unique", ("001", "2.5 thousand"))
    total = _finding_with(report, "unique", ("001", "3.6 thousand"))
    assert approved.property == "approved" and total.property == "total"
    assert any("consistent with the present figure" in n for n in approved.notes)
    assert any("consistent with the present figure" in n for n in total.notes)


@pytest.mark.parametrize("value", [3136, 2024, 14, 3, 2])
def test_page_furniture_is_not_a_claim(report, value):
    # the view counter, the page's own date, the time of day, "Articles 2 and 4"
    assert not [c for c in report.claims if c.measure == "count" and c.value == value]
    assert not [c for c in report.claims if c.kind == "date" and str(c.value).startswith("2024")]


def test_publication_dates(report):
    published = {a.id[:3]: a.published for a in report.articles}
    assert str(published["002"]) == "2022-01-20"  # the timestamp, not the page's "21 November 2024"
    assert str(published["003"]) == "2022-01-13"  # "13 January", the year from the article's own dates
    assert published["000"] is None and published["001"] is None and published["004"] is None


def test_unplaceable_relative_dates_are_said_so(report):
    unresolved = [c for c in report.claims if c.kind == "date" and not c.resolved]
    texts = {(c.article[:3], c.text) for c in unresolved}
    assert ("000", "tomorrow") in texts and ("001", "yesterday evening") in texts
    assert all("publication date unknown" in (c.note or "") for c in unresolved)


def test_dropped_furniture(report):
    dropped = {text for a in report.articles for _, text, _ in a.dropped}
    for line in ("Leave a Reply", "3136", "Follow us on:", "Подписаться", "Flag Thursday, 21 November 2024"):
        assert line in dropped


def test_titles(report):
    titles = {a.id[:3]: a.title for a in report.articles}
    assert titles["002"] == "Zas: CSTO peacekeepers helped turn the tide in Kazakhstan"
    assert titles["004"].startswith("CSTO Peacekeepers Complete Their Mission")


def test_turning_point_statement_has_two_attributions(report):
    quotes = [f for f in report.findings if f.kind == "quote"]
    found = [f for f in quotes if f.property == "speaker" and {a[:3] for a in f.articles} == {"003", "004"}]
    assert len(found) == 1, [(f.property, f.articles) for f in quotes]
    assert "turning point" in found[0].explanation
    assert "heads of the CSTO member states" in found[0].explanation and "Tokayev" in found[0].explanation
