"""Finding numbers in text and reading them as intervals.

``find_numbers`` returns every number it can read: numerals ("2,030", "2.5"), numerals with a
scale ("2.5 thousand", "$4.2bn"), number words ("two thousand", "a dozen"), vague round
quantities ("hundreds of"), multipliers ("twofold", "3 times"), ranges ("150-200", "between
150 and 200"), shares ("one in five", "seven out of 10", "one over three"), lists written without
spaces ("nos. 22,24,26"), decimal commas where no thousands reading is possible ("1,5"),
percentages, money and measures with their unit ("40 cm", "6 feet 2 inches", from
``rules/units.toml``).  The qualifier around a number ("more than",
"about") becomes bounds, following ``rules/qualifiers.toml``.  Which of these numbers are *claims* (and
about what) is decided later, in :mod:`consistency.extract.quantities`.
"""

from __future__ import annotations

import math
import re
from decimal import Decimal, InvalidOperation
from dataclasses import dataclass, replace
from functools import cached_property
from typing import Any

from consistency.extract.casefold import fold
from consistency.extract.trie import trie_pattern

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
    unit: str | None  # "percent", an ISO currency code, "times", a unit of measurement (units.toml)
    written: str  # numeral | words | mixed
    core_start: int  # span of the number itself
    core_end: int
    is_year_like: bool = False  # a bare four-digit integer that may be a year
    # Where the unit of measurement written after the number ends ("40 cm", "a 45-acre"), when
    # ``unit`` is one (kind "number"); ``end`` stops before it, so what follows the number is
    # still read from ``end`` by the claim stages that skip the unit themselves.
    unit_end: int | None = None
    # Where the expression starts without a qualifier before it: "$ 14 million" in "about $ 14 million".
    bare_start: int | None = None
    # A share that may be a tally ("268 out of 600 seats"): its numerator and denominator read
    # as numbers of their own, for the claim stage to count when a counted thing follows.
    parts: tuple["NumberMatch", ...] = ()

    @property
    def measure_end(self) -> int:
        """The end of the number with its unit of measurement ("40 cm", "3-inch")."""
        return self.unit_end if self.unit_end is not None else self.end

    @property
    def interval(self) -> Interval:
        return Interval(self.low, self.high, self.low_exclusive, self.high_exclusive)


def _alternation(words: list[str]) -> str:
    """A regex matching any of ``words``, longest first (a trie: see consistency/extract/trie.py)."""
    return trie_pattern(words)


MAX_NUMBER_WORDS = 30  # words after the first in one number written in words


_CLAUSE_END = re.compile(r"\s*(?:[.,;:!?)\]]|$)")


def _round_base(value: float) -> bool:
    """A base that states a share rather than a tally: ten or less, or a power of ten ("seven out
    of 10", "one out of 1,000"); "268 out of 600" and "13 out of 15" count things."""
    return value <= 10 or math.log10(value).is_integer()


def _num(value: float) -> float:
    return int(value) if float(value).is_integer() and abs(value) < 1e15 else value


class NumberReader:
    """Compiled from the ``numbers``, ``qualifiers`` and ``not_claims`` rule files."""

    def __init__(self, numbers: dict[str, Any], qualifiers: dict[str, Any], not_claims: dict[str, Any],
                 units: dict[str, Any] | None = None):
        self.words: dict[str, float] = {k.lower(): v for k, v in numbers.get("words", {}).items()}
        self.scales: dict[str, float] = {k.lower(): v for k, v in numbers.get("scales", {}).items()}
        # "three dozens", "five hundreds": a plural scale counts only after a number
        self.plural_scales: dict[str, float] = {k + "s": v for k, v in self.scales.items()}
        self.article_one_before: list[str] = [w.lower() for w in numbers.get("article_one", {}).get("before", [])]
        self.pronoun_one_after: list[str] = [w.lower() for w in numbers.get("pronoun_one", {}).get("after", [])]
        self.scale_abbr: dict[str, float] = {k.lower(): v for k, v in numbers.get("scale_abbreviations", {}).items()}
        self.scale_abbr_cased: dict[str, float] = dict(numbers.get("scale_abbreviations_cased", {}))
        self.scale_letters: dict[str, float] = dict(numbers.get("scale_letters", {}))
        # denominators: "half"/"quarter" and the ordinals, singular and plural
        self.fractions: dict[str, float] = {k.lower(): v for k, v in numbers.get("fractions", {}).items()}
        self.ordinals: dict[str, float] = {k.lower(): v for k, v in numbers.get("ordinals", {}).items()}
        self.denominators: dict[str, tuple[float, bool]] = {}  # word -> (denominator, plural)
        for word, d in self.ordinals.items():
            self.denominators[word] = (d, False)
            self.denominators[word + "s"] = (d, True)
        for word, d in self.fractions.items():
            self.denominators[word] = (d, word.endswith("s"))
        ratios = numbers.get("ratios", {})
        self.ratio_connectors: list[str] = [w.lower() for w in ratios.get("connectors", [])]
        self.ratio_not_before: list[str] = [w.lower() for w in ratios.get("not_before", [])]
        self.tally_connectors: set[str] = {w.lower() for w in ratios.get("tally_connectors", [])}
        self.clause_end_connectors: set[str] = {w.lower() for w in ratios.get("clause_end_connectors", [])}
        self.slash_denominators = {int(d) for d in numbers.get("slash_fractions", {}).get("denominators", [])}
        self.vulgar: dict[str, float] = dict(numbers.get("vulgar_fractions", {}))
        signs = numbers.get("signs", {})
        self.sign_symbols: list[str] = signs.get("symbols", ["-"])
        self.sign_words: list[str] = [w.lower() for w in signs.get("words", [])]
        self.point_words: list[str] = [w.lower() for w in numbers.get("decimal_point", {}).get("words", [])]
        self.vague: dict[str, list[float]] = {k.lower(): v for k, v in numbers.get("vague", {}).items()}
        mult = dict(numbers.get("multipliers", {}))
        self.multiplier_suffixes: list[str] = mult.pop("suffixes", [])
        self.multiplier_words: dict[str, float] = {k.lower(): v for k, v in mult.items()}
        self.zero_words: list[str] = numbers.get("zero", {}).get("words", [])
        self.percent_signs: list[str] = numbers.get("percent", {}).get("signs", [])
        currencies = numbers.get("currencies", {})
        self.currency_symbols: dict[str, str] = currencies.get("symbols", {})
        self.dollar_prefixes: dict[str, str] = {k.lower(): v for k, v in currencies.get("dollar_prefixes", {}).items()}
        self.currency_names: dict[str, str] = {k.lower(): v for k, v in currencies.get("names", {}).items()}
        self.subunits: dict[str, str] = {k.lower(): v for k, v in currencies.get("subunits", {}).items()}
        # "30 MUSD", "MEUR 120": an ISO code with a scale letter in front (finance shorthand)
        codes = {k for k in self.currency_symbols if re.fullmatch(r"[A-Z]{3}", k)}
        self.scaled_codes: dict[str, tuple[str, float]] = {
            prefix + code: (self.currency_symbols[code], float(factor))
            for prefix, factor in currencies.get("code_scales", {}).items() for code in codes
        }
        self.subunit_factor = float(currencies.get("subunit_factor", 0.01))
        self._read_units(units or {}, numbers.get("units", {}))
        self.tolerances: dict[str, float] = qualifiers.get("tolerances", {})
        self.before: dict[str, dict] = {k.lower(): v for k, v in qualifiers.get("before", {}).items()}
        self.after: dict[str, dict] = {k.lower(): v for k, v in qualifiers.get("after", {}).items()}
        self.after_not_before: list[str] = qualifiers.get("after_rules", {}).get("not_before", [])
        self.inclusive_phrases: list[str] = qualifiers.get("inclusive", {}).get("phrases", [])
        self.two_sided_joiners: list[str] = qualifiers.get("two_sided", {}).get("joiners", [])
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

    def _read_units(self, units: dict[str, Any], legacy: dict[str, Any]) -> None:
        """``rules/units.toml``: unit -> dimension, names and symbols; a flat ``[units]`` table of
        an older numbers.toml (``names``/``symbols`` -> unit) is still read."""
        self.unit_names: dict[str, str] = {k.lower(): v for k, v in legacy.get("names", {}).items()}
        self.unit_symbols: dict[str, str] = dict(legacy.get("symbols", {}))
        self.unit_dimensions: dict[str, str] = {}
        for unit, spec in units.get("units", {}).items():
            self.unit_dimensions[unit] = spec.get("dimension", "")
            self.unit_names.update({n.lower(): unit for n in spec.get("names", [])})
            self.unit_symbols.update({sym: unit for sym in spec.get("symbols", [])})
        words = units.get("adjectives", {}).get("words", []) or legacy.get("dimension_words", [])
        self.dimension_words: list[str] = [w.lower() for w in words]
        compounds = dict(units.get("compounds", {}))
        self.compound_part_symbols: dict[str, str] = dict(compounds.pop("part_symbols", {}))
        self.compounds: dict[str, dict[str, float]] = {k: {u: float(f) for u, f in v.items()} for k, v in compounds.items()}
        # words that are a unit only when the sentence speaks of what the unit measures
        self.ambiguous_units: dict[str, tuple[str, frozenset[str]]] = {}
        for spec in units.get("ambiguous", {}).values():
            cues = frozenset(c.lower() for c in spec.get("cues", []))
            self.ambiguous_units.update({n.lower(): (spec["unit"], cues) for n in spec.get("names", [])})

    # -- compiled patterns ---------------------------------------------------------------
    @cached_property
    def _core(self) -> re.Pattern[str]:
        sign = _alternation(self.sign_symbols)
        # a sign spaced from its number ("= - 5") only after "=" or an opening bracket: at the
        # start of a line "- 12 soldiers" is a list bullet, and "toll - 10 people" a dash
        spaced = r"(?:(?<=[=(\[])|(?<=[=(\[]\s))%s\s(?=\d)" % sign
        lead = r"(?:(?<![\w.,/%s])(?P<neg>%s|%s(?=\.?\d))|(?<![\w.,/]))" % (
            "".join(re.escape(c) for c in self.sign_symbols), spaced, sign)
        vulgar = "".join(re.escape(c) for c in self.vulgar) or "(?!)"
        plain = (
            # a decimal comma where no thousands reading is possible: "1.234,56", "5,00", "1,3"
            r"(?P<dcomma>\d{1,3}(?:\.\d{3})+,\d{1,2}|\d{1,3},\d{1,2})(?!\d|[.,]\d)"
            r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?"  # 1,234,567.89
            r"|\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?"  # 12,34,567.89 (South Asian grouping)
            r"|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:\.\d+)?(?![\d,]|\.\d)"  # 1 234 567
            r"|\d+(?:\.\d+)?|\.\d+"
        )
        fraction = r"(?:(?P<fwhole>\d{1,3})\s{1,2})?(?P<fnum>\d{1,4})/(?P<fden>\d{1,4})(?![\d/])"
        vulgars = rf"(?P<vwhole>\d{{1,3}})?(?P<vulgar>[{vulgar}])"
        guard = r"(?![\w]|[.,]\d)"
        scale_words = _alternation(list(self.scales))
        abbr = _alternation(list(self.scale_abbr))
        cased = _alternation(list(self.scale_abbr_cased)) or "(?!)"
        letters = "|".join(
            (f"[{k}{k.upper()}]" if k.islower() else re.escape(k)) for k in self.scale_letters
        ) or "(?!)"
        halves = _alternation([w for w in self.fractions if not w.endswith("s")])
        gunits = _alternation([u for u in self.unit_symbols if " " not in u]) or "(?!)"
        # "115USD", "100元", "30MUSD": a currency code or sign glued after the numeral
        gcur = _alternation([c for c in self.currency_symbols if re.fullmatch(r"[A-Z]{3}", c) or not c.isascii()]
                            + list(self.scaled_codes)) or "(?!)"
        return re.compile(
            rf"{lead}(?:(?P<frac>{fraction})|(?P<vul>{vulgars})|(?P<numeral>(?P<digits>{plain})"
            rf"(?:(?:\s+|-)(?P<scale>{scale_words})s?\b(?P<andfrac>\s+and\s+(?:an?|one)\s+(?P<andden>{halves})\b)?"
            rf"|\s?(?P<abbr>{abbr})\b|\s?(?-i:(?P<cased>{cased}))\b|(?P<lsp>\s?)(?-i:(?P<letter>{letters}))\b|(?-i:(?P<gunit>{gunits}))(?!\w)|(?-i:(?P<gcur>{gcur}))(?!\w)|{guard})))"
            rf"|(?P<words>{self._words_pattern})",
            re.IGNORECASE,
        )

    @cached_property
    def _words_pattern(self) -> str:
        tokens = _alternation(list(self.words) + list(self.scales) + list(self.plural_scales) + list(self.denominators)
                              + self.point_words)
        sep = r"(?:\s?-\s?|\s+and\s+|\s+of\s+an?\s+|\s+)"
        # Bounded: the longest number in words has a dozen or so; a run of thousands ("a-a-a-...")
        # read again from each of its words would make reading quadratic.
        return rf"\b(?:{tokens})(?:{sep}(?:{tokens})){{0,{MAX_NUMBER_WORDS}}}\b"

    @cached_property
    def _plain_numeral(self) -> re.Pattern[str]:
        return re.compile(r"\d+(?:\.\d+)?(?![\w]|[.,]\d)")

    @cached_property
    def _sign_word_re(self) -> re.Pattern[str]:
        if not self.sign_words:
            return re.compile(r"(?!)")
        return re.compile(rf"(?:^|(?<=[\s(\"']))(?:{_alternation(self.sign_words)})\s+$", re.IGNORECASE)

    @cached_property
    def _singular_fraction_ok(self) -> re.Pattern[str]:
        # "a fifth of", "one third.", "a quarter million": a fraction, not an ordinal
        return re.compile(rf"^(?:\s+of\b|\s*[.,;:!?)\]\"']|\s*$|\s+(?:{_alternation(list(self.scales))})\b)", re.IGNORECASE)

    @cached_property
    def _vague_re(self) -> re.Pattern[str]:
        return re.compile(rf"\b(?P<vague>{_alternation(list(self.vague))})\s+of\b", re.IGNORECASE)

    @cached_property
    def _multiplier_re(self) -> re.Pattern[str]:
        return re.compile(rf"\b(?P<mult>{_alternation(list(self.multiplier_words))})\b", re.IGNORECASE)

    @cached_property
    def _before_re(self) -> re.Pattern[str]:
        # a sign glued to a word may start a qualifier ("x>30"); not the tail of another operator
        # ("<>30" is "not equal", not "more than 30")
        return re.compile(rf"(?:(?<![\w<>=!])|(?<=\w)(?=[<>=≤≥]))(?P<q>{_alternation(list(self.before))})\s*$",
                          re.IGNORECASE)

    @cached_property
    def _after_re(self) -> re.Pattern[str]:
        stop = _alternation(self.after_not_before) or "(?!)"
        # "20 or more than 30 ships": the phrase belongs to 30; a dangling "200 or greater than" is 200's
        return re.compile(rf"^(?:\s*|-)(?P<q>{_alternation(list(self.after))})(?!\w)(?!\s+(?:{stop})\b\s*[\w$€£¥])",
                          re.IGNORECASE)

    @cached_property
    def _inclusive_re(self) -> re.Pattern[str]:
        phrases = _alternation(self.inclusive_phrases) or "(?!)"
        # not "more than 5,000 or equal to 6,000": there "equal to" belongs to the next number
        return re.compile(rf"^\s*,?\s*(?P<q>{phrases})(?!\w)(?!\s*(?:to\s+)?[-−\d$€£¥])", re.IGNORECASE)

    @cached_property
    def _percent_re(self) -> re.Pattern[str]:
        return re.compile(rf"^\s?(?P<p>{_alternation(self.percent_signs)})(?!\w)", re.IGNORECASE)

    @cached_property
    def _currency_before_re(self) -> re.Pattern[str]:
        # a one-letter prefix only glued and in capitals ("C$"): "a $5 loan" is not in AUD
        long_prefixes = _alternation([k for k in self.dollar_prefixes if len(k.rstrip(".")) > 1]) or "(?!)"
        letters = "".join(re.escape(k.upper()) for k in self.dollar_prefixes if len(k.rstrip(".")) == 1) or "(?!)"
        return re.compile(
            rf"(?<![A-Za-z.])(?:(?:(?i:(?P<pfx>{long_prefixes}))\s?|(?P<pfx1>[{letters}]))(?P<dollar>\$)"
            rf"|(?P<c>{_alternation(list(self.currency_symbols) + list(self.scaled_codes))}))\s?$"
        )

    @cached_property
    def _currency_after_re(self) -> re.Pattern[str]:
        names = list(self.currency_names) + [k for k in self.currency_symbols if k.isalpha()]
        signs = [k for k in self.currency_symbols if not any(ch.isalpha() for ch in k)]
        return re.compile(
            rf"^(?:(?:\s|-)?(?-i:(?P<sc>{_alternation(list(self.scaled_codes)) or '(?!)'}))\b"
            rf"|(?:\s|-)?(?P<c>{_alternation(names)})\b|\s?(?P<sym>{_alternation(signs)})(?!\s?\d))",
            re.IGNORECASE,
        )

    @cached_property
    def _scale_after_re(self) -> re.Pattern[str]:
        return re.compile(rf"^\s+(?P<s>{_alternation([k for k, v in self.scales.items() if v >= 1000])})\b", re.IGNORECASE)

    @cached_property
    def _subunit_re(self) -> re.Pattern[str]:
        return re.compile(rf"^(?:\s|-)?(?P<c>{_alternation(list(self.subunits)) or '(?!)'})\b", re.IGNORECASE)

    def _currency_code(self, name: str) -> str | None:
        if name in self.currency_symbols:
            return self.currency_symbols[name]
        lower = name.lower()
        if lower in self.currency_names:
            return self.currency_names[lower]
        return next((v for k, v in self.currency_symbols.items() if k.lower() == lower), None)

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
        parsed = self._parse_phrase(text)
        return parsed[0] if parsed and parsed[1] != "ordinal" else None

    def _parse_int(self, tokens: list[str]) -> tuple[float, float, float | None, bool] | None:
        """An integer in words: (total of the big-scale groups, trailing group, last big scale,
        whether the last token is a big scale)."""
        total = 0.0
        current = 0.0
        seen_any = False
        last_small = None  # last unit/tens token, to reject "two three"
        last_big = None
        prev_scale = None
        for token in tokens:
            if token == "and":
                continue
            if token in self.plural_scales and token not in self.scales:
                if not seen_any or token != tokens[-1]:
                    return None  # "dozens" alone is vague; "three dozens" is 36
                token = token[:-1]
            if token in self.scales:
                scale = self.scales[token]
                if scale < 100 and last_small is not None:
                    current += last_small * (scale - 1)  # "three hundred and two dozen": 300 + 24
                elif scale < 1000:
                    current = (current or 1.0) * scale
                elif not current and prev_scale is not None and scale > prev_scale and total:
                    total *= scale  # "lakh crore", "thousand million"
                else:
                    total += (current or 1.0) * scale
                    current = 0.0
                if scale >= 1000:
                    last_big = scale
                prev_scale = scale
                last_small = None
                seen_any = True
                continue
            if token in self.words:
                value = 1.0 if token in ("a", "an") else self.words[token]
                if last_small is not None and not (last_small >= 20 and last_small % 10 == 0 and value < 10):
                    return None
                current += value
                last_small = value
                prev_scale = None
                seen_any = True
                continue
            return None
        if not seen_any:
            return None
        last = tokens[-1][:-1] if tokens and tokens[-1] in self.plural_scales else (tokens[-1] if tokens else "")
        ends_big = last in self.scales and self.scales[last] >= 1000
        return total, current, last_big, ends_big

    def _parse_phrase(self, text: str) -> tuple[float, str] | None:
        """A phrase of number words: (value, how) with how "int", "fraction" (a proper fraction
        of something), "singular" (a singular denominator: "a fifth") or "ordinal" (not a count).
        None when the words do not make one number."""
        toks = [t for t in re.split(r"[\s-]+", text.lower()) if t]
        if not toks:
            return None
        for pw in self.point_words:
            if pw in toks:
                i = toks.index(pw)
                left = self._parse_phrase(" ".join(toks[:i])) if i else (0.0, "int")
                digits = toks[i + 1 :]
                if left is None or left[1] != "int" or not digits or not float(left[0]).is_integer():
                    return None
                if all(d in self.words and d not in ("a", "an") and self.words[d] < 10 for d in digits):
                    decimals = "".join(str(int(self.words[d])) for d in digits)
                else:
                    right = self._parse_int(digits)
                    if right is None:
                        return None
                    decimals = str(int(right[0] + right[1]))
                return float(Decimal(int(left[0])) + Decimal("0." + decimals)), "int"
        dens = [i for i, t in enumerate(toks) if t in self.denominators]
        if not dens:
            parsed = self._parse_int(toks)
            return None if parsed is None else (parsed[0] + parsed[1], "int")
        if len(dens) > 1:
            return None
        j = dens[0]
        den_word = toks[j]
        d, plural = self.denominators[den_word]
        num_end = j
        # "twenty-fifths", "three twenty-firsts": a tens word before a unit ordinal joins it
        if (den_word in self.denominators and d < 10 and j >= 2 and toks[j - 1] in self.words
                and 20 <= self.words[toks[j - 1]] < 100 and self.words[toks[j - 1]] % 10 == 0
                and toks[j - 2] != "and"):
            d += self.words[toks[j - 1]]
            num_end = j - 1
        elif d < 3 and den_word not in self.fractions:
            return 0.0, "ordinal"  # "first", "second" are ordinals except in compounds
        pre = toks[:num_end]
        rest = toks[j + 1 :]
        left_total, left_current, left_big = 0.0, 0.0, None
        if "and" in pre:
            k = len(pre) - 1 - pre[::-1].index("and")
            mid, left = pre[k + 1 :], pre[:k]
            simple = len(mid) == 1 and (mid[0] in ("a", "an") or (mid[0] in self.words and 1 <= self.words[mid[0]] < 10))
            # "two and fifty-four hundredths", "seven and twenty-one hundredths": the whole number
            # and a proper fraction in plural (a singular "one hundred and fifth" is an ordinal)
            parsed_mid = None if simple or not plural else self._parse_int(mid)
            proper = parsed_mid is not None and 0 < parsed_mid[0] + parsed_mid[1] < d
            if (simple or proper) and left:
                parsed_left = self._parse_int(left)
                if parsed_left is None:
                    return None
                left_total, left_current, left_big, _ = parsed_left
                if proper:
                    numerator = parsed_mid[0] + parsed_mid[1]  # type: ignore[index]
                else:
                    numerator = 1.0 if mid[0] in ("a", "an") else self.words[mid[0]]
            else:
                parsed = self._parse_int(pre)
                if parsed is None:
                    return None
                numerator = parsed[0] + parsed[1]
                if not plural and numerator != 1 and den_word not in self.fractions:
                    return 0.0, "ordinal"  # "the one hundred and fifth anniversary": the 105th
        elif pre:
            parsed = self._parse_int(pre)
            if parsed is None:
                return None
            numerator = parsed[0] + parsed[1]
            if not plural and numerator != 1 and den_word not in self.fractions:
                return 0.0, "ordinal"  # "one hundred fifth" is the 105th
        elif den_word in self.fractions:
            numerator = 1.0  # "half a million"
        else:
            return 0.0, "ordinal"  # "fifth", "the twentieth"
        fraction = numerator / d
        # what may follow: "half a million", "two thirds of a million", "five and a half million"
        while rest and rest[0] in ("a", "an", "of"):
            rest = rest[1:]
        scale = 1.0
        for token in rest:
            if token not in self.scales:
                return None
            scale *= self.scales[token]
        if rest:
            value = left_total + (left_current + fraction) * scale
        elif not left_current and left_big:
            value = left_total + fraction * left_big  # "one million and a half"
        else:
            value = left_total + left_current + fraction
        if value < 1 and not rest:
            singular = numerator == 1 and not plural and den_word not in ("half",)
            return value, "singular" if singular else "fraction"
        return value, "int"

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

    @cached_property
    def _unit_token_re(self) -> re.Pattern[str]:
        # a unit symbol with digits ("km2", "24703m2") looks like an identifier ("MH17") to the masks
        symbols = _alternation([u for u in self.unit_symbols if re.search(r"\d", u)]) or "(?!)"
        return re.compile(rf"(?:\d[\d,.]*\s?)?(?:{symbols})")

    def _masked(self, text: str) -> str:
        if not self.mask:
            return text
        return self.mask.sub(
            lambda m: m.group() if self._unit_token_re.fullmatch(m.group()) else " " * (m.end() - m.start()), text)

    def find(self, text: str, *, exclude: list[tuple[int, int]] = ()) -> list[NumberMatch]:
        """Every number in ``text`` except inside ``exclude`` spans (dates, times)."""
        text = fold(text)
        scan = self._masked(text)
        if exclude:
            chars = list(scan)
            for s, e in exclude:
                chars[s:e] = " " * (e - s)
            scan = "".join(chars)
        unlisted, listed = self._lists(scan)
        tallies: dict[tuple[int, int], tuple] = {}
        cores = self._cores(unlisted)
        if listed:
            cores = sorted(cores + listed, key=lambda c: c[0])
        cores = self._join_ratios(scan, self._join_mixed(scan, cores), tallies)
        results: list[NumberMatch] = []
        i = 0
        while i < len(cores):
            core = cores[i]
            match, consumed = self._assemble(text, scan, cores, i)
            i += consumed
            if match is not None and (core[0], core[1]) in tallies:
                parts = [self._assemble(text, scan, [part], 0)[0] for part in tallies[core[0], core[1]]]
                match = replace(match, parts=tuple(p for p in parts if p is not None))
            if match is not None:
                results.append(match)
                while i < len(cores) and cores[i][0] < match.measure_end:
                    i += 1  # read as part of this one: "3 dollars 50 cents", "6 feet 2 inches"
        results = self._two_sided(scan, text, results)
        results.extend(self._vague(scan, text, results))
        results.extend(self._multipliers(scan, text, results))
        results.extend(self._zeros(scan, text, results))
        results.sort(key=lambda m: (m.start, m.end))
        # A numeral of hundreds of digits ("999...9", "1,000,000,...") overflows to infinity: it
        # is no reading of anything, and JSON has no infinity.
        return [m for m in results if all(x is None or math.isfinite(x) for x in (m.value, m.low, m.high))]

    @cached_property
    def _joiner_re(self) -> re.Pattern[str]:
        joiners = _alternation(self.two_sided_joiners) or "(?!)"
        return re.compile(rf"^\s*,?\s*(?:{joiners})\s*$", re.IGNORECASE)

    def _two_sided(self, scan: str, text: str, found: list[NumberMatch]) -> list[NumberMatch]:
        """"above 1,000 and below 1,500", "at most 100 and at least 20": one interval."""
        lower = {"more_than", "at_least"}
        upper = {"less_than", "at_most", "up_to"}
        out: list[NumberMatch] = []
        i = 0
        while i < len(found):
            a = found[i]
            if i + 1 < len(found):
                b = found[i + 1]
                pair = (a, b) if a.qualifier in lower and b.qualifier in upper else (
                    (b, a) if a.qualifier in upper and b.qualifier in lower else None)
                if (pair and a.kind == b.kind and a.unit == b.unit and self._joiner_re.match(scan[a.end : b.start])
                        and pair[0].low is not None and pair[1].high is not None and pair[0].low < pair[1].high):
                    lo, hi = pair
                    out.append(NumberMatch(
                        start=a.start, end=b.end, text=text[a.start : b.end], value=_num((lo.low + hi.high) / 2),
                        low=lo.low, high=hi.high, low_exclusive=lo.low_exclusive, high_exclusive=hi.high_exclusive,
                        qualifier="range", kind=a.kind, unit=a.unit, written=a.written, core_start=a.core_start,
                        core_end=b.core_end,
                    ))
                    i += 2
                    continue
            out.append(a)
            i += 1
        return out

    _LIST_RE = re.compile(r"(?<![\w.,/])\d{1,3}(?:,\d{1,3})+(?![\w,]|\.\d)")
    _THOUSANDS_RE = re.compile(r"\d{1,3}(?:,\d{3})+|\d{1,2}(?:,\d{2})+,\d{3}")

    def _lists(self, scan: str) -> tuple[str, list]:
        """"nos. 22,24,26,31": numbers listed with commas and no spaces, where the groups cannot
        be thousands (a group after a comma that is not three digits).  Two numbers ("4,5") are
        a list only after a label ("Nos. 4,5"); elsewhere a decimal comma.  Each item is a core of
        its own; the list is blanked from the text the numerals are read in, so that no other
        reading takes it (the label and qualifier rules still see it)."""
        items: list = []
        if "," not in scan:
            return scan, items
        for m in self._LIST_RE.finditer(scan):
            if self._THOUSANDS_RE.fullmatch(m.group()):
                continue
            if m.group().count(",") == 1 and not self._label_re.search(scan[max(0, m.start() - 60) : m.start()]):
                continue
            pos = m.start()
            for item in m.group().split(","):
                items.append((pos, pos + len(item), float(item), "numeral", "number", None))
                pos += len(item) + 1
            scan = scan[: m.start()] + " " * (m.end() - m.start()) + scan[m.end() :]
        return scan, items

    def _smallest_scale(self, text: str) -> float | None:
        found = [self.scales[w] for w in re.findall(r"[a-z]+", text.lower()) if w in self.scales and self.scales[w] >= 100]
        return min(found) if found else None

    def _join_mixed(self, scan: str, cores: list) -> list:
        """"4 thousand 3 hundred and 21", "6 crore and two hundred": numerals written with scale
        words, followed by smaller parts, are one number (each part below the last scale)."""
        out: list = []
        for core in cores:
            if out:
                start, end, value, written, sort, unit = out[-1]
                n_start, n_end, n_value, n_written, n_sort, n_unit = core
                # "2.5 million 300 people" is no such number: the first part is a whole numeral
                smallest = self._smallest_scale(scan[start:end]) if written == "mixed" and "." not in scan[start:end] else None
                if (smallest and sort == n_sort == "number" and unit is None and n_unit is None
                        and float(value).is_integer() and float(n_value).is_integer() and 0 < n_value < smallest
                        and value > 0 and re.fullmatch(r"\s+(?:and\s+)?", scan[end:n_start])
                        and (n_written != "numeral" or re.fullmatch(r"\d{1,3}", scan[n_start:n_end]))):
                    out[-1] = (start, n_end, value + n_value, "mixed", sort, None)
                    continue
            out.append(core)
        return out

    @cached_property
    def _ratio_gap_re(self) -> re.Pattern[str]:
        connectors = self.ratio_connectors + sorted(self.tally_connectors | self.clause_end_connectors)
        return re.compile(rf"\s+(?P<conn>{_alternation(connectors) or '(?!)'})\s+", re.IGNORECASE)

    @cached_property
    def _ratio_stop_re(self) -> re.Pattern[str]:
        return re.compile(rf"^\s*(?:{_alternation(self.ratio_not_before) or '(?!)'})\b", re.IGNORECASE)

    def _join_ratios(self, scan: str, cores: list, tallies: dict | None = None) -> list:
        """"one in five", "1 in 10", "two out of five hundred", "one over three": the share N/M,
        one fraction.  A share that may be a tally ("268 out of 600") keeps its two parts in
        ``tallies``, keyed by the share's span."""
        out: list = []
        for core in cores:
            if out:
                start, end, value, written, sort, unit = out[-1]
                n_start, n_end, n_value, n_written, n_sort, n_unit = core
                gap = (sort == n_sort == "number" and unit is None and n_unit is None and 0 < abs(value) < n_value
                       and float(value).is_integer() and float(n_value).is_integer()
                       and self._ratio_gap_re.fullmatch(scan[end:n_start]))
                conn = re.sub(r"\s+", " ", gap.group("conn").lower()) if gap else ""
                # "one over three" but "over 300 people", "rose 3 over 20 years": "over" is "more than"
                # unless the denominator ends the clause
                clause_end = conn not in self.clause_end_connectors or _CLAUSE_END.match(scan, n_end)
                if (gap and clause_end and not self._year_like(n_value, n_written, scan[n_start:n_end])
                        and not self._ratio_stop_re.match(scan[n_end : n_end + 20])):
                    if tallies is not None and conn in self.tally_connectors and not _round_base(n_value):
                        tallies[start, n_end] = (out[-1], core)
                    out[-1] = (start, n_end, value / n_value, "mixed" if written != n_written else written, "fraction", None)
                    continue
            out.append(core)
        return out

    def _cores(self, scan: str) -> list[tuple[int, int, float, str, str, str | None]]:
        """(start, end, value, written, sort, unit) of every number; sort is "number" or
        "fraction", unit a unit of measurement glued to a numeral ("10kg") or None."""
        cores = []
        pos = 0
        core_re = self._core
        while True:
            m = core_re.search(scan, pos)
            if not m:
                break
            pos = m.end()
            sort = "number"
            unit = None
            if m.group("words") is None:
                start, end = m.start(), m.end()
                neg = bool(m.group("neg"))
                if neg and re.search(r"\d\s*$", scan[max(0, start - 12) : start]):
                    neg = False  # "150 -200": a range, not a sign
                    start += len(m.group("neg"))
                num_start = m.start("neg") + len(m.group("neg")) if m.group("neg") else start
                if m.group("frac"):
                    whole = int(m.group("fwhole")) if m.group("fwhole") else 0
                    num, den = int(m.group("fnum")), int(m.group("fden"))
                    if den not in self.slash_denominators or not 0 < num < den:
                        if whole:
                            # "2 1/2" is not a fraction here: read the whole number alone
                            pm = self._plain_numeral.match(scan, num_start)
                            if pm:
                                cores.append((start, pm.end(), float(pm.group()) * (-1 if neg else 1), "numeral", sort, None))
                                pos = pm.end()
                            continue
                        pos = m.start("fden") + len(m.group("fden"))
                        continue
                    value = whole + num / den
                    written = "numeral"
                    if value < 1:
                        sort = "fraction"
                elif m.group("vul"):
                    value = (int(m.group("vwhole")) if m.group("vwhole") else 0) + self.vulgar[m.group("vulgar")]
                    written = "numeral"
                    if value < 1:
                        sort = "fraction"
                else:
                    if m.group("dcomma"):
                        digits = m.group("dcomma").replace(".", "").replace(",", ".")
                    else:
                        digits = re.sub(r"[\s,]", "", m.group("digits"))
                    try:
                        exact = Decimal(digits)
                    except InvalidOperation:
                        continue
                    value = float(exact)
                    # Decimal arithmetic: "34.2 billion" is 34200000000, not 34200000000.000004.
                    if m.group("scale"):
                        scale = Decimal(str(self.scales[m.group("scale").lower()]))
                        if m.group("andfrac"):
                            exact += Decimal(1) / Decimal(str(self.fractions[m.group("andden").lower()]))
                        value = float(exact * scale)
                        written = "mixed"
                    elif m.group("abbr"):
                        value = float(exact * Decimal(str(self.scale_abbr[m.group("abbr").lower()])))
                        written = "mixed"
                    elif m.group("cased"):
                        value = float(exact * Decimal(str(self.scale_abbr_cased[m.group("cased")])))
                        written = "mixed"
                    elif m.group("letter"):
                        if self._letter_is_scale(scan, m):
                            key = m.group("letter")
                            factor = self.scale_letters.get(key, self.scale_letters.get(key.lower()))
                            value = float(exact * Decimal(str(factor)))
                            written = "mixed"
                        else:
                            end = m.end("digits")
                            pos = end
                            written = "numeral"
                            unit = self.unit_symbols.get(m.group("letter"))
                    elif m.group("gunit"):
                        end = m.end("digits")
                        written = "numeral"
                        unit = self.unit_symbols[m.group("gunit")]
                    elif m.group("gcur"):
                        end = m.end("digits")  # the currency is read after the number
                        written = "numeral"
                    else:
                        written = "numeral"
                if not neg:
                    sm = self._sign_word_re.search(scan[max(0, start - 12) : start])
                    if sm:
                        neg = True  # "minus 3 percent"
                        start -= len(scan[max(0, start - 12) : start]) - sm.start()
                if neg:
                    value = -value
                cores.append((start, end, value, written, sort, unit))
                continue
            words_text = m.group("words")
            start, end = m.start(), m.end()
            # Leading articles count only before a scale, "dozen" or a fraction: "a thousand", "a half".
            stripped = re.sub(r"^(?:an?)\s+", "", words_text, flags=re.IGNORECASE)
            tokens = stripped.lower().split()
            if stripped != words_text and tokens and not (tokens[0] in self.scales or re.split(r"-", tokens[0])[0] in self.denominators
                                                          or (re.split(r"-", tokens[0])[-1] in self.denominators
                                                              and self._parse_phrase(words_text) is not None)
                                                          or (len(tokens) > 1 and tokens[1] in self.denominators)):
                start += len(words_text) - len(stripped)
                words_text = stripped
            if words_text.lower() in ("a", "an") and self._article_one_re.match(scan[end : end + 20]):
                cores.append((start, end, 1.0, "words", sort, None))  # "a gallon", "a penny"
                continue
            if words_text.lower() in ("a", "an") or not words_text:
                continue
            if self._pronoun_one(scan, start, words_text) and not self._unit_after_re.match(scan[end : end + 30]):
                continue
            parsed = self._parse_phrase(words_text)
            if parsed is not None and parsed[1] == "singular" and not self._singular_fraction_ok.match(scan[end : end + 20]):
                parsed = (0.0, "ordinal")  # "a third term": an ordinal
            if parsed is not None and parsed[1] == "ordinal":
                continue
            if parsed is None:
                # Fall back to the first word alone: "two three-bedroom flats"; read on after it.
                first = re.match(r"\w+", words_text).group()  # type: ignore[union-attr]
                first_parsed = self._parse_phrase(first)
                pos = start + len(first)
                if first_parsed is None or first_parsed[1] != "int" or first.lower() in ("a", "an"):
                    continue
                value = first_parsed[0]
                end = start + len(first)
            else:
                value = parsed[0]
                if parsed[1] in ("fraction", "singular"):
                    sort = "fraction"
            sm = self._sign_word_re.search(scan[max(0, start - 12) : start])
            if sm:
                value = -value
                start -= len(scan[max(0, start - 12) : start]) - sm.start()
            cores.append((start, end, value, "words", sort, None))
        return cores

    @cached_property
    def _article_one_re(self) -> re.Pattern[str]:
        return re.compile(rf"^\s+(?:{_alternation(self.article_one_before) or '(?!)'})\b", re.IGNORECASE)

    @cached_property
    def _pronoun_before_re(self) -> re.Pattern[str]:
        words = _alternation(self.pronoun_one_after) or "(?!)"
        return re.compile(rf"(?:^|(?<![\w'-]))(?:{words})\s+$", re.IGNORECASE)

    def _pronoun_one(self, scan: str, start: int, words_text: str) -> bool:
        """"the one you mentioned", "which one": "one" alone after a determiner is a pronoun."""
        if words_text.lower() != "one" or not self.pronoun_one_after:
            return False
        return self._pronoun_before_re.search(scan[max(0, start - 20) : start]) is not None

    def _letter_is_scale(self, scan: str, m: re.Match) -> bool:
        """"$5m", "£2b", "5m people" read a scale; "1.8m tall", "5 m", "100t" do not."""
        before = scan[max(0, m.start() - 8) : m.start()]
        after = scan[m.end() : m.end() + 40]
        if self._currency_before_re.search(before) or self._currency_after_re.match(after):
            return True
        if m.group("letter") not in self.scale_letters and m.group("letter").lower() not in self.scale_letters:
            return False  # "100t": the capital-only "T" in lower case
        if m.group("lsp"):
            return False  # "5 m": a unit symbol
        if m.group("letter") not in self.unit_symbols:
            return True  # "10M", "1.2b": glued, and no unit is written so
        if re.search(r"\ban?\s+$", before, re.IGNORECASE):
            return False  # "a 1.8m fence": a measure used as an adjective
        word = re.match(r"\s+([A-Za-z]+)", after)
        if not word:
            return False
        return word.group(1).lower() not in self.dimension_words and word.group(1).lower() not in self.unit_names

    def _assemble(self, text: str, scan: str, cores: list, i: int) -> tuple[NumberMatch | None, int]:
        start, end, value, written, sort, measure_unit = cores[i]
        consumed = 1
        kind, unit = ("fraction", None) if sort == "fraction" else ("number", None)
        expr_start, expr_end = start, end
        unit_end: int | None = None
        qualifier, low, high, low_ex, high_ex = "exact", value, value, False, False
        before = scan[max(0, start - 60) : start]

        # Numbers that label something ("Article 5", "Articles 2 and 4").
        if written == "numeral" and re.fullmatch(r"\d+", scan[start:end]) and self._label_re.search(before):
            return None, consumed

        # Currency written before: "$4.2bn", "EUR 300 million", "HK$ 10", "C $ 1.34".
        cm = self._currency_before_re.search(before)
        if cm:
            if cm.group("dollar"):
                unit = self.dollar_prefixes[(cm.group("pfx") or cm.group("pfx1")).lower()]
            elif cm.group("c") in self.scaled_codes:
                unit, factor = self.scaled_codes[cm.group("c")]
                value = low = high = value * factor
            else:
                unit = self.currency_symbols[cm.group("c")]
            kind = "money"
            expr_start = start - (len(before) - cm.start())
            before = scan[max(0, expr_start - 60) : expr_start]

        # Ranges: "150-200", "150 to 200", "between 150 and 200", "-18 to -34".
        if i + 1 < len(cores):
            n_start, n_end, n_value, n_written, n_sort, n_unit = cores[i + 1]
            gap = scan[end:n_start]
            # "44 mg to 50 mg", "$350 to $680": the unit or sign may be written with both numbers
            unit_gap = self._range_unit_gap(gap, n_start, scan)
            rm = self._range_re.match(unit_gap[0])
            opener = re.search(rf"\b({_alternation(self.range_openers)})\s*$", before, re.IGNORECASE)
            if rm and rm.end() == len(unit_gap[0]) and n_sort == sort:
                conn = rm.group("conn").lower()
                is_between = bool(opener) and opener.group(1).lower() == "between"
                is_change = bool(opener) and opener.group(1).lower() == "from" and self._is_change(before[: opener.start()])
                ok = (conn == "and" and is_between) or (conn != "and" and not is_change)
                both_years = all(self._year_like(v, w, t) for v, w, t in ((value, written, scan[start:end]), (n_value, n_written, scan[n_start:n_end])))
                ascending = n_value > value or (value < 0 and n_value < value)  # "-18 to -34 degrees"
                # "rose by 25% to 34,500 tonnes": a percent and a measure are no range
                other_unit = unit_gap[1] is not None and self._unit_after_re.match(scan[n_end : n_end + 30])
                # "from 44 ml to 50 mg": two measures, not one range
                second = self._unit_after_re.match(scan[n_end : n_end + 30])
                second_unit = n_unit or (self._unit_of(second) if second else None)
                first_unit = measure_unit or unit_gap[2]
                other_unit = other_unit or bool(first_unit and second_unit and first_unit != second_unit)
                # "fell 42% to 3.1 billion crowns": a percent and a scaled amount are no range
                other_unit = other_unit or bool(unit_gap[1] and unit_gap[1][0] == "percent" and n_written == "mixed")
                if ok and ascending and not both_years and not other_unit:
                    measure_unit = measure_unit or n_unit or unit_gap[2]
                    lo_v, hi_v = value, n_value
                    # "2 to 3 million": the scale of the second applies to the first.
                    if written == "numeral" and n_written == "mixed" and 0 < value < n_value / 1000:
                        digits = re.match(r"[\d,.]+", scan[n_start:n_end].lstrip("-−"))
                        scale = n_value / float(digits.group().replace(",", "") or 1) if digits else 1  # type: ignore[union-attr]
                        lo_v = value * scale
                    lo_v, hi_v = min(lo_v, hi_v), max(lo_v, hi_v)
                    qualifier, low, high = "range", lo_v, hi_v
                    value = (lo_v + hi_v) / 2
                    end = n_end
                    expr_end = n_end
                    consumed = 2
                    if unit_gap[1] and kind == "number":
                        kind, unit = unit_gap[1]
                    if unit is None and measure_unit is None:
                        um = self._unit_after_re.match(scan[end : end + 30])
                        measure_unit = self._unit_of(um) if um else None
                    if opener:
                        expr_start = expr_start - (len(before) - opener.start())

        after = scan[end : end + 40]
        # Percent and currency written after.
        pm = self._percent_re.match(after)
        if pm and kind in ("number", "fraction"):
            kind, unit = "percent", "percent"
            expr_end = end + pm.end()
        elif kind in ("number", "fraction"):
            cm2 = self._currency_after_re.match(after)
            su = self._subunit_re.match(after)
            if cm2 and cm2.group("c") and self._ambiguous_unit_meant(scan, expr_start, cm2.group("c")):
                cm2 = su = None  # "the baby weighed 7 pounds": a weight, read below as a unit
            if cm2 and cm2.group("sc"):
                unit, factor = self.scaled_codes[cm2.group("sc")]
                kind = "money"
                value = low = high = value * factor
                expr_end = end + cm2.end()
            elif cm2:
                unit = self._currency_code(cm2.group("c") or cm2.group("sym"))
                kind = "money"
                expr_end = end + cm2.end()
                # "75 USD million": the scale after the code
                sw = self._scale_after_re.match(scan[expr_end : expr_end + 20])
                if sw and written == "numeral" and qualifier == "exact":
                    value = low = high = float(Decimal(str(value)) * Decimal(str(self.scales[sw.group("s").lower()])))
                    expr_end += sw.end()
                # "3 dollars 50 cents", "thirteen dollars and forty-five cents"
                compound = self._compound_re.match(scan[expr_end : expr_end + 40])
                if compound and qualifier == "exact":
                    cents = self._cents_value(compound.group("n"))
                    if cents is not None and 0 < cents < 100:
                        value = low = high = value + cents * self.subunit_factor
                        expr_end += compound.end()
            elif su:
                kind, unit = "money", self.subunits[su.group("c").lower()]
                expr_end = end + su.end()
            else:
                sm = self._suffix_re.match(after)
                if sm:
                    kind, unit = "multiplier", "times"
                    expr_end = end + sm.end()
                else:
                    um = self._unit_after_re.match(after) or self._ambiguous_unit_after(scan, expr_start, after)
                    # the longest unit written after the number: "100° Celsius" over the glued "°"
                    unit = (self._unit_of(um) if um else None) or measure_unit
                    if unit is not None:
                        # "1/4 mile", "half a mile": a length, not a share of something
                        kind = "number"
                        unit_end = end + um.end() if um else None
                        if unit_end is not None and unit in self.compounds and qualifier == "exact":
                            part = self._compound_part(scan, unit_end, unit)
                            if part:
                                value = low = high = value + part[0]
                                unit_end = part[1]

        bare_start = expr_start
        # Qualifiers before the number (or before the currency sign), and after it.
        if qualifier == "exact":
            window = scan[max(0, expr_start - 40) : expr_start]
            qm = self._before_re.search(window)
            am = self._after_re.match(scan[expr_end : expr_end + 20])
            after_spec = self.after[am.group("q").lower()] if am else None
            before_spec = self.before[re.sub(r"\s+", " ", qm.group("q").lower())] if qm else None
            if before_spec and not (after_spec and after_spec["qualifier"] != "approx" and before_spec["qualifier"] in ("approx", "exact")):
                spec = before_spec
                qualifier = spec["qualifier"]
                low, high, low_ex, high_ex = self._bounds(spec, value)
                expr_start = expr_start - (len(window) - qm.start("q"))
                im = self._inclusive_re.match(scan[expr_end : expr_end + 30])
                if im and (low_ex or high_ex):
                    # "less than 5,000 or equal": the figure itself is included
                    qualifier = "at_least" if low_ex else "at_most"
                    low_ex = high_ex = False
                    expr_end += im.end()
            elif after_spec:
                qualifier = after_spec["qualifier"]
                expr_end = expr_end + am.end()
                low, high, low_ex, high_ex = self._bounds(after_spec, value)

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
                unit_end=None if unit_end is None else max(unit_end, expr_end),
                bare_start=bare_start,
            ),
            consumed,
        )

    def _range_unit_gap(self, gap: str, n_start: int, scan: str) -> tuple[str, tuple[str, str] | None, str | None]:
        """The gap between two numbers without a unit written with both: "% to", " mg to $",
        "- to " (in "8- to 16-metre"); with the kind and unit, and the unit of measurement."""
        pm = self._percent_re.match(gap)
        if pm:
            return gap[pm.end():], ("percent", "percent"), None
        cm = self._currency_after_re.match(gap)
        if cm and cm.group("c"):
            return gap[cm.end():], ("money", self._currency_code(cm.group("c")) or ""), None
        cb = self._currency_before_re.search(gap)
        if cb:
            return gap[: cb.start()], None, None
        um = self._unit_after_re.match(gap)
        if um:
            return gap[um.end():], None, self._unit_of(um)
        if gap.startswith("-") and re.match(r"-\s+\S", gap):
            return gap[1:], None, None  # "8- to 16-metre"
        return gap, None, None

    @cached_property
    def _unit_after_re(self) -> re.Pattern[str]:
        names = _alternation(list(self.unit_names)) or "(?!)"
        symbols = _alternation(list(self.unit_symbols)) or "(?!)"
        return re.compile(rf"^(?:(?:\s|-)(?P<name>{names})\b|\s?(?-i:(?P<sym>{symbols}))(?![\w]))", re.IGNORECASE)

    @cached_property
    def _compound_part_re(self) -> re.Pattern[str]:
        words = _alternation([w for w in self.words if w not in ("a", "an")])
        names = _alternation(list(self.unit_names)) or "(?!)"
        symbols = _alternation(list(self.unit_symbols) + list(self.compound_part_symbols)) or "(?!)"
        return re.compile(
            rf"^\s+(?:and\s+)?(?P<n>\d{{1,4}}(?:\.\d+)?|(?:{words})(?:[\s-](?:{words}))?)"
            rf"(?:(?:\s|-)(?i:(?P<name>{names}))\b|\s?(?P<sym>{symbols})(?![\w])(?!\s*\d))"
        )

    def _compound_part(self, scan: str, at: int, unit: str) -> tuple[float, int] | None:
        """"6 feet 2 inches": (the second part in the first unit, where it ends), or None."""
        cm = self._compound_part_re.match(scan[at : at + 40])
        if not cm:
            return None
        if cm.group("name"):
            part_unit = self.unit_names.get(cm.group("name").lower())
        else:
            part_unit = self.unit_symbols.get(cm.group("sym")) or self.compound_part_symbols.get(cm.group("sym"))
        factor = self.compounds[unit].get(part_unit or "")
        n = float(cm.group("n")) if cm.group("n")[0].isdigit() else self.parse_words(cm.group("n"))
        if not factor or n is None or not 0 < n < factor:
            return None
        return n / factor, at + cm.end()

    def _ambiguous_unit_meant(self, scan: str, start: int, word: str) -> bool:
        """Whether an ambiguous word after a number ("pounds") is the unit of measurement: a cue
        of what the unit measures stands a few words before, in the same clause ("weighed 7
        pounds", "lost 25 pounds"; not "weighed 7 pounds, while the club paid 30 million pounds")."""
        spec = self.ambiguous_units.get(word.lower())
        if spec is None:
            return False
        clause = re.split(r"[.!?;,:]", scan[max(0, start - 80) : start])[-1]
        return any(w.lower() in spec[1] for w in re.findall(r"[A-Za-z]+", clause)[-6:])

    @cached_property
    def _ambiguous_after_re(self) -> re.Pattern[str]:
        names = _alternation(list(self.ambiguous_units)) or "(?!)"
        return re.compile(rf"^(?:\s|-)(?P<name>{names})\b", re.IGNORECASE)

    def _ambiguous_unit_after(self, scan: str, start: int, after: str) -> re.Match | None:
        am = self._ambiguous_after_re.match(after)
        return am if am and self._ambiguous_unit_meant(scan, start, am.group("name")) else None

    def _unit_of(self, um: re.Match) -> str | None:
        if um.re is self._ambiguous_after_re:
            return self.ambiguous_units[um.group("name").lower()][0]
        if um.group("name"):
            return self.unit_names.get(um.group("name").lower()) or next(
                (v for k, v in self.unit_names.items() if k.lower() == um.group("name").lower()), None)
        return self.unit_symbols.get(um.group("sym"))

    @cached_property
    def _compound_re(self) -> re.Pattern[str]:
        words = _alternation(list(self.words))
        return re.compile(
            # the subunit word may be left out at the end of a clause: "it costs 15 dollars 50."
            rf"^\s*(?:and\s+)?(?P<n>\d{{1,2}}|(?:{words})(?:[\s-](?:{words}))?)"
            rf"(?:(?:\s|-)(?:{_alternation(list(self.subunits))})\b|(?=\s*(?:[.;!?]|$)))",
            re.IGNORECASE,
        )

    def _cents_value(self, raw: str) -> float | None:
        if raw.isdigit():
            return float(raw)
        return self.parse_words(raw)

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
