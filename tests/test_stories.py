"""A corpus of several events: claims are compared only within the story they belong to."""

from __future__ import annotations

import shutil
from pathlib import Path

from consistency.api import check

ARTICLES = Path(__file__).parent / "articles"


def _corpus(tmp_path: Path) -> Path:
    # Three unrelated events, fourteen articles: more than a fact-checker's one-event folder.
    for name in ("flood_toll", "toll_updates", "deployment", "timeline"):
        shutil.copytree(ARTICLES / name, tmp_path / name)
    return tmp_path


def test_tolls_of_different_disasters_are_not_compared(tmp_path):
    report = check([_corpus(tmp_path)])
    for f in report.findings:
        if f.kind in ("quantity", "date") and f.verdict in ("discrepancy", "update", "agreement"):
            folders = {report.article(a).path.split("/")[-2] for a in f.articles}
            assert len(folders) == 1, (f.topic, f.explanation)


def test_each_event_keeps_its_own_findings(tmp_path):
    mixed = check([_corpus(tmp_path)])
    alone = check([ARTICLES / "flood_toll"])
    killed = lambda r: sorted((f.verdict, f.articles) for f in r.findings if f.kind == "quantity" and f.property == "killed")
    assert [k for k in killed(mixed) if set(k[1]) <= {"national_wire", "riverside_herald", "radio_ravnica"}] == killed(alone)


def test_a_revised_toll_is_still_an_update_among_other_events(tmp_path):
    report = check([_corpus(tmp_path)])
    updates = [f for f in report.findings if f.verdict == "update"]
    assert updates and all(set(f.articles) <= {"early_bulletin", "later_wire", "radio_note", "late_lower"} for f in updates) \
        or any(f.verdict == "discrepancy" and "late_lower" in f.articles for f in report.findings)
    killed = [f for f in report.findings if f.kind == "quantity" and f.property == "killed"
              and set(f.articles) & {"early_bulletin", "later_wire"}]
    assert killed and len(killed[0].articles) >= 2, "the landslide reports are compared with each other"


def test_a_small_folder_is_one_story():
    from consistency.stories import stories

    report = check([Path(__file__).parent.parent / "seeds"])
    published = {a.id: a.published for a in report.articles}
    story = stories([a.id for a in report.articles], report.claims, published)
    assert len(set(story.values())) == 1
