"""No pathological slowness: the work done on hostile text grows linearly with its length.

Each check runs the same thing on input of size n and of size k*n and compares the times (the
best of a few runs): linear work grows about k times; the test allows twice that, plus a floor
for timer noise, and re-measures before it fails, so a busy machine does not make it flaky.
Quadratic work grows k**2 times (16 for k = 4) and exponential backtracking far more, and both
fail.  Absolute ceilings are generous: they catch a hang, not a slow machine.

The negative control at the end shows that the check is not toothless: a rules folder with
``(a+)+$`` (catastrophic backtracking) fails it on a string of 22 characters, and
``consistency rules check`` / ``load_rules`` refuse that pattern before it can run.
"""

from __future__ import annotations

import re
import time
from pathlib import Path
from typing import Callable

import pytest

from consistency.api import check
from consistency.articles import article_from_text
from consistency.extract.pipeline import extract_claims
from consistency.regex_safety import nested_repetition
from consistency.rules import Rules, RulesError, _patterns, load_rules, read_rule_file

FLOOR = 0.005  # seconds of timer noise forgiven on top of the allowed growth


def best_time(fn: Callable[[], object], repeats: int = 3) -> float:
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def superlinear(run: Callable[[int], object], small: int, large: int, *, floor: float = FLOOR,
                repeats: int = 3, retries: int = 2) -> tuple[bool, float, float]:
    """Whether ``run(large)`` takes more than 2 * (large / small) times ``run(small)`` (+ floor).

    Measured again up to ``retries`` times before saying yes.  Returns (verdict, t_small, t_large)."""
    allowed = 2.0 * large / small
    t_small = t_large = 0.0
    for _ in range(1 + retries):
        t_small = best_time(lambda: run(small), repeats)
        t_large = best_time(lambda: run(large), repeats)
        if t_large <= allowed * t_small + floor:
            return False, t_small, t_large
    return True, t_small, t_large


# -- hostile texts ---------------------------------------------------------------------------
def _cycle(unit: str) -> Callable[[int], str]:
    return lambda n: (unit * (n // len(unit) + 1))[:n]


HOSTILE: dict[str, Callable[[int], str]] = {
    "digits and commas": _cycle("1234567890,"),
    "1,1,1,1": _cycle("1,"),
    "- - - -": _cycle("- "),
    "more than more than": _cycle("more than "),
    "quote marks": _cycle('"'),
    "quoted words": _cycle('"a" '),
    "guillemets": _cycle("« "),
    "one sentence without a full stop": _cycle("the army said that the troops "),
    "capitalised words": _cycle("Alpha Bravo Charlie Delta "),
    "one token": lambda n: "x" * n,
    "digits": lambda n: "7" * n,
    "dotted numbers": _cycle("1."),
    "numbered list": _cycle("1. "),
    "abbreviations": _cycle("Mr. "),
    "number words": _cycle("twenty-one thousand and "),
    "hyphenated a": _cycle("a-"),
    "dates": _cycle("January 13, "),
    "percentages": _cycle("5% "),
    "money": _cycle("$1 million "),
    "short lines": _cycle("a\n"),
    "brackets": _cycle("(["),
    "apostrophes": _cycle("'"),
    "spaces": lambda n: " " * (n - 1) + "x",
    "mail-like": _cycle("a.b+c-"),
    "html-ish": _cycle("<b>&amp;"),
}


# -- every pattern of the rules --------------------------------------------------------------
# How the engine applies each kind of rule pattern: boilerplate patterns are matched against a
# whole line ("^(?:...)[\s.!:*]*$", ignoring case); the others are searched for anywhere.
ANCHORED = {"boilerplate"}


def pattern_runners(rules: Rules) -> list[tuple[str, Callable[[str], object]]]:
    out = []
    for name, content in sorted(rules.data.items()):
        for key, pattern in _patterns(content):
            if name in ANCHORED:
                compiled = re.compile(rf"^(?:{pattern})[\s.!:*]*$", re.IGNORECASE)
                out.append((f"{name}: {key}", compiled.match))
            else:
                compiled = re.compile(pattern, re.IGNORECASE)
                out.append((f"{name}: {key}", lambda text, c=compiled: sum(1 for _ in c.finditer(text))))
    return out


def slow_patterns(rules: Rules, texts: dict[str, Callable[[int], str]], small: int, large: int,
                  floor: float = FLOOR, repeats: int = 3, retries: int = 2) -> list[str]:
    slow = []
    for label, runner in pattern_runners(rules):
        for text_name, make in texts.items():
            cache: dict[int, str] = {}

            def run(n: int, runner=runner, make=make, cache=cache) -> object:
                if n not in cache:
                    cache[n] = make(n)
                return runner(cache[n])

            verdict, t_small, t_large = superlinear(run, small, large, floor=floor, repeats=repeats,
                                                    retries=retries)
            if verdict:
                slow.append(f"{label} on {text_name}: {t_small:.4f}s for {small} chars, {t_large:.4f}s for {large}")
    return slow


def test_every_rule_pattern_runs_in_linear_time(rules):
    assert pattern_runners(rules), "no patterns found in the rules"
    slow = slow_patterns(rules, HOSTILE, 2000, 8000)
    assert not slow, "super-linear rule patterns:\n" + "\n".join(slow)


def test_every_rule_pattern_passes_the_nesting_check(rules):
    found = [(name, key, why) for name, content in rules.data.items() for key, pattern in _patterns(content)
             if (why := nested_repetition(pattern, re.IGNORECASE))]
    assert not found


# -- the whole extraction pipeline ---------------------------------------------------------------
@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_extraction_work_grows_linearly(vocab, name):
    make = HOSTILE[name]
    texts: dict[int, str] = {}

    def run(n: int) -> object:
        texts.setdefault(n, make(n))
        return extract_claims(article_from_text(texts[n], vocab), vocab)

    verdict, t_small, t_large = superlinear(run, 2500, 10000, floor=0.05, repeats=2)
    assert not verdict, f"{name}: {t_small:.3f}s for 2,500 chars, {t_large:.3f}s for 10,000"
    assert t_large < 30, f"{name}: {t_large:.1f}s for 10,000 characters"


def test_a_one_megabyte_token_finishes(vocab):
    start = time.perf_counter()
    extract_claims(article_from_text("x" * 1_000_000, vocab), vocab)
    extract_claims(article_from_text("1" * 1_000_000, vocab), vocab)
    assert time.perf_counter() - start < 120


def test_over_long_sentences_are_read_in_pieces_and_say_so(vocab):
    article = article_from_text("The army said 5 soldiers were killed " * 400, vocab)
    claims = extract_claims(article, vocab)
    assert len([c for c in claims if c.kind == "quantity"]) >= 300  # nothing lost to the cut
    assert any("longer than" in n for n in article.notes)


# -- the comparison of two hostile articles ------------------------------------------------------
COMPARED = {
    "distinct tolls": lambda n, k: "".join(f"In May {i + k} people were killed in the city. " for i in range(n // 42)),
    "repeated percentages": lambda n, k: "".join(f"{i % 7 + k}% of voters. " for i in range(n // 16)),
    "many owners": lambda n, k: "".join(f"The Org{i} Council said {i + k} soldiers were deployed. "
                                        for i in range(n // 50)),
}


@pytest.mark.parametrize("name", sorted(COMPARED))
def test_comparison_work_grows_linearly(rules, tmp_path, name):
    make = COMPARED[name]

    def run(n: int) -> object:
        folder = tmp_path / str(n)
        if not folder.exists():
            folder.mkdir()
            for k in range(2):
                (folder / f"a{k}.txt").write_text(make(n, k), encoding="utf-8")
        return check([folder], rules=rules)

    verdict, t_small, t_large = superlinear(run, 6000, 24000, floor=0.1, repeats=1)
    assert not verdict, f"{name}: {t_small:.3f}s for 2 x 6,000 chars, {t_large:.3f}s for 2 x 24,000"
    assert t_large < 60


# -- negative control: a catastrophic pattern -------------------------------------------------------
CATASTROPHIC = "(a+)+$"


def _bad_rules_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "bad-rules"
    folder.mkdir()
    (folder / "not_claims.toml").write_text(
        '[meta]\ndescription = "a pattern that backtracks catastrophically"\n\n'
        f"[masks]\nmask_patterns = ['{CATASTROPHIC}']\n",
        encoding="utf-8",
    )
    return folder


def test_negative_control_the_work_test_catches_catastrophic_backtracking(tmp_path):
    folder = _bad_rules_folder(tmp_path)
    # The rules as they would be if nothing refused them.
    unchecked = Rules(data={"not_claims": read_rule_file(folder / "not_claims.toml")})
    texts = {"a...a!": lambda n: "a" * n + "!"}
    # 17 vs 21 characters: a linear pattern takes about as long; this one 2**4 = 16 times longer.
    slow = slow_patterns(unchecked, texts, 17, 21, floor=0.002, repeats=1, retries=1)
    assert any("mask_patterns[0]" in s for s in slow), "the control pattern was not caught"
    # The same measurement passes a linear pattern of the same shape.
    fine = Rules(data={"not_claims": {"masks": {"mask_patterns": ["a+$"]}}})
    assert not slow_patterns(fine, texts, 17, 21, floor=0.002)


def test_negative_control_the_rules_check_refuses_it(tmp_path):
    folder = _bad_rules_folder(tmp_path)
    with pytest.raises(RulesError) as caught:
        load_rules([folder])
    message = str(caught.value)
    assert "not_claims.toml" in message and "masks.mask_patterns[0]" in message
    assert "nested unbounded repetition" in message


@pytest.mark.parametrize("pattern", [r"(a+)+", r"(a*)*", r"(a|a)*", r"(\w+\s?)*", r"(.*)+", r"(?:\d+\s?)+x",
                                     r"(x+x+)+y", r"(a|aa)+", r"(?i)(A+a)+", r"((ab)*)+", r"(.*?,)*x"])
def test_nesting_check_rejects(pattern):
    assert nested_repetition(pattern), pattern


@pytest.mark.parametrize("pattern", [r"(?:,\d{3})+", r"(?:\.\d+)*", r"\d{1,3}(?:,\d{3})+(?:\.\d+)?",
                                     r"(?:\s+and\s+\w+)*", r"(?:[\s-]\d{2,4}){1,4}", r"(?:\d+,)*", r"(a++)+",
                                     r"(?>a+)+", r"(a|ab)*c", r"(?:\s*,\s*\w+)*", r"https?://[^\s<>\"]+"])
def test_nesting_check_accepts(pattern):
    assert nested_repetition(pattern) is None, pattern
