"""Running the ``[[examples]]`` of rule files through the stage they describe.

An example holds `text` and any of:
  expect     claims that must be extracted (each a table of claim fields to match)
  absent     claims that must not be extracted (a `text` key matches claims containing it)
  normalised the text after repairs (normalise.toml)
  dropped    lines dropped as page furniture; kept: lines that must stay (boilerplate.toml)
  sentences  the sentences the splitter must produce (sentences.toml)
  published  the publication date to resolve relative dates against
In `expect`, "open" stands for an open bound and value = "unresolved" for a date that could
not be placed.

Used by ``consistency rules test`` and by tests/test_rule_examples.py.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Iterator

from consistency.articles import article_from_text
from consistency.extract.pipeline import extract_claims
from consistency.normalise import normalise_lines


@dataclass
class Example:
    name: str  # rule file stem
    index: int  # position in the merged examples of that name
    example: dict[str, Any]
    path: Path | None = None  # the file it comes from
    line: int | None = None  # the line of its [[examples]] header

    @property
    def label(self) -> str:
        return f"{self.name}.toml#{self.index + 1}"

    @property
    def where(self) -> str:
        if self.path is None:
            return self.label
        return f"{self.path}:{self.line}" if self.line else str(self.path)


@dataclass
class ExampleResult:
    example: Example
    failures: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failures


def matches(claim, expected: dict) -> bool:  # noqa: ANN001
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


def describe_claims(claims) -> str:  # noqa: ANN001
    return "\n".join(
        f"  {c.text!r}: value={c.value} low={c.low} high={c.high} qualifier={c.qualifier} unit={c.unit} "
        f"measure={c.measure} property={c.property} attribution={c.attribution}"
        for c in claims
    ) or "  (no claims)"


def check_example(example: dict[str, Any], vocab) -> list[str]:  # noqa: ANN001
    """The ways ``example`` fails under ``vocab`` (compiled rules); empty when it passes."""
    failures: list[str] = []
    text = example["text"]
    if "normalised" in example:
        lines = normalise_lines(text, vocab.normaliser)
        got = "\n".join(line.text for line in lines)
        if got != example["normalised"]:
            failures.append(f"normalised to {got!r}, expected {example['normalised']!r}")
    if "dropped" in example or "kept" in example:
        lines = normalise_lines(text, vocab.normaliser)
        dropped = [line.text for line in lines if line.dropped and line.text]
        kept = [line.text for line in lines if not line.dropped and line.text]
        for line in example.get("dropped", []):
            if line not in dropped:
                failures.append(f"{line!r} should be dropped; dropped: {dropped}")
        for line in example.get("kept", []):
            if line not in kept:
                failures.append(f"{line!r} should be kept; kept: {kept}")
    if "sentences" in example:
        got = [s.text for s in vocab.splitter.split(text)]
        if got != example["sentences"]:
            failures.append(f"sentences {got}, expected {example['sentences']}")
    if "expect" in example or "absent" in example:
        published = date.fromisoformat(example["published"]) if "published" in example else None
        article = article_from_text(text, vocab, published=published)
        claims = extract_claims(article, vocab)
        for expected in example.get("expect", []):
            if not any(matches(c, expected) for c in claims):
                failures.append(f"no claim matches {expected}; got:\n{describe_claims(claims)}")
        for unwanted in example.get("absent", []):
            if any(matches(c, unwanted) for c in claims):
                failures.append(f"a claim matches {unwanted}; got:\n{describe_claims(claims)}")
    return failures


def iter_examples(rules) -> Iterator[Example]:  # noqa: ANN001
    """Every example of the merged rules, with the file and line it comes from when known."""
    from consistency.locate import line_of_key
    from consistency.rules import read_rule_file

    for name, content in sorted(rules.data.items()):
        origins: list[tuple[Path, int]] = []  # (file, index in that file) per merged example
        for path in rules.files.get(name, []):
            try:
                n = len(read_rule_file(path).get("examples", []))
            except Exception:  # noqa: BLE001 - a broken file is reported by `rules check`
                n = 0
            origins.extend((path, i) for i in range(n))
        texts: dict[Path, str] = {}
        for i, example in enumerate(content.get("examples", [])):
            path, line = None, None
            if i < len(origins):
                path, local = origins[i]
                if path not in texts:
                    texts[path] = path.read_text(encoding="utf-8")
                line = line_of_key(texts[path], f"examples[{local}]")
            yield Example(name, i, example, path, line)


def run_examples(rules, names: list[str] | None = None) -> list[ExampleResult]:  # noqa: ANN001
    """Run every example (of the named rule files only, when given)."""
    vocab = rules.compiled
    results = []
    for ex in iter_examples(rules):
        if names and ex.name not in names:
            continue
        try:
            failures = check_example(ex.example, vocab)
        except Exception as exc:  # noqa: BLE001 - an example that crashes the pipeline fails
            failures = [f"raised {type(exc).__name__}: {exc}"]
        results.append(ExampleResult(ex, failures))
    return results
