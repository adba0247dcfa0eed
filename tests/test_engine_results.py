"""The report is the same, byte for byte, however extraction runs: one process or several,
with the cache cold or warm, on a Dask cluster; the cache is invalidated by a changed
article or rule, and survives a corrupt cache file."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from consistency.api import CheckOptions, check
from consistency.rules import load_rules

ARTICLES = Path(__file__).parent / "articles"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """A copy of the test articles (some 30 files: enough for the process pool to be used)."""
    root = tmp_path_factory.mktemp("engine") / "corpus"
    shutil.copytree(ARTICLES, root)
    return root


@pytest.fixture(scope="module")
def reference(corpus) -> str:
    return check([corpus], CheckOptions(jobs=1)).to_json()


def _files(corpus: Path) -> int:
    return sum(1 for p in corpus.rglob("*.txt") if p.is_file())


def _json(corpus: Path, **options) -> tuple[str, list[str]]:
    report = check([corpus], CheckOptions(**options))
    return report.to_json(), report.run_notes


def test_two_processes_give_the_same_report(corpus, reference):
    assert _json(corpus, jobs=2)[0] == reference


def test_auto_jobs_give_the_same_report(corpus, reference):
    assert _json(corpus, jobs=None)[0] == reference


def test_cold_and_warm_cache_give_the_same_report(corpus, reference, tmp_path):
    cold, notes = _json(corpus, jobs=2, cache=tmp_path / "cache")
    assert cold == reference
    n = _files(corpus)
    assert any(f"0 of {n} article(s) reused" in m for m in notes), notes
    warm, notes = _json(corpus, jobs=1, cache=tmp_path / "cache")
    assert warm == reference
    assert any(f"{n} of {n} article(s) reused, 0 extracted" in m for m in notes), notes


def test_new_filter_with_a_warm_cache(corpus, tmp_path):
    new = (corpus / "flood_toll").iterdir().__next__()
    plain = check([corpus], CheckOptions(jobs=1, new=(new,))).to_json()
    check([corpus], CheckOptions(jobs=2, cache=tmp_path / "cache"))
    report = check([corpus], CheckOptions(jobs=2, cache=tmp_path / "cache", new=(new,)))
    assert report.to_json() == plain
    assert any(f"{_files(corpus)} of {_files(corpus)}" in n for n in report.run_notes), report.run_notes


def test_a_changed_article_is_extracted_again(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(ARTICLES / "flood_toll", corpus)
    cache = tmp_path / "cache"
    _json(corpus, cache=cache)
    target = corpus / "riverside_herald.txt"
    text = target.read_text(encoding="utf-8")
    assert "12" in text
    target.write_text(text.replace("12", "14"), encoding="utf-8")
    changed, notes = _json(corpus, cache=cache)
    assert changed == check([corpus], CheckOptions(jobs=1)).to_json()
    n = len(list(corpus.iterdir()))
    assert any(f"{n - 1} of {n} article(s) reused, 1 extracted" in x for x in notes), notes


def test_a_changed_rule_invalidates_the_cache(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(ARTICLES / "deployment", corpus)
    n = len(list(corpus.iterdir()))
    rules = tmp_path / "rules"
    rules.mkdir()
    rule_file = rules / "names.toml"
    rule_file.write_text('[meta]\ndescription = "local aliases"\n\n[aliases]\n"Port Ellis" = ["Pt. Ellis"]\n')
    cache = tmp_path / "cache"
    _, notes = _json(corpus, cache=cache, rules_dirs=(rules,))
    _, notes = _json(corpus, cache=cache, rules_dirs=(rules,))
    assert any(f"{n} of {n} article(s) reused" in x for x in notes), notes
    before = load_rules((rules,)).version
    rule_file.write_text('[meta]\ndescription = "local aliases"\n\n[aliases]\n"Port Ellis" = ["Pt Ellis"]\n')
    assert load_rules((rules,)).version != before
    after, notes = _json(corpus, cache=cache, rules_dirs=(rules,))
    assert any(f"0 of {n} article(s) reused, {n} extracted" in x for x in notes), notes
    assert after == check([corpus], CheckOptions(jobs=1, rules_dirs=(rules,))).to_json()


def test_a_corrupt_cache_is_set_aside_and_rebuilt(corpus, reference, tmp_path):
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / "claims.sqlite3").write_bytes(b"this is not a database" * 100)
    out, notes = _json(corpus, jobs=2, cache=cache)
    assert out == reference
    assert any("could not be read" in n and "rebuilt" in n for n in notes), notes
    assert (cache / "claims.sqlite3.corrupt").exists()
    warm, notes = _json(corpus, jobs=2, cache=cache)
    assert warm == reference
    assert any(f"{_files(corpus)} of {_files(corpus)}" in n for n in notes), notes


def test_a_damaged_entry_is_a_miss(corpus, reference, tmp_path):
    import sqlite3

    cache = tmp_path / "cache"
    _json(corpus, cache=cache)
    with sqlite3.connect(cache / "claims.sqlite3") as db:
        db.execute("UPDATE entries SET value = x'00ff' WHERE rowid = (SELECT min(rowid) FROM entries)")
    out, notes = _json(corpus, cache=cache)
    assert out == reference
    assert any("1 cache entry could not be read" in n for n in notes), notes


def test_cli_jobs_and_cache_give_the_same_bytes(corpus, reference, tmp_path):
    from typer.testing import CliRunner

    from consistency.cli import app

    runner = CliRunner()
    for args in (["--jobs", "2"], ["--jobs", "1"], ["--cache", str(tmp_path / "c")], ["--cache", str(tmp_path / "c")]):
        out = tmp_path / "out.json"
        result = runner.invoke(app, ["check", str(corpus), "--format", "json", "-o", str(out), "--quiet", *args])
        assert result.exit_code in (0, 1), result.output
        assert out.read_text(encoding="utf-8") == reference, args


def test_rules_reach_the_workers_as_data(corpus):
    from consistency.engine import rules_payload

    rules = load_rules()
    rules.compiled  # noqa: B018
    data, files = rules_payload(rules)
    assert isinstance(data, dict) and "numbers" in data
    import pickle

    assert len(pickle.dumps((data, files))) < 2_000_000  # no compiled objects in the payload
