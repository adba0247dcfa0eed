"""Property-based tests: whatever the text, extraction does not raise, every claim points at
its own text in the file, values are finite, verdicts do not depend on the order or names of
the input files, and the JSON report follows its contract.

Settings are modest (and derandomized, so CI runs the same examples every time)."""

from __future__ import annotations

import copy
import json
import math
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from consistency.api import check
from consistency.articles import article_from_text, read_article
from consistency.extract.pipeline import extract_claims

try:  # the contract's schema, when the contract tests are importable
    from test_json_contract import REPORT_SCHEMA
except ImportError:  # pragma: no cover - a minimal stand-in
    REPORT_SCHEMA = {
        "type": "object", "required": ["schema", "articles", "claims", "findings"],
        "properties": {"schema": {"const": "consistency/report@1"}},
    }

SETTINGS = settings(max_examples=60, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture,
                                           HealthCheck.data_too_large])

# Pieces of news text that make claims, and pieces that make trouble.
NEWSY = [
    "more than 2,000 peacekeepers", "about 250 people were killed", "1.5 million", "twenty-one thousand",
    "on January 13, 2022", "Thursday, 20 January", "between 150 and 200 troops", "5%", "$4.2bn",
    "the CSTO Council said", '"We have 30 troops," the minister said.', "yesterday", "3/4 of voters",
    "No. 10", "COVID-19", "14:03", "-18 to -34 degrees", "almost 3 thousand", "up to 1,000 soldiers",
    "Members include Armenia, Belarus and Kazakhstan.", "fewer than 12 injured", "in 2021",
]
NASTY = [
    "\r\n", "\r", "\n", "\n\n", "\t", "\x00", "\ufeff", "\u202e", "\u00a0", "\u200b", "«", "»", "“", "”", "'",
    '"', "...", ". ", "<b>", "&amp;", "&#8212;", "|", "`", "---\n", "\\", "€", "Москва", "١٢٣", "𝟓", "٫",
    "1,1,1,1", "- - -", "more than more than", "%0A::error::", "\x1b[31m", "9" * 330, "1" + ",000" * 110,
    "$" + "9" * 320 + " million", "0." + "0" * 400 + "1", "trillion trillion trillion", "1e400",
]
pieces = st.one_of(st.sampled_from(NEWSY), st.sampled_from(NASTY), st.text(max_size=12),
                   st.integers(-10**12, 10**12).map(str), st.floats(allow_nan=True, allow_infinity=True).map(str))
article_text = st.lists(pieces, max_size=25).map(" ".join)


def _finite(value) -> bool:  # noqa: ANN001
    if isinstance(value, float):
        return math.isfinite(value)
    if isinstance(value, (list, tuple)):
        return all(_finite(v) for v in value)
    return True


@SETTINGS
@given(text=st.text(max_size=400))
def test_extraction_never_raises_on_any_unicode(vocab, text):
    article = article_from_text(text, vocab)
    for claim in extract_claims(article, vocab):
        assert claim.text


@SETTINGS
@given(text=article_text)
def test_extraction_never_raises_on_newsy_and_nasty_text(vocab, text):
    article = article_from_text(text, vocab)
    claims = extract_claims(article, vocab)
    for c in claims:
        for field in ("value", "low", "high"):
            assert _finite(getattr(c, field)), (field, c)


@pytest.mark.parametrize("text", ["9" * 400 + " people were killed.", "1" + ",000" * 120 + " people were killed.",
                                  "9" * 400 + "% of voters", "$" + "9" * 400 + " million in aid"])
def test_huge_numerals_give_no_infinite_values(vocab, text):
    for c in extract_claims(article_from_text(text, vocab), vocab):
        assert all(_finite(getattr(c, f)) for f in ("value", "low", "high")), c


def _file_lines(raw: str) -> list[str]:
    """The lines of a decoded file, split as the reader splits them (CRLF, CR or LF)."""
    return re.split(r"\r\n|\r|\n", raw)


@SETTINGS
@given(text=article_text)
def test_every_claim_points_at_its_own_text_in_the_file(vocab, tmp_path_factory, text):
    path = tmp_path_factory.mktemp("span") / "article.txt"
    path.write_bytes(text.encode("utf-8"))
    article = read_article(path, vocab)
    if article.status != "ok":
        return
    lines = _file_lines(article.raw)
    for c in extract_claims(article, vocab):
        assert 1 <= c.line <= len(lines), c
        line = lines[c.line - 1]
        assert 1 <= c.start < c.end <= len(line) + 1, (c.line, c.start, c.end, line)
        assert line[c.start - 1 : c.end - 1] == c.text, (c.text, line[c.start - 1 : c.end - 1], c.kind)


# -- order and names of the input files ------------------------------------------------------
SENTENCES = [
    "{n} people were killed in the flood.", "The death toll rose to {n}.", "More than {n} peacekeepers arrived.",
    "About {n} troops took part in the exercise.", "The withdrawal began on January {d}, 2022.",
    "The CSTO sent {n} personnel.", "Officials said {n} houses were destroyed.", "At least {n} people were injured.",
    "The operation ended on January {d}, 2022.", "Up to {n} soldiers were deployed.",
]
article_body = st.lists(
    st.tuples(st.sampled_from(SENTENCES), st.integers(1, 3000), st.integers(1, 28)), min_size=1, max_size=6,
).map(lambda items: "Report\n\n" + " ".join(s.format(n=n, d=d) for s, n, d in items) + "\n")


def _canonical(report, name_of: dict[str, str]) -> list[tuple]:  # noqa: ANN001
    """Findings with claim and article ids replaced by what does not depend on them."""
    claims = {c.id: c for c in report.claims}

    def claim_key(cid: str) -> tuple:
        c = claims[cid]
        return (name_of[c.article], c.line, c.start, c.end, c.text)

    return sorted(
        (f.verdict, f.kind, f.unit or "", f.property or "", f.owner or "",
         tuple(sorted(claim_key(cid) for cid in f.claims)),
         tuple(sorted(name_of[a] for a in f.articles)), f.difference)
        for f in report.findings
    )


@settings(max_examples=25, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(bodies=st.lists(article_body, min_size=2, max_size=4), data=st.data())
def test_verdicts_do_not_depend_on_file_order_or_names(rules, tmp_path_factory, bodies, data):
    names = [f"source{i}" for i in range(len(bodies))]
    # Run 1: files named in order.  Run 2: the same contents under shuffled names, given in
    # another order, so ids, claim ids and every sort order change.
    first = tmp_path_factory.mktemp("order")
    for name, body in zip(names, bodies):
        (first / f"{name}.txt").write_text(body, encoding="utf-8")
    aliases = data.draw(st.permutations([f"zz{i}" for i in range(len(bodies))]))
    second = tmp_path_factory.mktemp("order")
    for alias, body in zip(aliases, bodies):
        (second / f"{alias}.txt").write_text(body, encoding="utf-8")
    order = data.draw(st.permutations(list(range(len(bodies)))))
    report1 = check([first / f"{names[i]}.txt" for i in range(len(bodies))], rules=rules)
    report2 = check([second / f"{aliases[i]}.txt" for i in order], rules=rules)
    # Map each run's article ids to the content they hold (the original name).
    name1 = {n: n for n in names}
    name2 = {alias: names[i] for i, alias in enumerate(aliases)}
    assert _canonical(report1, name1) == _canonical(report2, name2)


# -- the JSON contract -----------------------------------------------------------------------
def _lenient_schema() -> dict:
    """The contract's schema; a skipped input that is not a file has "id": null (docs)."""
    schema = copy.deepcopy(REPORT_SCHEMA)
    article = schema.get("$defs", {}).get("article")
    if article:
        article["properties"]["id"] = {"anyOf": [{"type": "null"}, {"type": "string", "minLength": 1}]}
    return schema


VALIDATOR = Draft202012Validator(_lenient_schema())


@settings(max_examples=30, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(texts=st.lists(article_text, min_size=1, max_size=3), binary=st.binary(max_size=64))
def test_json_report_always_parses_and_follows_the_contract(rules, tmp_path_factory, texts, binary):
    folder = tmp_path_factory.mktemp("json")
    for i, text in enumerate(texts):
        (folder / f"a{i}.txt").write_text(text, encoding="utf-8", newline="")
    (folder / "blob.txt").write_bytes(binary)
    report = check([folder, folder / "missing.txt"], rules=rules)
    text = report.to_json()
    data = json.loads(text)
    assert json.loads(json.dumps(data, allow_nan=False)) == data  # no NaN or Infinity
    errors = list(VALIDATOR.iter_errors(data))
    assert not errors, [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in errors[:5]]
    claim_ids = {c["id"] for c in data["claims"]}
    article_ids = {a["id"] for a in data["articles"]}
    assert all(cid in claim_ids for f in data["findings"] for cid in f["claims"])
    assert all(c["article"] in article_ids for c in data["claims"])
    for a in data["articles"]:
        assert a["status"] in ("ok", "skipped")
        if a["status"] == "skipped":
            assert a.get("reason")
    assert any(a["path"].endswith("missing.txt") and a["status"] == "skipped" for a in data["articles"])


@pytest.mark.parametrize("text", ["", " ", "\x00", "\ufeff", "\r\n\r\n", "1" * 5000, "«" * 3000])
def test_degenerate_texts(vocab, text):
    extract_claims(article_from_text(text, vocab), vocab)


# Letters a case-insensitive pattern takes for ASCII ones, though str.lower() does not map them
# so: rule words spelt with them once made the finders look up a key that was not there.
LOOKALIKES = [("i", "\u0131"), ("i", "\u0130"), ("s", "\u017f"), ("k", "\u212a")]


@pytest.mark.parametrize("ascii_letter,lookalike", LOOKALIKES)
def test_lookalike_letters_inside_rule_words_do_not_raise(vocab, ascii_letter, lookalike):
    texts = NEWSY + ["Millions of people fled in the last 3 years.", "Some six weeks later, dozens were missing.",
                     "Thousands marched; tens of thousands watched.", "It rained for several days since Christmas."]
    for text in texts:
        odd = text.replace(ascii_letter, lookalike)
        found = vocab.numbers.find(odd) + vocab.dates.find(odd) + vocab.dates.find_durations(odd)
        assert all(0 <= m.start < m.end <= len(odd) for m in found)
        for claim in extract_claims(article_from_text(odd, vocab), vocab):
            assert claim.text
