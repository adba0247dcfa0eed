"""The ``new`` filter (``check --new``/``--since``): report only what involves new articles.

A finding involves a new article when one of the claims it cites is from it; the others
(agreements among old articles, their unique claims ...) are context, kept aside on the report
(``context_findings``) so that baselines can still tell which of their entries are stale.
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
    cited = {cid for f in kept for cid in f.claims}
    claims = [c for c in report.claims if c.article in new or c.id in cited]
    kept_ids = {c.id for c in claims}
    return replace(report, findings=kept, claims=claims, new_articles=tuple(sorted(new)),
                   context_findings=context, context_claims=[c for c in report.claims if c.id not in kept_ids])
