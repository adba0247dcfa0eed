"""The terminal table: one row per finding, discrepancies first."""

from __future__ import annotations

import re
import textwrap

from tabulate import tabulate

from consistency.compare import describe
from consistency.render.escape import plain

VERDICT_LABEL = {"discrepancy": "DISCREPANCY", "update": "update", "agreement": "agree", "unique": "unique"}


def _short(explanation: str, limit: int = 220) -> str:
    """The part of an explanation that says what differs ("Most apart: ..."), cut to ``limit``."""
    text = plain(explanation)
    if "Most apart: " in text:
        text = text[text.index("Most apart: ") + len("Most apart: "):]
    # The claims are listed just above: their quoted texts need not be repeated.
    text = re.sub(r" \('[^']*'\)", "", text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _wrap(text: str, width: int) -> str:
    return "\n".join(textwrap.wrap(plain(text), width=width)) or ""


def render_table(report, *, width: int = 120, show_unique: bool = True, verbose: bool = False) -> str:  # noqa: ANN001
    """``verbose`` adds a column with the rules that produced each cited claim."""
    rows = []
    for f in report.findings:
        if f.verdict == "unique" and not show_unique:
            continue
        says = []
        where = []
        for cid in f.claims:
            c = report.claim(cid)
            if c.kind == "quote":
                says.append(f"{c.article[:18]}: {plain(c.attribution or 'no speaker named')}: {describe(c)}")
            elif c.kind == "set":
                says.append(f"{c.article[:18]}: {describe(c)}")  # the reading is the text
            elif c.kind == "name":
                says.append(f"{c.article[:18]}: '{plain(c.text)[:40]}'")
            else:
                says.append(f"{c.article[:18]}: {describe(c)} ('{plain(c.text)[:40]}')")
            where.append(f"{plain(report.article(c.article).path)}:{c.line}")  # file names are untrusted too
        row = [
            f.id,
            VERDICT_LABEL.get(f.verdict, f.verdict),
            _wrap(f.topic, 26),
            "\n".join(_wrap(s, 58) for s in says)
            # Why it is a problem, in a sentence (the markdown report has the whole explanation).
            + ("\n" + _wrap("→ " + _short(f.explanation), 58) if f.verdict in ("discrepancy", "update") else ""),
            "\n".join(dict.fromkeys(where)),
        ]
        if verbose:
            row.append("\n".join(_wrap(f"{cid}: {report.claim(cid).rule or '-'}", 50) for cid in f.claims))
        rows.append(row)
    head = ["id", "verdict", "topic", "what the sources say", "where"] + (["rules behind each claim"] if verbose else [])
    body = tabulate(rows, headers=head, tablefmt="simple_grid") if rows else "No comparable claims found."
    # The summary and skipped inputs go to stderr (see the CLI), so stdout holds only the table.
    return body + "\n"


PLURALS = {"discrepancy": "discrepancies", "update": "updates", "agreement": "agreements", "unique": "unique"}


def summary_line(report) -> str:  # noqa: ANN001
    ok = sum(1 for a in report.articles if a.status == "ok")
    new = getattr(report, "new_articles", None)
    if new is not None:
        parts = [f"{len(new)} new article(s) checked against {ok - len(new)} other(s)",
                 f"{len(report.claims)} claim(s) reported"]
    else:
        parts = [f"{ok} article(s)", f"{len(report.claims)} claim(s)"]
    for verdict in ("discrepancy", "update", "agreement", "unique"):
        n = report.count(verdict)
        if n or verdict != "update":
            parts.append(f"{n} {verdict if n == 1 else PLURALS[verdict]}")
    baseline = getattr(report, "baseline", None)
    if baseline is not None:
        parts.append(f"{baseline['suppressed']} accepted in the baseline")
    if report.skipped:
        parts.append(f"{len(report.skipped)} input(s) skipped")
    return ", ".join(parts)
