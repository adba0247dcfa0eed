"""``check --new`` with a warm cache compares only the stories of the new articles
(consistency/new_fast.py), and still gives the report of a run without the cache: the whole
corpus read and compared, then the ``new`` filter."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from consistency import cache as cache_module
from consistency.api import CheckOptions, check

ARTICLES = Path(__file__).parent / "articles"

# New articles, written for these tests.
OTHER_EVENT = """---
source: Upland Courier
published: 2023-05-09
---
Footbridge over the Tamsk gorge gives way, 6 hikers hurt

A wooden footbridge over the Tamsk gorge near Orlevo collapsed on Tuesday afternoon, and six hikers
were taken to the district hospital in Brennik, the mountain rescue service said.
The bridge, built in 1987, had been closed for repairs twice in the past ten years, according to the
Orlevo municipal council.
Rescuers from Brennik needed four hours to reach the injured, who had fallen about 8 metres into the stream.
"""


def _count(corpus) -> int:  # noqa: ANN001 - the test articles copied into the corpus
    return sum(1 for p in corpus.rglob("*.txt") if p.is_file())


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """The test articles: some 30 files, several stories."""
    root = tmp_path_factory.mktemp("newfast") / "corpus"
    shutil.copytree(ARTICLES, root)
    return root


@pytest.fixture(scope="module")
def warm(corpus, tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("newfast-cache") / "cache"
    check([corpus], CheckOptions(jobs=1, cache=folder))
    return folder


def _write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def _both(corpus: Path, new: Path, cache: Path, **options):  # noqa: ANN202
    """(the report without cache, the report with the warm cache), as JSON, and the fast run's notes."""
    slow = check([corpus], CheckOptions(jobs=1, new=(new,), **options)).to_json()
    fast = check([corpus], CheckOptions(jobs=1, new=(new,), cache=cache, **options))
    return slow, fast.to_json(), fast


def _changed_figure(text: str, old: str, new: str) -> str:
    assert old in text
    return text.replace(old, new, 1)


def test_a_new_article_in_a_cached_story(corpus, warm, tmp_path):
    source = (ARTICLES / "flood_toll" / "national_wire.txt").read_text(encoding="utf-8")
    new = _write(tmp_path / "new", "valley_times.txt", _changed_figure(source, "killed 31 people", "killed 35 people"))
    slow, fast, report = _both(corpus, new, warm)
    assert fast == slow
    assert any(f.verdict == "discrepancy" for f in report.findings), "the changed toll is a discrepancy"
    n = _count(corpus)
    assert any(f"{n} of {n + 1} article(s) reused, 1 extracted" in m for m in report.run_notes), report.run_notes


def test_a_new_article_that_starts_a_story(corpus, warm, tmp_path):
    new = _write(tmp_path / "new", "upland_courier.txt", OTHER_EVENT)
    slow, fast, report = _both(corpus, new, warm)
    assert fast == slow
    assert report.findings and all(set(f.articles) == {"upland_courier"} for f in report.findings)


def test_a_new_copy_of_a_cached_article(corpus, warm, tmp_path):
    source = (ARTICLES / "copies_wire" / "northsea_wire.txt").read_text(encoding="utf-8")
    new = _write(tmp_path / "new", "bay_echo.txt", source.replace("source: Northsea Wire", "source: Bay Echo"))
    slow, fast, report = _both(corpus, new, warm)
    assert fast == slow
    assert any({link.a, link.b} == {"bay_echo", "northsea_wire"} for link in report.copies)
    assert all("bay_echo" in (link.a, link.b) for link in report.copies), "copies among old articles are context"


def test_a_new_spelling_of_a_cached_name(corpus, warm, tmp_path):
    source = (ARTICLES / "quotes_summit" / "corvia_daily.txt").read_text(encoding="utf-8")
    new = _write(tmp_path / "new", "corvia_evening.txt", source.replace("Elena Varga", "Jelena Varga"))
    slow, fast, report = _both(corpus, new, warm)
    assert fast == slow
    names = [f for f in report.findings if f.kind == "name"]
    assert names, "the new spelling is a name finding"
    cited = {report.claim(cid).article for f in names for cid in f.claims}
    assert cited - {"corvia_evening"}, "the name finding cites the cached articles' spellings too"


def test_a_changed_cached_article_is_read_again(corpus, tmp_path):
    root = tmp_path / "corpus"
    shutil.copytree(corpus, root)
    cache = tmp_path / "cache"
    check([root], CheckOptions(jobs=1, cache=cache))
    edited = root / "flood_toll" / "radio_ravnica.txt"
    edited.write_text(edited.read_text(encoding="utf-8") + "\nThe agency later said 240 houses were destroyed.\n",
                      encoding="utf-8")
    new = _write(tmp_path / "new", "upland_courier.txt", OTHER_EVENT)
    slow, fast, report = _both(root, new, cache)
    assert fast == slow
    n = _count(corpus)
    assert any(f"{n - 1} of {n + 1} article(s) reused, 2 extracted" in m for m in report.run_notes), report.run_notes
    # and the edited article's new claim is what a run of its story now sees
    source = (ARTICLES / "flood_toll" / "national_wire.txt").read_text(encoding="utf-8")
    in_story = _write(tmp_path / "new2", "valley_times.txt", source)
    slow, fast, report = _both(root, in_story, cache)
    assert fast == slow and "240" in fast


def test_a_changed_rule_invalidates_the_cache(corpus, warm, tmp_path):
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "extra.toml").write_text(
        '[meta]\ndescription = "An extra rule folder for this test: its hash changes the rules version."\n',
        encoding="utf-8")
    new = _write(tmp_path / "new", "upland_courier.txt", OTHER_EVENT)
    slow, fast, report = _both(corpus, new, warm, rules_dirs=(rules,))
    assert fast == slow
    n = _count(corpus) + 1
    assert any(f"0 of {n} article(s) reused, {n} extracted" in m for m in report.run_notes), report.run_notes


def test_only_the_new_articles_stories_are_loaded(corpus, warm, tmp_path, monkeypatch):
    loaded: list[str] = []
    get_many = cache_module.ClaimCache.get_many

    def spy(self, keys, column="value"):  # noqa: ANN001, ANN202
        keys = list(keys)
        if column == "value":
            loaded.extend(k for k in keys if not k.startswith("copies:"))  # not a story's copy links
        return get_many(self, keys, column)

    monkeypatch.setattr(cache_module.ClaimCache, "get_many", spy)
    new = _write(tmp_path / "new", "upland_courier.txt", OTHER_EVENT)
    check([corpus], CheckOptions(jobs=1, new=(new,), cache=warm))
    # the articles of the new article's story, from a whole run
    from consistency.rules import load_rules
    from consistency.stories import stories

    whole = check([corpus, new])
    ok = [a for a in whole.articles if a.status == "ok"]
    story_of = stories([a.id for a in ok], whole.claims, {a.id: a.published for a in ok},
                       load_rules().compiled.rules.get("stories", {}), texts={a.id: a.text for a in ok})
    mates = [a for a, s in story_of.items() if s == story_of["upland_courier"] and a != "upland_courier"]
    assert len(set(loaded)) == len(mates) < len(ok) - 1, "only the new article's story is loaded in full"


def test_unchanged_files_are_not_read_to_find_their_key(corpus, warm, monkeypatch):
    from consistency import engine

    read: list[str] = []
    original = Path.read_bytes

    def spy(self):  # noqa: ANN001, ANN202
        read.append(str(self))
        return original(self)

    monkeypatch.setattr(engine.time, "time_ns", lambda: 10**30)  # every file counts as settled
    check([corpus], CheckOptions(jobs=1, cache=warm))  # remembers the digests
    monkeypatch.setattr(Path, "read_bytes", spy)
    from consistency.cache import ClaimCache
    from consistency.engine import lookup_keys, plan
    from consistency.rules import load_rules

    files = sorted(corpus.rglob("*.txt"))
    tasks = plan(files, [str(f) for f in files], 5 << 20)
    with ClaimCache(warm) as cache:
        keys = lookup_keys(tasks, load_rules().version, cache)
    assert all(keys) and read == []


def test_a_baseline_run_compares_the_whole_corpus(corpus, warm, tmp_path):
    new = _write(tmp_path / "new", "upland_courier.txt", OTHER_EVENT)
    slow = check([corpus], CheckOptions(jobs=1, new=(new,)))
    full = check([corpus], CheckOptions(jobs=1, new=(new,), cache=warm, all_context=True))
    fast = check([corpus], CheckOptions(jobs=1, new=(new,), cache=warm))
    assert full.to_json() == fast.to_json() == slow.to_json()
    assert len(full.context_findings) == len(slow.context_findings) > len(fast.context_findings)


def _name(article: str, value: str):  # noqa: ANN202
    from consistency.claims import Claim

    return Claim(article=article, kind="name", text=value, sentence="", line=1, start=1, end=2, value=value,
                 low=None, high=None, qualifier="exact", unit="place", measure=None, property=None, owner=None,
                 attribution=None)


def test_a_name_in_many_events_ties_no_stories_together():
    """Two names found in half of the articles (a weekday, a much-quoted official) would join
    every event into one story; they build no pairs, and each event stays a story (so that
    ``--new`` loads only its own)."""
    from datetime import date

    from consistency.rules import load_rules
    from consistency.stories import stories

    claims, published = [], {}
    for event in range(30):
        for n in (1, 2):
            article = f"e{event:02d}-{n}"
            published[article] = date(2024, 1, 1 + event % 20)
            claims += [_name(article, f"town{event}"), _name(article, f"river{event}")]
            if event % 2 == 0:
                claims += [_name(article, "sunday"), _name(article, "councillor hale")]
    limits = load_rules().compiled.rules.get("stories", {})
    story_of = stories(sorted(published), claims, published, limits)
    assert len(set(story_of.values())) == 30
    assert all(story_of[f"e{e:02d}-1"] == story_of[f"e{e:02d}-2"] for e in range(30))


def test_display_paths_resolve_folders_once_and_links_alone(tmp_path, monkeypatch):
    from consistency.api import _display_path, display_paths

    real = tmp_path / "real"
    real.mkdir()
    (real / "a.txt").write_text("A text.", encoding="utf-8")
    (tmp_path / "elsewhere.txt").write_text("Another text.", encoding="utf-8")
    (real / "linked.txt").symlink_to(tmp_path / "elsewhere.txt")
    (tmp_path / "alias").symlink_to(real)
    files = [real / "a.txt", real / "linked.txt", tmp_path / "alias" / "a.txt", tmp_path / "alias" / "linked.txt"]
    for cwd in (tmp_path, real, tmp_path.parent / "nowhere-near"):
        if cwd.exists():
            monkeypatch.chdir(cwd)
        expected = [_display_path(f) for f in files]
        assert display_paths(files) == expected
    monkeypatch.chdir(tmp_path)
    assert display_paths(files) == ["real/a.txt", "elsewhere.txt", "real/a.txt", "elsewhere.txt"]


def test_discover_lists_folders_without_a_stat_per_file(tmp_path, monkeypatch):
    import os

    from consistency.api import _display_path, display_paths
    from consistency.articles import discover

    for folder in ("desk-a", "desk-b", "desk-b/inner"):
        (tmp_path / "corpus" / folder).mkdir(parents=True)
        for n in range(40):
            (tmp_path / "corpus" / folder / f"story-{n:02d}.txt").write_text("A text.", encoding="utf-8")
    (tmp_path / "elsewhere.txt").write_text("Another text.", encoding="utf-8")
    (tmp_path / "corpus" / "desk-a" / "linked.txt").symlink_to(tmp_path / "elsewhere.txt")
    asked: list[str] = []
    for name in ("stat", "lstat"):
        real = getattr(os, name)
        monkeypatch.setattr(os, name, lambda path, *a, real=real, **k: asked.append(str(path)) or real(path, *a, **k))
    plain: dict[str, str] = {}
    files, problems = discover([tmp_path / "corpus"], plain)
    monkeypatch.undo()
    assert problems == [] and len(files) == 121
    assert len(asked) < 40, "a stat per folder and per link, not per file"
    # The files the listing showed not to be links, with their resolved paths; the link is not one.
    linked = str(tmp_path / "corpus" / "desk-a" / "linked.txt")
    assert linked not in plain and len(plain) == 120
    assert all(str(Path(f).resolve()) == real for f, real in plain.items())
    (tmp_path / "outside").mkdir()
    for cwd in (tmp_path, tmp_path / "corpus" / "desk-a", tmp_path / "outside"):
        monkeypatch.chdir(cwd)
        expected = [_display_path(f) for f in files]
        checked: list[str] = []
        monkeypatch.setattr(os.path, "islink",
                            lambda path, real=os.path.islink, seen=checked: seen.append(str(path)) or real(path))
        assert display_paths(files, plain) == expected
        assert checked == [linked], "only the link is asked again"
        monkeypatch.undo()


def test_a_storys_copies_are_cached_with_its_articles(corpus, warm, tmp_path, monkeypatch):
    """Copy links depend only on a story's articles: a warm run finds none again, and a new
    article makes its own story's links be found again, and no other's."""
    from consistency import api

    calls: list[list[str]] = []
    find_copies = api.find_copies

    def spy(articles, rules=None, **kw):  # noqa: ANN001, ANN003, ANN202
        calls.append(sorted(a.id for a in articles))
        return find_copies(articles, rules, **kw)

    monkeypatch.setattr(api, "find_copies", spy)
    again = check([corpus], CheckOptions(jobs=1, cache=warm))
    assert calls == []
    assert again.to_json() == check([corpus], CheckOptions(jobs=1)).to_json()
    source = (ARTICLES / "copies_wire" / "northsea_wire.txt").read_text(encoding="utf-8")
    new = _write(tmp_path / "new", "bay_echo.txt", source)
    calls.clear()
    check([corpus], CheckOptions(jobs=1, new=(new,), cache=warm))
    assert len(calls) == 1 and "bay_echo" in calls[0] and "northsea_wire" in calls[0]


def test_the_cached_path_does_not_import_what_only_reading_needs():
    """PyYAML reads front matter: a run whose articles all come from the cache never reads one,
    so importing the command line and the --new path must not load it (startup time)."""
    import subprocess
    import sys

    code = ("import sys, consistency.cli, consistency.api, consistency.new_fast; "
            "print(sorted(m for m in ('yaml', 'pandas', 'charset_normalizer') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_an_article_listed_from_its_summary_is_the_article_without_its_text(corpus):
    from consistency.articles import Article
    from consistency.engine import summary
    from consistency.new_fast import _article

    report = check([corpus], CheckOptions(jobs=1))
    listed = report.articles + [Article("odd", "odd.txt", status="skipped", reason="too large", encoding="cp1252",
                                        notes=["a note"])]
    for article in listed:
        back = _article(summary((article, []))[0])
        assert (back.to_dict(), back.published, back.notes, back.encoding) == \
            (article.to_dict(), article.published, article.notes, article.encoding)


def test_the_cycle_collector_rests_during_the_run_on_summaries_only(corpus, warm, tmp_path, monkeypatch):
    import gc

    from consistency import engine, new_fast

    seen = {}
    real_cluster, real_task = new_fast.cluster_names, engine.run_task

    def cluster(*args, **kw):  # noqa: ANN002, ANN003, ANN202
        seen["summaries"] = gc.isenabled()
        return real_cluster(*args, **kw)

    def task(*args, **kw):  # noqa: ANN002, ANN003, ANN202
        seen["extraction"] = gc.isenabled()
        return real_task(*args, **kw)

    monkeypatch.setattr(new_fast, "cluster_names", cluster)
    monkeypatch.setattr(engine, "run_task", task)
    new = _write(tmp_path / "new", "upland_courier.txt", OTHER_EVENT)
    assert gc.isenabled()
    check([corpus], CheckOptions(jobs=1, new=(new,), cache=warm))
    # Off while ~200,000 long-lived summary objects pile up; on while articles are extracted.
    assert seen == {"summaries": False, "extraction": True}
    assert gc.isenabled()

    def broken(*args, **kw):  # noqa: ANN002, ANN003, ANN202
        raise RuntimeError("a failing step")

    monkeypatch.setattr(new_fast, "cluster_names", broken)
    with pytest.raises(RuntimeError):
        check([corpus], CheckOptions(jobs=1, new=(new,), cache=warm))
    assert gc.isenabled(), "the collector runs again after a failed run"
