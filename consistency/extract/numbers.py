"""Finding numbers in text and reading them as intervals.

``find_numbers`` returns every number it can read: numerals ("2,030", "2.5"), numerals with a
scale ("2.5 thousand", "$4.2bn"), number words ("two thousand", "a dozen"), vague round
quantities ("hundreds of"), multipliers ("twofold", "3 times"), ranges ("150-200", "between
150 and 200"), percentages and money.  The qualifier around a number ("more than", "about")
becomes bounds, following ``rules/qualifiers.toml``.  Which of these numbers are *claims* (and
about what) is decided later, in :mod:`consistency.extract.quantities`.
"""

from __future__ import annotations

import math
import re
from decimal import Decimal, InvalidOperation
from dataclasses import dataclass, replace
from functools import cached_property
from typing import Any

OPEN = None


@dataclass(frozen=True)
class Interval:
    low: float | None
    high: float | None
    low_exclusive: bool = False
    high_exclusive: bool = False

    def overlaps(self, other: "Interval") -> bool:
        lo_a = -math.inf if self.low is None else self.low
        hi_a = math.inf if self.high is None else self.high
        lo_b = -math.inf if other.low is None else other.low
        hi_b = math.inf if other.high is None else other.high
        if hi_a < lo_b or hi_b < lo_a:
            return False
        if hi_a == lo_b and (self.high_exclusive or other.low_exclusive):
            return False
        if hi_b == lo_a and (other.high_exclusive or self.low_exclusive):
            return False
        return True

    def gap(self, other: "Interval") -> float:
        """Distance between two disjoint intervals (0 when they overlap)."""
        if self.overlaps(other):
            return 0.0
        if self.high is not None and other.low is not None and self.high <= other.low:
            return other.low - self.high
        if other.high is not None and self.low is not None and other.high <= self.low:
            return self.low - other.high
        return 0.0


@dataclass(frozen=True)
class NumberMatch:
    start: int  # span of the whole expression, qualifier included
    end: int
    text: str
    value: float
    low: float | None
    high: float | None
    low_exclusive: bool
    high_exclusive: bool
    qualifier: str  # exact | approx | more_than | at_least | less_than | up_to | at_most | nearly | range | vague
    kind: str  # number | percent | money | multiplier
    unit: str | None  # "percent", an ISO currency code, "times"
    written: str  # numeral | words | mixed
    core_start: int  # span of the number itself
    core_end: int
    is_year_like: bool = False  # a bare four-digit integer that may be a year

    @property
    def interval(self) -> Interval:
        return Interval(self.low, self.high, self.low_exclusive, self.high_exclusive)


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def _num(value: float) -> float:
    return int(value) if float(value).is_integer() and abs(value) < 1e15 else value


class NumberReader:
    """Compiled from the ``numbers``, ``qualifiers`` and ``not_claims`` rule files."""

    def __init__(self, numbers: dict[str, Any], qualifiers: dict[str, Any], not_claims: dict[str, Any]):
        self.words: dict[str, float] = {k.lower(): v for k, v in numbers.get("words", {}).items()}
        self.scales: dict[str, float] = {k.lower(): v for k, v in numbers.get("scales", {}).items()}
        self.scale_abbr: dict[str, float] = {k.lower(): v for k, v in numbers.get("scale_abbreviations", {}).items()}
        self.fractions: dict[str, float] = {k.lower(): v for k, v in numbers.get("fractions", {}).items()}
        self.vague: dict[str, list[float]] = {k.lower(): v for k, v in numbers.get("vague", {}).items()}
        mult = dict(numbers.get("multipliers", {}))
        self.multiplier_suffixes: list[str] = mult.pop("suffixes", [])
        self.multiplier_words: dict[str, float] = {k.lower(): v for k, v in mult.items()}
        self.zero_words: list[str] = numbers.get("zero", {}).get("words", [])
        self.percent_signs: list[str] = numbers.get("percent", {}).get("signs", [])
        currencies = numbers.get("currencies", {})
        self.currency_symbols: dict[str, str] = currencies.get("symbols", {})
        self.currency_names: dict[str, str] = {k.lower(): v for k, v in currencies.get("names", {}).items()}
        self.tolerances: dict[str, float] = qualifiers.get("tolerances", {})
        self.before: dict[str, dict] = {k.lower(): v for k, v in qualifiers.get("before", {}).items()}
        self.after: dict[str, dict] = {k.lower(): v for k, v in qualifiers.get("after", {}).items()}
        ranges = qualifiers.get("ranges", {})
        self.range_connectors: list[str] = ranges.get("connectors", ["-", "–", "—", "to"])
        self.range_openers: list[str] = ranges.get("openers", ["between", "from"])
        self.change_cues: list[str] = ranges.get("change_cues", [])
        masks = not_claims.get("masks", {}).get("mask_patterns", [])
        self.mask = re.compile("|".join(f"(?:{p})" for p in masks)) if masks else None
        labels = not_claims.get("labels", {})
        self.label_words = [w.rstrip(".").lower() for w in labels.get("words", [])]
        self.list_connectors = labels.get("list_connectors", [",", "and"])
        years = not_claims.get("years", {})
        self.year_min = int(years.get("min", 1800))
        self.year_max = int(years.get("max", 2100))
        self.year_cues = {w.lower() for w in years.get("year_cues", [])}

    # -- compiled patterns ---------------------------------------------------------------
    @cached_property
    def _core(self) -> re.Pattern[str]:
        numeral = r"(?<![\w.,])(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
        guard = r"(?![\w]|[.,]\d)"
        scale_words = _alternation(list(self.scales))
        abbr = _alternation(list(self.scale_abbr))
        word_tokens = _alternation(list(self.words) + list(self.scales) + list(self.fractions))
        words = rf"\b(?:{word_tokens})(?:(?:\s+|-|\s+and\s+|\s+a\s+)(?:{word_tokens}))*\b"
        return re.compile(
            rf"(?P<numeral>{numeral}(?:(?:\s+|-)(?P<scale>{scale_words})s?\b|\s?(?P<abbr>{abbr})\b|{guard}))"
            rf"|(?P<words>{words})",
            re.IGNORECASE,
        )

    @cached_property
    def _vague_re(self) -> re.Pattern[str]:
        return re.compile(rf"\b(?P<vague>{_alternation(list(self.vague))})\s+of\b", re.IGNORECASE)

    @cached_property
    def _multiplier_re(self) -> re.Pattern[str]:
        return re.compile(rf"\b(?P<mult>{_alternation(list(self.multiplier_words))})\b", re.IGNORECASE)

    @cached_property
    def _before_re(self) -> re.Pattern[str]:
        return re.compile(rf"(?:^|(?<=[\s(\"']))(?P<q>{_alternation(list(self.before))})\s*$", re.IGNORECASE)

    @cached_property
    def _after_re(self) -> re.Pattern[str]:
        return re.compile(rf"^\s*(?P<q>{_alternation(list(self.after))})(?!\w)", re.IGNORECASE)

    @cached_property
    def _percent_re(self) -> re.Pattern[str]:
        return re.compile(rf"^\s?(?P<p>{_alternation(self.percent_signs)})(?!\w)", re.IGNORECASE)

    @cached_property
    def _currency_before_re(self) -> re.Pattern[str]:
        return re.compile(rf"(?<![A-Za-z])(?P<c>{_alternation(list(self.currency_symbols))})\s?$")

    @cached_property
    def _currency_after_re(self) -> re.Pattern[str]:
        names = list(self.currency_names) + [k for k in self.currency_symbols if k.isalpha()]
        return re.compile(rf"^\s?(?P<c>{_alternation(names)})\b", re.IGNORECASE)

    @cached_property
    def _suffix_re(self) -> re.Pattern[str]:
        return re.compile(rf"^(?:-|\s)?(?P<s>{_alternation(self.multiplier_suffixes)})\b", re.IGNORECASE)

    @cached_property
    def _label_re(self) -> re.Pattern[str]:
        connectors = "|".join(re.escape(c) if not c.isalpha() else rf"\s{c}" for c in self.list_connectors)
        return re.compile(
            rf"\b(?:{_alternation(self.label_words)})\.?\s*(?:\d+[a-z]?\s*(?:{connectors})\s*)*$",
            re.IGNORECASE,
        )

    @cached_property
    def _range_re(self) -> re.Pattern[str]:
        return re.compile(rf"^\s*(?P<conn>{_alternation(self.range_connectors)}|and)\s*", re.IGNORECASE)

    # -- reading -------------------------------------------------------------------------
    def parse_words(self, text: str) -> float | None:
        tokens = [t for t in re.split(r"[\s-]+", text.lower()) if t and t != "and"]
        total = 0.0
        current = 0.0
        seen_any = False
        last_small = None  # last unit/tens token, to reject "two three"
        pending_fraction = None
        for token in tokens:
            if token in self.fractions:
                pending_fraction = self.fractions[token]
                continue
            if token in self.scales:
                scale = self.scales[token]
                base = current if current else (pending_fraction or 1.0)
                if current and pending_fraction:
                    base = current + pending_fraction
                if scale < 1000:
                    current = base * scale
                else:
                    total += base * scale
                    current = 0.0
                pending_fraction = None
                last_small = None
                seen_any = True
                continue
            if token in self.words:
                if token in ("a", "an") and pending_fraction:
                    continue  # "half a million"
                value = self.words[token]
                if last_small is not None and not (last_small >= 20 and last_small % 10 == 0 and value < 10):
                    return None
                if token in ("a", "an"):
                    value = 1
                current += value
                last_small = value
                seen_any = True
                continue
            return None
        if not seen_any:
            return None
        result = total + current
        if pending_fraction and result == 0:
            return None
        return result

    def _bounds(self, spec: dict, x: float) -> tuple[float | None, float | None, bool, bool]:
        def side(name: str, is_low: bool) -> float | None:
            v = spec.get(name, "x")
            if v == "x":
                return x
            if v == "open":
                return OPEN
            tol_name = {"approx": "approx_tolerance", "near": "near_tolerance", "just": "just_tolerance"}.get(v)
            if tol_name:
                tol = float(self.tolerances.get(tol_name, 0.1))
                return x * (1 - tol) if is_low else x * (1 + tol)
            return x * float(v)

        low, high = side("low", True), side("high", False)
        return (
            None if low is None else _num(round(low, 6)),
            None if high is None else _num(round(high, 6)),
            bool(spec.get("low_exclusive", False)),
            bool(spec.get("high_exclusive", False)),
        )

    def _masked(self, text: str) -> str:
        if not self.mask:
            return text
        return self.mask.sub(lambda m: " " * (m.end() - m.start()), text)

    def find(self, text: str, *, exclude: list[tuple[int, int]] = ()) -> list[NumberMatch]:
        """Every number in ``text`` except inside ``exclude`` spans (dates, times)."""
        scan = self._masked(text)
        if exclude:
            chars = list(scan)
            for s, e in exclude:
                chars[s:e] = " " * (e - s)
            scan = "".join(chars)
        cores = self._cores(scan)
        results: list[NumberMatch] = []
        i = 0
        while i < len(cores):
            core = cores[i]
            match, consumed = self._assemble(text, scan, cores, i)
            i += consumed
            if match is not None:
                results.append(match)
        results.extend(self._vague(scan, text, results))
        results.extend(self._multipliers(scan, text, results))
        results.extend(self._zeros(scan, text, results))
        results.sort(key=lambda m: (m.start, m.end))
        return results

    def _cores(self, scan: str) -> list[tuple[int, int, float, str]]:
        cores = []
        for m in self._core.finditer(scan):
            if m.group("numeral"):
                raw = m.group("numeral")
                digits = re.match(r"[\d,.]+", raw).group()  # type: ignore[union-attr]
                try:
                    exact = Decimal(digits.replace(",", ""))
                except InvalidOperation:
                    continue
                value = float(exact)
                # Decimal arithmetic: "34.2 billion" is 34200000000, not 34200000000.000004.
                if m.group("scale"):
                    value = float(exact * Decimal(str(self.scales[m.group("scale").lower()])))
                    written = "mixed"
                elif m.group("abbr"):
                    value = float(exact * Decimal(str(self.scale_abbr[m.group("abbr").lower()])))
                    written = "mixed"
                else:
                    written = "numeral"
                cores.append((m.start(), m.end(), value, written))
            else:
                words_text = m.group("words")
                start, end = m.start(), m.end()
                # Leading articles count only before a scale or "dozen": "a thousand".
                stripped = re.sub(r"^(?:an?)\s+", "", words_text, flags=re.IGNORECASE)
                tokens = stripped.lower().split()
                if stripped != words_text and tokens and tokens[0] not in self.scales:
                    start += len(words_text) - len(stripped)
                    words_text = stripped
                if words_text.lower() in ("a", "an") or not words_text:
                    continue
                value = self.parse_words(words_text)
                if value is None:
                    # Fall back to the first word alone: "two three-bedroom flats".
                    first = re.match(r"\w+", words_text).group()  # type: ignore[union-attr]
                    value = self.parse_words(first)
                    if value is None:
                        continue
                    end = start + len(first)
                cores.append((start, end, value, "words"))
        return cores

    def _assemble(self, text: str, scan: str, cores: list, i: int) -> tuple[NumberMatch | None, int]:
        start, end, value, written = cores[i]
        consumed = 1
        kind, unit = "number", None
        expr_start, expr_end = start, end
        qualifier, low, high, low_ex, high_ex = "exact", value, value, False, False
        before = scan[max(0, start - 60) : start]

        # Numbers that label something ("Article 5", "Articles 2 and 4").
        if written == "numeral" and re.fullmatch(r"\d+", scan[start:end]) and self._label_re.search(before):
            return None, consumed

        # Currency written before: "$4.2bn", "EUR 300 million".
        cm = self._currency_before_re.search(before)
        if cm:
            kind, unit = "money", self.currency_symbols[cm.group("c")]
            expr_start = start - (len(before) - cm.start())
            before = scan[max(0, expr_start - 60) : expr_start]

        # Ranges: "150-200", "150 to 200", "between 150 and 200".
        if i + 1 < len(cores):
            n_start, n_end, n_value, n_written = cores[i + 1]
            gap = scan[end:n_start]
            rm = self._range_re.match(gap)
            opener = re.search(rf"\b({_alternation(self.range_openers)})\s*$", before, re.IGNORECASE)
            if rm and rm.end() == len(gap):
                conn = rm.group("conn").lower()
                is_between = bool(opener) and opener.group(1).lower() == "between"
                is_change = bool(opener) and opener.group(1).lower() == "from" and self._is_change(before[: opener.start()])
                ok = (conn == "and" and is_between) or (conn != "and" and not is_change)
                both_years = all(self._year_like(v, w, t) for v, w, t in ((value, written, scan[start:end]), (n_value, n_written, scan[n_start:n_end])))
                if ok and n_value > value and not both_years:
                    lo_v, hi_v = value, n_value
                    # "2 to 3 million": the scale of the second applies to the first.
                    if written == "numeral" and n_written == "mixed" and value < n_value / 1000:
                        scale = n_value / float(re.match(r"[\d,.]+", scan[n_start:n_end]).group().replace(",", "") or 1)  # type: ignore[union-attr]
                        lo_v = value * scale
                    qualifier, low, high = "range", lo_v, n_value
                    value = (lo_v + hi_v) / 2
                    end = n_end
                    expr_end = n_end
                    consumed = 2
                    if opener:
                        expr_start = start - (len(before) - opener.start())
                    high = hi_v

        after = scan[end : end + 40]
        # Percent and currency written after.
        pm = self._percent_re.match(after)
        if pm and kind == "number":
            kind, unit = "percent", "percent"
            expr_end = end + pm.end()
        else:
            cm2 = self._currency_after_re.match(after)
            if cm2 and kind == "number":
                name = cm2.group("c")
                unit = self.currency_names.get(name.lower()) or self.currency_symbols.get(name)
                kind = "money"
                expr_end = end + cm2.end()
            sm = self._suffix_re.match(after)
            if sm and kind == "number":
                kind, unit = "multiplier", "times"
                expr_end = end + sm.end()

        # Qualifiers before the number (or before the currency sign).
        if qualifier == "exact":
            qm = self._before_re.search(scan[max(0, expr_start - 40) : expr_start])
            if qm:
                spec = self.before[re.sub(r"\s+", " ", qm.group("q").lower())]
                qualifier = spec["qualifier"]
                low, high, low_ex, high_ex = self._bounds(spec, value)
                expr_start = expr_start - (len(scan[max(0, expr_start - 40) : expr_start]) - qm.start("q"))
            else:
                am = self._after_re.match(scan[expr_end : expr_end + 20])
                if am:
                    spec = self.after[am.group("q").lower()]
                    qualifier = spec["qualifier"]
                    expr_end = expr_end + am.end()
                    low, high, low_ex, high_ex = self._bounds(spec, value)

        is_year_like = (
            written == "numeral"
            and qualifier == "exact"
            and kind == "number"
            and self._year_like(value, written, scan[start:end])
        )
        return (
            NumberMatch(
                start=expr_start,
                end=expr_end,
                text=text[expr_start:expr_end],
                value=_num(value),
                low=None if low is None else _num(low),
                high=None if high is None else _num(high),
                low_exclusive=low_ex,
                high_exclusive=high_ex,
                qualifier=qualifier,
                kind=kind,
                unit=unit,
                written=written,
                core_start=start,
                core_end=end,
                is_year_like=is_year_like,
            ),
            consumed,
        )

    def _year_like(self, value: float, written: str, raw: str) -> bool:
        return written == "numeral" and re.fullmatch(r"\d{4}", raw) is not None and self.year_min <= value <= self.year_max

    def is_year(self, text: str, m: NumberMatch) -> bool:
        """A year-like number used as a year: "in 2021", "the 2022 protests", "2021, when"."""
        if not m.is_year_like:
            return False
        word = re.search(r"([A-Za-z]+)\W*$", text[max(0, m.core_start - 30) : m.core_start])
        if word and word.group(1).lower() in self.year_cues:
            return True
        following = text[m.core_end : m.core_end + 3]
        return not following.strip() or following.lstrip()[:1] in {",", ".", ";", ")", ":", "-", "–", "—", "'"}

    def _is_change(self, before: str) -> bool:
        if not self.change_cues:
            return False
        return re.search(rf"\b(?:{_alternation(self.change_cues)})\b[^.;]{{0,40}}$", before, re.IGNORECASE) is not None

    def _vague(self, scan: str, text: str, found: list[NumberMatch]) -> list[NumberMatch]:
        out = []
        taken = [(m.start, m.end) for m in found]
        for m in self._vague_re.finditer(scan):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            low, high = self.vague[re.sub(r"\s+", " ", m.group("vague").lower())]
            out.append(
                NumberMatch(
                    start=m.start(), end=m.start("vague") + len(m.group("vague")),
                    text=text[m.start() : m.start("vague") + len(m.group("vague"))],
                    value=_num(low), low=_num(low), high=_num(high), low_exclusive=False, high_exclusive=True,
                    qualifier="range", kind="number", unit=None, written="words",
                    core_start=m.start(), core_end=m.start("vague") + len(m.group("vague")),
                )
            )
        return out

    @cached_property
    def _zero_re(self) -> re.Pattern[str]:
        return re.compile(rf"\b(?:{_alternation(self.zero_words)})\b", re.IGNORECASE) if self.zero_words else re.compile(r"(?!)")

    def _zeros(self, scan: str, text: str, found: list[NumberMatch]) -> list[NumberMatch]:
        taken = [(m.start, m.end) for m in found]
        return [
            _zero_match(text, m.start(), m.end())
            for m in self._zero_re.finditer(scan)
            if not any(s < m.end() and m.start() < e for s, e in taken)
        ]

    def _multipliers(self, scan: str, text: str, found: list[NumberMatch]) -> list[NumberMatch]:
        out = []
        taken = [(m.start, m.end) for m in found]
        for m in self._multiplier_re.finditer(scan):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            value = self.multiplier_words[m.group("mult").lower()]
            out.append(
                NumberMatch(
                    start=m.start(), end=m.end(), text=text[m.start() : m.end()], value=_num(value),
                    low=_num(value), high=_num(value), low_exclusive=False, high_exclusive=False,
                    qualifier="exact", kind="multiplier", unit="times", written="words",
                    core_start=m.start(), core_end=m.end(),
                )
            )
        return out


def _zero_match(text: str, start: int, end: int) -> NumberMatch:
    return NumberMatch(
        start=start, end=end, text=text[start:end], value=0, low=0, high=0, low_exclusive=False,
        high_exclusive=False, qualifier="exact", kind="number", unit=None, written="zero-word",
        core_start=start, core_end=end,
    )


def with_bounds(m: NumberMatch, **changes: Any) -> NumberMatch:
    return replace(m, **changes)
