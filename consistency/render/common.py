"""Helpers shared by the renderers."""

from __future__ import annotations


def primary_claim(report, finding):  # noqa: ANN001
    """The claim an annotation points at: the first one of a new article (with ``--new``),
    else the first one cited."""
    claims = [report.claim(cid) for cid in finding.claims]
    for c in claims:
        if report.is_new(c.article):
            return c
    return claims[0]


VERDICT_TITLE = {"discrepancy": "Discrepancy", "update": "Update", "agreement": "Agreement", "unique": "Unique claim"}
