"""A copied story does not double an agreement: copies count as one source, and are labelled so."""

from __future__ import annotations

from pathlib import Path

from consistency.api import check

CORPUS = Path(__file__).parent / "articles" / "copies_wire"
COPIES = {"northsea_wire", "harbour_post", "island_daily"}  # the wire story and two republications


def test_agreement_among_copies_only_counts_once():
    report = check([CORPUS])
    among_copies = [f for f in report.findings if f.verdict == "agreement" and set(f.articles) <= COPIES]
    assert among_copies, "the copies agree on some figure"
    for f in among_copies:
        assert f.independent_sources == 1
        assert any("copies of one story" in n for n in f.notes)


def test_agreement_with_an_independent_report_counts_two_sources():
    report = check([CORPUS])
    mixed = [f for f in report.findings if f.verdict == "agreement" and set(f.articles) - COPIES]
    assert mixed
    for f in mixed:
        independent = set(f.articles) - COPIES
        assert f.independent_sources == len(independent) + (1 if set(f.articles) & COPIES else 0)


def test_copies_are_in_the_json_report():
    data = check([CORPUS]).to_json_dict()
    pairs = {(c["a"], c["b"], c["kind"]) for c in data["copies"]}
    assert ("harbour_post", "northsea_wire", "duplicate") in pairs
    assert all(c["kind"] != "duplicate" for c in data["copies"] if "greyhaven_observer" in (c["a"], c["b"]))
