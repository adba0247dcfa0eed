#!/usr/bin/env python3
"""Extraction accuracy against other projects' test suites (issue 7).

Runs the number and date readers of ``consistency`` over the English test specs of Microsoft
Recognizers-Text and of quantulum3 and reports, per file and overall, precision / recall / F1
(or accuracy), next to the targets of the issue, and every miss grouped by its cause.  The
suites are read from ``../shared/peer-suites/`` beside the project (``CONSISTENCY_PEER_SUITES``
overrides the folder); they are never copied into the project.  This script only measures: it
does not change the extractor.

    python benchmarks/accuracy.py                                  # summary on stdout
    python benchmarks/accuracy.py --markdown benchmarks/accuracy.md --json accuracy.json
    python benchmarks/accuracy.py --sample 3                       # every 3rd case of each file
    python benchmarks/accuracy.py --write-floor benchmarks/accuracy_floor.json

How each suite is read (the decisions behind the figures; repeated in the markdown report):

* Numbers are read with ``vocab.numbers.find(text)`` without excluding dates, so years are
  numbers too (NumberModel and quantulum3 list them as numbers).  A reading *matches* an
  expected item when its span overlaps the expected span and its value is equal (relative
  tolerance 1e-9); "value+span" also needs the exact span (Recognizers' ``End`` is inclusive),
  "value+bounds" the same interval, "value+unit" the same unit.  Matching is one-to-one.
* NumberModel: every reading counts, spans are the number itself (``core_start:core_end``,
  without qualifier, currency sign or percent sign, as upstream), and a range ("150-200") counts
  as its two numbers.  A number written glued to a unit of measurement ("180ml", "29km") is one
  token, a measurement: upstream's NumberModel does not list it as a number (its DimensionModel
  does), so this view leaves it out; a scale letter glued to a numeral ("10k", "2.5m") is a number.
  NumberRangeModel: only readings with a bound-stating qualifier count
  (more/less than, at least/most, up to, nearly, ranges) or an exact number stated with a phrase
  before it ("equal to 20" is [20, 20], as upstream), with the whole expression as span; the
  value of an interval is its finite end points; "Conventions" below lists where the checker's
  reading is counted right against upstream's.  PercentModel: percent readings.
  CurrencyModel: money readings without the qualifier before them ("$ 14 million" of "about $ 14
  million", as upstream), unit compared as ISO code.  DimensionModel: readings that carry
  a unit of measurement (``rules/units.toml``) other than a temperature (upstream reads those
  with its TemperatureModel), spanned from the number to the end of the unit without the
  qualifier; the unit compared by canonical name (upstream's "Square meter" is our "square
  meter").
* Dates are read with ``vocab.dates.find`` and placed with ``vocab.dates.resolve`` at the case's
  ``Context.ReferenceDateTime``.  DateExtractor: readings to the day (a month-and-year is a
  period, upstream's "daterange"), exact span.  Parsers and DateTimeModel: for each expected
  item the reading that overlaps it most is resolved; it is right when it equals upstream's past
  or future resolution (upstream gives both and leaves the choice to the caller).  A period is
  compared as [start, end) with end exclusive (our inclusive last day + 1), and also as upstream's
  inclusive "from 4 to 22" form; a range of months or years that upstream stops where its last
  one begins is counted right under "Conventions" below.  Kinds the reader does not produce (durations, times of day,
  recurring sets, open-ended "after 2016") count as misses.
* quantulum3: value recall only; the surface is looked up in the sentence, a range is right when
  our low/high are value -/+ uncertainty (or our value is the midpoint).  errors.json: each input
  goes through the number and date readers and through the whole claim pipeline; any exception
  counts as a raise.

Cases excluded by a filter are listed in ``EXCLUSIONS`` with the reason, and counted in the
report.  The result is deterministic: same rules, same data, same figures.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import re
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any, Callable, Iterable

ROOT = Path(__file__).resolve().parents[1]
PEER_ENV = "CONSISTENCY_PEER_SUITES"


def peer_suites_dir() -> Path:
    env = os.environ.get(PEER_ENV)
    return Path(env) if env else ROOT.parent / "shared" / "peer-suites"


# --------------------------------------------------------------------------------------------
# Files, metrics, targets
# --------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class SuiteFile:
    name: str  # short name used in tables and floor keys
    path: str  # relative to the peer-suites folder
    family: str  # numbers | units | date-extractor | date-parser | datetime-model | quantulum | errors


FILES = [
    SuiteFile("NumberModel", "recognizers-text/Number/NumberModel.json", "numbers"),
    SuiteFile("NumberRangeModel", "recognizers-text/Number/NumberRangeModel.json", "numbers"),
    SuiteFile("PercentModel", "recognizers-text/Number/PercentModel.json", "numbers"),
    SuiteFile("CurrencyModel", "recognizers-text/NumberWithUnit/CurrencyModel.json", "units"),
    SuiteFile("DimensionModel", "recognizers-text/NumberWithUnit/DimensionModel.json", "units"),
    SuiteFile("DateExtractor", "recognizers-text/DateTime/DateExtractor.json", "date-extractor"),
    SuiteFile("DateParser", "recognizers-text/DateTime/DateParser.json", "date-parser"),
    SuiteFile("DatePeriodParser", "recognizers-text/DateTime/DatePeriodParser.json", "date-parser"),
    SuiteFile("DurationParser", "recognizers-text/DateTime/DurationParser.json", "date-parser"),
    SuiteFile("DateTimeModel", "recognizers-text/DateTime/DateTimeModel.json", "datetime-model"),
    SuiteFile("quantulum3/quantities", "quantulum3/quantities.json", "quantulum"),
    SuiteFile("quantulum3/errors", "quantulum3/errors.json", "errors"),
]

# Which metrics each file reports, in table order.
METRICS: dict[str, list[str]] = {
    "NumberModel": ["value", "value+span"],
    "NumberRangeModel": ["value", "value+span", "value+bounds"],
    "PercentModel": ["value", "value+span"],
    "CurrencyModel": ["value", "value+span", "value+unit"],
    "DimensionModel": ["value", "value+span", "value+unit"],
    "DateExtractor": ["span", "span (overlap)"],
    "DateParser": ["value accuracy"],
    "DatePeriodParser": ["value accuracy"],
    "DurationParser": ["value accuracy"],
    "DateTimeModel": ["value accuracy"],
    "quantulum3/quantities": ["value recall"],
    "quantulum3/errors": ["raises"],
}

# Targets of the issue: (file, metric) -> (figure, threshold).  "raises" is a count, at most.
TARGETS: dict[tuple[str, str], tuple[str, float]] = {
    ("NumberModel", "value"): ("f1", 0.95),
    ("NumberRangeModel", "value"): ("f1", 0.95),
    ("NumberRangeModel", "value+bounds"): ("f1", 0.90),
    ("CurrencyModel", "value+unit"): ("f1", 0.85),
    ("DimensionModel", "value+unit"): ("f1", 0.85),
    ("DateExtractor", "span"): ("f1", 0.90),
    ("DateParser", "value accuracy"): ("accuracy", 0.85),
    ("DatePeriodParser", "value accuracy"): ("accuracy", 0.85),
    ("DurationParser", "value accuracy"): ("accuracy", 0.85),
    ("quantulum3/quantities", "value recall"): ("recall", 0.90),
    ("quantulum3/errors", "raises"): ("raises", 0),
}

# "Overall" rows: micro-averages over the files of a group, per metric.
OVERALL = [
    ("numbers (Number + NumberRange + Percent)", ["NumberModel", "NumberRangeModel", "PercentModel"],
     ["value", "value+span"]),
    ("units (Currency + Dimension)", ["CurrencyModel", "DimensionModel"], ["value", "value+span", "value+unit"]),
    ("date parsers (Date + DatePeriod + Duration)", ["DateParser", "DatePeriodParser", "DurationParser"],
     ["value accuracy"]),
    ("all date value suites (+ DateTimeModel)", ["DateParser", "DatePeriodParser", "DurationParser", "DateTimeModel"],
     ["value accuracy"]),
]


@dataclass
class Counts:
    gold: int = 0
    pred: int = 0
    tp: int = 0

    def add(self, other: "Counts") -> None:
        self.gold += other.gold
        self.pred += other.pred
        self.tp += other.tp

    @property
    def precision(self) -> float:
        if self.pred == 0:
            return 1.0 if self.gold == 0 else 0.0
        return self.tp / self.pred

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def accuracy(self) -> float:  # for value-accuracy metrics tp = correct, gold = items
        return self.recall


@dataclass
class Miss:
    cause: str
    example: str


@dataclass
class FileResult:
    suite: SuiteFile
    cases: int = 0
    cases_used: int = 0
    excluded: Counter = field(default_factory=Counter)  # filter name -> cases or items
    metrics: dict[str, Counts] = field(default_factory=dict)
    misses: list[Miss] = field(default_factory=list)
    by_type: dict[str, Counts] = field(default_factory=dict)  # DateTimeModel per TypeName
    negatives_with_reading: int = 0  # cases expecting nothing where we read something
    negatives: int = 0
    seconds: float = 0.0
    raised: list[str] = field(default_factory=list)
    conventions: Counter = field(default_factory=Counter)  # convention name -> items it decided

    def metric(self, name: str) -> Counts:
        return self.metrics.setdefault(name, Counts())

    def miss(self, cause: str, example: str) -> None:
        self.misses.append(Miss(cause, example))


# --------------------------------------------------------------------------------------------
# Exclusions: the only cases (or items) left out, each with its reason
# --------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Exclusion:
    name: str
    reason: str
    files: tuple[str, ...]
    level: str  # what is dropped: the whole case, or one expected item (and readings overlapping it)


EXCLUSIONS = [
    Exclusion(
        "assistant command",
        "a command to a calendar assistant ('Cortana, please set up a Skype call ...', 'schedule a meeting "
        "...', 'book ...', 'set OOO ...'): imperative assistant phrasing that news text does not use",
        ("DateExtractor", "DateParser", "DatePeriodParser", "DurationParser", "DateTimeModel"),
        "case",
    ),
    Exclusion(
        "no number",
        "an expected unit or currency word without a number ('dollar', 'metric ton', 'mcg', 'percent' "
        "alone): the checker reads figures, not mentions of units",
        ("PercentModel", "CurrencyModel", "DimensionModel"),
        "item",
    ),
    Exclusion(
        "kitchen measures",
        "recipe units (tablespoon, teaspoon, cup, tbsp): not the measurements news reports check",
        ("DimensionModel", "quantulum3/quantities"),
        "case",
    ),
    Exclusion(
        "exponent notation",
        "powers and e-notation ('1.1^23', '1e10', '6.23x10^-4', '2.48×10−5', '8x2^10'): calculator and "
        "programming notation, not news prose",
        ("NumberModel", "quantulum3/quantities"),
        "the case in NumberModel (the expression is the whole input), the item in quantulum3",
    ),
    # Digits that are no quantity: a news checker must not compare them as figures, and the reader
    # deliberately leaves them unread (rules/not_claims.toml masks).  Each is found by its shape.
    Exclusion(
        "IP address",
        "the four dot-separated parts of an IP address ('10.0.0.1'): an address, not four numbers",
        ("NumberModel",),
        "item",
    ),
    Exclusion(
        "phone number",
        "the digit groups of a phone number ('+44 20 7946 0958', '555-010-4477'): a number to dial, not figures",
        ("NumberModel",),
        "item",
    ),
    Exclusion(
        "identifier code",
        "the digits of a capitalised code joined by a hyphen ('MH-17', 'COVID-19', 'SCP-173'): a name, not a count",
        ("NumberModel",),
        "item",
    ),
    Exclusion(
        "numeric date",
        "the day, month and year of a date written with '/', '.' or '-' ('5/17/2018', '2018-05-17'): the date"
        " reader reads it as a date, and its parts are no quantities",
        ("NumberModel",),
        "item",
    ),
]

ASSISTANT_RE = re.compile(
    r"^\s*(?:cortana\b|(?:please\s+)?(?:schedule|book|set up|set ooo|set out of office|help me book|remind me)\b)"
    r"|\bcortana\b",
    re.IGNORECASE,
)
KITCHEN_RE = re.compile(r"\b(?:tablespoons?|teaspoons?|tbsp|tsp|cups?)\b", re.IGNORECASE)
EXPONENT_RE = re.compile(r"\d\s*\^|\d[eE][+\-−]?\d|\d\s*[x×]\s*10\s*\^?[\-−]?\d|\d\s*[x×]\s*\d+\^")
# Shapes of digits that are no quantity (the exclusions above): found by their form, never by a case's text.
NOT_QUANTITY_SHAPES = [
    ("IP address", re.compile(r"(?<![\w.])\d{1,3}(?:\.\d{1,3}){3}(?!\w|\.\d)")),
    ("phone number", re.compile(r"(?<![\w+])\+\d{1,3}(?:[-\s./]?\(?\d{1,4}\)?){2,}"
                                r"|(?<![\w-])\(?\d{3}\)?[-.\s]\d{3}[-.]\d{4}(?![\w-])")),
    ("identifier code", re.compile(r"(?<![\w-])[A-Z]{2,}-\d+(?![\w-])")),
    ("numeric date", re.compile(r"(?<![\w/.-])\d{1,4}([/.-])\d{1,2}\1\d{2,4}(?![\w/-]|[.-]\d)")),
]


def not_quantity(text: str, span: tuple[int, int]) -> str | None:
    """The exclusion whose shape (IP address, phone number, code, numeric date) holds ``span``."""
    for name, shape in NOT_QUANTITY_SHAPES:
        if any(m.start() <= span[0] and span[1] <= m.end() for m in shape.finditer(text)):
            return name
    return None


def _exclusion(name: str) -> Exclusion:
    return next(e for e in EXCLUSIONS if e.name == name)


def excluded_case(suite: str, text: str, exclude: bool = True) -> str | None:
    if not exclude:
        return None
    if suite in _exclusion("assistant command").files and ASSISTANT_RE.search(text):
        return "assistant command"
    if suite in _exclusion("kitchen measures").files and KITCHEN_RE.search(text):
        return "kitchen measures"
    return None


# --------------------------------------------------------------------------------------------
# Small helpers
# --------------------------------------------------------------------------------------------

def close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(float(a), float(b), rel_tol=1e-9, abs_tol=1e-12)


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def load_cases(path: Path) -> list[Any]:
    return json.loads(path.read_text(encoding="utf-8-sig"))


def model_span(r: dict) -> tuple[int, int]:
    """Recognizers' spans: model specs have an inclusive End, extractor/parser specs a Length."""
    if "End" in r:
        return r["Start"], r["End"] + 1
    return r["Start"], r["Start"] + r["Length"]


def excerpt(text: str, span: tuple[int, int] | None = None, width: int = 90) -> str:
    text = text.replace("\n", " ")
    if len(text) <= width or span is None:
        return text if len(text) <= width else text[: width - 1] + "…"
    mid = (span[0] + span[1]) // 2
    start = max(0, min(mid - width // 2, len(text) - width))
    out = text[start : start + width]
    return ("…" if start else "") + out + ("…" if start + width < len(text) else "")


def fmt_num(v: Any) -> str:
    if v is None:
        return "None"
    if isinstance(v, float):
        if v.is_integer() and abs(v) < 1e15:
            return str(int(v))
        return f"{v:.6g}"
    return str(v)


def fmt_interval(low: Any, high: Any, low_ex: bool, high_ex: bool) -> str:
    left = "(" if (low is None or low_ex) else "["
    right = ")" if (high is None or high_ex) else "]"
    return f"{left}{'' if low is None else fmt_num(low)},{'' if high is None else fmt_num(high)}{right}"


def ref_date(case: dict) -> date | None:
    raw = (case.get("Context") or {}).get("ReferenceDateTime")
    return date.fromisoformat(raw[:10]) if raw else None


def sampled(cases: list[Any], every: int) -> Iterable[tuple[int, Any]]:
    for i, case in enumerate(cases):
        if every <= 1 or i % every == 0:
            yield i, case


# --------------------------------------------------------------------------------------------
# Readings
# --------------------------------------------------------------------------------------------

@dataclass
class Reading:
    start: int
    end: int
    text: str
    value: float | None
    low: float | None = None
    high: float | None = None
    low_ex: bool = False
    high_ex: bool = False
    unit: str | None = None
    kind: str = "number"
    written: str = ""
    year_like: bool = False
    qualifier: str = "exact"

    @property
    def span(self) -> tuple[int, int]:
        return self.start, self.end


def _reading(m: Any, text: str, *, core: bool = False) -> Reading:
    s, e = (m.core_start, m.core_end) if core else (m.start, m.end)
    return Reading(
        start=s, end=e, text=text[s:e], value=m.value, low=m.low, high=m.high, low_ex=m.low_exclusive,
        high_ex=m.high_exclusive, unit=m.unit, kind=m.kind, written=m.written, year_like=m.is_year_like,
        qualifier=m.qualifier,
    )


def _split_range(vocab: Any, text: str, m: Any) -> list[Reading] | None:
    """The two numbers of a range reading ("150-200" -> 150 and 200), with their own spans."""
    core = text[m.core_start : m.core_end]
    for cm in re.finditer(r"\s*(?:-|–|—|~|\bto\b|\bthrough\b|\band\b)\s*", core, re.IGNORECASE):
        left, right = core[: cm.start()], core[cm.end() :]
        if not left.strip() or not right.strip():
            continue
        lm, rm = vocab.numbers.find(left), vocab.numbers.find(right)
        if len(lm) == 1 and len(rm) == 1 and close(rm[0].value, m.high):
            a, b = lm[0], rm[0]
            base_r = m.core_start + cm.end()
            return [
                Reading(m.core_start + a.core_start, m.core_start + a.core_end,
                        text[m.core_start + a.core_start : m.core_start + a.core_end], a.value, written=a.written),
                Reading(base_r + b.core_start, base_r + b.core_end,
                        text[base_r + b.core_start : base_r + b.core_end], b.value, written=b.written),
            ]
    return None


def glued_measure(vocab: Any, text: str, m: Any) -> bool:
    """A number written glued to its unit of measurement ("180ml", "29km"): one token, a measurement."""
    units = getattr(vocab.numbers, "unit_dimensions", {})
    return m.kind == "number" and m.unit in units and text[m.core_end : m.core_end + 1].isalpha()


def number_readings(vocab: Any, text: str) -> list[Reading]:
    """NumberModel view: every number, spans without qualifier or sign, ranges as two numbers;
    a measurement glued to its unit is left out (upstream's NumberModel does not list it)."""
    out: list[Reading] = []
    for m in vocab.numbers.find(text):
        if glued_measure(vocab, text, m):
            continue
        if m.qualifier == "range" and m.core_end > m.core_start:
            parts = _split_range(vocab, text, m)
            if parts:
                out.extend(parts)
                continue
        out.append(_reading(m, text, core=True))
    return out


RANGE_QUALIFIERS = {"more_than", "at_least", "less_than", "up_to", "at_most", "nearly", "range"}


def _stated_exact(m: Any, text: str) -> bool:
    """An exact number with a qualifier phrase written before it ("equal to 20", "equals 20"):
    the reader keeps the phrase in the span; upstream lists these as the point interval [20, 20]."""
    return (m.qualifier == "exact" and m.kind == "number" and m.start < m.core_start
            and re.search(r"[^\W\d_]", text[m.start : m.core_start]) is not None)


def range_readings(vocab: Any, text: str) -> list[Reading]:
    return [_reading(m, text) for m in vocab.numbers.find(text)
            if m.qualifier in RANGE_QUALIFIERS or _stated_exact(m, text)]


def percent_readings(vocab: Any, text: str) -> list[Reading]:
    return [_reading(m, text) for m in vocab.numbers.find(text) if m.kind == "percent"]


def money_readings(vocab: Any, text: str) -> list[Reading]:
    """CurrencyModel view: money readings, spanned from the currency sign or number without the
    qualifier before it ("$ 14 million" of "about $ 14 million"), as upstream."""
    out = []
    for m in vocab.numbers.find(text):
        if m.kind == "money":
            r = _reading(m, text)
            if m.bare_start is not None:
                r.start, r.text = m.bare_start, text[m.bare_start : r.end]
            out.append(r)
    return out


def dimension_readings(vocab: Any, text: str) -> list[Reading]:
    """DimensionModel view: numbers that carry a unit of measurement (rules/units.toml), spanned
    from the number to the end of the unit, without the qualifier (as upstream).  Temperatures
    are left out: upstream reads them with another model (TemperatureModel), not this one."""
    units = getattr(vocab.numbers, "unit_dimensions", {})
    out = []
    for m in vocab.numbers.find(text):
        if m.kind == "number" and m.unit in units and units[m.unit] != "temperature" and m.unit_end is not None:
            r = _reading(m, text, core=True)
            r.end, r.text = m.unit_end, text[r.start : m.unit_end]
            out.append(r)
    return out


def all_readings(vocab: Any, text: str) -> list[Reading]:
    return [_reading(m, text) for m in vocab.numbers.find(text)]


# --------------------------------------------------------------------------------------------
# Expected items
# --------------------------------------------------------------------------------------------

@dataclass
class Gold:
    start: int
    end: int
    text: str
    value: float | None = None
    low: float | None = None
    high: float | None = None
    low_ex: bool = False
    high_ex: bool = False
    units: frozenset[str] = frozenset()
    unit_name: str = ""
    kind: str = ""
    accept: frozenset = frozenset()  # dates: acceptable values (date or (start, end) pairs)
    invalid: bool = False  # upstream: not a valid date ("Feb 30")
    uncertainty: float | None = None
    excluded: str | None = None

    @property
    def span(self) -> tuple[int, int]:
        return self.start, self.end


INTERVAL_RE = re.compile(r"^\s*([\[(])\s*([^,]*?)\s*,\s*([^\])]*?)\s*([\])])\s*$")


def parse_interval(s: str) -> tuple[float | None, float | None, bool, bool]:
    m = INTERVAL_RE.match(s)
    if not m:
        raise ValueError(f"not an interval: {s!r}")
    low = float(m.group(2)) if m.group(2) else None
    high = float(m.group(3)) if m.group(3) else None
    return low, high, m.group(1) == "(", m.group(4) == ")"


# Recognizers' currency names that carry no isoCurrency -> the ISO codes that count as right.
CURRENCY_NAMES: dict[str, frozenset[str]] = {
    "Dollar": frozenset({"USD"}),  # a bare "$" / "dollars": upstream's generic dollar, read as USD
    "Pound": frozenset({"GBP"}),
    "Franc": frozenset({"CHF", "FRF", "BEF", "LUF"}),
    "Rupee": frozenset({"INR", "PKR", "LKR", "NPR"}),
    "Peseta": frozenset({"ESP"}),
    "Finnish markka": frozenset({"FIM"}),
    "Netherlands guilder": frozenset({"NLG"}),
    "Bitcoin": frozenset({"BTC", "XBT"}),
}
SUBUNITS = {"Cent", "Pence", "Penny", "Sen", "Satoshi"}


def currency_units(res: dict) -> frozenset[str]:
    if res.get("isoCurrency"):
        return frozenset({res["isoCurrency"]})
    name = res.get("unit") or ""
    return CURRENCY_NAMES.get(name, frozenset({name.lower()}))


# --------------------------------------------------------------------------------------------
# Matching
# --------------------------------------------------------------------------------------------

def match(golds: list[Gold], readings: list[Reading], ok: Callable[[Gold, Reading], bool]) -> dict[int, int]:
    """One-to-one: each expected item takes the most-overlapping unused reading that satisfies ``ok``."""
    used: set[int] = set()
    pairs: dict[int, int] = {}
    for gi, g in enumerate(golds):
        best, best_ov = None, 0
        for ri, r in enumerate(readings):
            if ri in used:
                continue
            ov = overlap(g.span, r.span)
            if ov > best_ov and ok(g, r):
                best, best_ov = ri, ov
        if best is not None:
            used.add(best)
            pairs[gi] = best
    return pairs


def same_value(g: Gold, r: Reading) -> bool:
    return close(g.value, r.value)


def interval_value(g: Gold, r: Reading) -> bool:
    """The value of an interval: its finite end points."""
    gv = sorted(v for v in (g.low, g.high) if v is not None)
    rv = sorted(v for v in (r.low, r.high) if v is not None)
    return len(gv) == len(rv) and all(close(a, b) for a, b in zip(gv, rv))


def same_interval(g: Gold, r: Reading) -> bool:
    if not (close(g.low, r.low) and close(g.high, r.high)):
        return False
    if g.low is not None and g.low_ex != r.low_ex:
        return False
    if g.high is not None and g.high_ex != r.high_ex:
        return False
    return True


# Conventions: where upstream and the checker read the same words by different, documented rules,
# an item is counted right under the checker's rule; each use is counted and reported.
@dataclass(frozen=True)
class Convention:
    name: str
    reason: str
    files: tuple[str, ...]


CONVENTIONS = [
    Convention(
        "range end inclusivity",
        "upstream reads a range ('between 20 and 30', '20 to 30', '1000-5000') as half-open [20,30); the "
        "checker reads it as [20,30], as news means it ('between 150 and 200 people' includes 200): an interval "
        "with the same end points that differs only in that upper end is counted right",
        ("NumberRangeModel",),
    ),
    Convention(
        "period end inclusivity",
        "upstream ends a range of months, quarters or years where its last one begins ('from 2014 to 2018' is "
        "[2014-01-01,2018-01-01), 'from Feb to March 2019' stops on March 1); the checker includes that last "
        "month or year, as news means it ('between 2014 and 2018' covers 2018): a range with the same start whose "
        "end is the last day of the month, quarter or year at which upstream stops is counted right",
        ("DatePeriodParser", "DateTimeModel"),
    ),
]


def inclusive_range_end(g: Gold, r: Reading) -> bool:
    """The 'range end inclusivity' convention: same end points, upstream's upper end open, ours closed."""
    return (r.qualifier == "range" and g.low is not None and g.high is not None and close(g.low, r.low)
            and close(g.high, r.high) and g.low_ex == r.low_ex and g.high_ex and not r.high_ex)


def same_unit(g: Gold, r: Reading) -> bool:
    return same_value(g, r) and r.unit is not None and r.unit in g.units


# --------------------------------------------------------------------------------------------
# Miss causes: numbers
# --------------------------------------------------------------------------------------------

NUMBER_WORDS = (
    r"zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    r"seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|"
    r"million|billion|trillion|dozen|nought|naught"
)
NUMBER_WORD_RE = re.compile(rf"\b(?:{NUMBER_WORDS})s?\b", re.IGNORECASE)
ORDINAL_WORD = (
    r"first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|"
    r"fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth|hundredth|thousandth|millionth|"
    r"billionth|trillionth"
)
ORDINAL_RE = re.compile(rf"\b(?:{ORDINAL_WORD})s?\b|\b\d+(?:st|nd|rd|th)\b", re.IGNORECASE)
FRACTION_RE = re.compile(
    r"[½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞]|\d\s*/\s*\d|\b(?:over|out of|in)\b.*\b(?:\d|" + NUMBER_WORDS + r")|"
    r"\b(?:half|halves|thirds?|quarters?|fourths?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?|"
    r"hundredths?|thousandths?|millionths?|billionths?|trillionths?|twenty-?firsts?|twenty-?fifths?|thirtieths?)\b",
    re.IGNORECASE,
)
NEGATIVE_RE = re.compile(r"^\s*(?:-|−|minus\b|negative\b)|^\(\$", re.IGNORECASE)
INDIAN_SCALE_RE = re.compile(r"\b(?:lakh|crore)s?\b", re.IGNORECASE)
GROUPING_RE = re.compile(r"\d[ \u202f\u00a0]\d{3}\b|\d,\d{2},\d{3}|\d\.\d{3},\d|\d, \d{3}")
SCALE_ABBR_RE = re.compile(r"\d\s*(?:k|m|mm|g|b|bn|bln|tn|tln|mil|t|dzs?|dozs?)\b", re.IGNORECASE)
LEADING_DECIMAL_RE = re.compile(r"(?<![\d\w])\.\d")
POINT_RE = re.compile(r"\bpoint\b", re.IGNORECASE)
DOZEN_RE = re.compile(r"\bdoz(?:en)?s?\b|\bdzs?\b", re.IGNORECASE)
GLUED_UNIT_RE = re.compile(r"\d[a-zA-Zμ]")


def masked(vocab: Any, text: str, span: tuple[int, int]) -> bool:
    mask = getattr(vocab.numbers, "mask", None)
    if mask is None:
        return False
    return any(m.start() <= span[0] and span[1] <= m.end() for m in mask.finditer(text))


def number_cause(vocab: Any, text: str, g: Gold, readings: list[Reading]) -> str:
    """Why an expected number was not read with its value."""
    t = g.text
    if EXPONENT_RE.search(t):
        return "exponent / e-notation"
    if masked(vocab, text, g.span):
        return "masked as not-a-quantity (phone, time, identifier, URL)"
    if (g.value is not None and g.value < 0) or NEGATIVE_RE.search(t):
        return "negative numbers ('-1', 'minus five', 'negative one')"
    if INDIAN_SCALE_RE.search(t):
        return "Indian scale words ('13 lakh', '1 crore')"
    if GROUPING_RE.search(t):
        return "digit grouping with spaces / Indian commas ('1 234 567', '12,34,567')"
    if FRACTION_RE.search(t):
        return "fractions ('3/4', 'two thirds', 'one over three', 'and a half')"
    if ORDINAL_RE.search(t):
        return "ordinals ('the tenth', '21st')"
    if POINT_RE.search(t):
        return "decimal point in words ('two hundred point five')"
    if DOZEN_RE.search(t):
        return "dozens ('3 dozens', 'five dozs')"
    if re.search(r"\b(?:nought|naught)\b", t, re.IGNORECASE):
        return "zero words ('nought', 'naught')"
    if LEADING_DECIMAL_RE.search(t):
        return "leading decimal point ('.08')"
    if SCALE_ABBR_RE.search(t):
        return "scale abbreviation not read ('10G', '1MM', '2mil', '10 tln')"
    near = [r for r in readings if overlap(g.span, r.span)]
    if re.search(r"\d0'?s\b", t) or re.match(r"0s\b", text[g.end - 1 : g.end + 2]):
        return "decades ('the 1960s')"
    if re.match(r",\d", text[g.end : g.end + 2]) or re.search(r"\d,$", text[max(0, g.start - 2) : g.start]):
        return "list of numbers without spaces ('22,24,26,31')"
    if re.search(r"\d,\d{1,2}(?!\d)", t):
        return "decimal comma ('5,00', '1,3')"
    before = re.search(r"([A-Za-z]+)\.?\s*(?:\d+\s*,\s*)*$", text[: g.start])
    if before and before.group(1).lower() in {w.lower() for w in getattr(vocab.numbers, "label_words", [])}:
        return "numbers after a label word ('nrs. 22,24', 'Article 5')"
    if re.search(r"\d\s*(?:ft|feet|foot|m)\b.*\d\s*(?:in|inch|inches|dm)\b", t):
        return "compound measures ('5 ft 2 in', '12 m 2 dm')"
    if any(r.qualifier == "range" for r in near):
        return "read as a range where one number is expected ('eight to 10 feet')"
    if re.search(r"\d[^\W\d_]|[^\W\d_]\d", t):
        return "number glued to a unit or code ('200lbs', '75ml', '10kph', '115USD')"
    if NUMBER_WORD_RE.search(t):
        if re.search(r"\d", t) and NUMBER_WORD_RE.search(t):
            return "numerals mixed with scale words ('3 hundred and 21', '322 hundred')"
        if re.search(r"\s-\s|\s{2,}", t):
            return "number words split by ' - ' or double spaces ('fifty - two')"
        return "number words not read as one number ('twenty-one trillion and three hundred')"
    if near:
        return "numeral read with another value ('1,3', '5,00')"
    return "not found (other)"


def number_fp_cause(vocab: Any, suite: str, text: str, r: Reading, golds: list[Gold]) -> str:
    if any(overlap(g.span, r.span) for g in golds):
        return "a second reading inside an expected item (split in two)"
    if r.written == "zero-word":
        return "zero word read as 0 ('no', 'not one'; the pipeline keeps it only before a cue)"
    if r.year_like:
        return "year-like number read (raw layer reads years)"
    if r.written == "words" and close(r.value, 1):
        return "'one' as a pronoun ('the one you mentioned', 'one last time')"
    if GLUED_UNIT_RE.match(text[r.end - 1 : r.end + 1]):
        return "number glued to a unit ('180ml', '29km')"
    if r.qualifier == "range" and r.written == "words":
        return "vague quantity read ('hundreds of')"
    if suite == "DimensionModel":
        return f"unit of measurement read where upstream reads none ('{r.text}')"
    if not golds:
        return "reading in a case that expects none"
    return "extra reading (other)"


def span_cause(g: Gold, r: Reading, suite: str = "") -> str:
    if r.start <= g.start and r.end >= g.end:
        return "span boundary: ours wider"
    if r.start >= g.start and r.end <= g.end:
        return "span boundary: ours narrower"
    return "span boundary: shifted"


def example_value(text: str, g: Gold, got: list[Reading], *, show: Callable[[Reading], str] | None = None) -> str:
    show = show or (lambda r: fmt_num(r.value))
    got_s = ", ".join(f"'{r.text}'={show(r)}" for r in got) if got else "nothing"
    want = fmt_num(g.value) if g.kind not in ("interval",) else fmt_interval(g.low, g.high, g.low_ex, g.high_ex)
    return f"\"{excerpt(text, g.span)}\" — want '{g.text}'={want}; got {got_s}"


# --------------------------------------------------------------------------------------------
# Evaluation: number and unit models
# --------------------------------------------------------------------------------------------

def gold_numbers(suite: str, case: dict) -> list[Gold]:
    out = []
    for r in case.get("Results", []):
        s, e = model_span(r)
        text = case["Input"][s:e]
        res = r.get("Resolution") or {}
        g = Gold(s, e, text, kind=suite)
        raw = res.get("value")
        if suite == "NumberRangeModel":
            g.low, g.high, g.low_ex, g.high_ex = parse_interval(raw)
            g.kind = "interval"
        elif raw is None or raw == "null":
            g.excluded = "no number"
        else:
            g.value = float(str(raw).rstrip("%"))
        if suite == "CurrencyModel":
            g.units = currency_units(res)
            g.unit_name = res.get("unit") or ""
        elif suite == "DimensionModel":
            g.units = frozenset({(res.get("unit") or "").lower()})
            g.unit_name = res.get("unit") or ""
        if suite == "NumberModel" and EXPONENT_RE.search(text):
            g.excluded = "exponent notation"
        elif suite == "NumberModel" and not g.excluded:
            g.excluded = not_quantity(case["Input"], (s, e))
        out.append(g)
    return out


def evaluate_numbers(vocab: Any, sf: SuiteFile, cases: list[Any], every: int, exclude: bool = True) -> FileResult:
    fr = FileResult(sf)
    reader = {
        "NumberModel": number_readings,
        "NumberRangeModel": range_readings,
        "PercentModel": percent_readings,
        "CurrencyModel": money_readings,
        "DimensionModel": dimension_readings,
    }[sf.name]
    for idx, case in sampled(cases, every):
        fr.cases += 1
        text = case["Input"]
        why = excluded_case(sf.name, text, exclude)
        if why:
            fr.excluded[why] += 1
            continue
        golds_all = gold_numbers(sf.name, case)
        if not exclude:
            for g in golds_all:
                g.excluded = None  # a unit word without a number then counts as a miss
        if sf.name == "NumberModel" and any(g.excluded == "exponent notation" for g in golds_all):
            fr.excluded["exponent notation"] += 1
            continue
        fr.cases_used += 1
        golds = [g for g in golds_all if not g.excluded]
        dropped = [g for g in golds_all if g.excluded]
        for g in dropped:
            fr.excluded[g.excluded] += 1
        readings = [r for r in reader(vocab, text) if not any(overlap(r.span, d.span) for d in dropped)]
        if not golds_all:
            fr.negatives += 1
            if readings:
                fr.negatives_with_reading += 1

        if sf.name == "NumberRangeModel":
            value_ok, bounds_ok = interval_value, (lambda g, r: same_interval(g, r) or inclusive_range_end(g, r))
        else:
            value_ok, bounds_ok = same_value, None
        by_value = match(golds, readings, value_ok)
        by_span = match(golds, readings, lambda g, r: g.span == r.span and value_ok(g, r))
        for name, pairs in (("value", by_value), ("value+span", by_span)):
            c = fr.metric(name)
            c.gold += len(golds)
            c.pred += len(readings)
            c.tp += len(pairs)
        if bounds_ok:
            by_bounds = match(golds, readings, bounds_ok)
            c = fr.metric("value+bounds")
            c.gold, c.pred, c.tp = c.gold + len(golds), c.pred + len(readings), c.tp + len(by_bounds)
            fr.conventions["range end inclusivity"] += sum(
                1 for gi, ri in by_bounds.items() if not same_interval(golds[gi], readings[ri]))
        if sf.name in ("CurrencyModel", "DimensionModel"):
            by_unit = match(golds, readings, same_unit)
            c = fr.metric("value+unit")
            c.gold, c.pred, c.tp = c.gold + len(golds), c.pred + len(readings), c.tp + len(by_unit)

        # Misses, one cause per expected item (the first figure it fails), and extra readings.
        show = (lambda r: fmt_interval(r.low, r.high, r.low_ex, r.high_ex)) if sf.name == "NumberRangeModel" else None
        tag = f"{sf.name}#{idx}"
        for gi, g in enumerate(golds):
            near = [r for r in readings if overlap(r.span, g.span)]
            ex = f"{tag}: " + example_value(text, g, near, show=show)
            if gi not in by_value:
                fr.miss(_value_cause(vocab, sf.name, text, g, readings, near), ex)
            elif gi not in by_span:
                fr.miss(_number_span_cause(vocab, sf.name, text, g, readings[by_value[gi]], near), ex)
            elif sf.name == "NumberRangeModel" and gi not in by_bounds:
                fr.miss(_bounds_cause(g, readings[by_value[gi]]), ex)
            elif sf.name == "CurrencyModel" and gi not in by_unit:
                r = readings[by_value[gi]]
                if r.unit is None:
                    fr.miss("money recognised but given no currency code (lower-case 'usd')", ex)
                else:
                    fr.miss(f"currency read with another code ({g.unit_name} read as {r.unit})", ex)
            elif sf.name == "DimensionModel" and gi not in by_unit:
                fr.miss(f"unit of measurement read as another unit ({g.unit_name} read as "
                        f"{readings[by_value[gi]].unit})", ex)
        matched = set(by_value.values())
        missed = [g for gi, g in enumerate(golds) if gi not in by_value]
        for ri, r in enumerate(readings):
            if ri in matched or any(overlap(r.span, g.span) for g in missed):
                continue  # a reading inside a missed expected item is part of that miss
            fr.miss("false positive: " + number_fp_cause(vocab, sf.name, text, r, golds),
                    f"{tag}: \"{excerpt(text, r.span)}\" — read '{r.text}'={fmt_num(r.value)}"
                    + (f" {fmt_interval(r.low, r.high, r.low_ex, r.high_ex)}" if sf.name == "NumberRangeModel" else ""))
    return fr


def _number_span_cause(vocab: Any, suite: str, text: str, g: Gold, r: Reading, near: list[Reading]) -> str:
    cause = span_cause(g, r, suite)
    if cause.endswith("narrower"):
        if suite == "NumberRangeModel":
            return _range_cause(vocab, text, g, near)
        if suite == "CurrencyModel" and CURRENCY_PREFIX_RE.search(g.text):
            return _currency_cause(g)
    if cause.endswith("wider") and r.qualifier != "exact" and r.start < g.start:
        return "span includes the qualifier ('about $ 14 million'); upstream leaves it out"
    return cause


CURRENCY_PREFIX_RE = re.compile(r"^(?:c|hk|us|u\.s|mex|usd|mxn|aud|cad|nzd)\s?\$", re.IGNORECASE)
ISO_RE = re.compile(r"\b(?:usd|eur|gbp|rmb|btc|m(?:usd|eur|gbp|aud))\b|\d(?:usd)\b|\busd\d", re.IGNORECASE)


def _value_cause(vocab: Any, suite: str, text: str, g: Gold, readings: list[Reading], near: list[Reading]) -> str:
    if suite == "NumberRangeModel":
        return _range_cause(vocab, text, g, near)
    if suite in ("PercentModel", "CurrencyModel", "DimensionModel"):
        raw = [r for r in all_readings(vocab, text) if overlap(r.span, g.span)]
        if suite == "PercentModel" and any(close(r.value, g.value) for r in raw):
            if re.search(r"percent(?:age|s)\b|^(?:per\s?cents?|percents?)\s+of\b", g.text, re.IGNORECASE):
                return "percent form not read ('percentage', 'percents', 'per cent of 10')"
            return "percent sign/word not attached"
        if suite == "CurrencyModel" and any(close(r.value, g.value) for r in raw):
            return _currency_cause(g)
        if suite == "CurrencyModel" and re.search(r"\b(?:cents?|pence|penny|mao)\b", g.text, re.IGNORECASE) and \
                re.search(r"\b(?:dollars?|usd|\$|kuai)", g.text, re.IGNORECASE):
            return "compound amounts ('3 dollars 50 cents', '15 dollars and 50')"
        if suite == "CurrencyModel" and re.search(r"(?:dollars?|usd)\s+(?:and\s+)?\d", g.text, re.IGNORECASE):
            return "compound amounts ('3 dollars 50 cents', '15 dollars and 50')"
        if suite == "CurrencyModel" and re.search(r"\d\s*(?:usd|eur|gbp)\s+million|^m(?:usd|eur|gbp|aud)|\dm(?:usd|eur|gbp)|\bm(?:usd|eur)\b", g.text, re.IGNORECASE):
            return "scale written with the code ('75 USD million', '30 MUSD')"
        if suite == "DimensionModel" and any(close(r.value, g.value) for r in raw):
            return "unit not read: not in units.toml or ambiguous ('20 (kg)', '100 mb', '3 turns', 'two pounds')"
    return number_cause(vocab, text, g, readings)


def _currency_cause(g: Gold) -> str:
    t = g.text
    if g.unit_name in SUBUNITS:
        return "currency subunits not read ('50 cents', '470 pence', 'one penny')"
    if CURRENCY_PREFIX_RE.search(t):
        return "currency symbol with a country prefix ('C $', 'HK $', 'US $', 'Mex$')"
    if ISO_RE.search(t):
        return "ISO code glued or unknown ('USD115', 'rmb', 'BTC')"
    if re.search(r"\d\s*[^\w\s.,]\s*$", t):
        return "currency symbol after the number or unknown symbol ('10 $', '100 ₡', '100元')"
    return "currency name not in the rules ('finnish markka', 'pesetas', 'australian dollars', 'swiss francs')"


def _range_cause(vocab: Any, text: str, g: Gold, near: list[Reading]) -> str:
    t = g.text.lower()
    raw = [r for r in all_readings(vocab, text) if overlap(r.span, g.span)]
    if re.search(r"[<>=]", t):
        return "comparison signs ('>10', '<= 30')"
    if re.search(r"\bequal(?:s|ing)?\b", t) and not re.search(r"\b(?:more|less|greater|larger|bigger|higher|lower|smaller|least|most)\b", t):
        return "equality phrases as ranges ('equal to 20', 'equals 20')"
    if re.search(r"\bor (?:equal|greater|less|more)\b|\bor equal\b|\bequal to or\b|\bat least or\b", t):
        return "'or equal' / 'or more' combinations ('less than or equal to', '200 or greater')"
    if re.search(r"(?:larger|bigger|higher|lower|smaller|greater)\s+(?:than|or)", t):
        return "comparatives not in the qualifier rules ('greater than', 'larger than', 'smaller than')"
    if re.search(r"\b(?:exceed(?:ing)?|surpass)\b", t):
        return "verbs as bounds ('exceed 3000', 'exceeding 150')"
    if re.search(r"\b(?:and|but)\b", t) and re.search(r"\b(?:than|most|least|above|below)\b.*\b(?:and|but)\b", t):
        return "two-sided bounds joined by 'and' ('above 1000 and below 1500')"
    if ORDINAL_RE.search(t):
        return "ordinals ('the tenth', '21st')"
    if FRACTION_RE.search(t):
        return "fractions ('3/4', 'two thirds', 'one over three', 'and a half')"
    if re.search(r"~|\bthrough\b|\d\s*[-–]\s*\d|\bto\b", t) and raw:
        return "range connector or scale not joined ('20~100', '5k-20k', '20 through 100')"
    if re.search(r"\bor (?:more|less)\b|\band more\b", t):
        return "'or more' / 'or less' after a qualified number ('about five hundred or more')"
    if near:
        return "bounds read with other values"
    if raw:
        return "qualifier not read as a bound"
    return number_cause(vocab, text, g, [])


def _bounds_cause(g: Gold, r: Reading) -> str:
    if g.low is not None and g.high is not None and r.low is not None and r.high is not None:
        if close(g.low, r.low) and close(g.high, r.high) and g.high_ex and not r.high_ex and not g.low_ex:
            return "range end inclusivity: upstream reads 'between 20 and 30' as [20,30), we as [20,30]"
    return "interval read with other exclusivity"


# --------------------------------------------------------------------------------------------
# Evaluation: dates
# --------------------------------------------------------------------------------------------

@dataclass
class DateReading:
    start: int
    end: int
    text: str
    day: date | None
    low: date | None
    high: date | None
    granularity: str
    end_unit: str | None = None  # of a range: the granularity of its last part ("month" in "Feb to March 2019")

    @property
    def span(self) -> tuple[int, int]:
        return self.start, self.end


def date_readings(vocab: Any, text: str, reference: date | None) -> list[DateReading]:
    out = []
    for m in vocab.dates.find(text):
        res = vocab.dates.resolve(m, reference, sentence=text)
        end_unit = m.until.granularity if getattr(m, "until", None) is not None else None
        out.append(DateReading(m.start, m.end, m.text, res.value, res.low, res.high, m.granularity, end_unit))
    return out


INVALID_DATE = "0001-01-01"


def _d(s: str | None) -> date | None:
    if not s or s in ("not resolved", INVALID_DATE):
        return None
    try:
        return date.fromisoformat(s[:10])
    except ValueError:
        return None


def gold_dates(sf: SuiteFile, case: dict) -> list[Gold]:
    out = []
    for r in case.get("Results", []):
        s, e = model_span(r)
        g = Gold(s, e, case["Input"][s:e])
        if sf.name == "DateTimeModel":
            type_name = (r.get("TypeName") or r.get("Typename") or "").replace("datetimeV2.", "")
            values = (r.get("Resolution") or {}).get("values", [])
            g.kind = type_name
            if type_name == "date":
                accept = {_d(v.get("value")) for v in values} - {None}
                g.accept = frozenset(accept)
                g.invalid = not accept
            elif type_name == "daterange":
                if any(v.get("Mod") or bool(v.get("start")) != bool(v.get("end")) for v in values):
                    g.kind = "daterange (open-ended)"
                else:
                    g.accept = frozenset((_d(v["start"]), _d(v["end"])) for v in values if v.get("start"))
            elif type_name == "duration" and values:
                g.value = float(values[0].get("value") or 0)
        else:
            value = r.get("Value") or {}
            past, future = value.get("PastResolution") or {}, value.get("FutureResolution") or {}
            if sf.name in ("DateExtractor",):
                g.kind = "date"
            elif sf.name == "DateParser":
                g.kind = "date"
                raw = {past.get("date"), future.get("date")} - {None}
                g.accept = frozenset({_d(x) for x in raw} - {None})
                g.invalid = bool(raw) and not g.accept
            elif sf.name == "DatePeriodParser":
                g.kind = "daterange"
                pairs = set()
                for res in (past, future):
                    if res.get("startDate") and res.get("endDate"):
                        pairs.add((_d(res["startDate"]), _d(res["endDate"])))
                g.accept = frozenset(pairs)
            elif sf.name == "DurationParser":
                g.kind = "duration"
                g.value = float(past.get("duration") or future.get("duration") or 0)
            g.unit_name = value.get("Timex", "")
        out.append(g)
    return out


def date_correct(g: Gold, r: DateReading | None) -> bool:
    if g.invalid:
        return r is None or r.day is None
    if r is None:
        return False
    if g.kind == "date":
        return r.day is not None and r.day in g.accept
    if g.kind == "daterange":
        if r.low is None or r.high is None:
            return False
        return (r.low, r.high + timedelta(days=1)) in g.accept or (r.low, r.high) in g.accept
    return False


def _unit_start(unit: str, day: date) -> date | None:
    if unit == "month":
        return day.replace(day=1)
    if unit == "quarter":
        return date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)
    if unit == "year":
        return date(day.year, 1, 1)
    return None


def inclusive_period_end(g: Gold, r: DateReading | None) -> bool:
    """The 'period end inclusivity' convention: a range with upstream's start whose last month, quarter or
    year is included by the checker (ends on its last day) where upstream stops on its first day."""
    if g.kind != "daterange" or r is None or r.granularity != "range" or r.low is None or r.high is None:
        return False
    b_ours = _unit_start(r.end_unit or "", r.high)
    if b_ours is None or (r.high + timedelta(days=1)) != _next_unit(r.end_unit or "", b_ours):
        return False
    return any(a == r.low and b == b_ours and b > a for a, b in g.accept)


def _next_unit(unit: str, start: date) -> date:
    months = {"month": 1, "quarter": 3, "year": 12}[unit]
    y, m = divmod(start.month - 1 + months, 12)
    return date(start.year + y, m + 1, 1)


HOLIDAY_RE = re.compile(
    r"\b(?:christmas|easter|thanksgiving|juneteenth|halloween|new year|earth day|freedom day|jubilee day|"
    r"independence day|labou?r day|memorial day|mother'?s day|father'?s day|valentine|black friday|"
    r"martin luther king|columbus day|veterans day|boxing day|yuandan|groundhog|inauguration|election day|"
    r"saint patrick|st\.? patrick|workers' day|eid al|ramadan|diwali|hanukkah)\b",
    re.IGNORECASE,
)
MONTH = (r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|"
         r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?")
WEEKDAY = r"mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:rs(?:day)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?"
PERIOD_WORD = r"week(?:end)?s?|months?|years?|decades?|quarters?|centur(?:y|ies)|fortnight|days"


def date_text_cause(g: Gold) -> str:
    """Why an expected date expression was not read at all, from its wording."""
    t = g.text.lower()
    kind = g.kind
    if kind == "duration":
        return "durations not read ('3 hours', 'two weeks', 'all day')"
    if kind in ("time", "timerange"):
        return "times of day not read ('7pm', 'in the evening', '9 to 11')"
    if kind in ("datetime", "datetimerange"):
        return "date with a time of day ('tomorrow at 7', 'Monday 3-8pm'): times not read"
    if kind == "set":
        return "recurring expressions not read ('every Monday', 'weekly')"
    if kind == "timezone":
        return "time zones not read"
    if kind == "daterange (open-ended)":
        return "open-ended periods ('after 2016', 'since August', 'before 2010')"
    if re.search(r"\b1[0-7]\d\d\b|\byear\s+\d{1,3}\b", t):
        return "years before 1800 ('5 December 1391', 'year 247')"
    if HOLIDAY_RE.search(t):
        return "holidays ('Easter', 'Thanksgiving 2023', 'Juneteenth')"
    if re.search(r"\b(?:ago|later|hence|from now|from today|from tomorrow|from yesterday|after today|"
                 r"before yesterday|after tomorrow|before today|in the future)\b", t) and re.search(r"\d|\b(?:a|an|one|two|three|four|five|few|couple)\b", t):
        return "relative offsets ('two days ago', 'in 3 weeks', '2 weeks from now')"
    if re.search(r"^(?:in|within)\s+(?:\d+(?:\.\d+)?|a|an|one|two|three|four|five|the next|the upcoming)\s+"
                 r"(?:\w+\s+)?(?:days?|weeks?|months?|years?|decades?|fortnight)", t):
        return "relative offsets ('two days ago', 'in 3 weeks', '2 weeks from now')"
    if re.search(r"\b(?:the\s+)?day (?:before|after) (?:yesterday|tomorrow|tmrw)\b|\b(?:next|last|past|this|my|the|same)\s+day\b|^the day$", t):
        return "relative day phrases ('the day after tomorrow', 'next day', 'the last day')"
    if re.search(r"\btmrw\b", t):
        return "abbreviated relative words ('tmrw')"
    if re.search(r"\b(?:spring|summer|autumn|fall|winter)\b", t):
        return "seasons ('the spring of 1978', 'mid summer')"
    if re.search(r"\b(?:beginning|begin|start|end|middle|mid|early|earlier|late|later)\b", t) and not re.search(r"\bweek (?:beginning|starting|commencing)\b", t):
        return "parts of periods ('end of March', 'mid next week', 'later this year')"
    if re.search(r"\d0\s?'?s\b|\btwo thousands\b", t) or re.search(r"\b(?:century|centuries|decades?|'\d0s|seventies|eighties|nineties|sixties|fifties|forties|thirties|noughties|tens)\b", t):
        return "decades and centuries ('the 70s', '21st century', 'the next decade')"
    if re.search(r"\bweek \d|\bw\d|\bq[1-4]\b|\bh[12]\b|\dh[12]\b|\bquarter\b|\bweek of\b|\bweek (?:beginning|starting|commencing)\b|\bw/c\b", t):
        return "week numbers, quarters, halves, 'the week of' ('week 10', 'Q3 2019', 'H1 2016', 'w/c Feb 4')"
    if re.search(r"\b(?:from|between)\b.*\b(?:to|and|till|until|through|-)\b|\d\s*[-–~]\s*\d|\b(?:to|till|until|through)\b", t) and kind.startswith("daterange"):
        return "date ranges ('from 4 to 22 this month', 'Nov 18-Dec 19', '2014-2018')"
    if re.search(rf"\b(?:first|second|third|fourth|fifth|last)\s+(?:{WEEKDAY})\b.*\b(?:of|in)\b", t):
        return "nth weekday of a month ('the first Friday of July')"
    if re.search(rf"\b(?:{PERIOD_WORD})\b", t) and re.search(rf"\b(?:{WEEKDAY})\b", t):
        return "weekday with a week ('Friday next week', 'this week Friday')"
    if re.search(rf"\b(?:{PERIOD_WORD})\b", t) and re.search(r"\b(?:this|next|last|past|previous|coming|following|upcoming|same|that|the|current|rest|my)\b", t):
        return "relative periods ('next month', 'this week', 'last year')"
    if re.search(rf"\b(?:first|second|third|fourth|fifth|sixth)\s+(?:{WEEKDAY})\b", t):
        return "nth weekday without a month ('second Sunday')"
    if re.search(rf"\b(?:past|previous|coming|following|upcoming|this upcoming)\s+(?:{WEEKDAY})\b", t):
        return "weekday with 'past'/'coming'/'following' ('past Monday', 'coming Thursday')"
    if re.search(rf"\b(?:two|three|\d)\s+(?:{WEEKDAY})s?\b", t):
        return "relative offsets ('two days ago', 'in 3 weeks', '2 weeks from now')"
    if re.search(rf"\b(?:{WEEKDAY})\b", t) and re.search(r"\d|" + ORDINAL_WORD, t) and not re.search(rf"\b(?:{MONTH})\b", t):
        return "weekday with a day number ('Friday the 22nd', 'friday 7/6', 'Mon 13th')"
    if re.search(r"\b(?:nineteen|two thousand|thousand|hundred)\b", t) or (re.search(NUMBER_WORDS, t) and re.search(r"\b(?:19|20)\d\d\b", t) is None and re.search(rf"\b(?:{MONTH})\b.*\b(?:{NUMBER_WORDS})\b.*\b(?:{NUMBER_WORDS})\b.*\b(?:{NUMBER_WORDS})\b", t)):
        return "years in words ('nineteen seventy eight', 'two thousand')"
    if re.search(rf"\b(?:{ORDINAL_WORD})\b|\b(?:twenty|thirty)[\s-]+(?:one|two|three|first|second|third)\b|\b(?:fifteen|twenty)\b", t):
        return "ordinal or number words as days ('the second', 'twenty second of June', 'May twenty one')"
    if re.search(r"^\d{1,2}\.\s", t):
        return "day followed by a dot ('16. Nov. 2016')"
    if re.search(r"\b(?:of|in)\s+\d{4}\b", t):
        return "'of' / 'in' before the year ('July 4th of 1995', '28 june in 2020')"
    if re.search(r"\b\d{1,2}\s*[./\-]\s*\d{1,2}\s*[./\-,]\s*\d{2}$", t) or re.search(rf"(?:{MONTH})\.?\s+(?:of\s+)?'?\d{{2}}$", t):
        return "two-digit years ('21/04/16', '3-7-07', '05/05/89')"
    if re.search(r"^\d{4}\s*[./\-]\s*\d{1,2}\s*[./\-]\s*\d{1,2}$", t):
        return "year-first numeric dates with '/' or '.' ('2015/08/12', '2015.5.13')"
    if re.search(r"^(?:on\s+)?\d{1,2}\s*[./\-]\s*\d{1,2}$", t):
        return "numeric month/day without a year ('4/22', '22/04', '4.22')"
    if re.search(r"\b\d{1,2}[/\-]\d{1,2}[/\-]\d{4}\b|\d{1,2}/\d{1,2},\s*\d{2,4}", t):
        return "numeric dates with '-' or US order ('21-04-2016', '02/22/2016', '08/12,2015')"
    if re.search(rf"(?:{MONTH})\.?\s*[-/]\s*\d|\d\s*[-/]\s*(?:{MONTH})\b|\d{{4}}\s*[-/]\s*(?:{MONTH})|(?:{MONTH})\d|\d(?:{MONTH})", t):
        return "month names with '-' or '/' or glued ('jan-1', 'oct/2', '2019-sep-1', 'april22')"
    if re.search(r"^\d{4}\.\d{1,2}$", t):
        return "year-month in other orders ('2016 June', '2016-11', '11/2016', 'November , 2016')"
    if re.search(rf"^(?:\d{{4}}\s*,?\s*(?:{MONTH})|(?:{MONTH})\s*,\s*\d{{4}}|\d{{4}}\s*[-/]\s*\d{{1,2}}|\d{{1,2}}\s*[-/]\s*\d{{4}}|(?:{MONTH})\s+\d{{2}}|(?:{MONTH})\.?\s+of\s+\d{{4}})$", t):
        return "year-month in other orders ('2016 June', '2016-11', '11/2016', 'November , 2016')"
    if re.search(rf"\b(?:{MONTH})\b.*\bof\s+\d{{4}}|\bof\s+(?:{MONTH})\b", t):
        return "'of' between day, month and year ('January 12 of 2016', '26th june of 2020')"
    if re.search(r"^(?:the\s+)?\d{1,2}(?:st|nd|rd|th)?$|^on\s+\d{1,2}$", t):
        return "day of the month alone ('the 27th', 'on 15')"
    if re.search(r"^(?:in\s+|the\s+year\s+|year\s+)?\d{4}$|^(?:in\s+)?\d{4}\s*(?:-|to|and|through)\s*\d{4}$", t):
        return "bare years ('2016', 'the year 2008')"
    if re.search(r"^\d{8}$|^\d{4} \d{2} \d{2}$", t):
        return "compact numeric dates ('20161016', '2016 10 16')"
    if re.search(rf"^(?:(?:this|next|last|in|the)\s+)?(?:{MONTH})\.?$", t):
        return "month without a year ('February', 'this September', 'next June')"
    if re.search(rf"\b(?:{WEEKDAY})\b", t):
        return "weekday without 'on'/'this'/'next'/'last' ('i'll go back friday', 'Monday or Tuesday')"
    if re.search(rf"\b(?:{MONTH})\b", t):
        return "other month-name forms"
    return "other date forms"


def date_value_cause(g: Gold, r: DateReading) -> str:
    """A reading was found but placed elsewhere."""
    if g.invalid:
        return "impossible date accepted ('Feb 30', '2/29/2019')"
    if g.kind == "date":
        if r.start < g.start:
            return "a number before the month taken as the day ('$12 December 27')"
        if r.day is None:
            if r.low is not None:
                return "read as a period, expected a day"
            if re.search(r"\b29\b", g.text) and re.search(r"feb|\b2/", g.text, re.IGNORECASE):
                return "'Feb 29' without a year left unresolved in a non-leap reference year"
            return "not placed (unresolved)"
        if re.search(rf"\b(?:this|next|last)\s+(?:{WEEKDAY})\b", r.text, re.IGNORECASE):
            return "'this'/'next'/'last' + weekday placed in another week ('this Friday', 'next Sunday')"
        if any(r.day.replace(year=a.year) == a if not (r.day.month == 2 and r.day.day == 29) else False for a in g.accept):
            return "day right, year chosen differently"
        if any(abs((r.day - a).days) <= 7 for a in g.accept):
            return "weekday or relative day placed in another week ('next Sunday', 'this Friday')"
        if any(r.day.month == a.day and r.day.day == a.month for a in g.accept):
            return "day and month swapped (numeric date order)"
        return "placed on another day"
    if g.kind == "daterange":
        if r.low is None or r.high is None:
            return "read as a day, expected a period"
        if r.low == r.high:
            return "only part of the period read (a single day)"
        # "from 2014 to 2018", "between May 2015 and 2018 June": upstream ends the range where its
        # last month or year begins; we read that month or year as included
        if any(a == r.low and b is not None and b.day == 1 and b <= r.high and (r.high - b).days < 366
               and (b.month == 1 or r.high.month == b.month) for a, b in g.accept):
            return "range end read as included (upstream stops where the last month or year begins)"
        return "period read with other bounds"
    return date_text_cause(g)


def evaluate_dates(vocab: Any, sf: SuiteFile, cases: list[Any], every: int, exclude: bool = True) -> FileResult:
    fr = FileResult(sf)
    for idx, case in sampled(cases, every):
        fr.cases += 1
        text = case["Input"]
        why = excluded_case(sf.name, text, exclude)
        if why:
            fr.excluded[why] += 1
            continue
        fr.cases_used += 1
        reference = ref_date(case)
        readings = date_readings(vocab, text, reference)
        golds = gold_dates(sf, case)
        tag = f"{sf.name}#{idx}"
        if not golds:
            fr.negatives += 1
            if readings:
                fr.negatives_with_reading += 1
        if sf.name == "DateExtractor":
            _extractor_case(fr, text, golds, [r for r in readings if r.granularity == "day"], tag)
            continue
        acc = fr.metric("value accuracy")
        durations = getattr(vocab.dates, "find_durations", lambda _t: [])(text)
        for g in golds:
            if g.kind == "duration":
                # lengths of time are read apart from dates (``DateReader.find_durations``), in days
                d_near = sorted((d for d in durations if overlap((d.start, d.end), g.span)),
                                key=lambda d: -overlap((d.start, d.end), g.span))
                if d_near and g.value is not None:
                    d = d_near[0]
                    secs = g.value
                    ok = d.low_days * 86400 * (1 - 1e-3) <= secs <= d.high_days * 86400 * (1 + 1e-3)
                    acc.gold += 1
                    acc.tp += int(ok)
                    acc.pred += 1
                    if sf.name == "DateTimeModel":
                        t = fr.by_type.setdefault(g.kind, Counts())
                        t.gold += 1
                        t.tp += int(ok)
                    if not ok:
                        fr.miss("duration read with another length",
                                f"{tag}: \"{excerpt(text, g.span)}\" — want '{g.text}'={fmt_num(secs)}s; "
                                f"got '{d.text}'={fmt_num(d.low_days * 86400)}-{fmt_num(d.high_days * 86400)}s")
                    continue
            near = sorted((r for r in readings if overlap(r.span, g.span)), key=lambda r: -overlap(r.span, g.span))
            best = near[0] if near else None
            ok = date_correct(g, best)
            if not ok and inclusive_period_end(g, best):
                ok = True
                fr.conventions["period end inclusivity"] += 1
            acc.gold += 1
            acc.tp += int(ok)
            acc.pred += int(best is not None)
            if sf.name == "DateTimeModel":
                t = fr.by_type.setdefault(g.kind, Counts())
                t.gold += 1
                t.tp += int(ok)
            if ok:
                continue
            want = _want_dates(g)
            got = "nothing" if best is None else f"'{best.text}'={_got_date(best)}"
            ex = f"{tag}: \"{excerpt(text, g.span)}\" (ref {reference}) — want '{g.text}'={want}; got {got}"
            fr.miss(_date_miss_cause(text, g, best), ex)
        for r in readings:
            if not any(overlap(r.span, g.span) for g in golds):
                fr.miss(date_fp_cause(text, r), f"{tag}: \"{excerpt(text, r.span)}\" — read '{r.text}'={_got_date(r)}")
    return fr


def _mid_word(text: str, r: Any) -> bool:
    return 0 < r.end < len(text) and text[r.end - 1].isalpha() and text[r.end].isalpha()


def _from_decimal(text: str, r: Any) -> bool:
    return r.start >= 2 and text[r.start - 1] in ".," and text[r.start - 2].isdigit()


def date_fp_cause(text: str, r: DateReading) -> str:
    if _mid_word(text, r):
        return "month abbreviation read inside a word ('3 of Dec' in 'Decentralized', '2 dec' in '2 decades')"
    if _from_decimal(text, r):
        return "day taken from the digits of a decimal number ('6,107.31 August 2019')"
    return "false positive: date read where none is expected"


def _narrower(r: Any, g: Gold) -> bool:
    return g.start <= r.start and r.end <= g.end and (r.end - r.start) < (g.end - g.start)


def _date_miss_cause(text: str, g: Gold, best: DateReading | None) -> str:
    if g.invalid:
        return "impossible date accepted ('Feb 30', '2/29/2019')"
    if best is None or g.kind not in ("date", "daterange"):
        return date_text_cause(g)
    if _mid_word(text, best):
        return "month abbreviation read inside a word ('3 of Dec' in 'Decentralized', '2 dec' in '2 decades')"
    if _from_decimal(text, best):
        return "day taken from the digits of a decimal number ('6,107.31 August 2019')"
    if _narrower(best, g):  # only a part of the expression was read: the unread part is the cause
        cause = date_text_cause(g)
        if not cause.startswith("other"):
            return cause
    return date_value_cause(g, best)


def _want_dates(g: Gold) -> str:
    if g.invalid:
        return "no valid date"
    if g.kind == "date":
        return " or ".join(sorted(d.isoformat() for d in g.accept)) or "?"
    if g.kind == "daterange":
        return " or ".join(sorted(f"[{a},{b})" for a, b in g.accept)) or "(no resolution upstream)"
    if g.kind == "duration":
        return f"{fmt_num(g.value)}s"
    return g.kind


def _got_date(r: DateReading) -> str:
    if r.day is not None:
        return r.day.isoformat()
    if r.low is not None and r.high is not None:
        return f"[{r.low},{r.high}]"
    return "unresolved"


def _extractor_case(fr: FileResult, text: str, golds: list[Gold], readings: list[DateReading], tag: str) -> None:
    exact = fr.metric("span")
    loose = fr.metric("span (overlap)")
    used: set[int] = set()
    hit_exact = 0
    for g in golds:
        for ri, r in enumerate(readings):
            if ri not in used and r.span == g.span:
                used.add(ri)
                hit_exact += 1
                break
    used_loose: set[int] = set()
    hit_loose = 0
    for g in golds:
        for ri, r in enumerate(readings):
            if ri not in used_loose and overlap(r.span, g.span):
                used_loose.add(ri)
                hit_loose += 1
                break
    for c, hit in ((exact, hit_exact), (loose, hit_loose)):
        c.gold += len(golds)
        c.pred += len(readings)
        c.tp += hit
    for g in golds:
        if any(r.span == g.span for r in readings):
            continue
        near = [r for r in readings if overlap(r.span, g.span)]
        got = ", ".join(f"'{r.text}'" for r in near) or "nothing"
        ex = f"{tag}: \"{excerpt(text, g.span)}\" — want '{g.text}'; got {got}"
        if near:
            r = near[0]
            cause = span_cause(g, Reading(r.start, r.end, r.text, None))
            if _mid_word(text, r):
                cause = date_fp_cause(text, r)
            elif _narrower(r, g) and not date_text_cause(g).startswith("other"):
                cause = date_text_cause(g)  # a part was read: the unread part is the cause
            fr.miss(cause, ex)
        else:
            fr.miss(date_text_cause(g), ex)
    for r in readings:
        if not any(overlap(r.span, g.span) for g in golds):
            fr.miss(date_fp_cause(text, r), f"{tag}: \"{excerpt(text, r.span)}\" — read '{r.text}'")


# --------------------------------------------------------------------------------------------
# Evaluation: quantulum3
# --------------------------------------------------------------------------------------------

def evaluate_quantulum(vocab: Any, sf: SuiteFile, cases: list[Any], every: int, exclude: bool = True) -> FileResult:
    fr = FileResult(sf)
    rec = fr.metric("value recall")
    for idx, case in sampled(cases, every):
        fr.cases += 1
        text = case["req"]
        why = excluded_case(sf.name, text, exclude)
        if why:
            fr.excluded[why] += 1
            continue
        fr.cases_used += 1
        readings = all_readings(vocab, text)
        rec.pred += len(readings)
        taken: list[tuple[int, int]] = []
        if not case["res"]:
            fr.negatives += 1
            if readings:
                fr.negatives_with_reading += 1
        for item in case["res"]:
            surface = item["surface"]
            span = _locate(text, surface, taken)
            if span is None:
                fr.miss("surface not found in the sentence (data)", f"{sf.name}#{idx}: {surface!r}")
                continue
            taken.append(span)
            if exclude and EXPONENT_RE.search(surface):
                fr.excluded["exponent notation"] += 1
                continue
            value = float(item["value"])
            unc = item.get("uncertainty")
            g = Gold(span[0], span[1], surface, value=value, uncertainty=unc, unit_name=item.get("unit", ""))
            near = [r for r in readings if overlap(r.span, span)]
            ok = any(close(r.value, value) for r in near)
            if unc and not ok:
                ok = any(close(r.low, value - unc) and close(r.high, value + unc) for r in near)
            rec.gold += 1
            rec.tp += int(ok)
            if ok:
                continue
            ex = f"{sf.name}#{idx}: " + example_value(text, g, near)
            if unc:
                ex += f" (range {fmt_num(value - unc)}..{fmt_num(value + unc)})"
            fr.miss(_quantulum_cause(vocab, text, g, near), ex)
    return fr


def _quantulum_cause(vocab: Any, text: str, g: Gold, near: list[Reading]) -> str:
    if g.uncertainty:
        return "ranges with units or signs ('8- to 16-meter', '3 to 4 L', 'from -18 °C to -34 °C')"
    if re.match(r"^(?:a|an|one)\s+[a-z]", g.text, re.IGNORECASE) and close(g.value, 1) and not re.search(r"\d", g.text):
        return "a unit word counted as one ('a dozen' = 1 dozen, 'a penny', 'A kibibyte')"
    if re.search(r"\babsolute zero\b", g.text, re.IGNORECASE):
        return "named quantities ('absolute zero')"
    if re.search(r"\d[a-zA-Z]", g.text) and near and not any(close(r.value, g.value) for r in near):
        return "number glued to a unit read otherwise ('1cds', '4km^3', '0.5k miles')"
    if re.search(r"&|,\s*(?:two|three|four|five|six|seven|eight|nine)\b", g.text):
        return "number words joined by ',' or '&' ('three million, two hundred & forty')"
    return number_cause(vocab, text, g, near)


def _locate(text: str, surface: str, taken: list[tuple[int, int]]) -> tuple[int, int] | None:
    for hay, needle in ((text, surface), (text.lower(), surface.lower())):
        start = 0
        while True:
            i = hay.find(needle, start)
            if i < 0:
                break
            span = (i, i + len(needle))
            if not any(overlap(span, t) for t in taken):
                return span
            start = i + 1
    return None


def evaluate_errors(vocab: Any, sf: SuiteFile, cases: list[Any], every: int, exclude: bool = True) -> FileResult:
    from consistency.articles import article_from_text
    from consistency.extract.pipeline import extract_claims

    fr = FileResult(sf)
    c = fr.metric("raises")
    reference = date(2020, 1, 1)  # fixed, so that runs are deterministic
    for idx, text in sampled(cases, every):  # errors.json is tiny: always run every input
        fr.cases += 1
        fr.cases_used += 1
        c.gold += 1
        try:
            vocab.numbers.find(text)
            for m in vocab.dates.find(text):
                vocab.dates.resolve(m, reference, sentence=text)
            extract_claims(article_from_text(text, vocab, published=reference), vocab)
        except Exception as exc:  # noqa: BLE001 - counting exactly this
            c.tp += 1
            fr.raised.append(f"{text!r}: {type(exc).__name__}: {exc}")
            fr.miss("raises an exception", f"{sf.name}#{idx}: {text!r} — {type(exc).__name__}: {exc}")
    return fr


EVALUATORS = {
    "numbers": evaluate_numbers,
    "units": evaluate_numbers,
    "date-extractor": evaluate_dates,
    "date-parser": evaluate_dates,
    "datetime-model": evaluate_dates,
    "quantulum": evaluate_quantulum,
    "errors": evaluate_errors,
}


# --------------------------------------------------------------------------------------------
# Running and reporting
# --------------------------------------------------------------------------------------------

def measure(every: int = 1, folder: Path | None = None, vocab: Any = None, exclude: bool = True) -> list[FileResult]:
    """Run every suite file (every ``every``-th case of each; errors.json always whole).

    ``exclude=False`` applies none of the ``EXCLUSIONS`` (to show what they change)."""
    folder = folder or peer_suites_dir()
    if vocab is None:
        from consistency.rules import load_rules

        vocab = load_rules().compiled
    results = []
    for sf in FILES:
        path = folder / sf.path
        cases = load_cases(path)
        t0 = time.perf_counter()
        step = 1 if sf.family == "errors" else every
        fr = EVALUATORS[sf.family](vocab, sf, cases, step, exclude)
        fr.seconds = time.perf_counter() - t0
        results.append(fr)
    return results


def figures(results: list[FileResult]) -> dict[str, float]:
    """Flat figures: '<file>.<metric>.<precision|recall|f1|accuracy|raises>' and overall rows."""
    out: dict[str, float] = {}
    by_name = {fr.suite.name: fr for fr in results}
    for fr in results:
        for metric in METRICS[fr.suite.name]:
            c = fr.metrics.get(metric, Counts())
            for key, val in _metric_values(metric, c).items():
                out[f"{fr.suite.name}.{metric}.{key}"] = val
    for label, files, metrics in OVERALL:
        for metric in metrics:
            total = Counts()
            for f in files:
                if f in by_name:
                    total.add(by_name[f].metrics.get(metric, Counts()))
            for key, val in _metric_values(metric, total).items():
                out[f"overall {label}.{metric}.{key}"] = val
    return out


def _metric_values(metric: str, c: Counts) -> dict[str, float]:
    if metric == "raises":
        return {"raises": float(c.tp)}
    if metric == "value accuracy":
        return {"accuracy": c.accuracy}
    if metric == "value recall":
        return {"recall": c.recall}
    return {"precision": c.precision, "recall": c.recall, "f1": c.f1}


def _target_text(name: str, metric: str) -> tuple[str, str]:
    t = TARGETS.get((name, metric))
    if not t:
        return "—", ""
    fig, thr = t
    if fig == "raises":
        return "0 raises", ""
    return f"{fig} ≥ {thr:.2f}", fig


def _meets(name: str, metric: str, c: Counts) -> str:
    t = TARGETS.get((name, metric))
    if not t:
        return ""
    fig, thr = t
    val = {"f1": c.f1, "accuracy": c.accuracy, "recall": c.recall, "raises": c.tp}[fig]
    ok = val <= thr if fig == "raises" else val >= thr
    return "yes" if ok else "**no**"


def cause_table(results: list[FileResult]) -> list[tuple[str, int, dict[str, int], list[str]]]:
    """(cause, count, count per file, up to three examples), most frequent first; ties by name.

    Examples come from different files first (in file order), then the next ones in order."""
    counts: Counter = Counter()
    per_file: dict[str, Counter] = defaultdict(Counter)
    found: dict[str, dict[str, list[str]]] = defaultdict(dict)
    for fr in results:
        for m in fr.misses:
            counts[m.cause] += 1
            per_file[m.cause][fr.suite.name] += 1
            found[m.cause].setdefault(fr.suite.name, []).append(m.example)
    rows = []
    for cause, n in counts.items():
        lists = list(found[cause].values())
        examples = [lst[0] for lst in lists][:3]
        for lst in lists:
            for e in lst[1:]:
                if len(examples) < 3:
                    examples.append(e)
        rows.append((cause, n, dict(per_file[cause]), examples))
    rows.sort(key=lambda r: (-r[1], r[0]))
    return rows


def headline(name: str) -> str:
    """The metric a file is judged by: its targeted one, else its first."""
    for metric in METRICS[name]:
        if (name, metric) in TARGETS:
            return metric
    return METRICS[name][0]


def _headline_value(fr: FileResult) -> tuple[str, float]:
    metric = headline(fr.suite.name)
    c = fr.metrics.get(metric, Counts())
    if metric == "raises":
        return "raises", float(c.tp)
    if metric in ("value accuracy", "value recall"):
        return metric, c.recall
    return f"{metric} F1", c.f1


def render_markdown(results: list[FileResult], command: str, every: int,
                    unfiltered: list[FileResult] | None = None) -> str:
    L: list[str] = []
    L.append("# Extraction accuracy against other projects' test suites")
    L.append("")
    L.append("Generated by `benchmarks/accuracy.py` (issue 7); do not edit by hand. Command:")
    L.append("")
    L.append(f"    {command}")
    L.append("")
    L.append("Data: `../shared/peer-suites/` (Microsoft Recognizers-Text English specs, quantulum3 tests; MIT),"
             " read in place, never copied. "
             + ("Every case of every file." if every <= 1 else f"Sample: every {every}th case of each file."))
    L.append("The extractor is measured as it is, with the built-in rules; nothing here changes it.")
    L.append("")
    L.append("## Figures")
    L.append("")
    L.append("P / R / F1 over expected items (one-to-one, span overlap required); accuracy = right / expected,"
             " and there 'read' counts the expected items that some reading overlaps. Target = issue 7.")
    L.append("")
    L.append("| file | metric | expected | read | right | P | R | F1 / acc. | target | meets |")
    L.append("|---|---|---:|---:|---:|---:|---:|---:|---|---|")
    by_name = {fr.suite.name: fr for fr in results}
    for fr in results:
        name = fr.suite.name
        for metric in METRICS[name]:
            c = fr.metrics.get(metric, Counts())
            target, _ = _target_text(name, metric)
            meets = _meets(name, metric, c)
            if metric == "raises":
                L.append(f"| {name} | inputs that raise | {c.gold} | | {c.tp} | | | {c.tp} raise(s) | {target} | {meets} |")
            elif metric in ("value accuracy", "value recall"):
                L.append(f"| {name} | {metric} | {c.gold} | {c.pred} | {c.tp} | | | {c.recall:.3f} | {target} | {meets} |")
            else:
                L.append(f"| {name} | {metric} | {c.gold} | {c.pred} | {c.tp} | {c.precision:.3f} | {c.recall:.3f} |"
                         f" {c.f1:.3f} | {target} | {meets} |")
    for label, files, metrics in OVERALL:
        for metric in metrics:
            total = Counts()
            for f in files:
                if f in by_name:
                    total.add(by_name[f].metrics.get(metric, Counts()))
            if metric == "value accuracy":
                L.append(f"| **overall** {label} | {metric} | {total.gold} | {total.pred} | {total.tp} | | | {total.recall:.3f} | | |")
            else:
                L.append(f"| **overall** {label} | {metric} | {total.gold} | {total.pred} | {total.tp} |"
                         f" {total.precision:.3f} | {total.recall:.3f} | {total.f1:.3f} | | |")
    L.append("")
    dtm = by_name.get("DateTimeModel")
    if dtm and dtm.by_type:
        L.append("DateTimeModel by expected type (value accuracy):")
        L.append("")
        L.append("| type | expected | right | accuracy |")
        L.append("|---|---:|---:|---:|")
        for kind, c in sorted(dtm.by_type.items(), key=lambda kv: (-kv[1].gold, kv[0])):
            L.append(f"| {kind} | {c.gold} | {c.tp} | {c.recall:.3f} |")
        L.append("")
    L.append("Cases and negatives:")
    L.append("")
    L.append("| file | cases | used | excluded (filter: n) | cases expecting nothing | of which we read something |")
    L.append("|---|---:|---:|---|---:|---:|")
    for fr in results:
        ex = ", ".join(f"{k}: {v}" for k, v in sorted(fr.excluded.items())) or "—"
        L.append(f"| {fr.suite.name} | {fr.cases} | {fr.cases_used} | {ex} | {fr.negatives} | {fr.negatives_with_reading} |")
    L.append("")
    L.append("## Exclusions")
    L.append("")
    L.append("The only cases or expected items left out (counts above). A dropped item takes any reading overlapping"
             " it along; a dropped case takes everything.")
    L.append("")
    for e in EXCLUSIONS:
        L.append(f"- **{e.name}** (drops {e.level}; {', '.join(e.files)}): {e.reason}.")
    L.append("")
    if unfiltered:
        L.append("What the exclusions change (same run without any filter; a unit word without a number then counts"
                 " as a miss):")
        L.append("")
        L.append("| file | figure | with exclusions | without |")
        L.append("|---|---|---:|---:|")
        plain = {fr.suite.name: fr for fr in unfiltered}
        for fr in results:
            if not fr.excluded or fr.suite.name not in plain:
                continue
            label, val = _headline_value(fr)
            _, raw = _headline_value(plain[fr.suite.name])
            L.append(f"| {fr.suite.name} | {label} | {val:.3f} | {raw:.3f} |")
        L.append("")
    L.append("## Conventions")
    L.append("")
    L.append("Where upstream and the checker read the same words by different documented rules, the item is"
             " counted right under the checker's rule; every use is counted here.")
    L.append("")
    for cv in CONVENTIONS:
        used = ", ".join(f"{fr.suite.name}: {fr.conventions[cv.name]}" for fr in results if fr.conventions.get(cv.name))
        L.append(f"- **{cv.name}** ({', '.join(cv.files)}; items counted right by it: {used or 0}): {cv.reason}.")
    L.append("")
    L.append("Upstream's `NotSupported` marks are ignored: the expectation still describes correct behaviour.")
    L.append("")
    L.append("## How the suites are read")
    L.append("")
    doc = (__doc__ or "").split("How each suite is read (the decisions behind the figures; repeated in the markdown report):")[-1]
    doc = doc.split("Cases excluded by a filter")[0].strip()
    L.extend(doc.splitlines())
    L.append("")
    rows = cause_table(results)
    L.append("## Misses by cause")
    L.append("")
    L.append("Every expected item that a figure misses is counted once, under the first figure it fails (value,"
             " then span, then bounds/unit); every extra reading is a 'false positive'. Most frequent first: this"
             " is the list of rules to add next.")
    L.append("")
    L.append("| # | cause | misses | files |")
    L.append("|---:|---|---:|---|")
    for i, (cause, n, per_file, _) in enumerate(rows, 1):
        files = ", ".join(f"{f} {k}" for f, k in sorted(per_file.items(), key=lambda kv: (-kv[1], kv[0])))
        L.append(f"| {i} | {cause} | {n} | {files} |")
    L.append("")
    for title, fam in (("numbers, units and quantities", ("numbers", "units", "quantulum", "errors")),
                       ("dates", ("date-extractor", "date-parser", "datetime-model"))):
        sub = cause_table([fr for fr in results if fr.suite.family in fam])
        L.append(f"Top causes for {title}:")
        L.append("")
        for cause, n, _, _ in sub[:15]:
            L.append(f"- {n} — {cause}")
        L.append("")
    L.append("### Examples")
    L.append("")
    for i, (cause, n, _, exs) in enumerate(rows, 1):
        L.append(f"{i}. **{cause}** ({n})")
        for e in exs:
            L.append(f"   - `{e.replace('`', chr(39))}`")
    L.append("")
    return "\n".join(L)


def render_text(results: list[FileResult]) -> str:
    L = []
    for fr in results:
        for metric in METRICS[fr.suite.name]:
            c = fr.metrics.get(metric, Counts())
            target, _ = _target_text(fr.suite.name, metric)
            meets = _meets(fr.suite.name, metric, c).replace("*", "")
            if metric == "raises":
                L.append(f"{fr.suite.name:24} {'raises':16} {c.tp}/{c.gold}   target {target} {meets}")
            elif metric in ("value accuracy", "value recall"):
                L.append(f"{fr.suite.name:24} {metric:16} {c.recall:.3f} ({c.tp}/{c.gold})   target {target} {meets}")
            else:
                L.append(f"{fr.suite.name:24} {metric:16} P {c.precision:.3f} R {c.recall:.3f} F1 {c.f1:.3f}"
                         f" ({c.tp}/{c.gold} exp, {c.pred} read)   target {target} {meets}")
    L.append("")
    L.append("Top miss causes:")
    for cause, n, per_file, _ in cause_table(results)[:25]:
        L.append(f"  {n:4}  {cause}")
    return "\n".join(L)


def to_json(results: list[FileResult], every: int) -> dict[str, Any]:
    return {
        "sample_every": every,
        "figures": figures(results),
        "files": {
            fr.suite.name: {
                "cases": fr.cases,
                "cases_used": fr.cases_used,
                "excluded": dict(sorted(fr.excluded.items())),
                "conventions": dict(sorted(fr.conventions.items())),
                "metrics": {k: vars(v) for k, v in fr.metrics.items()},
                "by_type": {k: vars(v) for k, v in sorted(fr.by_type.items())},
                "negatives": fr.negatives,
                "negatives_with_reading": fr.negatives_with_reading,
                "raised": fr.raised,
                "seconds": round(fr.seconds, 3),
            }
            for fr in results
        },
        "causes": [
            {"cause": c, "count": n, "per_file": pf, "examples": ex} for c, n, pf, ex in cause_table(results)
        ],
    }


def floor_down(x: float) -> float:
    return math.floor(round(x * 100, 6)) / 100


# The test's sample: every N-th case of each file.  The whole measurement takes about a second,
# so the test uses every case (N = 1): the most sensitive choice that is still fast.
FLOOR_SAMPLE = 1


def write_floor(path: Path, command: str, results: list[FileResult] | None = None) -> dict[str, Any]:
    figs = figures(results if results is not None else measure(FLOOR_SAMPLE))
    data = {
        "about": "Floors of the extraction accuracy figures of benchmarks/accuracy.py: the figures of the run"
                 " below, rounded down to 2 decimals ('.raises': the maximum count of inputs that raise)."
                 " tests/test_accuracy_floor.py runs the same measurement on the same sample and fails when a"
                 " figure falls below its floor. After an improvement, regenerate with the command below.",
        "command": command,
        "sample_every": FLOOR_SAMPLE,
        "floors": {k: (v if k.endswith(".raises") else floor_down(v)) for k, v in sorted(figs.items())},
    }
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return data


def check_floor(figs: dict[str, float], floor: dict[str, float]) -> list[str]:
    """The figures that fell below their floor (or raise more than allowed), as messages."""
    bad = []
    for key, low in sorted(floor.items()):
        if key not in figs:
            bad.append(f"{key}: figure missing (floor {low})")
            continue
        val = figs[key]
        if key.endswith(".raises"):
            if val > low:
                bad.append(f"{key}: {val:g} > allowed {low:g}")
        elif val + 1e-9 < low:
            bad.append(f"{key}: {val:.4f} < floor {low:.2f}")
    return bad


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sample", type=int, default=1, metavar="N", help="use every N-th case of each file")
    ap.add_argument("--json", type=Path, help="write all figures, counts and miss causes as JSON")
    ap.add_argument("--markdown", type=Path, help="write the markdown report")
    ap.add_argument("--write-floor", type=Path, metavar="PATH", help="write the floor file (full and test sample)")
    ap.add_argument("--suites", type=Path, help=f"peer-suites folder (default: ${PEER_ENV} or ../shared/peer-suites)")
    args = ap.parse_args(argv)
    folder = args.suites or peer_suites_dir()
    if not folder.is_dir():
        print(f"peer suites not found at {folder} (set {PEER_ENV} or pass --suites)", file=sys.stderr)
        return 2
    if args.suites:
        os.environ[PEER_ENV] = str(args.suites)
    command = "python benchmarks/accuracy.py " + " ".join(sys.argv[1:] if argv is None else argv)
    results = measure(args.sample, folder)
    print(render_text(results))
    if args.markdown:
        unfiltered = measure(args.sample, folder, exclude=False)
        args.markdown.write_text(render_markdown(results, command.strip(), args.sample, unfiltered), encoding="utf-8")
    if args.json:
        args.json.write_text(json.dumps(to_json(results, args.sample), indent=2, ensure_ascii=False, default=str) + "\n",
                             encoding="utf-8")
    if args.write_floor:
        if args.sample != FLOOR_SAMPLE:
            print(f"--write-floor uses the test's sample (every {FLOOR_SAMPLE}); --sample is ignored for it",
                  file=sys.stderr)
        write_floor(args.write_floor, command.strip(), results if args.sample == FLOOR_SAMPLE else None)
    return 0


if __name__ == "__main__":
    sys.exit(main())
