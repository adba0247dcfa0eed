"""Copied stories and source independence (consistency/copies.py; tests/expectations/copies_wire.md)."""

from __future__ import annotations

import json
import os
import random
import string
import subprocess
import sys
from dataclasses import replace
from datetime import date, timedelta
from itertools import accumulate
from pathlib import Path

import pytest

from consistency.articles import Article, article_from_text, read_article
from consistency.copies import (
    DUPLICATE,
    SHARES_PARAGRAPHS,
    CopyStats,
    find_copies,
    independent_count,
    source_groups,
)
from consistency.rules import RulesError

CORPUS = Path(__file__).resolve().parent / "articles" / "copies_wire"
ORIGINAL, VERBATIM, EDITED, INDEPENDENT, COLUMN = (
    "northsea_wire", "harbour_post", "island_daily", "coastal_radio", "greyhaven_observer")


@pytest.fixture(scope="module")
def copy_rules(rules):
    return rules.get("copies", {})


@pytest.fixture(scope="module")
def corpus(vocab):
    return [read_article(p, vocab) for p in sorted(CORPUS.glob("*.txt"))]


@pytest.fixture(scope="module")
def links(corpus, copy_rules):
    return find_copies(corpus, copy_rules)


def link_between(links, x, y):
    a, b = sorted((x, y))
    found = [link for link in links if (link.a, link.b) == (a, b)]
    return found[0] if found else None


def describe(links):
    return "\n".join(f"  {l.a} ~ {l.b}: {l.kind} {l.similarity} {l.shared_paragraphs} | {l.explanation}" for l in links)


# -- the rule file's examples ------------------------------------------------------------
def test_rule_file_examples(rules, vocab, copy_rules):
    examples = rules["copies"].get("examples", [])
    assert len(examples) >= 2
    assert {e["copy"] for e in examples} == {True, False}, "examples need positive and negative cases"
    for example in examples:
        a = article_from_text(example["text_a"], vocab, id="a")
        b = article_from_text(example["text_b"], vocab, id="b")
        found = find_copies([a, b], copy_rules)
        assert bool(found) == example["copy"], f"{example}\nlinks:\n{describe(found)}"


# -- the wire corpus -----------------------------------------------------------------------
@pytest.mark.parametrize("copy", [VERBATIM, EDITED])
def test_copies_are_duplicates_of_the_original(links, copy):
    link = link_between(links, ORIGINAL, copy)
    assert link is not None, f"{copy} not linked to {ORIGINAL}:\n{describe(links)}"
    assert link.kind == DUPLICATE, describe([link])
    assert link.earlier == ORIGINAL, describe([link])
    assert link.a < link.b
    assert link.similarity >= 80, describe([link])
    assert f"{copy} repeats" in link.explanation and f"of {ORIGINAL}" in link.explanation, link.explanation


def test_verbatim_copy_matches_every_paragraph_of_the_original(links):
    link = link_between(links, ORIGINAL, VERBATIM)
    # harbour_post is a; its body starts three lines further down (menu, headline, photo credit)
    assert [(la, lb) for la, lb, _ in link.shared_paragraphs] == [(n + 4, n) for n in range(7, 14)]
    assert all(score == 100.0 for _, _, score in link.shared_paragraphs)


def test_edited_copy_matches_despite_a_reworded_sentence(links):
    link = link_between(links, ORIGINAL, EDITED)
    lines = {la for la, _, _ in link.shared_paragraphs}
    assert lines == {7, 8, 9, 10, 11, 12}, describe([link])  # the dropped paragraph (13) is not matched
    reworded = [score for la, _, score in link.shared_paragraphs if la == 9]
    assert reworded and 85 <= reworded[0] < 100


def test_the_two_copies_are_linked_without_an_original_date_order(links):
    link = link_between(links, VERBATIM, EDITED)
    assert link is not None and link.kind == DUPLICATE
    assert link.earlier is None  # both published on 2024-03-12
    assert "2024-03-12" in link.explanation


def test_independent_report_is_not_linked(links):
    assert not [l for l in links if INDEPENDENT in (l.a, l.b)], describe(links)


def test_a_shared_quote_links_but_does_not_merge_sources(links, corpus, copy_rules):
    quoting = [l for l in links if COLUMN in (l.a, l.b)]
    assert {l.a if l.b == COLUMN else l.b for l in quoting} == {ORIGINAL, VERBATIM, EDITED}, describe(quoting)
    for link in quoting:
        assert link.kind == SHARES_PARAGRAPHS
        assert len(link.shared_paragraphs) == 1
        assert link.similarity < copy_rules["thresholds"]["group_min_similarity"]
    groups = source_groups(corpus, links, rules=copy_rules)
    assert groups[COLUMN] == COLUMN


def test_source_groups(corpus, links, copy_rules):
    groups = source_groups(corpus, links, rules=copy_rules)
    assert groups == {
        INDEPENDENT: INDEPENDENT,
        COLUMN: COLUMN,
        VERBATIM: ORIGINAL,
        EDITED: ORIGINAL,
        ORIGINAL: ORIGINAL,
    }
    # without the rules argument the built-in thresholds are used
    assert source_groups(corpus, links) == groups


def test_independent_count(corpus, links):
    groups = source_groups(corpus, links)
    assert independent_count([ORIGINAL, VERBATIM, EDITED, INDEPENDENT], groups) == 2
    assert independent_count([VERBATIM, EDITED], groups) == 1
    assert independent_count([ORIGINAL, VERBATIM, EDITED, INDEPENDENT, COLUMN], groups) == 3
    assert independent_count(["not-in-the-run"], groups) == 1
    assert independent_count([], groups) == 0


def test_representative_without_dates_is_the_smallest_id(corpus, links):
    undated = [replace(a, published=None) for a in corpus]
    groups = source_groups(undated, links)
    # harbour_post < island_daily < northsea_wire
    assert groups[ORIGINAL] == groups[VERBATIM] == groups[EDITED] == VERBATIM


def test_determinism_in_order(corpus, copy_rules, links):
    assert find_copies(list(reversed(corpus)), copy_rules) == links
    shuffled = list(corpus)
    random.Random(7).shuffle(shuffled)
    assert find_copies(shuffled, copy_rules) == links
    assert source_groups(list(reversed(corpus)), links) == source_groups(corpus, links)


def test_determinism_across_processes(links):
    script = (
        "import json, sys; from pathlib import Path; from consistency.rules import load_rules; "
        "from consistency.articles import read_article; from consistency.copies import find_copies; "
        "r = load_rules(); arts = [read_article(p, r.compiled) for p in sorted(Path(sys.argv[1]).glob('*.txt'))]; "
        "print(json.dumps([l.to_dict() for l in find_copies(arts, r.get('copies', {}))]))"
    )
    expected = json.loads(json.dumps([l.to_dict() for l in links]))
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        proc = subprocess.run([sys.executable, "-c", script, str(CORPUS)], capture_output=True, text=True,
                              env=env, timeout=120, cwd=Path(__file__).resolve().parent.parent)
        assert proc.returncode == 0, proc.stderr
        assert json.loads(proc.stdout) == expected


def test_missing_threshold_is_a_rules_error(corpus):
    with pytest.raises(RulesError, match="thresholds.min_paragraph_words"):
        find_copies(corpus, {"thresholds": {"shingle_size": 5}})


def test_short_paragraphs_and_single_article_give_nothing(vocab, copy_rules):
    a = article_from_text("Officials said.\nNo comment.", vocab, id="a")
    b = article_from_text("Officials said.\nNo comment.", vocab, id="b")
    assert find_copies([a, b], copy_rules) == []
    c = article_from_text("The same paragraph of more than eight words appears twice here.\n"
                          "The same paragraph of more than eight words appears twice here.", vocab, id="c")
    assert find_copies([c], copy_rules) == []


# -- scaling -------------------------------------------------------------------------------
def _synthetic_corpus(n_articles=2000, families=100, copies_per_family=3):
    rng = random.Random(20240311)
    words = sorted({"".join(rng.choice(string.ascii_lowercase) for _ in range(rng.randint(3, 9)))
                    for _ in range(6000)})
    cumulative = list(accumulate(1.0 / (rank + 1) for rank in range(len(words))))  # Zipf-like

    def sentence(n):
        return " ".join(rng.choices(words, cum_weights=cumulative, k=n)).capitalize() + "."

    def paragraph():
        text = " ".join(sentence(rng.randint(8, 16)) for _ in range(rng.randint(1, 3)))
        if rng.random() < 0.3:  # a stock phrase in many paragraphs: its shingles fill big buckets
            text += " The ministry said in a statement on Monday that talks would go on."
        return text

    footer_small = "This story is published by the Valley Courier, an independent newspaper supported by its readers since 1921."
    footer_big = "Our journalism is free to read: please consider supporting the Evening Star with a monthly contribution today."
    day = date(2024, 1, 1)
    texts: dict[str, tuple[str, date]] = {}
    planted: set[tuple[str, str]] = set()
    originals = n_articles - families * copies_per_family
    for n in range(originals):
        body = [paragraph() for _ in range(rng.randint(4, 8))]
        if n % 10 == 1:
            body.append(footer_small)  # 170 articles: common but under the widespread limit
        if n % 7 == 2:
            body.append(footer_big)  # 243 articles: over max_copies_per_paragraph
        texts[f"s{n:04d}"] = (sentence(9) + "\n" + "\n".join(body), day)
    family_ids = sorted(texts)[:originals:originals // families][:families]
    n = originals
    for original in family_ids:
        body = texts[original][0].split("\n")[1:]
        members = [original]
        for c in range(copies_per_family):
            copy = list(body)
            if c == 1 and len(copy) > 4:
                del copy[rng.randrange(len(copy))]  # a dropped paragraph
            if c == 2:
                i = rng.randrange(len(copy))
                ws = copy[i].split(" ")
                ws[rng.randrange(len(ws))] = "reworded"  # a changed word
                copy[i] = " ".join(ws)
            copy.append("Republished from the wire with permission of the original publisher and its editors.")
            copy_id = f"s{n:04d}"
            n += 1
            texts[copy_id] = (sentence(10) + "\n" + "\n".join(copy), day + timedelta(days=1))
            members.append(copy_id)
        planted |= {tuple(sorted((x, y))) for x in members for y in members if x != y}
    # plain Article records: the text is already clean, and normalising 2,000 files takes a while
    articles = [Article(id=i, path=f"<{i}>", raw=text, text=text, published=d) for i, (text, d) in sorted(texts.items())]
    return articles, set(family_ids), planted


def test_scaling_is_bounded_and_finds_planted_copies(copy_rules):
    articles, originals, planted = _synthetic_corpus()
    assert len(articles) == 2000
    stats = CopyStats()
    links = find_copies(articles, copy_rules, stats=stats)
    all_pairs = stats.distinct_paragraphs * (stats.distinct_paragraphs - 1) // 2
    assert stats.paragraphs > 10_000
    # far below all pairs: a handful of comparisons per article, not one per pair of paragraphs
    assert stats.comparisons <= 2 * len(articles), stats
    assert stats.comparisons < all_pairs / 10_000, stats
    assert stats.skipped_buckets > 0, "the stock phrase should fill buckets over max_bucket_size"
    assert stats.widespread_paragraphs >= 1, stats
    found = {(l.a, l.b) for l in links}
    assert planted <= found, f"missed planted copies: {sorted(planted - found)[:10]}"
    assert found <= planted, f"links between unrelated articles: {sorted(found - planted)[:10]}"
    for link in links:
        assert link.kind == DUPLICATE
        if link.a in originals or link.b in originals:
            assert link.earlier in originals
    groups = source_groups(articles, links, rules=copy_rules)
    in_families = {i for pair in planted for i in pair}
    assert len(set(groups.values())) == len(articles) - len(in_families) + len(originals)
    assert all(groups[i] in originals for i in in_families)


# -- the cheap filters give the same links as scoring every candidate ------------------------
def _containment_corpus(n_articles=300):
    """Articles that share paragraphs whole, with a sentence added (partial_ratio territory),
    with a word changed, or only stock lines; most candidate pairs are not copies."""
    rng = random.Random(611)
    words = sorted({"".join(rng.choice(string.ascii_lowercase) for _ in range(rng.randint(3, 8)))
                    for _ in range(800)})

    def sentence(n):
        return " ".join(rng.choices(words, k=n)).capitalize() + "."

    stock = [sentence(9) for _ in range(4)]
    pool = [" ".join(sentence(rng.randint(9, 14)) for _ in range(2)) for _ in range(60)]
    articles = []
    for n in range(n_articles):
        body = []
        for _ in range(rng.randint(3, 6)):
            para = rng.choice(pool)
            roll = rng.random()
            if roll < 0.3:
                para += " " + sentence(rng.randint(6, 12))  # the shorter one inside a longer one
            elif roll < 0.45:
                ws = para.split(" ")
                ws[rng.randrange(len(ws))] = rng.choice(words)
                para = " ".join(ws)
            elif roll < 0.6:
                para = sentence(rng.randint(9, 20))  # a paragraph of its own
            body.append(para)
        body.append(rng.choice(stock))
        text = sentence(8) + "\n" + "\n".join(body)
        articles.append(Article(id=f"a{n:03d}", path=f"<a{n:03d}>", raw=text, text=text,
                                published=date(2024, 1, 1) + timedelta(days=n % 5)))
    return articles


def test_filters_keep_every_link(copy_rules, monkeypatch):
    import consistency.copies as copies

    articles = _containment_corpus()
    stats = CopyStats()
    fast = find_copies(articles, copy_rules, stats=stats)
    assert stats.candidate_pairs > stats.matched_pairs > 0, stats
    assert {l.kind for l in fast} == {DUPLICATE, SHARES_PARAGRAPHS}, "the corpus should give both kinds"
    rejected = []
    real_contain, real_link, real_match = copies._may_contain, copies._may_link, copies._may_match
    monkeypatch.setattr(copies, "_may_contain", lambda *a: rejected.append("contain") or True
                        if not real_contain(*a) else True)
    monkeypatch.setattr(copies, "_may_link", lambda *a: rejected.append("link") or True
                        if not real_link(*a) else True)

    def every_pair(pairs, texts, limits):
        if len(real_match(pairs, texts, limits)) < len(pairs):
            rejected.append("match")
        return pairs

    monkeypatch.setattr(copies, "_may_match", every_pair)
    assert find_copies(articles, copy_rules) == fast
    # the filters did answer for pairs, which were then not copies after all
    assert {"contain", "link", "match"} <= set(rejected)


def test_containment_bound_never_rejects_a_match():
    from rapidfuzz import fuzz

    from consistency.copies import _may_contain

    rng = random.Random(5)
    alphabet = "abcdefghij "
    checked = 0
    for _ in range(3000):
        base = "".join(rng.choice(alphabet) for _ in range(rng.randint(20, 160)))
        other = list(base)
        for _ in range(rng.randint(0, 6)):  # a few edits
            k = rng.randrange(len(other))
            if rng.random() < 0.5:
                other[k] = rng.choice(alphabet)
            else:
                del other[k]
        other = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 80))) + "".join(other) + \
            "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 80)))
        for cutoff in (80.0, 90.0, 95.0, 100.0):
            if fuzz.partial_ratio(base, other, score_cutoff=cutoff):
                checked += 1
                assert _may_contain(base, other, cutoff), (base, other, cutoff)
    assert checked > 500
    assert not _may_contain("the quick brown fox jumps over the lazy dog " * 3,
                            "an entirely different sentence about rainfall in the hills " * 3, 95.0)
