"""``consistency extract``: one article's claims, as the rules saw them."""

from __future__ import annotations

import json

from tabulate import tabulate

from consistency.compare import describe
from consistency.render.escape import plain
from consistency.render.table import _wrap


def render_claims_table(report, *, verbose: bool = False) -> str:  # noqa: ANN001
    rows = []
    for c in report.claims:
        row = [c.id, c.kind, _wrap(c.text, 30), _wrap(describe(c) + (f"; {c.note}" if c.note else ""), 30),
               plain(c.unit or "-"), plain(c.property or "-"), _wrap(c.owner or "-", 18),
               _wrap(c.attribution or "-", 18), f"{c.line}:{c.start}"]
        if verbose:
            row.append(_wrap(c.rule or "-", 50))
        rows.append(row)
    head = ["id", "kind", "as written", "reading", "unit/event", "property", "owner", "attribution", "line:col"]
    if verbose:
        head.append("rules")
    if not rows:
        return "No claims found.\n"
    return tabulate(rows, headers=head, tablefmt="simple_grid") + "\n"


def render_claims_json(report, *, verbose: bool = False) -> str:  # noqa: ANN001
    data = report.to_json_dict()
    claims = data["claims"]
    if verbose:
        rules = {c.id: c.rule for c in report.claims}
        claims = [{**c, "rule": rules[c["id"]]} for c in claims]
    out = {"schema": data["schema"], "generated_by": data["generated_by"], "rules_version": data["rules_version"],
           "articles": data["articles"], "claims": claims}
    return json.dumps(out, indent=2, ensure_ascii=False) + "\n"
