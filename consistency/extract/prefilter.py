"""Which finders can match a sentence, from one cheap scan of it.

Most sentences of an article hold no date and many hold no number, yet each finder pays its own
tokenising, masking and pattern passes before it finds nothing.  :class:`Prefilter` tells from
the words of a sentence whether the date finder (dates and durations) and the number finder can
match at all, so that the pipeline skips the ones that cannot.

The trigger words are not listed here: they are read from the finders' own vocabulary when the
rules are compiled (the date finder's index of date words; the number words, scales, fractions,
vague amounts, multipliers and zero words of the number rules), so a word added to
``rules/dates.toml`` or ``rules/numbers.toml`` is a trigger at once.  The gate may let through a
sentence that gives nothing (the finder then runs as before); it never stops one that gives
something.  ``tests/test_prefilter.py`` checks that gated and ungated extraction agree on every
test article, the sample articles and every rule example.

Where the gate cannot be sure it lets the sentence through: text with a digit; text with one of
the four non-ASCII letters that a case-insensitive pattern matches to an ASCII letter (``İ ı ſ K``,
which ``str.lower`` does not map the same way); text that a number mask touches (a mask blanks
characters and can make a word boundary the raw text does not have).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from consistency.vocabulary import CompiledRules

_DIGIT = re.compile(r"\d")
# The date finder's tokens: runs of ASCII letters not after an apostrophe (on lower-cased text).
_ASCII_RUN = re.compile(r"(?<![a-z'’])[a-z]+")
_WORD_RUN = re.compile(r"\w+")  # number words stand between word boundaries
# Non-ASCII letters that a case-insensitive pattern matches to an ASCII letter.
_FOLDS_TO_ASCII = re.compile("[\u0130\u0131\u017f\u212a]")
# The articles are number words ("a thousand") but alone read as nothing: a sentence whose only
# number words are articles goes to the finder only when its word pattern reads more than one.
_ARTICLES = frozenset({"a", "an"})


@dataclass(frozen=True)
class Gate:
    dates: bool  # DateReader.find and find_durations can match
    numbers: bool  # NumberReader.find can match


OPEN = Gate(dates=True, numbers=True)
_enabled = True


@contextmanager
def ungated() -> Iterator[None]:
    """Every gate open for the duration (the equivalence test compares both ways)."""
    global _enabled
    before, _enabled = _enabled, False
    try:
        yield
    finally:
        _enabled = before


def _triggers(phrases: list[str]) -> set[str]:
    """One word per phrase.  Every number pattern puts a word boundary or a separator around each
    word of its phrases, so any of them stands as a whole word run in a sentence that matches.
    A phrase with a word that is already a trigger needs no other ("not one"); otherwise its
    longest word is taken, the rarest ("single" of "not a single")."""
    split = [_WORD_RUN.findall(p.lower()) for p in phrases]
    out = {words[0] for words in split if len(words) == 1}
    sure = out - _ARTICLES  # the articles are no trigger of their own (see _ARTICLES)
    for words in split:
        if len(words) > 1 and sure.isdisjoint(words):
            out.add(max(words, key=len))
    return out


class Prefilter:
    """Built once per compiled rules (``CompiledRules.prefilter``)."""

    def __init__(self, vocab: CompiledRules) -> None:
        dates, numbers = vocab.dates, vocab.numbers
        # The date finder returns nothing unless one of its "core" tokens stands in the text.
        core = getattr(dates, "_core", None)
        self.date_words: frozenset[str] | None = (
            frozenset(w for w in core if w.isascii() and w.isalpha()) if core is not None else None
        )
        phrases: list[str] = [
            *numbers.words, *numbers.scales, *numbers.denominators, *numbers.point_words, *numbers.vague,
            *numbers.multiplier_words, *numbers.zero_words, *getattr(numbers, "plural_scales", ()),
            *getattr(numbers, "article_one_before", ()),  # "a gallon", "a penny": one unit
        ]
        firsts = _triggers(phrases)
        self.number_words = frozenset(firsts - _ARTICLES)
        self.articles = frozenset(firsts & _ARTICLES)
        words_pattern = getattr(numbers, "_words_pattern", None)
        self.words_re = re.compile(words_pattern, re.IGNORECASE) if words_pattern else None
        self.vulgar = re.compile("[" + "".join(re.escape(c) for c in numbers.vulgar) + "]") if numbers.vulgar else None
        self.mask = numbers.mask

    def __call__(self, text: str) -> Gate:
        """What can match in ``text``.  The number finder reads a sentence with its dates blanked:
        when a date was found, run it whatever the gate says (blanking can make a word boundary)."""
        if not _enabled or self._unsure(text):
            return OPEN
        lowered = text.lower()
        return Gate(dates=self._dates(lowered), numbers=self._numbers(text, lowered))

    def dates_possible(self, text: str) -> bool:
        return not _enabled or self._unsure(text) or self._dates(text.lower())

    @staticmethod
    def _unsure(text: str) -> bool:
        return bool(_DIGIT.search(text)) or (not text.isascii() and bool(_FOLDS_TO_ASCII.search(text)))

    def _dates(self, lowered: str) -> bool:
        if self.date_words is None:
            return True
        return not self.date_words.isdisjoint(_ASCII_RUN.findall(lowered))

    def _numbers(self, text: str, lowered: str) -> bool:
        words = _WORD_RUN.findall(lowered)
        if not self.number_words.isdisjoint(words):
            return True
        if self.vulgar is not None and self.vulgar.search(text):
            return True
        if self.mask is not None and self.mask.search(text):
            return True
        if self.articles and not self.articles.isdisjoint(words):
            if self.words_re is None:
                return True
            return any(m.group().lower() not in _ARTICLES for m in self.words_re.finditer(text))
        return False
