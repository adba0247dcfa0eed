"""Finding dates in text and placing them on the calendar.

Absolute forms ("January 13th", "Jan. 19", "13 January 2022", "January 6, 2022", "13.01.2022",
"2022-01-13"), months and years ("January 2022", "in 2021", "the 1990s", "Q3 2019", "the first
half of 2021"), ranges ("January 4-22", "from 3 to 5 May", "January-March 2022", "between
2015 and 2018"), parts of periods ("early January", "the end of March", "late 2021"), and
relative ones ("today", "yesterday evening", "on Thursday", "last week", "earlier this month",
"two days ago", "1 month and 21 days ago", "in three weeks", "less than two weeks from today",
"between now and June"), months in other orders ("2016-11", "11/2016", "2016 June"), weeks and
weekdays of a period ("the third week of July", "the first Friday of next month", "the week of
March 3", "the second Sunday", "the first six months of 2021"), days after a cue without a year
("on 22/04"), two-digit years after an apostrophe or that cannot be a day ("April of '87", "August
99."), the nearest weekend ("over the weekend"), lists of days ("21, 23 and 25 June", "March 3 and
4."), anniversaries ("25 years ago this month"), vague offsets as ranges ("a
few days ago"), years and decades in words (``year_words.py``), holidays and their weekends
(``holidays.py``, "Thanksgiving weekend") and days counted from another event ("the next
day", "two days later": read, never placed from the publication date).  A date without a year, or a relative one, is placed only
with a reference date (the article's publication date); otherwise it stays unresolved and says
why.  Lengths of time ("10 days", "a few weeks", "for two months") are read apart, by
:meth:`DateReader.find_durations`: they are not dates.

Every word list comes from ``rules/dates.toml``; this module holds only the grammar.

Matching is driven by tokens: a form is tried only where a word that can begin it stands (a
month, a weekday, a digit, "the", "since" ...), and at each such place the longest form wins.
Every form is a regular expression without nested unbounded repetition.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Any, Callable

from consistency.extract.casefold import fold
from consistency.extract.date_placing import DatePlacing, Resolution  # noqa: F401  (Resolution: part of this module's API)
from consistency.extract.holidays import Holidays
from consistency.extract.year_words import YearWords


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))


@dataclass(frozen=True)
class DateMatch:
    start: int
    end: int
    text: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None  # named weekday (0 = Monday)
    relative_days: int | None = None  # "yesterday" = -1
    weekday_only: bool = False  # "on Thursday"
    has_time: bool = False  # "20 January 2022, 14:03"
    # -- added for periods, ranges and relative forms (all optional) --
    weekday_mod: str | None = None  # "this" / "next" / "last" before a weekday
    period: str | None = None  # "week", "weekend", "month", "year", "quarter", "half", "decade", "century"
    period_offset: int | None = None  # calendar period relative to the reference: this 0, next 1, last -1
    period_index: int | None = None  # quarter 1-4, half 1-2, decade 1990, century 21
    part: str | None = None  # "early", "mid", "late", "beginning", "end", "first half", "earlier", "later", "rest"
    rolling: tuple[str, float, int] | None = None  # ("day"|"month"|"year", amount, -1 past / +1 next / 0 within)
    until: "DateMatch | None" = None  # the end of a range; this match's own fields are its start
    bound: str | None = None  # "since", "until", "before", "after", "by": an open-ended period at this date
    from_event: bool = False  # "two days later": counted from another event, not the publication date
    future_only: bool = False  # "in three weeks": a date only when the sentence speaks of the future
    shift: tuple[int, int] | None = None  # "three days after January 12": (months, days) added to this date
    offset_months: int | None = None  # "1 month and 21 days ago": months before the days of relative_days
    nth: int | None = None  # "the third week of", "the first Friday of": 1, 2 ...; -1 for the last
    season: str | None = None  # "summer": with year (the one beginning then) or weekday_mod / period_offset
    holiday: str | None = None  # "Christmas", "Good Friday": placed by the rule of that name
    week_of: bool = False  # "the week of March 3": the Monday-to-Sunday week around that day
    holiday_weekend: bool = False  # "Labor Day weekend", "the weekend of Halloween": the weekend at that holiday
    edge: tuple[int, int, str] | None = None  # "the first six months of 2021": (1 first / -1 last, 6, "month")
    months_to: int | None = None  # "the 12 months to March": that many months ending with this month
    nearest_weekend: bool = False  # "over the weekend": the weekend nearest the publication date

    @property
    def granularity(self) -> str:
        if self.until is not None:
            return "range"
        if self.edge is not None or self.months_to is not None:
            return "period"
        if self.rolling is not None:
            return "period"
        if self.nth is not None:
            return "day" if self.weekday is not None else "week"
        if self.holiday is not None:
            return "weekend" if self.holiday_weekend else "day"
        if self.season is not None:
            return "season"
        if self.from_event and self.period is not None:
            return self.period  # "two days later": a day, placed from another event
        if self.week_of:
            return "week"
        if self.period == "year" and self.month is not None:
            return "day" if self.day is not None else "month"  # "June next year"
        if self.period is not None:
            if self.weekday is not None and self.period == "week" and self.part is None:
                return "day"
            if self.day is not None and self.period == "month":
                return "day"  # "the 20th of next month"
            return self.period
        if self.part is not None:
            return "period"
        if self.day is not None or self.relative_days is not None or self.weekday_only:
            return "day"
        if self.month is not None:
            return "month"
        return "year"

    @property
    def is_relative(self) -> bool:
        return (
            self.relative_days is not None or self.weekday_only or self.period_offset is not None
            or self.rolling is not None or self.from_event or (self.until is not None and self.until.is_relative)
            or (self.day is not None and self.month is None)
            or (self.holiday is not None and self.year is None)
            or (self.season is not None and self.year is None) or self.nearest_weekend
        )


@dataclass(frozen=True)
class DurationMatch:
    """A length of time: "10 days", "a few weeks", "two and a half years", "all day"."""

    start: int
    end: int
    text: str
    low_days: float  # shortest length it can mean, in days (a month is 30, a year 365)
    high_days: float
    unit: str  # the unit as written, singular: "day", "week", "month" ...
    qualifier: str = "exact"  # "exact", "vague" ("a few"), "more_than", "less_than", "within"

    @property
    def days(self) -> float:
        return (self.low_days + self.high_days) / 2


_Handler = Callable[["re.Match[str]", str], "DateMatch | None"]


@dataclass
class _Form:
    name: str
    pattern: re.Pattern[str]
    handler: _Handler
    starters: frozenset[str] = field(default_factory=frozenset)  # lower-case first words; "#" = a digit


def _token_rows(pattern: re.Pattern[str], text: str):
    for m in pattern.finditer(text):
        yield (m.start(), *m.groups())


class DateReader(DatePlacing):
    def __init__(self, rules: dict[str, Any], numbers: dict[str, Any] | None = None) -> None:
        self.months = {k.lower(): v for k, v in rules.get("months", {}).items()}
        self.weekdays = {k.lower(): v for k, v in rules.get("weekdays", {}).items()}
        self.relative = {k.lower(): v for k, v in rules.get("relative", {}).items()}
        seasons = rules.get("seasons", {})
        self.seasons = {k.lower(): (int(v[0]), int(v[1])) for k, v in seasons.get("months", {}).items()}
        self.season_needs_mod = {w.lower() for w in seasons.get("needs_modifier", [])}
        self.season_cues = [w.lower() for w in seasons.get("cues", [])]
        self.holidays = Holidays(rules.get("holidays", {}), self.weekdays)
        self.event_days = [w.lower() for w in rules.get("relative_to_event", {}).get("words", [])]
        parts = rules.get("parts_of_day", {})
        self.parts_of_day = parts.get("words", [])
        self.lead_ins = parts.get("lead_ins", [])
        ref = rules.get("weekday_reference", {})
        self.past_days = int(ref.get("past_days", 6))
        self.future_days = int(ref.get("future_days", 6))
        self.future_cues = ref.get("future_cues", [])
        self.ahead_months = int(rules.get("year_from_publication", {}).get("ahead_months", 12))
        wkend = rules.get("weekend", {})
        self.weekend_cues = [w.lower() for w in wkend.get("cues", [])]
        self.weekend_not_before = {w.lower() for w in wkend.get("not_before", [])}
        self.weekend_noun_cues = {w.lower() for w in wkend.get("noun_cues", [])}
        self.weekend_then_words = {w.lower() for w in wkend.get("then_words", [])}
        self.order = rules.get("numeric", {}).get("order", "dmy")
        self.two_digit_pivot = int(rules.get("numeric", {}).get("two_digit_year_pivot", 50))
        self.numeric_cues = [w.lower() for w in rules.get("numeric", {}).get("cues_without_year", [])]
        self.not_before_numeric = {w.lower() for w in rules.get("numeric", {}).get("not_after", [])}
        header = rules.get("header", {})
        self.furniture_words = {w.lower() for w in header.get("furniture_words", [])}
        self.max_days_after_body = int(header.get("max_days_after_body", 90))
        words = rules.get("words", {})
        self.verb_months = {w.lower() for w in words.get("capitalised_months", ["may"])}
        self.lowercase_before_day = {w.lower() for w in words.get("lowercase_before_day", [])}
        self.not_days_after_lowercase = {w.lower() for w in words.get("not_days_after_lowercase", [])}
        self.bare_weekdays = {w.lower() for w in words.get("bare_weekdays", [])}
        self.not_before_weekday = {w.lower() for w in words.get("not_before_weekday", [])}
        self.not_before_nth_weekday = {w.lower() for w in words.get("not_before_nth_weekday", [])}
        self.weekday_prepositions = [w.lower() for w in words.get("weekday_prepositions", [])]
        self.day_word_cues = {w.lower() for w in words.get("day_word_cues", [])}
        nums = rules.get("number_words", {})
        self.units_words = {k.lower(): int(v) for k, v in nums.get("units", {}).items()}
        self.tens_words = {k.lower(): int(v) for k, v in nums.get("tens", {}).items()}
        self.ordinal_words = {k.lower(): int(v) for k, v in nums.get("ordinals", {}).items()}
        self.ordinal_tens = {k.lower(): int(v) for k, v in nums.get("ordinal_tens", {}).items()}
        self.decade_words = {k.lower(): int(v) for k, v in nums.get("decades", {}).items()}
        decades = rules.get("decades", {})
        self.decade_not_after = {w.lower() for w in decades.get("not_after", [])}
        self.hundreds_before = int(decades.get("hundreds_before", 0))
        self.decade_measure_words = [w.lower() for w in decades.get("measure_words", [])]
        # years in words read with the number words of the number rules
        yw_rules = dict(rules.get("year_words", {}))
        yw_rules["decades_after_century"] = {**{k: v for k, v in self.decade_words.items() if v < 100},
                                             **yw_rules.get("decades_after_century", {})}
        numbers = numbers or {}
        self.year_words = YearWords(numbers.get("words", {}), numbers.get("scales", {}), yw_rules)
        periods = rules.get("periods", {})
        self.period_units = {k.lower(): v for k, v in periods.get("units", {}).items()}
        self.modifiers = {k.lower(): v for k, v in periods.get("modifiers", {}).items()}
        self.cues = {k.lower(): v for k, v in periods.get("cues", {}).items()}
        self.range_connectors = [w.lower() for w in periods.get("range_connectors", ["-", "to", "until", "through"])]
        self.range_leads = [w.lower() for w in periods.get("range_leads", ["from", "between"])]
        self.to_date = {k.lower(): v for k, v in periods.get("to_date", {}).items()}
        self.now_words = [w.lower() for w in periods.get("now_words", [])]
        self.months_to_words = [w.lower() for w in periods.get("months_to", [])]
        self.month_range_nouns = [w.lower() for w in periods.get("month_range_nouns", [])]
        self.find_next_periods = bool(periods.get("find_next_periods", True))
        self.part_words = {k.lower(): v for k, v in rules.get("parts", {}).get("words", {}).items()}
        self.part_fractions: dict[str, dict[str, list[float]]] = {
            k: v for k, v in rules.get("parts", {}).items() if k != "words" and isinstance(v, dict)
        }
        self.quarter_words = {k.lower(): int(v) for k, v in rules.get("quarters", {}).items()}
        self.last_words = [w.lower() for w in rules.get("weeks", {}).get("last_words", [])]
        self.week_of_words = [w.lower() for w in rules.get("weeks", {}).get("week_of", ["week of"])]
        offsets = rules.get("offsets", {})
        self.offset_units = {k.lower(): v for k, v in offsets.get("units", {}).items()}
        self.offset_directions = {k.lower(): v for k, v in offsets.get("directions", {}).items()}
        self.amounts = {k.lower(): v for k, v in offsets.get("amounts", {}).items()}
        self.anchor_directions = {k.lower(): v for k, v in offsets.get("anchored", {}).items()}
        dur = rules.get("durations", {})
        self.duration_units = {k.lower(): v for k, v in dur.get("units", {}).items()}
        self.duration_wholes = {k.lower(): v for k, v in dur.get("wholes", {}).items()}
        self.duration_qualifiers = {k.lower(): v for k, v in dur.get("qualifiers", {}).items()}

    # -- building blocks ------------------------------------------------------------------

    @cached_property
    def _blocks(self) -> dict[str, str]:
        months = _alternation(list(self.months))
        weekdays = _alternation(list(self.weekdays))
        units = _alternation(list(self.units_words))
        tens = _alternation(list(self.tens_words))
        ords = _alternation(list(self.ordinal_words))
        ord_tens = _alternation(list(self.ordinal_tens))
        b: dict[str, str] = {}
        b["month"] = rf"(?:{months})(?![a-z])\.?"
        b["weekday"] = rf"(?:{weekdays})(?![a-z])\.?"
        b["year"] = r"(?:1[89]|2[01])\d{2}(?![\d]|s\b)"  # (not "1990s": a decade)
        b["yw"] = self.year_words.pattern()
        # a year in figures or words ("nineteen seventy-eight"): where a month or a day already says "date"
        # ("May 5, two thousand people marched": words count people unless a pause follows them)
        # (a year before 1800 in figures only before a pause too: "5 December 1391.", not "May 5 1500 people")
        # (two figures after an apostrophe are a year there too: "April of '87", "March 3, '03"; not "the '70s")
        b["yearx"] = (rf"(?:{b['year']}|(?<!\d)1[0-7]\d{{2}}(?!\d)(?=\s*(?:[.,;:!?)]|$))"
                      rf"|['’]\d{{2}}(?![\w'’])"
                      rf"|{b['yw']}(?=\s*(?:[.,;:!?)]|$)|\s+(?:to|through|until|till|at)\b))")
        # after a month, two figures that cannot be a day are a year before a pause: "records for August 99."
        # (not "in August 45 people died": then they count)
        b["year2"] = r"(?<![\d'’])(?:3[2-9]|[4-9]\d)(?![\d]|[.,]\d)(?=\s*(?:[.,;:!?)]|$))"
        b["daynum"] = r"(?<![\d.,$€£¥])(?<![$€£¥]\s)[0-3]?\d(?:st|nd|rd|th)?(?![\d])(?!\.\d)"
        # number words as days: "the second", "twenty-first", "thirty first", "fifteen"
        b["dayword"] = (
            rf"(?:(?:{tens})[\s-]+(?:{ords}|{units})|{ord_tens}|{ords}|{units})(?![a-z-])"
        )
        b["dayord"] = rf"(?:(?:{tens})[\s-]+(?:{ords})|{ord_tens}|{ords})(?![a-z-])"
        b["amount_word"] = rf"(?:(?:{tens})[\s-]+(?:{units})|{tens}|{units})(?![a-z-])"
        amounts = _alternation(list(self.amounts))
        b["amount"] = rf"(?:\d{{1,3}}(?:\.\d+)?|{b['amount_word']}|{amounts})"
        b["ounit"] = rf"(?:{_alternation(list(self.offset_units))})(?![a-z])"
        b["punit"] = rf"(?:{_alternation(list(self.period_units))})(?![a-z])"
        b["mod"] = rf"(?:{_alternation(list(self.modifiers))})"
        b["part"] = rf"(?:{_alternation(list(self.part_words))})" if self.part_words else r"(?!)"
        b["conn"] = rf"(?:\s*[-–—]\s*|\s+(?:{_alternation([c for c in self.range_connectors if c.isalpha()])})\s+)"
        b["rlead"] = rf"(?:{_alternation(self.range_leads)})"
        b["cue"] = rf"(?:{_alternation(list(self.cues))})" if self.cues else r"(?!)"
        b["time"] = r"(?:,?\s*(?:at\s+)?\d{1,2}:\d{2}(?::\d{2})?(?:\s?[ap]\.?m\.?)?)"
        b["lead"] = rf"(?:{_alternation(self.lead_ins)})" if self.lead_ins else r"(?!)"
        return b

    def _day_value(self, s: str) -> int | None:
        s = s.lower().strip()
        m = re.match(r"(\d+)", s)
        if m:
            return int(m.group(1))
        parts = re.split(r"[\s-]+", s)
        if len(parts) == 2:
            t = self.tens_words.get(parts[0])
            u = self.ordinal_words.get(parts[1], self.units_words.get(parts[1]))
            return t + u if t is not None and u is not None and u < 10 else None
        return self.ordinal_words.get(s, self.ordinal_tens.get(s, self.units_words.get(s)))

    def _amount_value(self, s: str) -> tuple[float, float] | None:
        s = re.sub(r"\s+", " ", s.lower().strip())
        if re.match(r"\d", s):
            v = float(s)
            return v, v
        if s in self.amounts:
            v = self.amounts[s]
            return (float(v[0]), float(v[1])) if isinstance(v, list) else (float(v), float(v))
        parts = re.split(r"[\s-]+", s)
        if len(parts) == 2 and parts[0] in self.tens_words and parts[1] in self.units_words:
            v = self.tens_words[parts[0]] + self.units_words[parts[1]]
            return float(v), float(v)
        v = self.units_words.get(s, self.tens_words.get(s))
        return (float(v), float(v)) if v is not None else None

    def _month_of(self, name: str | None) -> int | None:
        return self.months.get(name.lower().rstrip(".")) if name else None

    def _verb_month(self, name: str | None) -> bool:
        """'may'/'march' written in lower case are words, not months."""
        return bool(name) and name.lower().rstrip(".") in self.verb_months and name[0].islower()  # type: ignore[index]

    def _year_of(self, s: str | None) -> int | None:
        """A year in figures or in words ("nineteen seventy-eight")."""
        if not s:
            return None
        s = s.strip()
        if s[:1] in "'’" and s[1:].isdigit():
            return self._year2(s[1:])  # "'87"
        if s.isdigit() and len(s) == 2:
            return self._year2(s)  # "August 99"
        return int(s) if s.isdigit() else self.year_words.value(s)

    def _year2(self, s: str) -> int:
        v = int(s)
        return 2000 + v if v < self.two_digit_pivot else 1900 + v

    # -- the forms --------------------------------------------------------------------------

    @cached_property
    def _forms(self) -> list[_Form]:
        b = self._blocks
        M, W, Y, D, DW = b["month"], b["weekday"], b["year"], b["daynum"], b["dayword"]
        YX = b["yearx"]
        T, C = b["time"], b["conn"]
        rel_words = _alternation(list(self.relative))
        pod = _alternation(self.parts_of_day)
        flags = re.IGNORECASE
        first = lambda words: frozenset(w.split()[0].lower() for w in words)  # noqa: E731
        months_s, weekdays_s = frozenset(self.months), frozenset(self.weekdays)
        day_words_s = frozenset(self.ordinal_words) | frozenset(self.tens_words) | frozenset(self.units_words) | frozenset(self.ordinal_tens)
        digit = frozenset({"#"})
        forms: list[_Form] = []

        def add(name: str, pattern: str, handler: _Handler, starters: frozenset[str]) -> None:
            forms.append(_Form(name, re.compile(pattern, flags), handler, starters))

        wd_opt = rf"(?:(?P<wd>{W}),?\s+(?:the\s+)?)?"
        # "the night of January 6", "Thursday, January 13th", "Jan. 19, 2022", "Oct-2", "april22",
        # "May the eleventh", "Jan first", "January 12 of 2016"
        add("md", rf"(?:(?P<lead>{b['lead']})\s+)?{wd_opt}(?P<m>{M})(?:\s*[-/]\s*|\s*(?:the\s+)?)(?P<d>{D}|{DW})"
                  rf"(?!\s*[-–]\s*\d)(?:(?:,\s*|\s+(?:of\s+)?)(?P<y>{YX}))?(?P<t>{T})?",
            self._h_md, first(self.lead_ins) | weekdays_s | months_s)
        # "13 January 2022", "Thursday, 13 January", "the 13th of January", "1-jan", "second of Aug"
        add("dm", rf"{wd_opt}(?:the\s+)?(?P<d>{D}\.?|{DW})(?:\s*-\s*|/|\s+of\s+|\s+)(?P<m>{M})(?:(?:,?\s+(?:of\s+)?|(?<=[A-Za-z])[-/](?=\d{{4}}))(?P<y>{YX}))?(?P<t>{T})?",
            self._h_dm, weekdays_s | {"the", "#"} | day_words_s)
        # numeric: 2022-01-13, 2015/08/12, 2019-sep-1; 13.01.2022, 13/01/2022, 21/04/16, 9-18-15
        add("ymd", rf"(?<![\d.])(?P<y>{Y})(?P<s>[-/.])(?:(?P<mo>[01]?\d)|(?P<m>{M}))(?P=s)(?P<d>[0-3]?\d)(?![\d-]|\.\d)",
            self._h_ymd, digit)
        # (not inside a longer run of figures joined by '-': "133-03-03-2020" is a code, not a date)
        add("dmy", r"(?<![\d.,/:])(?<!\d-)(?P<n1>[0-3]?\d)(?P<s>[./-])(?P<n2>[0-3]?\d)(?P=s)(?P<y>(?:1[89]|2[01])\d{2}|\d{2})(?![\d]|[./-]\d|:)",
            self._h_dmy, digit)
        # "on 22/04", "from 10/1 to 11/7": day and month without a year, after a cue word
        if self.numeric_cues:
            add("dmcue", rf"(?P<cue>{_alternation(self.numeric_cues)})\s+(?<![\d.,/:])(?P<n1>[0-3]?\d)(?P<s>[/-])(?P<n2>[0-3]?\d)"
                         rf"(?![\d]|[./-]\d|\s*(?:%|per\s*cent|percent)|\s+of\b)",
                self._h_dmcue, frozenset(self.numeric_cues))
        # "January 2022", "Jan-Feb 2017", "January to March 2022", "between December and February"
        add("my", rf"(?:(?P<rl>{b['rlead']})\s+)?(?P<m>{M})(?:{C}(?P<m2>{M}))?(?:\s*,\s*|\s+|\s*[-/]\s*)(?:of\s+)?(?P<y>{YX}|{b['year2']})",
            self._h_my, months_s | first(self.range_leads))
        # "from March to May", "between August and October": months of the publication year
        add("mm", rf"(?P<rl>{b['rlead']})\s+(?P<m>{M})(?P<c>{C}|\s+and\s+)(?P<m2>{M})(?!\.?\s*[-/]?\s*[0-3]?\d(?!\d))",
            self._h_mm, first(self.range_leads))
        # "the July-September period", "the October-December quarter": months of a named span
        if self.month_range_nouns:
            add("mmnoun", rf"the\s+(?P<m>{M})\s*[-–—]\s*(?P<m2>{M})\s+(?:{_alternation(self.month_range_nouns)})(?![a-z])",
                self._h_mmnoun, frozenset({"the"}))
        # day ranges: "January 4-22", "Nov. 19 to 20, 2016", "from 4 to 22 January", "between 3 and 5 May"
        add("mdd", rf"(?:(?P<rl>{b['rlead']})\s+)?(?P<m>{M})\s+(?:(?P<rl2>{b['rlead']})\s+)?(?P<d>{D})(?P<c>{C}|\s+and\s+)(?P<d2>{D})(?![\d.,]\d)(?!\s*(?:%|per\s*cent|percent))"
                   rf"(?:,?\s+(?P<y>{YX}))?",
            self._h_mdd, months_s | first(self.range_leads))
        add("ddm", rf"(?:(?P<rl>{b['rlead']})\s+)?(?:the\s+)?(?P<d>{D})(?P<c>{C}|\s+and\s+)(?:the\s+)?(?P<d2>{D})(?:\s+of|,)?\s+(?P<m>{M})"
                   rf"(?:,?\s+(?P<y>{YX}))?",
            self._h_ddm, digit | {"the"} | first(self.range_leads))
        # "from 4 to January 22, 1995": the first day takes the month of the second
        add("dmd", rf"(?P<rl>{b['rlead']})\s+(?:the\s+)?(?P<d>{D})(?P<c>{C}|\s+and\s+)(?P<m>{M})\s+(?:the\s+)?(?P<d2>{D})"
                   rf"(?:,?\s+(?P<y>{YX}))?",
            self._h_dmd, first(self.range_leads))
        # "from 4 to 22 this month", "between 4 and 22 next month", "4-23 of next month"
        add("ddrel", rf"(?:(?P<rl>{b['rlead']})\s+)?(?:the\s+)?(?P<d>{D})(?P<c>{C}|\s+and\s+)(?:the\s+)?(?P<d2>{D})\s+(?:(?:of|in)\s+)?"
                     rf"(?:the\s+)?(?P<mod>{b['mod']})\s+month\b",
            self._h_ddrel, digit | {"the"} | first(self.range_leads))
        # year ranges: "2014-2018", "2014-15", "from 2014 to 2018", "between 2015 and 2018"
        add("yy", rf"(?:(?P<rl>{b['rlead']}|in)\s+)?(?<![\d.,$€£¥-])(?P<y>{Y})(?P<c>\s*[-–]\s*|/|\s+(?:to|through|until|till|and)\s+)(?P<y2>{Y}|\d{{2}}(?!\d|[.,]\d))(?!\s*(?:%|per)|[-–/]\d)",
            self._h_yy, digit | first(self.range_leads) | {"in"})
        # a month in other orders (after the year ranges: "2010-11" is two years): "2016-11", "2016/11", "11/2016", "3-2015", "2016 June", "2016, Nov"
        add("ym", rf"(?<![\d.,/:$€£¥#-])(?:(?P<y>{Y})\s*(?P<s>[-/])\s*(?P<mo>1[0-2]|0?[1-9])(?![\d]|\s*[./-]\s*\d|\s*%)"
                  rf"|(?P<mo2>1[0-2]|0?[1-9])\s*(?P<s2>[-/])\s*(?P<y2>{Y})(?!\s*[./-]\s*\d)"
                  rf"|(?P<y3>{Y})\s*,?\s*(?P<m>{M})(?!\.?,?\s*[-–/]?\s*[0-3]?\d(?!\d)))",
            self._h_ym, digit)
        # relative words: "yesterday evening", "today"
        add("rel", rf"(?P<rel>{rel_words})(?:\s+(?P<part>{pod}))?(?![a-z])", self._h_rel, first(list(self.relative)))
        # "the summer of 2021", "last winter", "in early spring", "autumn 2019", "mid summer"
        if self.seasons:
            scues = _alternation(self.season_cues) if self.season_cues else r"(?!)"
            add("season", rf"(?:(?P<cue>{scues})\s+)?(?:(?P<part>{b['part']})[\s-]*)?(?P<the>the\s+)?(?:(?P<mod>this|next|last|past|coming)\s+)?"
                          rf"(?P<s>{_alternation(list(self.seasons))})(?![a-z])(?:(?:\s*,\s*|\s+(?:of\s+)?)(?P<y>{YX})"
                          rf"|\s+of\s+(?P<ymod>this|next|last)\s+year\b)?",
                self._h_season, first(self.season_cues) | first(list(self.part_words)) | frozenset(self.seasons)
                | frozenset({"the", "this", "next", "last", "past", "coming"}))
        # "on Christmas Day", "Thanksgiving 2023", "last Easter", "over the Easter weekend"
        if self.holidays.names:
            names = _alternation(self.holidays.names).replace("'", "['’]")
            wkend = _alternation([w for w, u in self.period_units.items() if u == "weekend"] or ["weekend"])
            add("holiday", rf"(?:(?P<wkof>(?:the\s+)?(?:{wkend})\s+of)\s+)?(?:(?P<mod>this|next|last|previous|coming|following)\s+)?(?P<h>{names})(?![\w'’])"
                           rf"(?:(?:\s*,\s*|\s+(?:of\s+)?)(?P<y>{YX}))?(?:\s+(?P<wkend>{wkend})(?![a-z])(?(y)|(?:\s*,\s*|\s+)(?P<y2>{YX}))?)?",
                self._h_holiday, frozenset(re.match(r"[a-z]*", n).group(0) for n in self.holidays.names)  # type: ignore[union-attr]
                | frozenset({"this", "next", "last", "previous", "coming", "following", "the"})
                | frozenset(w for w, u in self.period_units.items() if u == "weekend"))
        # "over the weekend", "at the weekend": the weekend nearest the publication date
        if self.weekend_cues:
            wkend_words = _alternation([w for w, u in self.period_units.items() if u == "weekend"] or ["weekend"])
            add("weekend", rf"(?P<cue>{_alternation(self.weekend_cues)})\s+the\s+(?P<u>{wkend_words})(?![\w'’-])",
                self._h_weekend, first(self.weekend_cues))
        # "the next day", "the day before": a day counted from another event
        if self.event_days:
            add("eventday", rf"(?P<rel>{_alternation(self.event_days)})(?![a-z])", self._h_eventday, first(self.event_days))
        # "on Thursday", "last Friday", "this Sunday evening", "Friday"
        wd_long = _alternation([w for w in self.weekdays if len(w) > 3])
        preps = "".join(f"|{re.escape(w)}" for w in self.weekday_prepositions)
        add("wd", rf"(?:(?P<on>on|last|this|next|past|coming{preps})\s+)?(?P<w>{wd_long}|{W})(?![a-z])"
                  rf"(?!\.?,?\s+(?:the\s+)?(?:[0-3]?\d|{b['month']}|{b['dayord']}))(?!\s+(?:{pod})s\b)(?:\s+(?P<part>{pod}))?"
                  # ("Friday mornings": a habit, not a day; "until Thursday next week": read as one by wdweek)
                  rf"(?!\s+(?:of\s+)?(?:this|next|last)\s+week\b)",
            self._h_wd, weekdays_s | {"on", "last", "this", "next", "past", "coming"} | frozenset(self.weekday_prepositions))
        # "Friday the 22nd", "Saturday the second"
        # "Friday the 22nd", "Saturday the second", "Mon 13th", "on Friday 14th"
        add("wdd", rf"(?P<w>{W}),?\s+(?:the\s+(?P<d>{D}|{DW})|(?P<d2>[0-3]?\d(?:st|nd|rd|th))(?![\w]))(?!\.?,?\s+(?:of\s+)?{M})",
            self._h_wdd, weekdays_s)
        # "Friday next week", "next week on Friday", "this week Friday", "Sunday of next week"
        add("wdweek", rf"(?:on\s+)?(?P<w>{W})\s+(?:of\s+)?(?P<mod>this|next|last)\s+week\b",
            self._h_wdweek, weekdays_s | {"on"})
        add("weekwd", rf"(?P<mod>this|next|last)\s+week\s+(?:on\s+)?(?P<w>{W})(?![a-z])",
            self._h_weekwd, frozenset({"this", "next", "last"}))
        # "the 27th", "on the 21st", "on 22nd"
        add("dayonly", rf"(?:(?P<the>the)|on(?:\s+the)?)\s+(?P<d>(?<![\d.,$€£¥])[0-3]?\d(?:st|nd|rd|th)(?![\d])|{DW})"
                       rf"(?=\s*(?:[.,;:!?)]|$)|\s+(?:at|to|until|till|when|of\s+(?:this|next|last)\s+month)\b"
                       # ("on the 14th and 15th.", not "the third and final reading", "the first and second quarters")
                       rf"|\s+(?:and|or)\s+(?:the\s+)?(?:[0-3]?\d(?:st|nd|rd|th)|{DW})(?=\s*(?:[.,;:!?)]|$)|\s+of\b))",
            self._h_dayonly, frozenset({"the", "on"}))
        # "20th of next month", "the 31st of this month"
        add("dayofmonth", rf"(?:the\s+)?(?P<d>{D}|{DW})\s+(?:of\s+)?(?P<mod>this|next|last)\s+month\b",
            self._h_dayofmonth, digit | {"the"} | day_words_s)
        # relative periods: "this week", "last month", "next year", "the week after next",
        # "earlier this month", "later in the year", "rest of the week", "late last year"
        # ("this past weekend": "this" only stresses "past")
        add("relperiod", rf"(?:(?P<part>{b['part']})[\s-]*)?(?:the\s+)?(?:this\s+(?=past\s))?(?:(?P<mod>{b['mod']})\s+|(?P<inthe>in\s+the)\s+)?(?P<u>{b['punit']})"
                         rf"(?:\s+(?P<after>after\s+(?:the\s+)?next))?(?!\s+of\b)",
            self._h_relperiod, first(list(self.part_words)) | first(list(self.modifiers)) | {"the", "in"}
            | frozenset(self.period_units))
        # "early January", "mid-March 2022", "the end of March", "since August", "in February"
        add("partmonth", rf"(?:(?P<part>{b['part']})[\s-]*|(?P<cue>{b['cue']})\s+)(?P<m>{M})(?!\.?,?\s*[-–/]?\s*[0-3]?\d(?!\d))(?:(?:\s*,\s*|\s+)(?:of\s+)?(?P<y>{YX}|{b['year2']}))?",
            self._h_partmonth, first(list(self.part_words)) | first(list(self.cues)))
        # "this September", "last sept", "next June"
        add("modmonth", rf"(?P<mod>this|last|next)\s+(?P<m>{M})(?!\.?,?\s*[-–/]?\s*\d)", self._h_modmonth,
            frozenset({"this", "last", "next"}))
        # "in 2021", "since 2014", "late 2021", "the end of 2000", "the year 2008", "since '09"
        add("partyear", rf"(?:(?P<part>{b['part']})[\s-]*|(?P<cue>{b['cue']})\s+)(?:the\s+year\s+)?(?:(?<![\d.,$€£¥])(?P<y>{Y}|['’]\d{{2}}(?![\w'’]))(?![.,]\d|\s*(?:%|per\s*cent|percent))|(?P<yw>{b['yw']})(?=\s*(?:[.,;:!?)]|$)))",
            self._h_partyear, first(list(self.part_words)) | first(list(self.cues)))
        # quarters and halves: "Q3 2019", "2016 Q3", "the third quarter of 2016", "H1 2016", "the first half of 2021"
        qwords = _alternation(list(self.quarter_words))
        add("quarter", rf"(?:(?P<y0>{Y})\s*[-–]?\s*)?(?:(?P<q>Q[1-4])|(?P<h>H[12]))(?![a-z\d])(?:\s*(?P<y>{Y})|\s+(?P<mod>this|next|last)\s+year)?"
                       rf"|(?:the\s+)?(?P<qw>{qwords})\s+(?P<qu>quarter|half)(?:\s+(?:of\s+)?(?:(?P<y2>{YX})|(?P<mod2>this|next|last)\s+year))?",
            self._h_quarter, digit | {"q", "h", "the"} | first(list(self.quarter_words)))
        # decades and centuries: "the 1990s", "the '70s", "the seventies", "the 21st century"
        decw = _alternation(list(self.decade_words))
        add("decade", rf"(?:(?P<part>{b['part']})[\s-]*)?(?:the\s+)?(?:(?:(?P<dec>(?:1[0-9]|20)\d0)'?s|'?(?P<dec2>[1-9]0)'?s|(?P<decw>{decw}))(?![a-z\d])"
                      rf"|(?P<cent>[12]?\d)(?:st|nd|rd|th)[\s-]+century)",
            self._h_decade, digit | {"the", "'"} | first(list(self.part_words)) | first(list(self.decade_words)))
        # "the third week of July", "the last week of 2015", "the first Friday of next month",
        # "the second Monday in March 2022", "the first week next year"
        nth_words = _alternation(list(self.ordinal_words) + self.last_words)
        add("nth", rf"(?:the\s+)?(?P<nth>{nth_words})\s+(?:(?P<wk>week)|(?P<w>{W}))\s+(?:(?:of|in)\s+)?"
                   rf"(?:(?:the\s+)?(?P<mod>{b['mod']})\s+(?P<u>month|year)\b|(?P<m>{M})(?!\.?\s*[0-3]?\d(?!\d))(?:,?\s+(?:of\s+)?(?P<y>{YX}))?"
                   rf"|(?P<y2>{YX}))",
            self._h_nth, frozenset({"the"}) | frozenset(self.ordinal_words) | frozenset(self.last_words))
        # "the second Sunday", "on the first Tuesday.": the nth such day of the publication month, only
        # before a pause (so not "the second Sunday in a row" or "of protests"); see _h_nthwd
        ord_words = _alternation(list(self.ordinal_words))
        add("nthwd", rf"(?:the\s+)?(?P<nth>{ord_words})\s+(?P<w>{wd_long})(?![a-z])(?=\s*(?:[.,;:!?)]|$))",
            self._h_nthwd, frozenset({"the"}) | frozenset(self.ordinal_words))
        # "the first six months of 2021", "the last two weeks of March", "the first ten days of last year"
        first_words = [w for w, v in self.ordinal_words.items() if v == 1]
        edge_words = _alternation(first_words + self.last_words)
        add("edge", rf"(?:the\s+)?(?P<fl>{edge_words})\s+(?P<a>{b['amount']})\s+(?P<u>{b['ounit']})\s+of\s+"
                    rf"(?:(?P<mod>this|next|last)\s+year\b|(?P<m>{M})(?:,?\s+(?P<y>{YX}))?|(?P<y2>{Y}))",
            self._h_edge, frozenset({"the"}) | frozenset(first_words) | frozenset(self.last_words))
        # "the 12 months to March 2023", "the year to September", "the three months to June"
        if self.months_to_words:
            qu = _alternation([w for w, u in self.period_units.items() if u == "quarter"] or ["quarter"])
            add("monthsto", rf"the\s+(?:(?P<a>{b['amount']})\s+)?(?P<u>{b['ounit']}|(?P<q>{qu})(?![a-z]))\s+(?:{_alternation(self.months_to_words)})\s+"
                            rf"(?:(?P<m>{M})(?![a-z])(?:\s*(?P<d>{D})(?!\s*[-–/]\s*\d)|(?!\.?,?\s*[-–/]?\s*[0-3]?\d(?!\d)))"
                            rf"|(?P<d2>{D})\s+(?P<m2>{M})(?![a-z]))(?:,?\s+(?P<y>{YX}))?",
                self._h_monthsto, frozenset({"the"}))
        # "the week of March 3", "week of September 16th"
        week_of = _alternation(self.week_of_words) if self.week_of_words else r"(?!)"
        add("weekof", rf"(?:the\s+)?(?:{week_of})\s+(?P<rest>{M}|[0-3]?\d)", self._h_weekof,
            frozenset({"the"}) | frozenset(re.match(r"[a-z]*", w).group(0) for w in self.week_of_words))  # type: ignore[union-attr]
        # "June next year", "March of last year"
        add("monthrel", rf"(?P<m>{M})\s+(?:of\s+)?(?P<mod>{b['mod']})\s+year\b", self._h_monthrel, months_s)
        # "the year to date", "year-to-date", "YTD": from the start of the period to publication
        if self.to_date:
            td_alt = _alternation(list(self.to_date)).replace(r"\s+", r"[\s-]+")
            add("todate", rf"(?:the\s+)?(?P<td>{td_alt})(?![\w-])",
                self._h_todate, frozenset({"the"}) | first(list(self.to_date)))
        # "the nineteen seventies", "the twenty-tens", "the two thousands"
        add("decadewords", rf"the\s+(?P<dw>{self.year_words.decade_pattern()})", self._h_decadewords, frozenset({"the"}))
        # offsets: "two days ago", "three weeks from now", "a month ago", "in three weeks", "in two days' time",
        # "two days later" (from another event), "the past three weeks", "the next 3 days", "within five days"
        A, OU = b["amount"], b["ounit"]
        quals = _alternation(list(self.duration_qualifiers)) if self.duration_qualifiers else r"(?!)"
        add("offset", rf"(?:(?P<q>{quals})\s+)?(?P<a>{A})\s+(?P<u>{OU})(?P<more>(?:,?\s+(?:and\s+)?(?:{A})\s+(?:{OU})){{1,3}})?\s+(?P<dir>{_alternation(list(self.offset_directions))})(?![a-z])",
            self._h_offset, digit | first(list(self.amounts)) | frozenset(self.units_words) | frozenset(self.tens_words)
            | first(list(self.duration_qualifiers)))
        # "two Sundays from now", "three Mondays ago", "two Fridays later": counted in weeks to such a day
        wd_full = _alternation([w for w in self.weekdays if len(w) > 3])
        add("wdoffset", rf"(?P<a>{A})\s+(?P<w>{wd_full})s?\s+(?P<dir>{_alternation(list(self.offset_directions))})(?![a-z])",
            self._h_wdoffset, digit | first(list(self.amounts)) | frozenset(self.units_words) | frozenset(self.tens_words))
        next_words = _alternation([w for w, v in self.modifiers.items() if v == "next"] or ["next"])
        add("inoffset", rf"(?P<in>in|within)\s+(?:(?P<the>(?:the\s+)?(?:{next_words})\s+))?(?P<a>{A})\s+(?P<u>{OU})(?P<time>'s?\s+time|\s+time)?(?!\s+(?:of|per|and\s+a\s+half)\b)",
            self._h_inoffset, frozenset({"in", "within"}))
        add("rolling", rf"(?:the\s+)?(?P<mod>past|last|next|previous|coming|recent)\s+(?P<a>{A})\s+(?P<u>{OU})(?!\s+(?:of|per)\b)",
            self._h_rolling, frozenset({"the", "past", "last", "next", "previous", "coming", "recent"}))
        return forms

    @cached_property
    def _starters(self) -> dict[str, list[_Form]]:
        index: dict[str, list[_Form]] = {}
        for form in self._forms:
            for s in form.starters:
                index.setdefault(s, []).append(form)
        return index

    _TOKEN = re.compile(r"(?<![A-Za-z'’])([A-Za-z]+)|(?<!\d)(\d)\d*|(?<![A-Za-z\d])('\d)")

    # -- finding ----------------------------------------------------------------------------

    @cached_property
    def _core(self) -> frozenset[str]:
        """Words that only occur in date expressions: a date starting with a common word ("the",
        "in", "a") has one of them right after it."""
        words: set[str] = {"#", "'", "q", "h", "year", "week", "day", "century", "decade", "quarter", "half"}
        for table in (self.months, self.weekdays, self.relative, self.period_units, self.modifiers, self.quarter_words,
                      self.decade_words, self.offset_units, self.amounts, self.part_words, self.ordinal_words,
                      self.ordinal_tens, self.units_words, self.tens_words, self.duration_units, self.duration_wholes):
            for phrase in table:
                words.update(w.lower() for w in re.findall(r"[A-Za-z]+", phrase))
        for phrase in (self.lead_ins + self.holidays.names + self.event_days + self.now_words + list(self.seasons)
                       + list(self.to_date)):
            words.update(w.lower() for w in re.findall(r"[A-Za-z]+", phrase))
        return frozenset(words - {"the", "in", "of", "a", "an", "on", "at", "to", "and", "from", "by"})

    def _tokens(self, text: str) -> list[tuple[int, str]]:
        """(position, key) of every token that can begin a date: "#" for a number."""
        # find() and find_durations() ask for the tokens of the same sentence: keep the last.
        last = self.__dict__.get("_last_tokens")
        if last is not None and last[0] is text:
            return last[1]
        tokens = [
            (start, "#" if digit else ("'" if year else word.lower()))
            for start, word, digit, year in _token_rows(self._TOKEN, text)
        ]
        self.__dict__["_last_tokens"] = (text, tokens)
        return tokens

    def find(self, text: str) -> list[DateMatch]:
        text = fold(text)
        found: list[DateMatch] = []
        starters = self._starters
        core = self._core
        pos_done = 0
        future: bool | None = None
        tokens = self._tokens(text)
        if not any(key in core for _, key in tokens):
            return found
        for i, (start, key) in enumerate(tokens):
            if start < pos_done:
                continue
            forms = starters.get(key)
            if not forms:
                continue
            # a common first word ("within", "the") needs a date word right after it, or after
            # one more ("within the next 3 years", "between now and May")
            if key not in core and not any(t[1] in core for t in tokens[i + 1 : i + 3]):
                continue
            candidates = []
            for form in forms:
                m = form.pattern.match(text, start)
                if m and m.end() > start:
                    candidates.append((m.end(), form, m))
            candidates.sort(key=lambda c: -c[0])
            for _, form, m in candidates:
                dm = form.handler(m, text)
                if dm is None:
                    continue
                if dm.future_only:
                    if future is None:
                        future = self._speaks_of_future(text)
                    if not future:
                        continue
                dm = self._without_full_stop(dm)
                found.append(dm)
                pos_done = dm.end if dm.end > start else m.end()
                break
        found = self._join_open_starts(text, self._join_ranges(text, self._join_shifts(text, found)))
        return self._day_lists(text, self._year_lists(text, self._join_anniversaries(text, found)))

    def _join_anniversaries(self, text: str, found: list[DateMatch]) -> list[DateMatch]:
        """'25 years ago this month', 'a year ago today': the same month (week, day) that many years back."""
        out: list[DateMatch] = []
        for d in found:
            a = out[-1] if out else None
            if (a is not None and a.period == "year" and a.period_offset is not None and a.period_offset < 0
                    and a.rolling is None and a.part is None and a.until is None and not text[a.end : d.start].strip()
                    and d.part is None and d.until is None):
                years = a.period_offset
                if d.period == "month" and d.period_offset == 0 and d.day is None and d.weekday is None:
                    out[-1] = DateMatch(a.start, d.end, text[a.start : d.end], period="month", period_offset=12 * years)
                    continue
                if d.period == "week" and d.period_offset == 0 and d.weekday is None:
                    # "two years ago this week": the Monday-to-Sunday week of that day
                    out[-1] = DateMatch(a.start, d.end, text[a.start : d.end], relative_days=0, offset_months=12 * years,
                                        week_of=True)
                    continue
                if d.relative_days == 0 and d.period is None and d.offset_months is None:
                    out[-1] = DateMatch(a.start, d.end, text[a.start : d.end], relative_days=0, offset_months=12 * years)
                    continue
            out.append(d)
        return out

    # "21, 23 and 25 June", "on 3 or 4 May", "the 2nd, 9th and 16th of May": days listed before the one
    # that names the month (only after a word: "$3, 4 and 5 June" is money)
    _DAY_LIST = re.compile(r"(?<![\w.,$€£¥/:&-])(?:(?:the\s+)?[0-3]?\d(?:st|nd|rd|th)?\s*,\s*){0,5}(?:the\s+)?[0-3]?\d(?:st|nd|rd|th)?"
                           r"\s*,?\s+(?:and|or)\s+$", re.IGNORECASE)

    def _day_lists(self, text: str, found: list[DateMatch]) -> list[DateMatch]:
        out: list[DateMatch] = []
        for d in found:
            if (d.day is not None and d.month is not None and d.until is None and d.weekday is None
                    and d.shift is None and re.match(r"(?:the\s+)?\d", d.text, re.IGNORECASE)):
                # a day without a month just before ("the 2nd, 9th and 16th of May") is part of the list
                loose = bool(out) and out[-1].month is None and out[-1].day is not None and out[-1].until is None \
                    and out[-1].period is None and out[-1].start >= d.start - 60
                floor = out[-2].end if loose and len(out) > 1 else out[-1].start if loose else out[-1].end if out else 0
                window = max(floor, d.start - 60)
                lst = self._DAY_LIST.search(text[window : d.start])
                before = text[max(0, window + lst.start() - 20) : window + lst.start()] if lst else ""
                if lst and (not before.strip() or re.search(r"[A-Za-z(]\s*$", before)):
                    if loose and out[-1].start >= window + lst.start():
                        out.pop()
                    days = [(window + lst.start() + x.start(), window + lst.start() + x.end(), int(x.group(2)))
                            for x in re.finditer(r"((?:the\s+)?)([0-3]?\d)(?:st|nd|rd|th)?", lst.group(0), re.IGNORECASE)]
                    if all(1 <= a[2] < b[2] for a, b in zip(days, days[1:] + [(0, 0, d.day)])):  # in order, as lists are
                        out.extend(replace(d, start=s0, end=e0, text=text[s0:e0], day=n) for s0, e0, n in days)
            out.extend(self._listed_after(text, d))
        return out

    # "March 3 and 4.", "June 21, 23 and 25, 2022": days listed after a month and its first day; only
    # before a pause or a year ("On March 3 and 4 people died" counts people)
    _DAYS_AFTER = re.compile(r"(?P<list>(?:\s*,\s*[0-3]?\d(?:st|nd|rd|th)?){0,5}\s*,?\s+(?:and|or)\s+[0-3]?\d(?:st|nd|rd|th)?)"
                             r"(?![\d.,]\d)(?=\s*(?:[.;:!?)]|,(?!\s*\d)|$)|,?\s+(?P<y>(?:1[89]|2[01])\d{2})(?!\d))", re.IGNORECASE)

    def _listed_after(self, text: str, d: DateMatch) -> list[DateMatch]:
        """The date itself, then the days listed after it (a year after the list is the year of all)."""
        if (d.day is None or d.month is None or d.year is not None or d.until is not None or d.weekday is not None
                or d.shift is not None or not re.match(r"[A-Za-z]", d.text) or not d.text[-1:].isdigit()
                and not re.search(r"(?:st|nd|rd|th)$", d.text)):
            return [d]
        lst = self._DAYS_AFTER.match(text, d.end)
        if lst is None:
            return [d]
        days = [(x.start(1), x.end(), int(x.group(1))) for x in re.finditer(r"([0-3]?\d)(?:st|nd|rd|th)?", lst.group("list"))]
        days = [(d.end + a, d.end + b, n) for a, b, n in days]
        if not all(1 <= a[2] < b[2] <= 31 for a, b in zip([(0, 0, d.day)] + days, days)):
            return [d]
        year = int(lst.group("y")) if lst.group("y") else None
        return [replace(d, year=year)] + [replace(d, start=a, end=b, text=text[a:b], day=n, year=year) for a, b, n in days]

    @cached_property
    def _full_names(self) -> frozenset[str]:
        """Month names written in full ("march", not "mar"): a full stop after one ends a sentence."""
        longest: dict[int, str] = {}
        for name, month in self.months.items():
            if len(name) > len(longest.get(month, "")):
                longest[month] = name
        return frozenset(longest.values())

    def _without_full_stop(self, dm: DateMatch) -> DateMatch:
        """'in mid-January.': the full stop after a month written in full ends the sentence, not the date."""
        word = re.search(r"([A-Za-z]+)\.$", dm.text)
        if word is None or word.group(1).lower() not in self._full_names:
            return dm
        return replace(dm, end=dm.end - 1, text=dm.text[:-1])

    @cached_property
    def _next_listed_year(self) -> re.Pattern[str]:
        return re.compile(rf"(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)(?P<y>{self._blocks['year']})"
                          rf"(?![.,]?\d|\s*(?:%|per\s*cent|percent))", re.IGNORECASE)

    def _year_lists(self, text: str, found: list[DateMatch]) -> list[DateMatch]:
        """'in 2019 and 2020', 'in 2015, 2016 or 2017': the cue before the first year holds for the
        years listed after it (a bare year is not read alone)."""
        out: list[DateMatch] = []
        nxt = self._next_listed_year
        for i, d in enumerate(found):
            out.append(d)
            if d.granularity != "year" or d.year is None or d.bound is not None or d.part is not None or d.is_relative:
                continue
            limit = found[i + 1].start if i + 1 < len(found) else len(text)
            end = d.end
            while (n := nxt.match(text, end)) and n.end() <= limit:
                after = text[n.end() : n.end() + 24]
                if self._starts_number_range(after, n.group("y")) or re.match(r"\s+[a-z]+", after) and not re.match(
                        r"\s+(?:and|or|to|when|while|as|but)\b", after):
                    break  # "in 2019 and 2020 people": a count, or the list goes on as numbers
                out.append(DateMatch(n.start("y"), n.end(), n.group("y"), year=int(n.group("y"))))
                end = n.end()
        return out

    def _speaks_of_future(self, sentence: str) -> bool:
        return any(re.search(rf"\b{re.escape(c)}\b", sentence, re.IGNORECASE) for c in self.future_cues)

    def _join_shifts(self, text: str, found: list[DateMatch]) -> list[DateMatch]:
        """'three days after January 12', 'two weeks before Christmas': a day counted from the date
        that follows the offset (otherwise "three days after" counts from an event and is not placed)."""
        if len(found) < 2 or not self.anchor_directions:
            return found
        out: list[DateMatch] = []
        i = 0
        while i < len(found):
            a = found[i]
            b = found[i + 1] if i + 1 < len(found) else None
            word = a.text.split()[-1].lower() if a.from_event and a.text.split() else ""
            if (b is not None and word in self.anchor_directions and not text[a.end : b.start].strip()
                    and b.until is None and not b.from_event and b.shift is None and b.granularity == "day"):
                parts = self._offset_parts(a.text[: -len(word)])
                if parts is not None:
                    sign = int(self.anchor_directions[word])
                    out.append(replace(b, start=a.start, text=text[a.start : b.end], shift=(parts[0] * sign, parts[1] * sign)))
                    i += 2
                    continue
            out.append(a)
            i += 1
        return out

    def _join_open_starts(self, text: str, found: list[DateMatch]) -> list[DateMatch]:
        """'between now and November 15', 'from January 22 until now', 'from 2015 to May 5, 2017':
        a range whose one end is the publication day, or a year (a bare year is not read alone)."""
        if not found or not self.now_words:
            return found
        b = self._blocks
        now = _alternation(self.now_words)
        joint = rf"(?:{b['conn']}|\s+and\s+)"
        before_re = re.compile(rf"(?:^|(?<=\s))(?P<rl>{b['rlead']})\s+(?:(?P<now>{now})|(?P<y>{b['year']}))(?P<c>{joint})$", re.IGNORECASE)
        after_re = re.compile(rf"(?P<c>{joint})(?:(?P<now>{now})(?![a-z])|(?P<y>{b['year']})(?![.,]?\d|\s*(?:%|per\s*cent|percent)))",
                              re.IGNORECASE)
        lead_re = re.compile(rf"(?:^|(?<=\s))(?P<rl>{b['rlead']})\s+$", re.IGNORECASE)
        out = []
        for d in found:
            if d.until is None and d.rolling is None and not d.from_event and d.bound is None:
                window = text[max(0, d.start - 40) : d.start]
                before = before_re.search(window)
                lead = lead_re.search(text[max(0, d.start - 12) : d.start])
                after = after_re.match(text, d.end)
                if before and (before.group("c").strip().lower() != "and" or before.group("rl").lower() == "between"):
                    start = d.start - len(window) + before.start()
                    first = (DateMatch(start, start, "", relative_days=0) if before.group("now")
                             else DateMatch(start, start, "", year=int(before.group("y"))))
                    if first.year is None or d.year is None or first.year <= d.year:
                        d = replace(first, end=d.end, text=text[start : d.end], until=d)
                elif after and lead and (after.group("c").strip().lower() != "and" or lead.group("rl").lower() == "between"):
                    start = d.start - len(lead.group(0).lstrip())
                    if after.group("now"):
                        end = DateMatch(after.start("now"), after.end(), after.group("now"), relative_days=0)
                    else:  # "from March 2015 to 2018": the range runs to the end of that year
                        end = DateMatch(after.start("y"), after.end(), after.group("y"), year=int(after.group("y")))
                    if end.year is None or (d.year is not None and d.year <= end.year):
                        d = replace(d, start=start, end=after.end(), text=text[start : after.end()], until=end)
            out.append(d)
        return out

    def _join_ranges(self, text: str, found: list[DateMatch]) -> list[DateMatch]:
        """'from Oct. 2 to October 22', 'between January 2015 and March 2016': two dates, one range."""
        if len(found) < 2:
            return found
        out: list[DateMatch] = []
        i = 0
        conn = re.compile(rf"^(?:{self._blocks['conn']}|\s+and\s+)$", re.IGNORECASE)
        lead = re.compile(rf"(?:^|\s)(?P<rl>{self._blocks['rlead']})\s+$", re.IGNORECASE)
        while i < len(found):
            a = found[i]
            if i + 1 < len(found):
                b = found[i + 1]
                between = text[a.end : b.start]
                before = lead.search(text[max(0, a.start - 12) : a.start])
                ok = (
                    conn.match(between) and a.until is None and b.until is None and a.bound is None
                    and not a.from_event and not b.from_event and a.rolling is None and b.rolling is None
                    and (between.strip().lower() != "and" or (before and before.group("rl").lower() == "between"))
                    and (between.strip() or False)
                )
                if ok and (a.year is None and b.year is not None and a.period_offset is None and not a.is_relative):
                    year = b.year - 1 if (a.month and b.month and a.month > b.month) else b.year
                    a = replace(a, year=year)
                if ok:
                    start = a.start - len(before.group(0).lstrip()) if before else a.start
                    out.append(replace(a, start=start, end=b.end, text=text[start : b.end], until=b))
                    i += 2
                    continue
            out.append(a)
            i += 1
        return out

    # -- handlers -----------------------------------------------------------------------------

    def _date(self, m: re.Match[str], text: str, start: int, year: int | None, month: int | None, day: int | None,
              **kw: Any) -> DateMatch | None:
        if month is None or day is None or not (1 <= month <= 12) or not (1 <= day <= 31):
            return None
        if year is not None and day > calendar.monthrange(year, month)[1]:
            return None
        return DateMatch(start, m.end(), text[start : m.end()], year=year, month=month, day=day, **kw)

    def _wd(self, m: re.Match[str], group: str = "wd") -> int | None:
        name = m.group(group)
        return self.weekdays.get(name.lower().rstrip(".")) if name else None

    def _h_md(self, m: re.Match[str], text: str) -> DateMatch | None:
        if self._verb_month(m.group("m")) and not self._lowercase_month_day(m, text):
            return None
        start = m.start()
        if m.group("lead") and m.group("lead").lower().startswith("on "):
            start = m.start("lead") + 3
        raw_day = m.group("d")
        if not raw_day[0].isdigit() and not re.match(r"\s*(?:the\s+)?", text[m.end("m") : m.start("d")]):
            return None
        if not raw_day[0].isdigit() and text[m.end("m") : m.start("d")].strip() in ("-", "/"):
            return None
        year = self._year_of(m.group("y")) if m.group("y") else None
        return self._date(m, text, start, year, self._month_of(m.group("m")), self._day_value(raw_day),
                          weekday=self._wd(m), has_time=bool(m.group("t")))

    def _lowercase_month_day(self, m: re.Match[str], text: str) -> bool:
        """'may 11th', 'may the eleventh', 'may twenty-first': a day no verb can take after the word."""
        if m.group("m").lower() not in self.lowercase_before_day:
            return False
        glue = text[m.end("m") : m.start("d")]
        raw = m.group("d").lower()
        if not re.fullmatch(r"\s+(?:the\s+)?", glue):
            return False
        if raw[0].isdigit():
            return bool(re.search(r"(?:st|nd|rd|th)$", raw))
        if re.search(r"[\s-]", raw):
            return True  # "twenty-first", "twenty one"
        return raw in self.ordinal_words and raw not in self.not_days_after_lowercase

    def _h_dm(self, m: re.Match[str], text: str) -> DateMatch | None:
        raw_day = m.group("d")
        joiner = text[m.end("d") : m.start("m")]
        ordinal = bool(re.search(r"(?:st|nd|rd|th)\.?$", raw_day, re.IGNORECASE)) or raw_day.lower() in self.ordinal_words
        if self._verb_month(m.group("m")) and not (ordinal and "of" in joiner.lower()):
            return None  # "4 may": a verb; "the fourth of may": a date
        if not raw_day[0].isdigit() and "of" not in joiner.lower():
            return None  # "second May" is not a date; "the second of May" is
        if raw_day.endswith(".") and "-" in joiner:
            return None
        year = self._year_of(m.group("y")) if m.group("y") else None
        return self._date(m, text, m.start(), year, self._month_of(m.group("m")), self._day_value(raw_day.rstrip(".")),
                          weekday=self._wd(m), has_time=bool(m.group("t")))

    def _h_ymd(self, m: re.Match[str], text: str) -> DateMatch | None:
        month = int(m.group("mo")) if m.group("mo") else self._month_of(m.group("m"))
        if m.group("s") == "." and m.group("mo") is None:
            return None
        return self._date(m, text, m.start(), int(m.group("y")), month, int(m.group("d")))

    def _h_dmy(self, m: re.Match[str], text: str) -> DateMatch | None:
        a, b, ys = int(m.group("n1")), int(m.group("n2")), m.group("y")
        if len(ys) == 2:
            if m.group("s") == "." or len(m.group("n1")) + len(m.group("n2")) < 3 and m.group("s") == "-":
                # "1.2.16" and "3-7-07" are too easily something else; "21/04/16" is a date
                if m.group("s") == ".":
                    return None
            year = self._year2(ys)
        else:
            year = int(ys)
        day, month = (a, b) if self.order == "dmy" else (b, a)
        if month > 12 and day <= 12:
            day, month = month, day
        return self._date(m, text, m.start(), year, month, day)

    def _h_dmcue(self, m: re.Match[str], text: str) -> DateMatch | None:
        a, b = int(m.group("n1")), int(m.group("n2"))
        if a <= 12 and b <= 12:
            # "from 1/3 to 1/2", "improved to 5-3", "on 2/3 majority": fractions, scores and records;
            # two small numbers are a date only as "on 3/7" before a pause or a range word
            if m.group("cue").lower() != "on" or not re.match(
                    r"\s*(?:[.,;:!?)]|$|(?:and|to|until|till|through|at)\b|[-–])", text[m.end() :], re.IGNORECASE):
                return None
        day, month = (a, b) if self.order == "dmy" else (b, a)
        if month > 12 and day <= 12:
            day, month = month, day
        return self._date(m, text, m.start("n1"), None, month, day)

    def _h_my(self, m: re.Match[str], text: str) -> DateMatch | None:
        if self._verb_month(m.group("m")) and not m.group("m2"):
            return None
        year = self._year_of(m.group("y"))
        month = self._month_of(m.group("m"))
        if not m.group("m2"):
            start = m.start("m")  # "from January 2022": the range joiner takes the lead
            return DateMatch(start, m.end(), text[start : m.end()], year=year, month=month)
        month2 = self._month_of(m.group("m2"))
        if month is None or month2 is None or month == month2:
            return None
        conn = text[m.end("m") : m.start("m2")].strip().lower()
        if conn == "and" and (m.group("rl") or "").lower() != "between":
            return None
        start_year = year - 1 if month > month2 else year
        end = DateMatch(m.start("m2"), m.end(), text[m.start("m2") : m.end()], year=year, month=month2)
        return DateMatch(m.start(), m.end(), m.group(0), year=start_year, month=month, until=end)

    def _h_mm(self, m: re.Match[str], text: str) -> DateMatch | None:
        if m.group("c").strip().lower() == "and" and m.group("rl").lower() != "between":
            return None
        if self._verb_month(m.group("m")) or self._verb_month(m.group("m2")):
            return None
        month, month2 = self._month_of(m.group("m")), self._month_of(m.group("m2"))
        if month is None or month2 is None or month == month2:
            return None
        end = DateMatch(m.start("m2"), m.end(), text[m.start("m2") : m.end()], month=month2)
        return DateMatch(m.start(), m.end(), m.group(0), month=month, until=end)

    def _h_mmnoun(self, m: re.Match[str], text: str) -> DateMatch | None:
        month, month2 = self._month_of(m.group("m")), self._month_of(m.group("m2"))
        if month is None or month2 is None or month == month2 or self._verb_month(m.group("m")) or self._verb_month(m.group("m2")):
            return None
        start, end = m.start("m"), m.end("m2")
        # "the October-February period" runs over the new year: the second month is the later one
        last = DateMatch(m.start("m2"), end, text[m.start("m2") : end], month=month2)
        return DateMatch(start, end, text[start:end], month=month, until=last)

    def _h_ym(self, m: re.Match[str], text: str) -> DateMatch | None:
        g = m.groupdict()
        prev = re.search(r"([A-Za-z]+)\.?\s*$", text[max(0, m.start() - 16) : m.start()])
        if prev and prev.group(1).lower() in self.not_before_numeric:
            return None  # "Resolution 2016-11", "No. 3/2015": a number, not a month
        if g.get("y3"):
            name = g["m"]
            if self._verb_month(name) or (name.lower().rstrip(".") in self.verb_months
                                          and re.match(r"\s+[a-z]", text[m.end() :])):
                return None  # "in 2016 May said": a name or a verb after a year
            year, month = int(g["y3"]), self._month_of(name)
        else:
            year = int(g.get("y") or g["y2"])
            month = int(g.get("mo") or g["mo2"])
        return DateMatch(m.start(), m.end(), m.group(0), year=year, month=month)

    def _h_mdd(self, m: re.Match[str], text: str) -> DateMatch | None:
        """A day range within one month: "January 4-22, 2022" and "3 to 5 February"."""
        if self._verb_month(m.group("m")):
            return None
        if m.group("c").strip().lower() == "and" and "between" not in (
                (m.group("rl") or "").lower(), (m.groupdict().get("rl2") or "").lower()):
            return None
        month = self._month_of(m.group("m"))
        d1, d2 = self._day_value(m.group("d")), self._day_value(m.group("d2"))
        if d1 is None or d2 is None or d2 <= d1:
            return None
        year = self._year_of(m.group("y")) if m.group("y") else None
        end = self._date(m, text, m.start("d2"), year, month, d2)
        first = self._date(m, text, m.start(), year, month, d1)
        if end is None or first is None:
            return None
        return replace(first, until=end)

    def _h_dmd(self, m: re.Match[str], text: str) -> DateMatch | None:
        """'from 4 to January 22': the first day is in the same month, or ('from 28 to March 3') the one before."""
        d1, d2 = self._day_value(m.group("d")), self._day_value(m.group("d2"))
        if d1 is None or d2 is None or d1 < d2:
            return self._h_mdd(m, text)
        if self._verb_month(m.group("m")) or d1 == d2:
            return None
        if m.group("c").strip().lower() == "and" and m.group("rl").lower() != "between":
            return None
        month2 = self._month_of(m.group("m"))
        year2 = self._year_of(m.group("y"))
        month1 = 12 if month2 == 1 else month2 - 1  # type: ignore[operator]
        year1 = None if year2 is None else (year2 - 1 if month2 == 1 else year2)
        end = self._date(m, text, m.start("m"), year2, month2, d2)
        first = self._date(m, text, m.start(), year1, month1, d1)
        if end is None or first is None:
            return None
        return replace(first, until=end)

    def _h_ddrel(self, m: re.Match[str], text: str) -> DateMatch | None:
        """'from 4 to 22 this month': a day range in a month counted from the publication date."""
        if m.group("c").strip().lower() == "and" and (m.group("rl") or "").lower() != "between":
            return None
        glue = text[m.end("d2") : m.start("mod")].lower()
        if not m.group("rl") and not re.search(r"\b(?:of|in)\b", glue) and not re.search(r"[a-z]$", m.group("d2")):
            return None  # "rose 4 to 23 next month": two amounts, not two days
        offset = {"this": 0, "next": 1, "last": -1}.get(self.modifiers.get(m.group("mod").lower(), ""))
        d1, d2 = self._day_value(m.group("d")), self._day_value(m.group("d2"))
        if offset is None or d1 is None or d2 is None or not 1 <= d1 < d2 <= 31:
            return None
        end = DateMatch(m.start("d2"), m.end(), text[m.start("d2") : m.end()], day=d2, period="month", period_offset=offset)
        return DateMatch(m.start(), m.end(), m.group(0), day=d1, period="month", period_offset=offset, until=end)

    # "3-5 May" reads like "May 3-5": the same groups, so the same handler.
    _h_ddm = _h_mdd

    def _h_yy(self, m: re.Match[str], text: str) -> DateMatch | None:
        y1, raw2 = int(m.group("y")), m.group("y2")
        y2 = (y1 // 100) * 100 + int(raw2) if len(raw2) == 2 else int(raw2)
        conn = m.group("c").strip().lower()
        lead = (m.group("rl") or "").lower()
        if conn == "and" and lead != "between":
            return None
        if not (y1 < y2 <= y1 + 100):
            return None
        if conn == "/" and y2 != y1 + 1:
            return None  # "2009/10" is a season or a financial year; "2016/11" a month (read as such below)
        if conn in ("-", "–", "/") and lead != "between":
            prev = re.search(r"([A-Za-z]+)\.?\s*$", text[max(0, m.start() - 16) : m.start()])
            if prev and prev.group(1).lower() in self.not_before_numeric:
                return None  # "case no. 2016-17", "Resolution 2009/10": a label, not years
        if len(raw2) == 2 and conn not in ("-", "–", "/"):
            return None
        start = m.start("y") if lead == "in" else m.start()
        end = DateMatch(m.start("y2"), m.end(), raw2, year=y2)
        return DateMatch(start, m.end(), text[start : m.end()], year=y1, until=end)

    def _h_rel(self, m: re.Match[str], text: str) -> DateMatch | None:
        return DateMatch(m.start(), m.end(), m.group(0), relative_days=int(self.relative[re.sub(r"\s+", " ", m.group("rel").lower())]))

    def _h_season(self, m: re.Match[str], text: str) -> DateMatch | None:
        g = m.groupdict()
        name = g["s"].lower()
        year = self._year_of(g.get("y"))
        mod = {"past": "last", "coming": "next"}.get((g.get("mod") or "").lower(), (g.get("mod") or "").lower()) or None
        part = self._part(m)
        cue = (g.get("cue") or "").lower()
        if mod is None and cue.split()[-1:] == ["past"]:
            mod = "last"  # "this past summer": the last one
        if name in self.season_needs_mod and not (mod or (cue == "in" and g.get("the"))):
            return None  # "prices fall", "the fall of the city"
        if year is None and mod is None and part is None and not cue:
            return None  # "summer" alone: a name or a word
        if year is None and self._before_a_name(text, m.end()):
            return None  # "in Summer Olympics", "at Winter Park": part of a name
        if part in ("earlier", "later", "rest"):
            part = None if mod or year else part
        start = (m.start("part") if part else m.start("the") if g.get("the") else m.start("mod") if g.get("mod")
                 else m.start("cue") if mod else m.start("s"))
        if part in ("earlier", "later", "rest"):
            return None
        if g.get("ymod"):
            if mod is not None:
                return None  # "last summer of next year": not a way to say it
            # "the spring of last year": that year's spring, placed from the publication date
            offset = {"this": 0, "next": 1, "last": -1}[g["ymod"].lower()]
            return DateMatch(start, m.end(), text[start : m.end()], season=name, part=part, period="year", period_offset=offset)
        return DateMatch(start, m.end(), text[start : m.end()], year=year, season=name, weekday_mod=mod, part=part)

    def _h_holiday(self, m: re.Match[str], text: str) -> DateMatch | None:
        name = m.group("h")
        year = self._year_of(m.group("y") or m.group("y2"))
        word = (m.group("mod") or "").lower()
        mod = {"previous": "last", "coming": "next", "following": "next"}.get(word, word) or None
        weekend = bool(m.group("wkof") or m.group("wkend"))
        if not name[0].isupper() and year is None and mod is None:
            return None  # "easter egg", "christmas" in running lower case: words, not days
        if year is None and mod is None and not weekend:  # "Easter weekend" says "date" by itself
            before = re.search(r"([A-Za-z]+(?:\s+[A-Za-z]+)?)\s*$", text[max(0, m.start() - 20) : m.start()])
            words = before.group(1).lower().split() if before else []
            cue = bool(words) and (words[-1] in self.holidays.cues or " ".join(words[-2:]) in self.holidays.cues)
            pause = re.match(r"\s*(?:[.,;:!?)]|$)", text[m.end() :])
            if not cue and not pause:
                return None  # "the Christmas tree", "Easter Island"
        if year is None and self._before_a_name(text, m.end()):
            return None  # "at Christmas Island", "on Easter Rising day": part of a name
        start = m.start() if mod or m.group("wkof") else m.start("h")
        return DateMatch(start, m.end(), text[start : m.end()], year=year, holiday=name, weekday_mod=mod,
                         holiday_weekend=weekend)

    def _before_a_name(self, text: str, end: int) -> bool:
        """A capitalised word right after, other than a month or a weekday, makes a name."""
        nxt = re.match(r"\s+([A-Z][a-z]+)", text[end:])
        return bool(nxt) and nxt.group(1).lower() not in self.months and nxt.group(1).lower() not in self.weekdays

    def _h_weekend(self, m: re.Match[str], text: str) -> DateMatch | None:
        after = text[m.end() : m.end() + 40]
        nxt = re.match(r"\s*([A-Za-z]+)", after)
        word = nxt.group(1) if nxt else ""
        if word.lower() in self.weekend_not_before:
            return None  # "the weekend of March 3", "the weekend before the vote"
        if (word and word[0].islower() and m.group("cue").lower() in self.weekend_noun_cues
                and word.lower() not in self.weekend_then_words):
            return None  # "on the weekend shift": "weekend" describes a noun
        start = m.start("cue") + len(m.group("cue"))
        start += len(text[start : m.end()]) - len(text[start : m.end()].lstrip())
        return DateMatch(start, m.end(), text[start : m.end()], period="weekend", nearest_weekend=True)

    def _h_eventday(self, m: re.Match[str], text: str) -> DateMatch | None:
        return DateMatch(m.start(), m.end(), m.group(0), from_event=True, period="day")

    def _h_wd(self, m: re.Match[str], text: str) -> DateMatch | None:
        on = (m.group("on") or "").lower()
        name = m.group("w").rstrip(".")
        if not on:
            # a bare weekday: "said Friday", "police said friday", "Friday's vote"; not "Good Friday",
            # not "sun" (a full weekday name is no ordinary word, so its case does not matter)
            if name.lower() not in self.bare_weekdays:
                return None
            prev = re.search(r"([A-Za-z]+)\s*$", text[max(0, m.start() - 12) : m.start()])
            if prev and prev.group(1).lower() in self.not_before_weekday:
                return None
            if (prev is None or prev.group(1).lower() == "the") and self._before_a_name(text, m.end("w")):
                return None  # "Sunday Times reporters", "the Sunday Telegraph": a name (not "said Monday Russia ...")
        elif len(name) <= 3 and on != "on":
            return None
        # "by friday", "until sunday": the preposition says "day" as "on" does, and stays out of the span
        start = m.start("w") if on in ("on", "") or on in self.weekday_prepositions else m.start()
        mod = {"past": "last", "coming": "next"}.get(on, on)
        end = m.end()
        if text[m.end("w") - 1 : m.end("w")] == "." and not m.group("part"):
            end = m.end("w") - 1
        return DateMatch(start, end, text[start:end], weekday=self.weekdays[name.lower()], weekday_only=True,
                         weekday_mod=mod if mod in ("this", "next", "last") else None)

    def _h_wdd(self, m: re.Match[str], text: str) -> DateMatch | None:
        if m.group("d2") and not m.group("w")[0].isupper():
            return None  # "sun 13th": a weekday without "the" is written with a capital
        day = self._day_value(m.group("d") or m.group("d2"))
        if day is None or not (1 <= day <= 31):
            return None
        return DateMatch(m.start(), m.end(), m.group(0), day=day, weekday=self._wd(m, "w"))

    def _h_wdweek(self, m: re.Match[str], text: str) -> DateMatch | None:
        return DateMatch(m.start(), m.end(), m.group(0), weekday=self._wd(m, "w"), period="week",
                         period_offset={"this": 0, "next": 1, "last": -1}[m.group("mod").lower()])

    def _h_weekwd(self, m: re.Match[str], text: str) -> DateMatch | None:
        return self._h_wdweek(m, text)

    def _h_dayonly(self, m: re.Match[str], text: str) -> DateMatch | None:
        day = self._day_value(m.group("d"))
        if day is None or not (1 <= day <= 31):
            return None
        if not m.group("d")[0].isdigit():
            # a day in words is also a count of things ("the first, on Monday, and the second ...", "he won
            # the first"): a day only after a day cue ("on the fifth", "by the fifth") or with tens
            prev = re.search(r"([A-Za-z]+)\s+$", text[max(0, m.start() - 12) : m.start()])
            cue = prev is not None and prev.group(1).lower() in self.day_word_cues
            if not m.group("the") or not (cue or re.search(r"[\s-]", m.group("d"))):  # "the twenty second": a day
                return None
        start = m.start() if m.group("the") else m.start("d")
        on_the = re.match(r"on\s+(?=the\s)", m.group(0), re.IGNORECASE)
        if on_the:
            start = m.start() + on_the.end()  # "on the 27th": the date is "the 27th"
        tail = re.match(r"\s+of\s+(this|next|last)\s+month", text[m.end("d") :], re.IGNORECASE)
        if tail:
            end = m.end("d") + tail.end()
            off = {"this": 0, "next": 1, "last": -1}[tail.group(1).lower()]
            return DateMatch(start, end, text[start:end], day=day, period="month", period_offset=off)
        return DateMatch(start, m.end("d"), text[start : m.end("d")], day=day)

    def _h_dayofmonth(self, m: re.Match[str], text: str) -> DateMatch | None:
        day = self._day_value(m.group("d"))
        if day is None or not (1 <= day <= 31):
            return None
        raw = m.group(0).lower()
        if not (raw.startswith("the") or re.search(r"\bof\b", raw) or not m.group("d")[-1].isdigit()):
            return None  # "rose 23 next month": an amount, not a day
        off = {"this": 0, "next": 1, "last": -1}[m.group("mod").lower()]
        return DateMatch(m.start(), m.end(), m.group(0), day=day, period="month", period_offset=off)

    def _part(self, m: re.Match[str]) -> str | None:
        p = m.groupdict().get("part")
        return self.part_words.get(re.sub(r"\s+", " ", p.lower())) if p else None

    def _h_relperiod(self, m: re.Match[str], text: str) -> DateMatch | None:
        part = self._part(m)
        unit = self.period_units[m.group("u").lower()]
        mod_word = (m.group("mod") or "").lower()
        if m.group("inthe"):
            if part not in ("earlier", "later"):
                return None
            mod = "this"
        elif mod_word:
            mod = self.modifiers[mod_word]
        elif part == "rest":
            mod = "this"
        elif m.group("after"):
            mod = "this"
        elif self._part_of_the_period(m, text, unit):
            # "by the end of the year", "since the start of the month": the current one, but only when
            # the sentence looks ahead or counts from it (in a story about 2019, "by the end of the year"
            # is 2019's end)
            since = re.search(r"\bsince\s+$", text[max(0, m.start() - 8) : m.start()], re.IGNORECASE)
            return DateMatch(m.start(), m.end(), m.group(0), period=unit, period_offset=0, part=part,
                             bound="since" if since else None, future_only=not since)
        else:
            return None
        if m.group("after"):
            if mod != "this":
                return None
            return DateMatch(m.start(), m.end(), m.group(0), period=unit, period_offset=2, part=part)
        if mod == "past":
            amount = {"week": 7, "fortnight": 14}.get(unit)
            if unit == "weekend":  # "the past weekend" is the last one, Saturday and Sunday
                mod = "last"
            elif unit in ("month", "year"):
                return DateMatch(m.start(), m.end(), m.group(0), rolling=(unit, 1.0, -1), part=part)
            elif unit in ("decade", "century"):  # the ten (hundred) years up to publication
                years = 10.0 if unit == "decade" else 100.0
                return DateMatch(m.start(), m.end(), m.group(0), rolling=("year", years, -1), part=part)
            elif amount is None:
                return None
            else:
                return DateMatch(m.start(), m.end(), m.group(0), rolling=("day", float(amount), -1), part=part)
        offset = {"this": 0, "next": 1, "last": -1}[mod]
        if unit == "fortnight" or (offset > 0 and not self.find_next_periods):
            return None
        start = m.start()
        return DateMatch(start, m.end(), text[start : m.end()], period=unit, period_offset=offset, part=part)

    def _part_of_the_period(self, m: re.Match[str], text: str, unit: str) -> bool:
        """'the end of the year', 'the start of the month': a part of a calendar period named with 'the'."""
        raw = (m.group("part") or "").lower()
        if not (unit in ("week", "month", "year") and re.search(r"\bof$", raw.strip())
                and re.fullmatch(r"[\s-]*the\s+", text[m.end("part") : m.start("u")], re.IGNORECASE)):
            return False
        # "in 2019 it expected to double staff by the end of the year": that year's end (a sentence
        # is read in pieces of bounded length, but look only nearby so the work stays linear)
        return not re.search(self._blocks["year"], text[max(0, m.start() - 300) : m.end() + 300])

    def _h_partmonth(self, m: re.Match[str], text: str) -> DateMatch | None:
        part = self._part(m)
        name = m.group("m")
        if name.lower().rstrip(".") in self.verb_months and not name[0].isupper():
            return None
        if len(name.rstrip(".")) <= 3 and not name[0].isupper():
            return None
        month = self._month_of(name)
        year = self._year_of(m.group("y")) if m.group("y") else None
        cue = (m.group("cue") or "").lower()
        bound = self.cues.get(re.sub(r"\s+", " ", cue)) if cue else None
        if part is None and not cue:
            return None
        if part in ("earlier", "later", "rest"):
            return None
        if m.group("y") is None and re.match(rf"\s+(?:of\s+)?(?:{self._blocks['mod']})\s+year\b", text[m.end() :], re.IGNORECASE):
            return None  # "in October next year": the month is read with its year
        start = m.start("m") if cue and bound in (None, "in") else m.start()
        bound = bound if bound not in (None, "in") else None
        return DateMatch(start, m.end(), text[start : m.end()], year=year, month=month, part=part, bound=bound)

    def _h_modmonth(self, m: re.Match[str], text: str) -> DateMatch | None:
        name = m.group("m")
        if name.lower().rstrip(".") in self.verb_months and not name[0].isupper():
            return None
        return DateMatch(m.start(), m.end(), m.group(0), month=self._month_of(name), weekday_mod=m.group("mod").lower())

    def _h_partyear(self, m: re.Match[str], text: str) -> DateMatch | None:
        part = self._part(m)
        cue = (m.group("cue") or "").lower()
        bound = self.cues.get(re.sub(r"\s+", " ", cue)) if cue else None
        if part in ("earlier", "later", "rest"):
            return None
        after = text[m.end() : m.end() + 24]
        if self._starts_number_range(after, m.group("y")):
            return None  # the start of a range of numbers
        if re.match(r"\s*[-–]?\s*[QH][1-4](?![a-z\d])", after, re.IGNORECASE):
            return None  # "during 2016 H2": the half or quarter is read from the year on
        if m.group("y") and not part:
            ym = next(f for f in self._forms if f.name == "ym").pattern.match(text, m.start("y"))
            if ym and ym.end() > m.end() and self._h_ym(ym, text) is not None:
                return None  # "in 2016 June", "in 2016-11": the month is read from the year on
        ystart = m.start("y") if m.group("y") else m.start("yw")
        year = self._year_of(m.group("y") or m.group("yw"))
        if year is None:
            return None
        start = ystart if cue and bound in (None, "in") else m.start()
        if cue and re.match(r"\s*the\s+year", text[m.end("cue") : ystart], re.IGNORECASE):
            start = ystart - len(re.search(r"the\s+year\s+$", text[:ystart], re.IGNORECASE).group(0))  # type: ignore[union-attr]
        bound = bound if bound not in (None, "in") else None
        return DateMatch(start, m.end(), text[start : m.end()], year=year, part=part, bound=bound)

    def _starts_number_range(self, after: str, year: str | None) -> bool:
        """'in 2000 to 3000 homes': the year-like number begins a range of numbers.  Not when the
        next number is much smaller, a decimal or a percentage ("rose from 2% in 2019 to 3%", "fell
        in 2019 to 12 million"), nor a later year ending the clause ("in 2019 and 2020.")."""
        if re.match(r"\s*[-–]\s*\d", after):
            return True  # "2022-01-13", "2014-18", "2000 - 3000": read by the numeric and range forms
        r = re.match(r"\s*(?:to|and)\s+((?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?)(\s*(?:%|per\s*cent|percent))?", after, re.IGNORECASE)
        if not r:
            return False
        num, whole = r.group(1), r.group(1).split(".")[0].replace(",", "")
        if r.group(2) or "." in num or len(whole) < 3:
            return False
        later_year = re.fullmatch(self._blocks["year"], whole) is not None and year is not None and year.isdigit() and int(whole) > int(year)
        return not (later_year and re.match(r"\s*(?:[.,;:!?)]|$|and\b)", after[r.end() :]))

    def _h_quarter(self, m: re.Match[str], text: str) -> DateMatch | None:
        g = m.groupdict()
        if g.get("q") or g.get("h"):
            code = (g.get("q") or g.get("h") or "").upper()
            period = "quarter" if code[0] == "Q" else "half"
            index = int(code[1])
            year_s = g.get("y") or g.get("y0")
            mod = g.get("mod")
            if not year_s and not mod and period == "half":
                return None  # "H2" alone is too often something else
        else:
            period = g["qu"].lower()
            index = self.quarter_words[g["qw"].lower()]
            year_s = g.get("y2")
            mod = g.get("mod2")
            if period == "half" and not (year_s or mod):
                return None  # "the first half" of a match, a book ...
        if index > (4 if period == "quarter" else 2):
            return None
        year = self._year_of(year_s) if year_s else None
        offset = {"this": 0, "next": 1, "last": -1}[mod.lower()] if mod else None
        return DateMatch(m.start(), m.end(), m.group(0), year=year, period=period, period_index=index,
                         period_offset=offset)

    def _h_decade(self, m: re.Match[str], text: str) -> DateMatch | None:
        g = m.groupdict()
        part = self._part(m)
        if g.get("cent"):
            c = int(g["cent"])
            if not 1 <= c <= 22 or part in ("earlier", "later", "rest"):
                return None
            return DateMatch(m.start(), m.end(), m.group(0), period="century", period_index=c, part=part)
        if g.get("dec"):
            index = int(g["dec"])
            if index % 100 == 0 and index < self.hundreds_before:
                # "the 1800s", "the late 1900s": the hundred years, not the first ten
                return DateMatch(m.start(), m.end(), m.group(0), period="century", period_index=index // 100 + 1, part=part)
        elif g.get("dec2"):
            if not m.group(0).lower().startswith(("the", "'")) and "'" not in m.group(0) and part is None:
                return None  # "70s" alone could be ages or temperatures
            index = int(g["dec2"])  # century chosen at resolution
            if text[m.start("dec2") - 1 : m.start("dec2")] != "'" and not m.group(0).lower().startswith(("the", "early", "mid", "late")):
                return None
            if text[m.start("dec2") - 1 : m.start("dec2")] not in "'’" and self._measure_band(m, text):
                return None  # "highs in the 70s", "the low 80s": temperatures, not the decade
        else:
            index = self.decade_words[re.sub(r"\s+", " ", g["decw"].lower())]
            if not m.group(0).lower().startswith("the") and part is None:
                return None
        return DateMatch(m.start(), m.end(), m.group(0), period="decade", period_index=index, part=part)

    def _measure_band(self, m: re.Match[str], text: str) -> bool:
        prev = re.search(r"([A-Za-z]+)[\s-]*(?:the\s+)?$", text[max(0, m.start() - 16) : m.start()])
        if prev and prev.group(1).lower() in self.decade_not_after:
            return True
        near = text[max(0, m.start() - 200) : m.end() + 200]  # the clause around it (and linear work)
        return any(re.search(rf"\b{re.escape(w)}\b", near, re.IGNORECASE) for w in self.decade_measure_words)

    def _h_nth(self, m: re.Match[str], text: str) -> DateMatch | None:
        g = m.groupdict()
        word = g["nth"].lower()
        n = -1 if word in self.last_words else self.ordinal_words.get(word)
        if n is None or n > 5:
            return None
        weekday = self._wd(m, "w") if g.get("w") else None
        if g.get("w") and len(g["w"].rstrip(".")) <= 3:
            return None  # "the first sun of", "the second sat": not weekdays
        if g.get("mod"):
            offset = {"this": 0, "next": 1, "last": -1}.get(self.modifiers.get(g["mod"].lower(), ""))
            if offset is None or (weekday is not None and g["u"].lower() != "month"):
                return None
            return DateMatch(m.start(), m.end(), m.group(0), period=g["u"].lower(), period_offset=offset, nth=n, weekday=weekday)
        if g.get("m"):
            if self._verb_month(g["m"]):
                return None
            return DateMatch(m.start(), m.end(), m.group(0), month=self._month_of(g["m"]), year=self._year_of(g.get("y")),
                             nth=n, weekday=weekday)
        if weekday is not None:
            return None  # "the first Friday of 2022" is a rare way to say it: left alone
        year = self._year_of(g.get("y2"))
        return None if year is None else DateMatch(m.start(), m.end(), m.group(0), year=year, nth=n)

    def _h_edge(self, m: re.Match[str], text: str) -> DateMatch | None:
        amount = self._amount_value(m.group("a"))
        if amount is None or amount[0] != amount[1] or amount[0] != int(amount[0]) or amount[0] < 1:
            return None  # "the first few weeks of": not a stated length
        unit, factor = self.offset_units[m.group("u").lower()]
        n = int(amount[0] * factor)
        sign = -1 if m.group("fl").lower() in self.last_words else 1
        if m.group("m"):
            if self._verb_month(m.group("m")) or unit != "day" or n > 31:
                return None
            end = m.end()
            name = m.group("m")
            longest = max((k for k, v in self.months.items() if v == self._month_of(name)), key=len, default="")
            if not m.group("y") and name.endswith(".") and name[:-1].lower() == longest:
                end -= 1  # "of March.": the full stop ends the sentence ("Sept." keeps its own)
            inner = DateMatch(m.start(), end, text[m.start() : end], month=self._month_of(name), year=self._year_of(m.group("y")))
        elif unit not in ("day", "month") or (unit == "month" and n > 12) or (unit == "day" and n > 366):
            return None
        elif m.group("mod"):
            inner = DateMatch(m.start(), m.end(), m.group(0), period="year",
                              period_offset={"this": 0, "next": 1, "last": -1}[m.group("mod").lower()])
        else:
            inner = DateMatch(m.start(), m.end(), m.group(0), year=int(m.group("y2")))
        return replace(inner, edge=(sign, n, unit))

    def _h_monthsto(self, m: re.Match[str], text: str) -> DateMatch | None:
        amount = self._amount_value(m.group("a")) if m.group("a") else (1.0, 1.0)
        if amount is None or amount[0] != amount[1] or amount[0] != int(amount[0]):
            return None
        unit, factor = ("month", 3) if m.group("q") else self.offset_units[m.group("u").lower()]
        name = m.group("m") or m.group("m2")
        if unit == "day" and (m.group("d") or m.group("d2")) and not self._verb_month(name):
            # "the week ending March 3", "the seven days to 12 May": those days up to that one
            n = int(amount[0] * factor)
            day = self._h_md_or_dm(m, text, name)
            if day is None or not 1 <= n <= 366:
                return None
            return replace(day, start=m.start(), text=text[m.start() : day.end], shift=(0, 1 - n),
                           until=replace(day, shift=None))
        if unit not in ("month", "year") or self._verb_month(name):
            return None
        n = int(amount[0] * factor) * (12 if unit == "year" else 1)
        if not 1 <= n <= 120:
            return None
        day = self._day_value(m.group("d") or m.group("d2")) if (m.group("d") or m.group("d2")) else None
        if day is not None and not 1 <= day <= 31:
            return None
        end = m.end()
        longest = max((k for k, v in self.months.items() if v == self._month_of(name)), key=len, default="")
        if not m.group("y") and m.end("m" if m.group("m") else "m2") == end and name.endswith(".") and name[:-1].lower() == longest:
            end -= 1  # "to June.": the full stop ends the sentence
        return DateMatch(m.start(), end, text[m.start() : end], month=self._month_of(name), day=day,
                         year=self._year_of(m.group("y")), months_to=n)

    def _h_md_or_dm(self, m: re.Match[str], text: str, name: str) -> DateMatch | None:
        """The day a 'the week ending ...' form ends on."""
        raw = m.group("d") or m.group("d2")
        day = self._day_value(raw)
        if day is None or not 1 <= day <= 31:
            return None
        start, end = (m.start("m") if m.group("m") else m.start("d2")), m.end()
        return DateMatch(start, end, text[start:end], year=self._year_of(m.group("y")), month=self._month_of(name), day=day)

    def _h_nthwd(self, m: re.Match[str], text: str) -> DateMatch | None:
        n = self.ordinal_words.get(m.group("nth").lower())
        if n is None or n > 5:
            return None
        # "for the second Sunday", "every first Monday": a count or a habit, not a day
        prev = re.search(r"([A-Za-z]+)\s+(?:the\s+)?$", text[max(0, m.start() - 16) : m.start()], re.IGNORECASE)
        if prev and prev.group(1).lower() in self.not_before_nth_weekday:
            return None
        return DateMatch(m.start(), m.end(), m.group(0), period="month", period_offset=0, nth=n, weekday=self._wd(m, "w"))

    def _h_weekof(self, m: re.Match[str], text: str) -> DateMatch | None:
        # a date is short: read only the words right after "week of" (reading the rest of a long
        # text at every "week of" would make the work grow with the square of its length)
        window = text[m.start("rest") : m.start("rest") + 80]
        day = next((d for d in self.find(window) if d.start == 0 and d.granularity == "day"), None)
        if day is None or day.until is not None:
            return None
        end = m.start("rest") + day.end
        return replace(day, start=m.start(), end=end, text=text[m.start() : end], week_of=True)

    def _h_monthrel(self, m: re.Match[str], text: str) -> DateMatch | None:
        if self._verb_month(m.group("m")):
            return None
        offset = {"this": 0, "next": 1, "last": -1}.get(self.modifiers.get(m.group("mod").lower(), ""))
        if offset is None:
            return None
        return DateMatch(m.start(), m.end(), m.group(0), month=self._month_of(m.group("m")), period="year", period_offset=offset)

    def _h_todate(self, m: re.Match[str], text: str) -> DateMatch | None:
        unit = self.to_date.get(re.sub(r"[\s-]+", " ", m.group("td").lower()))
        if unit is None:
            return None
        return DateMatch(m.start(), m.end(), m.group(0), period=unit, period_offset=0, part="earlier")

    def _h_decadewords(self, m: re.Match[str], text: str) -> DateMatch | None:
        start = self.year_words.decade_value(m.group("dw"))
        if start is None or not 1000 <= start <= 2090:
            return None
        return DateMatch(m.start(), m.end(), m.group(0), period="decade", period_index=start)

    def _offset_parts(self, text: str) -> tuple[int, int] | None:
        """'2 years, 1 month and 21 days' as (months, days); None when an amount is vague or split."""
        b = self._blocks
        months = days = 0
        for part in re.finditer(rf"(?P<a>{b['amount']})\s+(?P<u>{b['ounit']})", text, re.IGNORECASE):
            amount = self._amount_value(part.group("a"))
            if amount is None or amount[0] != amount[1] or amount[0] != int(amount[0]):
                return None
            unit, factor = self.offset_units[part.group("u").lower()]
            n = int(amount[0]) * int(factor)
            if unit == "day":
                days += n
            else:
                months += n * (12 if unit == "year" else 1)
        return months, days

    def _h_offset(self, m: re.Match[str], text: str) -> DateMatch | None:
        amount = self._amount_value(m.group("a"))
        if amount is None:
            return None
        unit, factor = self.offset_units[m.group("u").lower()]
        direction = self.offset_directions[re.sub(r"\s+", " ", m.group("dir").lower())]
        n = amount[0] if amount[0] == amount[1] else None
        parts = self._offset_parts(text[m.start() : m.start("dir")]) if m.group("more") else None
        if m.group("more") and parts is None:
            return None
        if parts and parts[1]:
            unit = "day"
        if direction == "event":
            return DateMatch(m.start("a"), m.end(), text[m.start("a") : m.end()], from_event=True, period=unit)
        sign, base = (direction, 0) if isinstance(direction, int) else direction
        q = self.duration_qualifiers.get(re.sub(r"\s+", " ", (m.group("q") or "").lower()))
        if q in ("less_than", "within", "more_than") and unit == "day" and parts is None and n is not None:
            # "less than two weeks from today": the days up to that day; "more than a week ago": before it
            target = int(n * factor) * sign + base
            start = m.start("q")
            if q == "more_than":
                return DateMatch(start, m.end(), text[start : m.end()], relative_days=target,
                                 bound="after" if sign > 0 else "before")
            ends = sorted((base, target))
            last = DateMatch(m.start("a"), m.end(), text[m.start("a") : m.end()], relative_days=ends[1])
            return DateMatch(start, m.end(), text[start : m.end()], relative_days=ends[0], until=last)
        if parts is not None:
            months, days = parts
            if not days:
                dm = self._offset_match(m, "month", months * sign, base)
            else:
                dm = DateMatch(m.start(), m.end(), m.group(0), relative_days=days * sign + base, offset_months=months * sign)
        elif n is None:
            # "a few days ago", "several weeks ago": a vague amount is the range of days (months, years)
            # its [low, high] spans, the far end first; never to the day
            if q is not None:
                return None
            low_n, high_n = sorted((amount[0] * factor * sign, amount[1] * factor * sign))
            first, last = self._offset_match(m, unit, low_n, base), self._offset_match(m, unit, high_n, base)
            if first is None or last is None:
                return None
            return replace(first, until=last)
        else:
            dm = self._offset_match(m, unit, n * factor * sign, base)
        if dm is not None and m.group("q"):
            # "about two weeks ago": the qualifier is not part of the date
            dm = replace(dm, start=m.start("a"), text=text[m.start("a") : m.end()])
        return dm

    def _h_wdoffset(self, m: re.Match[str], text: str) -> DateMatch | None:
        amount = self._amount_value(m.group("a"))
        direction = self.offset_directions[re.sub(r"\s+", " ", m.group("dir").lower())]
        if amount is None or amount[0] != amount[1] or amount[0] != int(amount[0]) or not 1 <= amount[0] <= 52:
            return None
        if direction == "event":
            return DateMatch(m.start(), m.end(), m.group(0), from_event=True, period="day")
        if not isinstance(direction, int):
            return None
        n = int(amount[0])
        return DateMatch(m.start(), m.end(), m.group(0), weekday=self._wd(m, "w"), weekday_only=True, nth=n * direction)

    def _offset_match(self, m: re.Match[str], unit: str, n: float, base: int = 0) -> DateMatch | None:
        if n != int(n):
            return None
        n = int(n)
        if unit == "day":
            return DateMatch(m.start(), m.end(), m.group(0), relative_days=n + base)
        # "two months ago", "a year ago": stated to the month or the year
        return DateMatch(m.start(), m.end(), m.group(0), period=unit, period_offset=n)

    def _h_inoffset(self, m: re.Match[str], text: str) -> DateMatch | None:
        amount = self._amount_value(m.group("a"))
        if amount is None:
            return None
        unit, factor = self.offset_units[m.group("u").lower()]
        if m.group("in").lower() == "within" or m.group("the"):
            high = amount[1] * factor
            if unit != "day" and high != int(high):
                return None
            # "within the next two weeks" says it is the future; "within two weeks" may be a length
            return DateMatch(m.start(), m.end(), m.group(0), rolling=(unit, high, 0),
                             future_only=not (m.group("time") or m.group("the")))
        if amount[0] != amount[1]:
            # "in a few weeks": the days (months) the vague amount spans, as for "a few weeks ago"
            first = self._offset_match(m, unit, amount[0] * factor, 0)
            last = self._offset_match(m, unit, amount[1] * factor, 0)
            if first is None or last is None:
                return None
            return replace(first, until=last, future_only=not m.group("time"))
        dm = self._offset_match(m, unit, amount[0] * factor, 0)
        if dm is None:
            return None
        return replace(dm, future_only=not m.group("time"))

    def _h_rolling(self, m: re.Match[str], text: str) -> DateMatch | None:
        amount = self._amount_value(m.group("a"))
        if amount is None:
            return None
        unit, factor = self.offset_units[m.group("u").lower()]
        mod = m.group("mod").lower()
        if mod == "last" and not m.group(0).lower().startswith("the") and re.search(
            r"\b(?:will|would|to|could|may|might|should|can|must|shall|which|that|it|they|did|does|do)\s+$",
            text[max(0, m.start() - 12) : m.start()], re.IGNORECASE,
        ):
            return None  # "will last a few days": the verb "last", a duration, not a past period
        sign = 1 if mod in ("next", "coming") else -1
        n = amount[1] * factor
        if unit != "day" and n != int(n):
            return None
        return DateMatch(m.start(), m.end(), m.group(0), rolling=(unit, n, sign))

    # -- durations ------------------------------------------------------------------------------

    @cached_property
    def _duration_pattern(self) -> re.Pattern[str]:
        b = self._blocks
        units = _alternation(list(self.duration_units))
        wholes = _alternation(list(self.duration_wholes))
        quals = _alternation(list(self.duration_qualifiers))
        amount = rf"(?:\d+(?:[.,]\d+)?|{b['amount_word']}|{_alternation(list(self.amounts))}|half\s+an?|half)"
        return re.compile(
            rf"(?<![\w.,])(?:(?P<q>{quals})\s+)?(?:(?P<a>{amount})(?P<half>\s+and\s+a\s+half)?(?:[\s-]*|(?<=\d))(?P<u>{units})(?![a-z])"
            rf"(?P<half2>\s+and\s+(?:a\s+)?half)?|(?P<w>{wholes})(?![a-z]))",
            re.IGNORECASE,
        )

    @cached_property
    def _duration_starters(self) -> frozenset[str]:
        words = {"#", "half"}
        for table in (self.duration_qualifiers, self.duration_wholes, self.amounts, self.units_words, self.tens_words):
            words.update(p.split()[0].split("-")[0].lower() for p in table)
        return frozenset(words)

    def find_durations(self, text: str) -> list[DurationMatch]:
        """Lengths of time: "10 days", "a few weeks", "two and a half years", "all day", "a fortnight"."""
        text = fold(text)
        out: list[DurationMatch] = []
        if not self.duration_units:
            return out
        core = self._core
        tokens = self._tokens(text)
        starters = self._duration_starters
        pos_done = 0
        for i, (start, key) in enumerate(tokens):
            if start < pos_done or key not in starters:
                continue
            if key not in core and key != "#" and (i + 1 >= len(tokens) or tokens[i + 1][1] not in core):
                continue
            m = self._duration_pattern.match(text, start)
            if not m:
                continue
            pos_done = m.end()
            q = self.duration_qualifiers.get(re.sub(r"\s+", " ", (m.group("q") or "").lower()), "exact")
            if m.group("w"):
                v = float(self.duration_wholes[re.sub(r"[\s-]+", " ", m.group("w").lower())])
                out.append(DurationMatch(m.start(), m.end(), m.group(0), v, v, "whole", q))
                continue
            raw = re.sub(r"\s+", " ", m.group("a").lower())
            if raw.startswith("half"):
                amount: tuple[float, float] | None = (0.5, 0.5)
            else:
                amount = self._amount_value(raw.replace(",", "."))
            if amount is None:
                continue
            low, high = amount
            if m.group("half") or m.group("half2"):
                low, high = low + 0.5, high + 0.5
            unit_name = m.group("u").lower()
            if low == high == 1 and re.match(r"\s+[a-z]", text[m.end() : m.end() + 3]) and re.fullmatch(r"an?|one", raw):
                continue  # "a second phase", "a minute detail": an ordinal or an adjective, not a length
            per = float(self.duration_units[unit_name])
            vague = low != high
            out.append(DurationMatch(m.start(), m.end(), m.group(0), low * per, high * per,
                                     unit_name, "vague" if vague and q == "exact" else q))
        return out
