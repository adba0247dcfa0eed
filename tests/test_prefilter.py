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


# -- speed-ups of the same step that must not change what matches --------------------------
def test_trie_alternation_matches_like_the_plain_one():
    import random
    import re

    from consistency.vocabulary import alternation

    def plain(words):
        return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))

    rng = random.Random(7)
    letters = "ab -'k"
    for _ in range(300):
        words = [w for w in ("".join(rng.choice(letters) for _ in range(rng.randint(1, 4))) for _ in range(6)) if w]
        texts = ["".join(rng.choice(letters + "ABK\u212a") for _ in range(rng.randint(0, 12))) for _ in range(10)]
        assert alternation(words) != plain(words) or len(set(words)) == 1  # the trie is in use
        for flags in (0, re.IGNORECASE):
            for wrap in ("(?:{})", r"(?<![\w-])(?:{})(?![\w-])", r"\b(?:{})\s+$"):
                a = re.compile(wrap.format(plain(words)), flags)
                b = re.compile(wrap.format(alternation(words)), flags)
                for text in texts:
                    assert [m.span() for m in a.finditer(text)] == [m.span() for m in b.finditer(text)]


def test_script_shares_as_counted_letter_by_letter():
    import random
    import unicodedata

    from consistency.normalise import _dominant_script, _foreign_share

    def script(ch):
        return unicodedata.name(ch, "").split(" ")[0]

    def dominant(text):
        counts: dict[str, int] = {}
        for ch in text:
            if ch.isalpha():
                counts[script(ch)] = counts.get(script(ch), 0) + 1
        return max(counts, key=counts.__getitem__) if counts else None

    rng = random.Random(1)
    alphabet = "abcXYZ éßЖжДαβΩ中文عربي 12.,!\u0130\u212a"
    for _ in range(2000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        assert _dominant_script(text) == dominant(text), ascii(text)
        letters = [ch for ch in text if ch.isalpha()]
        for name in ("LATIN", "CYRILLIC", "KELVIN"):
            want = 0.0 if len(letters) < 3 else sum(script(ch) != name for ch in letters) / len(letters)
            assert _foreign_share(text, name, 3) == want


def test_plain_front_matter_reads_the_same_with_either_loader():
    import yaml

    from consistency.articles import front_matter

    for body in ("source: Example News\npublished: 2022-01-20\nurl: https://example.org/a?b=1",
                 "title: Floods: the toll rises\ndate: 2022-13-45", "on: yes\ncount: 1_000\nratio: .5\nnothing:"):
        raw = f"---\n{body}\n---\nHeadline\n"
        meta, _, problem = front_matter(raw)
        try:
            expected = {str(k).lower(): v for k, v in yaml.safe_load(body).items()}
        except yaml.YAMLError as exc:
            assert meta == {} and problem and str(exc).splitlines()[0] in problem
        else:
            assert meta == expected and problem is None


def test_split_by_line_as_each_line_split_alone(vocab):
    import random

    from consistency.sentences import Sentence

    def each_line(text):
        out, pos = [], 0
        for line in text.split("\n"):
            if line.strip():
                out.extend(Sentence(pos + x.start, pos + x.end, x.text) for x in vocab.splitter.split(line))
            pos += len(line) + 1
        return out

    rng = random.Random(3)
    pieces = ["a", "B", ".", " ", "\n", "Dr.", "J.", "?", '"', "\n\n", "1", "e.g.", ")", "…", "\t", "Mr.", "a.m."]
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 30))) for _ in range(20000)]
    texts += ["Flood hits town\nB\n. Then rain came.", "He said. Then\nleft. More came"]  # "B\n." reads as initials
    for text in texts:
        assert vocab.splitter.split_by_line(text) == each_line(text), repr(text)
