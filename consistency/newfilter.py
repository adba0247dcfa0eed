"""The ``new`` filter (``check --new``/``--since``): report only what involves new articles.

A finding involves a new article when one of the claims it cites is from it; the others
(agreements among old articles, their unique claims ...) are context, kept aside on the report
(``context_findings``) so that baselines can still tell which of their entries are stale.
Copy links are kept when one of their two articles is new.

Findings are numbered within the filtered report (``f1`` ... in the report's order, then the
context findings after them): a finding's number in a run of the whole corpus depends on every
finding of the corpus, which ``check --new`` with a cache does not compute (it compares only the
stories of the new articles, consistency/new_fast.py).  Claim ids stay those of the whole run.
"""

from __future__ import annotations

from dataclasses import replace


def only_new(report, new_ids):  # noqa: ANN001, ANN201 - Report in, Report out
    """Keep the findings that cite a claim of a new article.

    Claims stay when they belong to a new article or a kept finding cites them; the rest are
    kept aside as ``context_claims``."""
    new = set(new_ids)
    article_of = {c.id: c.article for c in report.claims}
    kept, context = [], []
    for f in report.findings:
        (kept if any(article_of.get(cid) in new for cid in f.claims) else context).append(f)
    numbered = [replace(f, id=f"f{i}") for i, f in enumerate([*kept, *context], start=1)]
    kept, context = numbered[: len(kept)], numbered[len(kept):]
    cited = {cid for f in kept for cid in f.claims}
    claims = [c for c in report.claims if c.article in new or c.id in cited]
    kept_ids = {c.id for c in claims}
    copies = [link for link in report.copies if link.a in new or link.b in new]
    return replace(report, findings=kept, claims=claims, new_articles=tuple(sorted(new)), copies=copies,
                   context_findings=context, context_claims=[c for c in report.claims if c.id not in kept_ids])
