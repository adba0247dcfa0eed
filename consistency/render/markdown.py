"""The markdown discrepancy report for editors.

Corpus summary, then each discrepancy with a table of source, the claim as written, the
normalised value, file:line and the sentence; then agreements; then unique assertions by
article; then dates that could not be placed; then inputs that were skipped.  Every piece of
article text goes through :func:`consistency.render.escape.markdown`.
"""

from __future__ import annotations

from collections import defaultdict

from consistency import __version__
from consistency.compare import describe
from consistency.render.escape import code
from consistency.render.escape import markdown as esc
from consistency.render.table import PLURALS

SECTION_TITLES = {"discrepancy": "Discrepancies", "update": "Updates", "agreement": "Agreements"}
KIND_LABELS = {"quantity": "Figure", "date": "Date", "name": "Name", "set": "List", "quote": "Quote"}


def _claim_row(report, cid: str) -> str:  # noqa: ANN001
    c = report.claim(cid)
    a = report.article(c.article)
    source = a.source or a.id
    attribution = f" (per {esc(c.attribution)})" if c.attribution else ""
    value = describe(c)
    if c.note:
        value += f"; {c.note}"
    return (f"| {esc(source)} | {esc(c.text)}{attribution} | {esc(value)} | {code(f'{a.path}:{c.line}')} | "
            f"{esc(c.sentence)} |")


def _claims_table(report, ids) -> list[str]:  # noqa: ANN001
    out = ["| Source | Claim as written | Normalised | File:line | Sentence |", "|---|---|---|---|---|"]
    out.extend(_claim_row(report, cid) for cid in ids)
    return out


def _rule_lines(report, ids) -> list[str]:  # noqa: ANN001
    """--verbose: a line per claim saying which rules produced it."""
    out = []
    for cid in ids:
        c = report.claim(cid)
        out.append(f"- Rules behind {esc(c.text)} ({c.id}): {esc(c.rule or '-')}")
    return out + [""] if out else out


def render_markdown(report, *, verbose: bool = False) -> str:  # noqa: ANN001
    lines: list[str] = ["# Source consistency report", ""]
    ok = [a for a in report.articles if a.status == "ok"]
    new = getattr(report, "new_articles", None)
    sources = sorted({a.source for a in ok if a.source})
    counts = ", ".join(f"{report.count(v)} {v if report.count(v) == 1 else PLURALS[v]}"
                       for v in ("discrepancy", "update", "agreement", "unique"))
    lines += [
        f"{len(ok)} article(s) read, {len(report.skipped)} input(s) skipped, {len(report.claims)} claim(s) {'extracted' if new is None else 'reported'}: "
        f"**{counts}**.",
        "",
    ]
    if new is not None:
        lines += [f"Only findings that involve the {len(new)} new article(s) below are reported; the other "
                  f"{len(ok) - len(new)} article(s) of the corpus are the context they were compared with.", ""]
        ok = [a for a in ok if a.id in new]
    baseline = getattr(report, "baseline", None)
    if baseline is not None:
        lines += [f"{baseline['suppressed']} finding(s) accepted in the baseline are not shown; "
                  f"{len(baseline['stale'])} baseline entr{'y is' if len(baseline['stale']) == 1 else 'ies are'} stale.", ""]
    if sources:
        lines += [f"Sources named in metadata: {', '.join(esc(s) for s in sources)}.", ""]
    lines += ["| Article | Title | Source | Published | Claims |", "|---|---|---|---|---|"]
    per_article = defaultdict(int)
    for c in report.claims:
        per_article[c.article] += 1
    for a in ok:
        published = a.published.isoformat() if a.published else "unknown"
        if a.published and a.published_from:
            published += f" ({esc(a.published_from)})"
        lines.append(f"| {code(a.id)} | {esc(a.title)} | {esc(a.source or '-')} | {published} | {per_article[a.id]} |")
    lines.append("")
    copies = list(getattr(report, "copies", []) or [])
    if copies:
        lines += [f"## Copied stories ({len(copies)})", "",
                  "Articles that derive from one another count as one source in agreements.", "",
                  "| Articles | Link | How alike | What |", "|---|---|---|---|"]
        for link in copies:
            lines.append(f"| {code(link.a)} and {code(link.b)} | {esc(link.kind.replace('_', ' '))} | "
                         f"{link.similarity:.0f}% | {esc(link.explanation)} |")
        lines.append("")

    for verdict in ("discrepancy", "update", "agreement"):
        found = [f for f in report.findings if f.verdict == verdict]
        lines += [f"## {SECTION_TITLES[verdict]} ({len(found)})", ""]
        if not found:
            lines += [f"No {PLURALS[verdict]} found.", ""]
        for f in found:
            label = KIND_LABELS.get(f.kind, f.kind.title())
            sources = (f" ({f.independent_sources} independent source{'s' if f.independent_sources != 1 else ''})"
                       if getattr(f, "independent_sources", None) is not None else "")
            lines += [f"### {f.id}: {label}: {esc(f.topic)}{sources}", "", esc(f.explanation), ""]
            for note in f.notes:
                lines += [f"- {esc(note)}"]
            if f.notes:
                lines.append("")
            lines += _claims_table(report, f.claims) + [""]
            if verbose:
                lines += _rule_lines(report, f.claims)

    unique = [f for f in report.findings if f.verdict == "unique"]
    lines += [f"## Unique assertions ({len(unique)})", ""]
    if not unique:
        lines += ["Every compared claim is made by more than one article.", ""]
    by_article = defaultdict(list)
    for f in unique:
        by_article[f.articles[0]].append(f)
    for article_id in sorted(by_article):
        a = report.article(article_id)
        lines += [f"### {code(article_id)}: {esc(a.title)}", ""]
        lines += ["| Finding | Topic | Claim as written | Normalised | File:line | Sentence |", "|---|---|---|---|---|---|"]
        for f in by_article[article_id]:
            for cid in f.claims:
                c = report.claim(cid)
                value = describe(c) + (f"; {c.note}" if c.note else "")
                notes = "".join(f"<br>{esc(n)}" for n in f.notes)
                lines.append(
                    f"| {f.id} | {esc(f.topic)}{notes} | {esc(c.text)} | {esc(value)} | {code(f'{a.path}:{c.line}')} | {esc(c.sentence)} |"
                )
        lines.append("")
        if verbose:
            lines += _rule_lines(report, [cid for f in by_article[article_id] for cid in f.claims])

    unresolved = [c for c in report.claims if c.kind == "date" and not c.resolved]
    lines += [f"## Dates that could not be placed on the calendar ({len(unresolved)})", ""]
    if unresolved:
        lines += ["| Article | Date as written | Why | File:line | Sentence |", "|---|---|---|---|---|"]
        for c in unresolved:
            a = report.article(c.article)
            lines.append(f"| {code(a.id)} | {esc(c.text)} | {esc(c.note or '')} | {code(f'{a.path}:{c.line}')} | {esc(c.sentence)} |")
    else:
        lines.append("Every date was placed.")
    lines.append("")

    lines += [f"## Skipped inputs ({len(report.skipped)})", ""]
    if report.skipped:
        lines += ["| Path | Reason |", "|---|---|"]
        lines += [f"| {code(p)} | {esc(r)} |" for p, r in report.skipped]
    else:
        lines.append("None: every input was read.")
    notes = [(a, n) for a in report.articles for n in a.notes]
    if notes:
        lines += ["", "Notes on inputs:", ""] + [f"- {code(a.path)}: {esc(n)}" for a, n in notes]
    lines += ["", f"<sub>consistency {__version__}, rules {report.rules_version}</sub>", ""]
    return "\n".join(lines)
