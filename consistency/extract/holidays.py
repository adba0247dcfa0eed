"""Holidays as dates: "on Christmas Day", "over Thanksgiving 2023", "after Easter", "last Good Friday".

The names and their rules live in ``rules/dates.toml`` ``[holidays]``: a fixed day of a month, the
nth weekday of a month (the last one with ``nth = -1``), or a number of days from Western Easter
Sunday, each optionally shifted by ``offset`` days ("Black Friday" is the day after Thanksgiving).
This module holds only the calendar arithmetic (the Easter computus among it).
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any


def easter(year: int) -> date:
    """Western (Gregorian) Easter Sunday: the anonymous Gregorian algorithm (Meeus/Jones/Butcher)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    month, day = divmod(h + el - 7 * m + 114, 31)
    return date(year, month, day + 1)


def nth_weekday(year: int, month: int, weekday: int, nth: int) -> date | None:
    """The nth (1-5, or -1 for the last) given weekday of a month, None when there is no such day."""
    days = [date(year, month, d) for d in range(1, calendar.monthrange(year, month)[1] + 1)]
    hits = [d for d in days if d.weekday() == weekday]
    index = nth - 1 if nth > 0 else nth
    return hits[index] if -len(hits) <= index < len(hits) else None


@dataclass(frozen=True)
class HolidayRule:
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    nth: int | None = None
    easter: int | None = None  # days from Easter Sunday
    offset: int = 0

    def on(self, year: int) -> date | None:
        if self.easter is not None:
            found: date | None = easter(year) + timedelta(days=self.easter)
        elif self.month is not None and self.day is not None:
            found = date(year, self.month, self.day)
        elif self.month is not None and self.weekday is not None and self.nth is not None:
            found = nth_weekday(year, self.month, self.weekday, self.nth)
        else:
            return None
        return found + timedelta(days=self.offset) if found else None


class Holidays:
    def __init__(self, rules: dict[str, Any], weekdays: dict[str, int]) -> None:
        self.cues = [c.lower() for c in rules.get("cues", [])]
        self.near_days = int(rules.get("near_days", 60))
        self.rules: dict[str, HolidayRule] = {}
        for name, spec in rules.get("days", {}).items():
            wd = spec.get("weekday")
            self.rules[" ".join(name.lower().split())] = HolidayRule(
                month=spec.get("month"), day=spec.get("day"),
                weekday=weekdays.get(wd.lower()) if isinstance(wd, str) else wd,
                nth=spec.get("nth"), easter=spec.get("easter"), offset=int(spec.get("offset", 0)),
            )

    @property
    def names(self) -> list[str]:
        return list(self.rules)

    def rule(self, name: str) -> HolidayRule | None:
        return self.rules.get(" ".join(name.lower().replace("’", "'").split()))

    def on(self, name: str, year: int) -> date | None:
        rule = self.rule(name)
        return rule.on(year) if rule else None

    def near(self, name: str, reference: date, mod: str | None, future: bool) -> date | None:
        """The occurrence meant without a year: "last Christmas" the one before the reference,
        "next Easter" the one after, "this Easter" the one of its year; otherwise the latest one
        up to the reference, or the next one from it when the sentence speaks of the future, and
        only when it lies within ``near_days`` of the reference (None otherwise)."""
        rule = self.rule(name)
        if rule is None:
            return None
        around = [d for d in (rule.on(reference.year + k) for k in (-1, 0, 1)) if d is not None]
        if mod == "this":
            return next((d for d in around if d.year == reference.year), None)
        if mod == "last" or (mod is None and not future):
            past = [d for d in around if (d < reference if mod == "last" else d <= reference)]
            found = max(past) if past else None
        else:
            coming = [d for d in around if (d > reference if mod == "next" else d >= reference)]
            found = min(coming) if coming else None
        if mod is None and (found is None or abs((found - reference).days) > self.near_days):
            # a sentence about the future may count from the one just past ("we'll reopen three weeks
            # after Christmas", said on January 2); one about the past never from a coming one.  "before
            # Christmas" eleven months away: which one is not sure
            past = [d for d in around if d <= reference] if future else []
            found = max(past) if past else None
            if found is None or (reference - found).days > self.near_days:
                return None
        return found
