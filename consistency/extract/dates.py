"""Finding dates in text and placing them on the calendar.

Absolute forms ("January 13th", "Jan. 19", "13 January 2022", "January 6, 2022", "13.01.2022",
"2022-01-13"), month-and-year forms ("January 2022"), and relative ones ("today", "yesterday
evening", "on Thursday").  A date without a year, or a relative one, is placed only with a
reference date (the article's publication date); otherwise it stays unresolved and says why.
Names of months, weekdays and relative words come from ``rules/dates.toml``.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cached_property
from typing import Any


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


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

    @property
    def granularity(self) -> str:
        if self.day is not None or self.relative_days is not None or self.weekday_only:
            return "day"
        if self.month is not None:
            return "month"
        return "year"

    @property
    def is_relative(self) -> bool:
        return self.relative_days is not None or self.weekday_only


@dataclass(frozen=True)
class Resolution:
    value: date | None  # the day, when known to the day
    low: date | None
    high: date | None
    note: str | None = None  # how it was placed, or why it could not be
    weekday_conflict: str | None = None  # "January 13, 2022 was a Thursday, not a Friday"


class DateReader:
    def __init__(self, rules: dict[str, Any]) -> None:
        self.months = {k.lower(): v for k, v in rules.get("months", {}).items()}
        self.weekdays = {k.lower(): v for k, v in rules.get("weekdays", {}).items()}
        self.relative = {k.lower(): v for k, v in rules.get("relative", {}).items()}
        parts = rules.get("parts_of_day", {})
        self.parts_of_day = parts.get("words", [])
        self.lead_ins = parts.get("lead_ins", [])
        ref = rules.get("weekday_reference", {})
        self.past_days = int(ref.get("past_days", 6))
        self.future_days = int(ref.get("future_days", 6))
        self.future_cues = ref.get("future_cues", [])
        self.order = rules.get("numeric", {}).get("order", "dmy")
        header = rules.get("header", {})
        self.furniture_words = {w.lower() for w in header.get("furniture_words", [])}
        self.max_days_after_body = int(header.get("max_days_after_body", 90))

    @cached_property
    def _pattern(self) -> re.Pattern[str]:
        month = rf"(?P<month>{_alternation(list(self.months))})\.?"
        month2 = rf"(?P<month2>{_alternation(list(self.months))})\.?"
        wd = rf"(?:(?P<weekday>{_alternation(list(self.weekdays))})\.?,?\s+(?:the\s+)?)?"
        wd2 = rf"(?:(?P<weekday2>{_alternation(list(self.weekdays))})\.?,?\s+)?"
        day = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
        day2 = r"(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?"
        year = r"(?P<year>(?:1[89]|2[01])\d{2})"
        year2 = r"(?P<year2>(?:1[89]|2[01])\d{2})"
        year3 = r"(?P<year3>(?:1[89]|2[01])\d{2})"
        lead = rf"(?:(?P<lead>{_alternation(self.lead_ins)})\s+)?" if self.lead_ins else ""
        time_body = r",?\s*(?:at\s+)?\d{1,2}:\d{2}(?::\d{2})?(?:\s?[ap]\.?m\.?)?"
        time = rf"(?P<time>{time_body})?"
        time2 = rf"(?P<time2>{time_body})?"
        rel_words = _alternation(list(self.relative))
        parts = _alternation(self.parts_of_day)
        return re.compile(
            # "the night of January 6", "Thursday, January 13th", "Jan. 19, 2022"
            rf"\b{lead}{wd}{month}\s+{day}(?!\d)(?:,?\s+{year}(?!\d))?{time}"
            # "13 January 2022", "Thursday, 13 January", "the 13th of January"
            rf"|\b{wd2}(?:the\s+)?{day2}(?:\s+of)?\s+{month2}(?:,?\s+{year2}(?!\d))?{time2}"
            # numeric: 13.01.2022, 13/01/2022, 2022-01-13
            r"|(?<![\d.])(?P<iso_y>(?:1[89]|2[01])\d{2})-(?P<iso_m>[01]?\d)-(?P<iso_d>[0-3]?\d)(?![\d-])"
            r"|(?<![\d.,/])(?P<n1>[0-3]?\d)(?P<sep>[./])(?P<n2>[01]?\d)(?P=sep)(?P<n3>(?:1[89]|2[01])\d{2})(?![\d.]\d)"
            # "January 2022", "in March 2021"
            rf"|\b(?P<month3>{_alternation(list(self.months))})\.?,?\s+{year3}(?!\d)"
            # relative: "yesterday evening", "today", "on Thursday"
            rf"|\b(?P<rel>{rel_words})(?:\s+(?P<part>{parts}))?\b"
            rf"|\b(?P<on>on|last|this|next)\s+(?P<weekday3>{_alternation([w for w in self.weekdays if len(w) > 3])})\b"
            rf"(?!\.?,?\s+(?:the\s+)?(?:[0-3]?\d|{_alternation(list(self.months))})\b)"
            rf"(?:\s+(?P<part3>{parts}))?",
            re.IGNORECASE,
        )

    def find(self, text: str) -> list[DateMatch]:
        found: list[DateMatch] = []
        for m in self._pattern.finditer(text):
            g = m.groupdict()
            start, end = m.start(), m.end()
            has_time = bool(g.get("time") or g.get("time2"))
            weekday = None
            wd_name = g.get("weekday") or g.get("weekday2")
            if wd_name:
                weekday = self.weekdays[wd_name.lower()]
            if g.get("month"):
                month, day, year = self.months[g["month"].lower()], int(g["day"]), g.get("year")
                # "May 15" is a date, "may 15" (the verb) is not.
                if g["month"].lower() == "may" and g["month"][0].islower():
                    continue
                if g.get("lead"):
                    # Keep "the night of" inside the claim text but not a leading "on".
                    lead = g["lead"]
                    if lead.lower().startswith("on "):
                        start = m.start("lead") + 3
            elif g.get("month2"):
                month, day, year = self.months[g["month2"].lower()], int(g["day2"]), g.get("year2")
                if g["month2"].lower() == "may" and g["month2"][0].islower():
                    continue
            elif g.get("iso_y"):
                year, month, day = g["iso_y"], int(g["iso_m"]), int(g["iso_d"])
            elif g.get("n1"):
                a, b, year = int(g["n1"]), int(g["n2"]), g["n3"]
                day, month = (a, b) if self.order == "dmy" else (b, a)
                if month > 12 and day <= 12:
                    day, month = month, day
            elif g.get("month3"):
                if g["month3"].lower() == "may" and g["month3"][0].islower():
                    continue
                found.append(
                    DateMatch(start, end, text[start:end], year=int(g["year3"]), month=self.months[g["month3"].lower()])
                )
                continue
            elif g.get("rel"):
                found.append(
                    DateMatch(start, end, text[start:end], relative_days=int(self.relative[g["rel"].lower()]))
                )
                continue
            elif g.get("weekday3"):
                start = m.start("weekday3") if g["on"].lower() == "on" else start
                found.append(
                    DateMatch(
                        start, end, text[start:end], weekday=self.weekdays[g["weekday3"].lower()],
                        weekday_only=True, relative_days=None,
                    )
                )
                continue
            else:  # pragma: no cover - every alternative is handled above
                continue
            year_i = int(year) if year else None
            if not (1 <= month <= 12) or not (1 <= day <= 31):
                continue
            if year_i is not None and day > calendar.monthrange(year_i, month)[1]:
                continue
            found.append(
                DateMatch(start, end, text[start:end], year=year_i, month=month, day=day, weekday=weekday, has_time=has_time)
            )
        return found

    def resolve(self, m: DateMatch, reference: date | None, *, sentence: str = "", fallback_year: int | None = None,
                fallback_note: str | None = None) -> Resolution:
        """Place a date on the calendar, using ``reference`` (publication date) when needed."""
        if m.relative_days is not None:
            if reference is None:
                return Resolution(None, None, None, "relative date; publication date unknown")
            day = reference + timedelta(days=m.relative_days)
            return Resolution(day, day, day, f"{m.text.strip()!r} counted from publication date {reference.isoformat()}")
        if m.weekday_only:
            if reference is None:
                return Resolution(None, None, None, "weekday without a date; publication date unknown")
            future = any(re.search(rf"\b{re.escape(c)}\b", sentence, re.IGNORECASE) for c in self.future_cues)
            delta = (m.weekday - reference.weekday()) % 7  # type: ignore[operator]
            if future:
                day = reference + timedelta(days=delta if delta <= self.future_days else delta - 7)
            else:
                back = (reference.weekday() - m.weekday) % 7  # type: ignore[operator]
                day = reference - timedelta(days=back if back <= self.past_days else back - 7)
            return Resolution(day, day, day, f"nearest {calendar.day_name[m.weekday]} to publication date {reference.isoformat()}")  # type: ignore[index]
        year, note = m.year, None
        if year is None:
            if reference is not None:
                year = reference.year
                # "December 28" in an article published on January 3 is last year's.
                if m.month is not None and m.month - reference.month > 6:
                    year -= 1
                elif m.month is not None and reference.month - m.month > 6 and m.month < 3:
                    year += 1
                note = f"year {year} from the publication date"
            elif fallback_year is not None:
                year = fallback_year
                note = fallback_note or f"year {year} assumed"
            else:
                return Resolution(None, None, None, "no year given and publication date unknown")
        if m.day is None:
            last = calendar.monthrange(year, m.month)[1] if m.month else 31
            low = date(year, m.month or 1, 1)
            high = date(year, m.month or 12, last)
            return Resolution(None, low, high, note)
        try:
            day = date(year, m.month, m.day)  # type: ignore[arg-type]
        except ValueError:
            return Resolution(None, None, None, f"no such date ({m.text})")
        conflict = None
        if m.weekday is not None and day.weekday() != m.weekday:
            conflict = f"{day.strftime('%B')} {day.day}, {day.year} was a {calendar.day_name[day.weekday()]}, not a {calendar.day_name[m.weekday]}"
        return Resolution(day, day, day, note, conflict)
