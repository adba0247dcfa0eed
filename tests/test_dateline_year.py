"""A dateline without a year ("MAKASSAR, March 4 (Reuters) -") takes the year of the corpus."""

from __future__ import annotations

from pathlib import Path

from consistency.api import CheckOptions, check

WIRE = """Ferry sinks off Harrow Point, 12 dead

PORT ELLEN, Norland, March 4 (Coastwire) - At least 12 people died when a ferry sank off Harrow Point late on Sunday, the coast guard said on Monday, after a search through the night.

The vessel was carrying 80 passengers, officials said, and 61 were pulled alive from the sea.
"""

DAILY = """Harrow Point ferry: toll reaches 12

Monday, 4 March 2024

The ferry sank late on Sunday evening in heavy seas off Harrow Point, killing 12 people.
"""


def _write(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir()
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_a_yearless_dateline_takes_the_corpus_year_and_places_weekdays(tmp_path):
    report = check([_write(tmp_path / "c", {"wire.txt": WIRE, "daily.txt": DAILY})], CheckOptions(jobs=1))
    wire = report.article("wire")
    assert wire.published is not None and wire.published.isoformat() == "2024-03-04"
    assert "dateline" in wire.published_from and "2024" in wire.published_from
    sunday = [c for c in report.claims if c.article == "wire" and c.kind == "date" and c.text.startswith("Sunday")]
    assert [c.value for c in sunday] == ["2024-03-03"]
    agreed = [f for f in report.findings if f.kind == "date" and f.verdict == "agreement"]
    assert any({"wire", "daily"} <= set(f.articles) for f in agreed), [(f.verdict, f.topic, f.articles) for f in report.findings]


def test_without_a_year_anywhere_the_dateline_places_nothing(tmp_path):
    report = check([_write(tmp_path / "c", {"wire.txt": WIRE})], CheckOptions(jobs=1))
    wire = report.article("wire")
    assert wire.published is None
    assert all(not c.resolved for c in report.claims if c.kind == "date" and c.text.startswith("Sunday"))


def test_the_same_with_a_cache_and_two_processes(tmp_path):
    folder = _write(tmp_path / "c", {"wire.txt": WIRE, "daily.txt": DAILY})
    plain = check([folder], CheckOptions(jobs=1)).to_json()
    assert check([folder], CheckOptions(jobs=2, cache=tmp_path / "cache")).to_json() == plain
    assert check([folder], CheckOptions(jobs=1, cache=tmp_path / "cache")).to_json() == plain


def test_the_cached_new_path_completes_the_date_as_the_whole_run_does(tmp_path):
    # cached corpus: the dated report; new: the wire with a dateline without a year (and the other way round)
    for cached, new in ((("daily.txt", DAILY),), ("wire.txt", WIRE)), ((("wire.txt", WIRE),), ("daily.txt", DAILY)):
        folder = _write(tmp_path / f"c-{new[0]}", dict(cached))
        cache = tmp_path / f"cache-{new[0]}"
        check([folder], CheckOptions(jobs=1, cache=cache))
        added = folder / new[0]
        added.write_text(new[1], encoding="utf-8")
        slow = check([folder], CheckOptions(jobs=1, new=(added,))).to_json()
        fast = check([folder], CheckOptions(jobs=1, new=(added,), cache=cache))
        assert fast.to_json() == slow
        assert any("reused" in n for n in fast.run_notes), fast.run_notes
        assert '"2024-03-03"' in slow  # the wire's Sunday is placed in both runs
