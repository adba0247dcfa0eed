"""Years and decades written in words: "nineteen seventy-eight", "two thousand and eighteen",
"nineteen oh five", "one thousand seven hundred and eighty-nine", "the nineteen seventies".

The number words come from ``rules/numbers.toml`` (the same words numbers are read with), the
few words only years use ("oh" for a zero, "thousands" for the 2000s) from ``rules/dates.toml``
``[year_words]``.  The patterns are plain alternations joined in a fixed order, so they cannot
backtrack badly; a year is between 1000 and 2099.
"""

from __future__ import annotations

import re
from typing import Any


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True)) or "(?!)"


class YearWords:
    def __init__(self, number_words: dict[str, Any], scales: dict[str, Any], rules: dict[str, Any]) -> None:
        words = {k.lower(): int(v) for k, v in number_words.items() if isinstance(v, (int, float))}
        self.units = {w: v for w, v in words.items() if 1 <= v <= 9 and w not in ("a", "an")}
        self.teens = {w: v for w, v in words.items() if 10 <= v <= 19}
        self.tens = {w: v for w, v in words.items() if v in (20, 30, 40, 50, 60, 70, 80, 90)}
        self.zeros = [w.lower() for w in rules.get("zero_words", [])]
        self.hundred = [w for w, v in scales.items() if int(v) == 100]
        self.thousand = [w for w, v in scales.items() if int(v) == 1000]
        self.and_word = rules.get("and", "and")
        self.decade_plurals = {k.lower(): int(v) for k, v in rules.get("decades_after_century", {}).items()}

    @property
    def enabled(self) -> bool:
        return bool(self.units and self.teens and self.tens)

    # -- patterns --------------------------------------------------------------------------

    def _two_digits(self) -> str:
        """'seventy-eight', 'seventy', 'eighteen', 'nine'."""
        U, T, TEEN = _alt(list(self.units)), _alt(list(self.tens)), _alt(list(self.teens))
        return rf"(?:(?:{T})(?:[\s-]+(?:{U}))?(?![a-z])|(?:{TEEN})|(?:{U}))(?![a-z-])"

    def _century(self) -> str:
        """The first half of a year said in two halves: 'nineteen', 'twenty'."""
        twenty = [w for w, v in self.tens.items() if v == 20]
        return rf"(?:{_alt(list(self.teens) + twenty)})"

    def pattern(self) -> str:
        """A year in words, no capture groups."""
        if not self.enabled:
            return r"(?!)"
        U, T, TEEN = _alt(list(self.units)), _alt(list(self.tens)), _alt(list(self.teens))
        P2 = self._two_digits()
        H, K, Z, AND = _alt(self.hundred), _alt(self.thousand), _alt(self.zeros), re.escape(self.and_word)
        # "nineteen seventy-eight", "nineteen oh five", "eighteen hundred", "twenty twenty"
        halves = (rf"{self._century()}[\s-]+(?:(?:{Z})[\s-]+(?:{U})(?![a-z-])|(?:{H})(?:\s+(?:{AND}\s+)?{P2})?(?![a-z-])"
                  rf"|(?:{T})(?:[\s-]+(?:{U}))?(?![a-z-])|(?:{TEEN})(?![a-z-]))")
        # "two thousand and eighteen", "one thousand seven hundred and eighty-nine"
        thousands = (rf"(?:{U})\s+(?:{K})(?:\s+(?:{U})\s+(?:{H})(?:\s+(?:{AND}\s+)?{P2})?|\s+(?:{AND}\s+)?{P2})?(?![a-z-])")
        return rf"(?:{halves}|{thousands})"

    def decade_pattern(self) -> str:
        """'the nineteen seventies', 'the twenty-tens', 'the two thousand and tens', 'the two thousands'
        (a decade said with its century), no capture groups."""
        if not self.enabled or not self.decade_plurals:
            return r"(?!)"
        U, K, AND = _alt(list(self.units)), _alt(self.thousand), re.escape(self.and_word)
        plural = _alt(list(self.decade_plurals))
        return rf"(?:{self._century()}|(?:{U})\s+(?:{K})(?:\s+{AND})?)[\s-]+(?:{plural})(?![a-z])|(?:{U})\s+(?:{K})s(?![a-z])"

    # -- values ----------------------------------------------------------------------------

    def _words(self, text: str) -> list[str]:
        return [w for w in re.split(r"[\s-]+", text.lower().strip()) if w]

    def _small(self, words: list[str]) -> int | None:
        """The value of up to two words below a hundred."""
        if not words:
            return 0
        if len(words) == 1:
            w = words[0]
            return self.units.get(w, self.teens.get(w, self.tens.get(w)))
        if len(words) == 2 and words[0] in self.tens and words[1] in self.units:
            return self.tens[words[0]] + self.units[words[1]]
        return None

    def value(self, text: str) -> int | None:
        words = [w for w in self._words(text) if w != self.and_word]
        if not words:
            return None
        if len(words) >= 2 and words[1] in self.thousand:  # "two thousand ..."
            base = self.units.get(words[0])
            rest = words[2:]
            if base is None:
                return None
            if len(rest) >= 2 and rest[1] in self.hundred:
                h = self.units.get(rest[0])
                small = self._small(rest[2:])
                return None if h is None or small is None else base * 1000 + h * 100 + small
            small = self._small(rest)
            return None if small is None else base * 1000 + small
        first = words[0]
        century = self.teens.get(first, self.tens.get(first) if self.tens.get(first) == 20 else None)
        if century is None:
            return None
        rest = words[1:]
        if rest and rest[0] in self.hundred:
            small = self._small(rest[1:])
            return None if small is None else century * 100 + small
        if rest and rest[0] in self.zeros:
            small = self._small(rest[1:])
            return None if small is None or small > 9 else century * 100 + small
        small = self._small(rest)
        if small is None or small < 10:
            return None
        return century * 100 + small

    def decade_value(self, text: str) -> int | None:
        words = [w for w in self._words(text) if w != self.and_word and w != "the"]
        if len(words) == 2 and words[1].endswith("s") and words[1][:-1] in self.thousand:
            base = self.units.get(words[0])
            return base * 1000 if base else None  # "the two thousands"
        if not words or words[-1] not in self.decade_plurals:
            return None
        plural = self.decade_plurals[words[-1]]
        head = words[:-1]
        if len(head) == 2 and head[1] in self.thousand and head[0] in self.units:
            return self.units[head[0]] * 1000 + plural
        if len(head) == 1:
            c = self.teens.get(head[0], 20 if self.tens.get(head[0]) == 20 else None)
            return c * 100 + plural if c is not None else None
        return None
