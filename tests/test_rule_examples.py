"""Every rule file's examples, run through the stage they describe.

An example holds `text` and any of:
  expect     claims that must be extracted (each a table of claim fields to match)
  absent     claims that must not be extracted (a `text` key matches claims containing it)
  normalised the text after repairs (normalise.toml)
  dropped    lines dropped as page furniture; kept: lines that must stay (boilerplate.toml)
  sentences  the sentences the splitter must produce (sentences.toml)
  published  the publication date to resolve relative dates against
In `expect`, "open" stands for an open bound and value = "unresolved" for a date that could
not be placed.
"""

from __future__ import annotations

import math
from datetime import date

import pytest

from consistency.articles import article_from_text
from consistency.extract.pipeline import extract_claims
from consistency.normalise import normalise_lines
from consistency.rules import load_rules

RULES = load_rules()
EXAMPLES = [
    pytest.param(name, i, example, id=f"{name}.toml#{i + 1}")
    for name, content in sorted(RULES.data.items())
    for i, example in enumerate(content.get("examples", []))
]


def _matches(claim, expected: dict) -> bool:
    for key, want in expected.items():
        got = getattr(claim, key)
        if key == "text":
            if want not in (got or ""):
                return False
        elif key == "value" and want == "unresolved":
            if claim.resolved:
                return False
        elif want == "open":
            if got is not None:
                return False
        elif isinstance(want, (int, float)) and not isinstance(want, bool):
            if got is None or isinstance(got, str) or not math.isclose(float(got), float(want), rel_tol=1e-9):
                return False
        elif got != want:
            return False
    return True


def _describe(claims) -> str:
    return "\n".join(
        f"  {c.text!r}: value={c.value} low={c.low} high={c.high} qualifier={c.qualifier} unit={c.unit} "
        f"measure={c.measure} property={c.property} attribution={c.attribution}"
        for c in claims
    ) or "  (no claims)"


def test_every_rule_file_has_examples_in_two_wordings():
    for name, content in RULES.data.items():
        assert len(content.get("examples", [])) >= 2, f"{name}.toml needs examples in at least two wordings"


@pytest.mark.parametrize("name, index, example", EXAMPLES)
def test_rule_example(name, index, example, vocab):
    text = example["text"]
    if "normalised" in example:
        lines = normalise_lines(text, vocab.normaliser)
        assert "\n".join(line.text for line in lines) == example["normalised"]
    if "dropped" in example or "kept" in example:
        lines = normalise_lines(text, vocab.normaliser)
        dropped = [line.text for line in lines if line.dropped and line.text]
        kept = [line.text for line in lines if not line.dropped and line.text]
        for line in example.get("dropped", []):
            assert line in dropped, f"{line!r} should be dropped; dropped: {dropped}"
        for line in example.get("kept", []):
            assert line in kept, f"{line!r} should be kept; kept: {kept}"
    if "sentences" in example:
        assert [s.text for s in vocab.splitter.split(text)] == example["sentences"]
    if "expect" in example or "absent" in example:
        published = date.fromisoformat(example["published"]) if "published" in example else None
        article = article_from_text(text, vocab, published=published)
        claims = extract_claims(article, vocab)
        for expected in example.get("expect", []):
            assert any(_matches(c, expected) for c in claims), f"no claim matches {expected}; got:\n{_describe(claims)}"
        for unwanted in example.get("absent", []):
            assert not any(_matches(c, unwanted) for c in claims), f"a claim matches {unwanted}; got:\n{_describe(claims)}"
