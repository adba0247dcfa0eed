"""The Claim record and the claims DataFrame schema.

One Claim per assertion an article makes.  All claims of a run form one pandas DataFrame
(``claims_frame``) whose columns are the fields below, in this order:

=============== ========= ==============================================================
column          type      meaning
=============== ========= ==============================================================
id              str       "c1", "c2" ... stable: ordered by article id, then position
article         str       the article's id (file name without extension)
kind            str       "quantity" or "date"
text            str       the claim as written (qualifier and unit included)
sentence        str       the whole sentence, as normalised
line            int       1-based line in the input file
start, end      int       1-based character columns in that line (end exclusive)
value           float|str quantity: the number; date: "YYYY-MM-DD" (or None if unresolved)
low, high       float|str bounds implied by the qualifier; None = open
low_exclusive   bool      strict lower bound ("more than")
high_exclusive  bool      strict upper bound ("fewer than")
qualifier       str       exact | approx | more_than | less_than | at_least | at_most | up_to | nearly | range
unit            str|None  quantity: the canonical counted thing; date: the event dated
measure         str|None  quantity: "count", "percent", "times" or an ISO currency code
property        str|None  quantity: present, approved, total, killed ...; date: start | end | None
owner           str|None  the organisation named with the thing or event ("CSTO")
attribution     str|None  who is said to state it
note            str|None  how the value was reached (year from publication date, ...)
resolved        bool      False for a date that cannot be placed on the calendar
weekday         str|None  date: a weekday named beside it; weekday_conflict says if it is wrong
revision        str|None  quantity: "earlier" ("up from 8"), "increment" ("six more"), "part" ("two of
                          them") or "whole" (the 450 of "154 out of 450 seats"); never compared
period          str|None  quantity: the earlier year its sentence dates it to ("In 2018, ... killing 160"):
                          compared only with figures of the same period
rule            str       which rules produced it (shown with --verbose)
offset          int       start offset in the normalised article text
=============== ========= ==============================================================
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pandas is imported when a frame is asked for: half a second off every run
    import pandas as pd


@dataclass(frozen=True, slots=True)
class Claim:
    article: str
    kind: str
    text: str
    sentence: str
    line: int
    start: int
    end: int
    value: Any
    low: Any
    high: Any
    qualifier: str
    unit: str | None
    measure: str | None
    property: str | None
    owner: str | None
    attribution: str | None
    note: str | None = None
    resolved: bool = True
    rule: str = ""
    offset: int = 0
    low_exclusive: bool = False
    high_exclusive: bool = False
    weekday_conflict: str | None = None
    weekday: str | None = None  # a weekday named beside the date ("Thursday, January 13th")
    revision: str | None = None  # "earlier" ("up from 8"), "increment" ("six more"), "part": not a total
    period: str | None = None  # "2018": a figure of an earlier time, named by its sentence
    id: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


COLUMNS = [
    "id", "article", "kind", "text", "sentence", "line", "start", "end", "value", "low", "high",
    "low_exclusive", "high_exclusive", "qualifier", "unit", "measure", "property", "owner",
    "attribution", "note", "resolved", "weekday", "weekday_conflict", "revision", "period", "rule", "offset",
]
assert set(COLUMNS) == {f.name for f in fields(Claim)}


def claims_frame(claims: list[Claim]) -> pd.DataFrame:
    """All claims as one DataFrame with the documented columns (object dtype keeps None)."""
    import pandas as pd

    frame = pd.DataFrame([c.to_dict() for c in claims], columns=COLUMNS)
    return frame.astype(object).where(frame.notna(), None) if len(frame) else frame
