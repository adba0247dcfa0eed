"""Placing a found date on the calendar: ``DateReader.resolve`` and the rules behind it.

A date without a year, or a relative one, is placed only with a reference date (the article's
publication date) or, for a missing year, a fallback year the caller names; otherwise it stays
unresolved and the resolution says why.  Periods resolve to low/high (inclusive days).  The
words these rules use (season months, holiday rules, part fractions ...) are read by
``DateReader`` from ``rules/dates.toml``; this module holds only the arithmetic.
"""

from __future__ import annotations

import calendar
import math
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from consistency.extract.dates import DateMatch


@dataclass(frozen=True)
class Resolution:
    value: date | None  # the day, when known to the day
    low: date | None
    high: date | None
    note: str | None = None  # how it was placed, or why it could not be
    weekday_conflict: str | None = None  # "January 13, 2022 was a Thursday, not a Friday"
    open_side: str | None = None  # "after" ("since August") or "before" ("until March"): the period runs on



def _add_months(d: date, months: int) -> date:
    y, m = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, m + 1
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


class DatePlacing:
    """The calendar half of ``DateReader`` (which supplies the rule tables it reads)."""

    def resolve(self, m: DateMatch, reference: date | None, *, sentence: str = "", fallback_year: int | None = None,
                fallback_note: str | None = None) -> Resolution:
        """Place a date on the calendar, using ``reference`` (publication date) when needed."""
        res = self._resolve(m, reference, sentence=sentence, fallback_year=fallback_year, fallback_note=fallback_note)
        if m.bound and (res.low is not None or res.value is not None):
            side = "after" if m.bound in ("since", "after", "from") else "before"
            return replace(res, open_side=side)
        return res

    def _resolve(self, m: DateMatch, reference: date | None, *, sentence: str, fallback_year: int | None,
                 fallback_note: str | None) -> Resolution:
        if m.shift is not None and m.until is None:  # (with an end, "the week ending March 3": a range)
            inner = self._resolve(replace(m, shift=None), reference, sentence=sentence, fallback_year=fallback_year,
                                  fallback_note=fallback_note)
            if inner.value is None:
                return inner
            day = _add_months(inner.value, m.shift[0]) + timedelta(days=m.shift[1])
            return Resolution(day, day, day, inner.note, inner.weekday_conflict)
        if m.months_to is not None:
            # "the 12 months to March 2023": back from the end of that month
            inner = self._resolve(replace(m, months_to=None), reference, sentence=sentence, fallback_year=fallback_year,
                                  fallback_note=fallback_note)
            if inner.low is None or inner.high is None:
                return inner
            if inner.value is not None and (inner.value + timedelta(days=1)).day != 1:
                # "the 12 months to June 15": from the day after the same day that many months before
                return Resolution(None, _add_months(inner.value, -m.months_to) + timedelta(days=1), inner.value, inner.note)
            start = _add_months(inner.high.replace(day=1), 1 - m.months_to)
            return Resolution(None, start, inner.high, inner.note)
        if m.edge is not None:
            return self._resolve_edge(m, reference, sentence=sentence, fallback_year=fallback_year, fallback_note=fallback_note)
        if m.until is not None:
            return self._resolve_range(m, reference, sentence=sentence, fallback_year=fallback_year, fallback_note=fallback_note)
        if m.from_event:
            return Resolution(None, None, None, f"{m.text.strip()!r} is counted from another event, not the publication date")
        if m.season is not None:
            return self._resolve_season(m, reference, sentence, fallback_year, fallback_note)
        if m.holiday is not None:
            return self._resolve_holiday(m, reference, sentence, fallback_year, fallback_note)
        if m.nth is not None and m.weekday_only:
            # "two Sundays from now": the second Sunday after the publication day; "ago": before it
            if reference is None:
                return Resolution(None, None, None, "weekday without a date; publication date unknown")
            step = 1 if m.nth > 0 else -1
            day, seen = reference, 0
            while seen < abs(m.nth):
                day += timedelta(days=step)
                seen += day.weekday() == m.weekday
            return Resolution(day, day, day, f"{m.text.strip()!r} counted from publication date {reference.isoformat()}")
        if m.nth is not None or m.week_of:
            return self._resolve_weeks(m, reference, sentence=sentence, fallback_year=fallback_year, fallback_note=fallback_note)
        if m.rolling is not None:
            return self._resolve_rolling(m, reference)
        if m.relative_days is not None:
            if reference is None:
                return Resolution(None, None, None, "relative date; publication date unknown")
            day = _add_months(reference, m.offset_months or 0) + timedelta(days=m.relative_days)
            return Resolution(day, day, day, f"{m.text.strip()!r} counted from publication date {reference.isoformat()}")
        if m.weekday_only:
            return self._resolve_weekday(m, reference, sentence)
        if m.nearest_weekend:
            return self._resolve_nearest_weekend(m, reference, sentence)
        if m.period_offset is not None and (m.period not in ("quarter", "half") or m.period_index is None):
            return self._resolve_relative_period(m, reference)
        if m.period in ("quarter", "half", "decade", "century"):
            return self._resolve_numbered_period(m, reference, fallback_year, fallback_note)
        if m.day is not None and m.month is None:
            return self._resolve_day_only(m, reference, sentence)
        if m.weekday_mod and m.month is not None and m.day is None:
            return self._resolve_mod_month(m, reference)
        year, note = m.year, None
        if year is None:
            if m.month is None:
                return Resolution(None, None, None, "no year given")
            if reference is not None:
                year = reference.year
                # "December 28" in an article published on January 3 is last year's.
                if m.month - reference.month > 6:
                    year -= 1
                elif reference.month - m.month > 6 and (
                        m.month + 12 - reference.month <= self.ahead_months or self._speaks_of_future(sentence)):
                    year += 1  # "Jan. 3" in a December story; in an August one only "will ... on Jan. 3"
                if m.day == 29 and m.month == 2 and not calendar.isleap(year):
                    # "Feb 29" without a year: the leap year nearest to the publication date
                    year = min((y for y in range(year - 4, year + 5) if calendar.isleap(y)),
                               key=lambda y: abs((date(y, 2, 29) - reference).days))
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
            low, high = self._apply_part(m.part, "month" if m.month else "year", low, high, reference)
            return Resolution(None, low, high, note)
        try:
            day = date(year, m.month, m.day)  # type: ignore[arg-type]
        except ValueError:
            return Resolution(None, None, None, f"no such date ({m.text})")
        conflict = None
        if m.weekday is not None and day.weekday() != m.weekday:
            conflict = f"{day.strftime('%B')} {day.day}, {day.year} was a {calendar.day_name[day.weekday()]}, not a {calendar.day_name[m.weekday]}"
        return Resolution(day, day, day, note, conflict)

    def _season_in(self, name: str, year: int) -> tuple[date, date]:
        first, last = self.seasons[name]
        end_year = year + 1 if last < first else year
        return date(year, first, 1), _month_end(end_year, last)

    def _resolve_season(self, m: DateMatch, reference: date | None, sentence: str, fallback_year: int | None,
                        fallback_note: str | None) -> Resolution:
        name, note = m.season or "", None
        if m.year is None and m.period_offset is not None:
            # "the spring of last year": the season of that year
            if reference is None:
                return Resolution(None, None, None, "relative year; publication date unknown")
            m = replace(m, year=reference.year + m.period_offset, period=None, period_offset=None)
            note = f"year {m.year} from the publication date"
        if m.year is not None:
            low, high = self._season_in(name, m.year)
            if high.year > m.year:
                # "winter 2022" is the winter ending in 2022 or the one beginning in it: both are covered
                low = self._season_in(name, m.year - 1)[0]
                note = note or f"{name} {m.year}: the {name} ending or beginning that year"
        elif reference is not None:
            spans = [self._season_in(name, reference.year + k) for k in (-2, -1, 0, 1)]
            current = next((sp for sp in spans if sp[0] <= reference <= sp[1]), None)
            past = [sp for sp in spans if sp[1] < reference]
            coming = [sp for sp in spans if sp[0] > reference]
            if m.weekday_mod == "this":
                chosen = current or next(sp for sp in spans if sp[0].year == reference.year)
            elif m.weekday_mod == "last":
                chosen = past[-1]
            elif m.weekday_mod == "next":
                chosen = coming[0]
            elif current is None:
                # "before winter", "in the spring": which one is not said (the coming one, or one the
                # story looks back on); only the season under way at publication is sure
                return Resolution(None, None, None, f"which {name} is not said; none under way at publication")
            else:
                chosen = current
            low, high = chosen
            note = f"{name} nearest to publication date {reference.isoformat()}"
        elif fallback_year is not None and m.weekday_mod is None:
            (low, high), note = self._season_in(name, fallback_year), fallback_note or f"year {fallback_year} assumed"
        else:
            return Resolution(None, None, None, "season without a year; publication date unknown")
        low, high = self._apply_part(m.part, "season", low, high, reference)
        return Resolution(None, low, high, note)

    def _resolve_holiday(self, m: DateMatch, reference: date | None, sentence: str, fallback_year: int | None,
                         fallback_note: str | None) -> Resolution:
        name = m.holiday or ""
        if m.year is not None:
            day = self.holidays.on(name, m.year)
            note = None
        elif reference is not None:
            day = self.holidays.near(name, reference, m.weekday_mod, self._speaks_of_future(sentence))
            note = f"{name} nearest to publication date {reference.isoformat()}"
        elif fallback_year is not None and m.weekday_mod is None:
            day, note = self.holidays.on(name, fallback_year), fallback_note or f"year {fallback_year} assumed"
        else:
            return Resolution(None, None, None, "holiday without a year; publication date unknown")
        if day is None:
            if m.year is None and reference is not None:
                return Resolution(None, None, None, f"which {name} is not said; none near publication date {reference.isoformat()}")
            return Resolution(None, None, None, f"no {name} in that year")
        if m.holiday_weekend:
            # the Saturday and Sunday next to the holiday, stretched to take it in: a Monday holiday
            # (or Tuesday) joins the weekend before it, a Wednesday to Friday one the weekend after
            wd = day.weekday()
            if wd >= 5:
                low = day - timedelta(days=wd - 5)
                return Resolution(None, low, low + timedelta(days=1), note)
            if wd <= 1:
                return Resolution(None, day - timedelta(days=wd + 2), day, note)
            return Resolution(None, day, day + timedelta(days=6 - wd), note)
        return Resolution(day, day, day, note)

    def _resolve_edge(self, m: DateMatch, reference: date | None, **kw: Any) -> Resolution:
        """'the first six months of 2021', 'the last ten days of March': that many days or whole
        months from the start (or up to the end) of the period."""
        inner = self._resolve(replace(m, edge=None), reference, **kw)
        if inner.low is None or inner.high is None:
            return inner
        sign, n, unit = m.edge  # type: ignore[misc]
        low, high = inner.low, inner.high
        if unit == "month":
            if sign > 0:
                end = _add_months(low, n - 1)
                return Resolution(None, low, _month_end(end.year, end.month), inner.note)
            start = _add_months(high.replace(day=1), 1 - n)
            return Resolution(None, start, high, inner.note)
        if n > (high - low).days + 1:
            return Resolution(None, None, None, f"no {m.text.strip()!r}")
        if sign > 0:
            return Resolution(None, low, low + timedelta(days=n - 1), inner.note)
        return Resolution(None, high - timedelta(days=n - 1), high, inner.note)

    def _resolve_weeks(self, m: DateMatch, reference: date | None, **kw: Any) -> Resolution:
        """'the week of March 3', 'the third week of July', 'the first Friday of next month'.

        Weeks run Monday to Sunday; as in ISO 8601 a week belongs to the month or year that
        holds its Thursday, so 'the first week of October 2016' starts on Monday, October 3."""
        inner = self._resolve(replace(m, nth=None, week_of=False), reference, **kw)
        if m.week_of:
            if inner.value is None:
                return inner
            monday = inner.value - timedelta(days=inner.value.weekday())
            return Resolution(None, monday, monday + timedelta(days=6), inner.note)
        low, high = inner.low, inner.high
        if low is None or high is None:
            return inner
        n = m.nth or 1
        if m.weekday is not None:
            days = [low + timedelta(days=k) for k in range((high - low).days + 1)]
            hits = [d for d in days if d.weekday() == m.weekday]
            if not (-len(hits) <= (n if n < 0 else n - 1) < len(hits)):
                return Resolution(None, None, None, f"no {m.text.strip()!r}")
            day = hits[n if n < 0 else n - 1]
            return Resolution(day, day, day, inner.note)
        thursdays = [low + timedelta(days=k) for k in range((high - low).days + 1) if (low + timedelta(days=k)).weekday() == 3]
        if not (-len(thursdays) <= (n if n < 0 else n - 1) < len(thursdays)):
            return Resolution(None, None, None, f"no {m.text.strip()!r}")
        monday = thursdays[n if n < 0 else n - 1] - timedelta(days=3)
        return Resolution(None, monday, monday + timedelta(days=6), inner.note)

    def _resolve_range(self, m: DateMatch, reference: date | None, **kw: Any) -> Resolution:
        first = self._resolve(replace(m, until=None), reference, **kw)
        last = self._resolve(m.until, reference, **kw)  # type: ignore[arg-type]
        low = first.low or first.value
        high = last.high or last.value
        end = m.until
        if low is not None and end is not None and end.weekday_only and end.weekday_mod is None and end.nth is None:
            # "from next Monday to Friday", "from Thursday to Sunday": the first such day after the start
            high = low + timedelta(days=(end.weekday - low.weekday()) % 7 or 7)  # type: ignore[operator]
        if low is None or high is None:
            return Resolution(None, None, None, first.note if low is None else last.note)
        if high < low:
            if m.year is None and m.until is not None and m.until.year is None and m.month and m.until.month:
                # "December 28 to January 4" without years: the range runs over the new year
                try:
                    high = high.replace(year=low.year + 1) if high.replace(year=low.year) < low else high.replace(year=low.year)
                except ValueError:
                    return Resolution(None, None, None, f"the range ends before it starts ({m.text})")
            elif m.year is None and m.month and m.until is not None and m.until.year is None and m.until.is_relative:
                # "between January 22 and now": a yearless start lies before the end
                try:
                    low = low.replace(year=high.year if low.replace(year=high.year) <= high else high.year - 1)
                except ValueError:
                    return Resolution(None, None, None, f"the range ends before it starts ({m.text})")
                first = replace(first, note=f"year {low.year} from the publication date")
            elif m.until is not None and m.until.year is None and m.until.month and not m.until.is_relative:
                # "between now and November 15th": a yearless end lies after the start
                try:
                    high = high.replace(year=low.year if high.replace(year=low.year) >= low else low.year + 1)
                except ValueError:
                    return Resolution(None, None, None, f"the range ends before it starts ({m.text})")
            if high < low:
                return Resolution(None, None, None, f"the range ends before it starts ({m.text})")
        notes = [n for n in (first.note, last.note) if n]
        return Resolution(None, low, high, notes[0] if notes else None, first.weekday_conflict or last.weekday_conflict)

    def _resolve_weekday(self, m: DateMatch, reference: date | None, sentence: str) -> Resolution:
        if reference is None:
            return Resolution(None, None, None, "weekday without a date; publication date unknown")
        wd = m.weekday  # type: ignore[assignment]
        name = calendar.day_name[wd]
        monday = reference - timedelta(days=reference.weekday())
        if m.weekday_mod == "this":
            day = monday + timedelta(days=wd)
            return Resolution(day, day, day, f"{name} of the week of publication date {reference.isoformat()}")
        if m.weekday_mod == "next":
            day = monday + timedelta(days=7 + wd)
            return Resolution(day, day, day, f"{name} of the week after publication date {reference.isoformat()}")
        if m.weekday_mod == "last":
            back = (reference.weekday() - wd) % 7 or 7
            day = reference - timedelta(days=back)
            return Resolution(day, day, day, f"the {name} before publication date {reference.isoformat()}")
        future = self._speaks_of_future(sentence)
        delta = (wd - reference.weekday()) % 7
        if future:
            day = reference + timedelta(days=delta if delta <= self.future_days else delta - 7)
        else:
            back = (reference.weekday() - wd) % 7
            day = reference - timedelta(days=back if back <= self.past_days else back - 7)
        return Resolution(day, day, day, f"nearest {name} to publication date {reference.isoformat()}")

    def _resolve_nearest_weekend(self, m: DateMatch, reference: date | None, sentence: str) -> Resolution:
        """'over the weekend': the weekend under way, else the one just past (the coming one when the
        sentence speaks of the future), as a bare weekday is placed."""
        if reference is None:
            return Resolution(None, None, None, "weekend without a date; publication date unknown")
        wd = reference.weekday()
        if wd >= 5:
            saturday = reference - timedelta(days=wd - 5)
            note = f"the weekend of publication date {reference.isoformat()}"
        elif self._speaks_of_future(sentence):
            saturday = reference + timedelta(days=5 - wd)
            note = f"the weekend after publication date {reference.isoformat()}"
        else:
            saturday = reference - timedelta(days=wd + 2)
            note = f"the weekend before publication date {reference.isoformat()}"
        return Resolution(None, saturday, saturday + timedelta(days=1), note)

    def _resolve_day_only(self, m: DateMatch, reference: date | None, sentence: str) -> Resolution:
        """'the 27th', 'Friday the 22nd': a day of a month near the publication date."""
        if reference is None:
            return Resolution(None, None, None, "day of the month without a month; publication date unknown")
        candidates = []
        for k in (-1, 0, 1):
            first = _add_months(reference.replace(day=1), k)
            try:
                candidates.append(first.replace(day=m.day))  # type: ignore[arg-type]
            except ValueError:
                continue
        if m.weekday is not None:
            candidates = [c for c in candidates if c.weekday() == m.weekday]
        elif self._speaks_of_future(sentence):
            candidates = [c for c in candidates if c >= reference] or candidates
        else:
            candidates = [c for c in candidates if c <= reference] or candidates
        if not candidates:
            return Resolution(None, None, None, f"no {m.text!r} near publication date {reference.isoformat()}")
        day = min(candidates, key=lambda c: abs((c - reference).days))
        return Resolution(day, day, day, f"month of {m.text.strip()!r} from publication date {reference.isoformat()}")

    def _resolve_mod_month(self, m: DateMatch, reference: date | None) -> Resolution:
        """'last September' is the latest September before the publication month, 'next June' the first after."""
        if reference is None:
            return Resolution(None, None, None, "month without a year; publication date unknown")
        year = reference.year
        if m.weekday_mod == "last" and m.month >= reference.month:  # type: ignore[operator]
            year -= 1
        elif m.weekday_mod == "next" and m.month <= reference.month:  # type: ignore[operator]
            year += 1
        low = date(year, m.month, 1)  # type: ignore[arg-type]
        return Resolution(None, low, _month_end(year, m.month), f"year {year} from the publication date")  # type: ignore[arg-type]

    def _period_bounds(self, unit: str, reference: date, offset: int) -> tuple[date, date]:
        if unit in ("week", "weekend"):
            monday = reference - timedelta(days=reference.weekday()) + timedelta(days=7 * offset)
            if unit == "weekend":
                return monday + timedelta(days=5), monday + timedelta(days=6)
            return monday, monday + timedelta(days=6)
        if unit == "month":
            first = _add_months(reference.replace(day=1), offset)
            return first, _month_end(first.year, first.month)
        if unit == "quarter":
            q0 = (reference.month - 1) // 3
            first = _add_months(date(reference.year, q0 * 3 + 1, 1), 3 * offset)
            return first, _add_months(first, 3) - timedelta(days=1)
        if unit == "half":
            h0 = (reference.month - 1) // 6
            first = _add_months(date(reference.year, h0 * 6 + 1, 1), 6 * offset)
            return first, _add_months(first, 6) - timedelta(days=1)
        if unit == "decade":
            y = reference.year // 10 * 10 + 10 * offset
            return date(y, 1, 1), date(y + 9, 12, 31)
        if unit == "century":
            y = reference.year // 100 * 100 + 100 * offset
            return date(y, 1, 1), date(y + 99, 12, 31)
        y = reference.year + offset
        return date(y, 1, 1), date(y, 12, 31)

    def _resolve_relative_period(self, m: DateMatch, reference: date | None) -> Resolution:
        if reference is None:
            return Resolution(None, None, None, "relative period; publication date unknown")
        unit = m.period or "year"
        low, high = self._period_bounds(unit, reference, m.period_offset or 0)
        note = f"{m.text.strip()!r} counted from publication date {reference.isoformat()}"
        if unit == "year" and m.month is not None:  # "June next year"
            low, high = date(low.year, m.month, 1), _month_end(low.year, m.month)
        if m.day is not None:  # "the 20th of next month"
            try:
                day = low.replace(day=m.day)
            except ValueError:
                return Resolution(None, None, None, f"no such date ({m.text})")
            return Resolution(day, day, day, note)
        if m.weekday is not None and unit == "week":
            day = low + timedelta(days=m.weekday)
            return Resolution(day, day, day, note)
        low, high = self._apply_part(m.part, unit, low, high, reference)
        return Resolution(None, low, high, note)

    def _resolve_numbered_period(self, m: DateMatch, reference: date | None, fallback_year: int | None,
                                 fallback_note: str | None) -> Resolution:
        note = None
        if m.period == "century":
            c = m.period_index or 1
            low, high = date((c - 1) * 100 or 1, 1, 1), date(c * 100 - 1, 12, 31)
            low, high = self._apply_part(m.part, "century", low, high, reference)  # "the mid-19th century"
            return Resolution(None, low, high, None)
        if m.period == "decade":
            y = m.period_index or 0
            if y < 100:  # "the '70s": the latest such decade that has begun
                ref_year = reference.year if reference else fallback_year
                if ref_year is None:
                    y += 1900
                    note = "century assumed: 1900s"
                else:
                    y = ref_year // 100 * 100 + y
                    if y > ref_year:
                        y -= 100
                    note = f"century from the year {ref_year}"
            low, high = date(y, 1, 1), date(y + 9, 12, 31)
            low, high = self._apply_part(m.part, "decade", low, high, reference)
            return Resolution(None, low, high, note)
        year = m.year
        if year is None and m.period_offset is not None and reference is not None:
            year = reference.year + m.period_offset
            note = f"year {year} from the publication date"
        if year is None:
            if reference is not None:
                year = reference.year
                months = 3 if m.period == "quarter" else 6
                first_month = ((m.period_index or 1) - 1) * months + 1
                if first_month - reference.month > 6:
                    year -= 1
                note = f"year {year} from the publication date"
            elif fallback_year is not None:
                year, note = fallback_year, fallback_note or f"year {fallback_year} assumed"
            else:
                return Resolution(None, None, None, "no year given and publication date unknown")
        months = 3 if m.period == "quarter" else 6
        first = date(year, ((m.period_index or 1) - 1) * months + 1, 1)
        return Resolution(None, first, _add_months(first, months) - timedelta(days=1), note)

    def _resolve_rolling(self, m: DateMatch, reference: date | None) -> Resolution:
        if reference is None:
            return Resolution(None, None, None, "relative period; publication date unknown")
        unit, amount, sign = m.rolling  # type: ignore[misc]

        def shift(d: date, k: float) -> date:
            if unit == "day":
                return d + timedelta(days=k)
            months = int(k) * (12 if unit == "year" else 1)
            return _add_months(d, months)

        note = f"{m.text.strip()!r} counted from publication date {reference.isoformat()}"
        if sign < 0:
            low, high = shift(reference, -amount), reference
        elif sign > 0:
            low, high = reference + timedelta(days=1), shift(reference, amount)
        else:
            low, high = reference, shift(reference, amount)
        low, high = self._apply_part(m.part, unit, low, high, reference)
        return Resolution(None, low, high, note)

    def _apply_part(self, part: str | None, unit: str, low: date, high: date, reference: date | None) -> tuple[date, date]:
        if part is None:
            return low, high
        if part in ("earlier", "later", "rest"):
            if reference is None or not (low <= reference <= high):
                return low, high
            return (low, reference) if part == "earlier" else (reference, high)
        fractions = dict(self.part_fractions.get("default", {}))
        fractions.update(self.part_fractions.get(unit, {}))
        frac = fractions.get(part)
        if not frac:
            return low, high
        lo_f, hi_f = float(frac[0]), float(frac[1])
        if unit in ("year",) and (high - low).days > 300:
            n = 12
            first = low.replace(day=1)
            a, z = math.floor(lo_f * n + 1e-6), math.floor(hi_f * n + 1e-6)
            start = _add_months(first, a)
            end = _add_months(first, z) - timedelta(days=1)
            return start, end
        if unit in ("decade", "century"):
            n = high.year - low.year + 1
            a, z = math.floor(lo_f * n + 1e-6), math.floor(hi_f * n + 1e-6)
            return date(low.year + a, 1, 1), date(low.year + z - 1, 12, 31)
        n = (high - low).days + 1
        a, z = math.floor(lo_f * n + 1e-6), math.floor(hi_f * n + 1e-6)
        return low + timedelta(days=a), low + timedelta(days=max(a, z - 1))
