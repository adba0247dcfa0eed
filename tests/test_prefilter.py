"""The prefilter only skips finders that cannot match: gated and ungated extraction agree.

Checked on every test article, the sample articles and every rule example text, and on
sentences written to sit at the edges of the gate (digits only as a date, number words only,
articles alone, letters that fold to ASCII, masked spans).
"""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

import pytest

from consistency.articles import article_from_text, discover, read_article
from consistency.extract.pipeline import extract_claims
from consistency.extract.prefilter import Prefilter, ungated
from consistency.rule_examples import iter_examples

ROOT = Path(__file__).resolve().parent.parent


def _claims(article, vocab):
    return [dataclasses.asdict(c) for c in extract_claims(article, vocab)]


def _both_ways(read, vocab):
    """(claims, publication date) with the gate, then the same without it."""
    gated = read()
    with ungated():
        plain = read()
        plain_claims = _claims(plain, vocab)
    return (_claims(gated, vocab), gated.published), (plain_claims, plain.published)


def _article_files() -> list[Path]:
    files, _ = discover([ROOT / "seeds", ROOT / "tests" / "articles"])
    return files


@pytest.mark.parametrize("path", _article_files(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_articles_same_claims_gated_and_ungated(path, vocab):
    gated, plain = _both_ways(lambda: read_article(path, vocab), vocab)
    assert gated == plain


def test_rule_examples_same_claims_gated_and_ungated(rules, vocab):
    checked = 0
    for ex in iter_examples(rules):
        example = ex.example
        published = date.fromisoformat(example["published"]) if "published" in example else None
        gated, plain = _both_ways(lambda: article_from_text(example["text"], vocab, published=published), vocab)
        assert gated == plain, ex.where
        checked += 1
    assert checked > 50


EDGE_TEXTS = [
    "The talks ended on Monday's eve.",  # a date word before an apostrophe
    "Twenty-one soldiers and a dozen medics arrived.",  # number words, no digit
    "Not a single building was left standing.",  # a zero phrase without a number word
    "Plan A and a backup plan were on the table.",  # articles that read as a number together
    "A point a day is what they asked for.",
    "A thousand people marched; an estimated tenfold increase followed.",
    "Rescuers pulled ſix people from the rubble.",  # a letter that matches "s" ignoring case
    "The \u212aelvin scale and İstanbul appear here with no figure.",
    "Visit www.example.org/three-reports or mail press@example.org for the dozens of pages.",
    "Hundreds of families fled, officials said.",
    "Officials said the situation was calm.",  # nothing for any finder
    "The meeting is planned for next week, several hours after the vote.",
    "Prices doubled over the winter and half the stock was lost.",
    "Some ½ of the budget went to repairs.",
]


@pytest.mark.parametrize("text", EDGE_TEXTS)
def test_edge_sentences_same_claims(text, vocab):
    published = date(2024, 3, 14)
    gated, plain = _both_ways(lambda: article_from_text(f"Headline\n{text}\n", vocab, published=published), vocab)
    assert gated == plain


def _sentences(vocab) -> list[str]:
    texts = [f"Headline\n{t}\n" for t in EDGE_TEXTS]
    texts += [ex.example["text"] for ex in iter_examples(vocab.rules)]
    texts += [read_article(p, vocab).text for p in _article_files()]
    return [s.text for t in texts for s in vocab.splitter.split(t)]


def test_gate_open_wherever_a_finder_matches(vocab):
    """Stronger than equal claims: every sentence in which a finder finds anything at all (also
    what the pipeline drops later) passes the gate for that finder."""
    gate = vocab.prefilter
    skipped = 0
    for sentence in _sentences(vocab):
        g = gate(sentence)
        if vocab.dates.find(sentence) or vocab.dates.find_durations(sentence):
            assert g.dates, sentence
        if vocab.numbers.find(sentence):
            assert g.numbers, sentence
        skipped += not g.dates
    assert skipped > 0  # the gate does skip something


def test_articles_alone_but_read_together_pass(vocab):
    sentence = "Plan A and a backup plan were on the table."
    assert vocab.numbers.find(sentence)  # "A and a" reads as one
    assert vocab.prefilter(sentence).numbers
    assert not vocab.prefilter("Plan A was dropped for a backup plan.").numbers


def test_letters_folding_to_ascii_pass(vocab):
    # A case-insensitive pattern reads "ſix" as "six" and "İ" as "i", which str.lower() does not.
    for sentence in ("Rescuers pulled ſix people out.", "Mİllions of people fled."):
        assert vocab.numbers._words_pattern and vocab.prefilter(sentence).numbers


def test_gate_skips_sentences_without_triggers(vocab):
    gate = Prefilter(vocab)
    nothing = gate("Officials said the situation was calm.")
    assert not nothing.dates and not nothing.numbers
    assert gate("The mayor spoke in March.").dates
    assert gate("Twelve soldiers were hurt.").numbers
    assert gate("The 12 soldiers were hurt.").numbers and gate("The 12 soldiers were hurt.").dates
    assert not gate("A man and an officer spoke.").numbers  # articles alone read as nothing


def test_triggers_come_from_the_rules(rules):
    """A word added to the number or date rules is a trigger without touching the prefilter."""
    from consistency.rules import Rules

    data = {name: dict(content) for name, content in rules.data.items()}
    numbers = dict(data["numbers"])
    numbers["words"] = {**numbers.get("words", {}), "umpteen": 17}
    data["numbers"] = numbers
    dates = dict(data["dates"])
    dates["relative"] = {**dates.get("relative", {}), "overmorrow": 2}
    data["dates"] = dates
    extended = Rules(data=data, files=rules.files).compiled
    gate = extended.prefilter
    assert gate("Umpteen trucks left.").numbers
    assert not rules.compiled.prefilter("Umpteen trucks left.").numbers
    assert gate("They return overmorrow.").dates
    assert not rules.compiled.prefilter("They return overmorrow.").dates
