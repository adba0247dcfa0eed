"""CSV: one row per claim, with the columns of :data:`consistency.claims.COLUMNS`.

Empty cells for None, ``true``/``false`` for booleans, integral numbers without ".0".  A text
cell that a spreadsheet would run as a formula (starting with =, +, -, @, a tab or a carriage
return) is prefixed with an apostrophe: article text is untrusted.
"""

from __future__ import annotations

import csv
import io

from consistency.claims import COLUMNS

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value) -> str:  # noqa: ANN001
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (int, float)):
        return str(value)
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def render_csv(report) -> str:  # noqa: ANN001
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for claim in report.claims:
        row = claim.to_dict()
        writer.writerow([_cell(row[col]) for col in COLUMNS])
    return out.getvalue()
