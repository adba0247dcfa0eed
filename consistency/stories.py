"""Which articles report the same story.

A newsroom's corpus holds many events: "12 people killed" in a flood and "31 killed" in an
earthquake are not a discrepancy.  Articles are grouped into stories by the names they share
(people, places, organisations, after spelling variants are reconciled), and claims are
compared only within a story.  Names found in a large share of the corpus ("United States")
tell stories apart poorly and are left out, and a name found in a few percent of a large corpus
(a weekday, a much-quoted official) builds no pairs; an inverted index over names means only
articles that share a name are ever paired, never all pairs.  Thresholds: ``rules/stories.toml``.

A corpus about one event, the usual case for a fact-checker, comes out as one story.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from datetime import date
from typing import Any

from consistency.claims import Claim

NAME_KINDS = ("person", "place", "country", "organisation", "document")


class _Union:
    def __init__(self, items: list[str]) -> None:
        self.parent = {i: i for i in items}

    def find(self, x: str) -> str:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


_CAPITALISED = re.compile(r"(?<=[a-z,;:] )[A-Z][a-z][\w'’-]{1,}")


def proper_words(text: str) -> set[str]:
    """Capitalised words inside sentences (not opening them): "Sarnovo", "Ravnica", "Pact"."""
    return {m.group().casefold() for m in _CAPITALISED.finditer(text)}


def stories(article_ids: list[str], claims: list[Claim], published: dict[str, date | None],
            rules: dict[str, Any] | None = None, texts: dict[str, str] | None = None,
            words: dict[str, Iterable[str]] | None = None) -> dict[str, str]:
    """Article id -> story id (the smallest article id of the story).

    ``texts`` (article id -> normalised text) adds the capitalised words inside sentences to the
    names, so that a village no gazetteer knows still ties its reports together; ``words``
    gives those words already found (:func:`proper_words`, kept in the cache).  Only name
    claims are looked at in ``claims``.
    """
    rules = rules or {}
    limits = rules.get("limits", {})
    min_articles = int(limits.get("min_articles_to_split", 13))
    max_share = float(limits.get("max_name_share", 0.5))
    min_for_common = int(limits.get("min_articles_for_common_names", 50))
    min_shared = int(limits.get("min_shared_names", 2))
    max_days = int(limits.get("max_days_apart", 60))
    max_posting = int(limits.get("max_articles_per_name", 500))
    ids = sorted(article_ids)
    if len(ids) < min_articles:
        return {i: ids[0] for i in ids} if ids else {}
    # A name in a few percent of a large corpus ties together articles of many events (a weekday,
    # a spokesman quoted in many stories): such a name builds no pairs.
    pair_share = float(limits.get("max_name_share_for_pairs", 1.0))
    max_posting = min(max_posting, max(int(limits.get("min_articles_per_name_limit", 0)), int(pair_share * len(ids))))
    names: dict[str, set[str]] = defaultdict(set)
    for c in claims:
        if c.kind == "name" and c.unit in NAME_KINDS and c.value:
            names[c.article].add(str(c.value).casefold())
    for article, text in (texts or {}).items():
        names[article] |= proper_words(text)
    for article, found in (words or {}).items():
        names[article].update(found)
    df = Counter(name for article in ids for name in names.get(article, ()))
    # In a large corpus a name found in most articles ("United States") tells stories apart poorly.
    common = {n for n, k in df.items() if k > max_share * len(ids)} if len(ids) >= min_for_common else set()
    postings: dict[str, list[str]] = defaultdict(list)
    for article in ids:
        for name in names.get(article, set()) - common:
            postings[name].append(article)
    # A name in hundreds of articles tells nothing: no pairs are built from it.
    linking = {name: arts for name, arts in postings.items() if 1 < len(arts) <= max_posting}

    def partners(article: str) -> Counter[str]:
        """The other articles that share a linking name with ``article``, and how many."""
        counts: Counter[str] = Counter()
        for name in names.get(article, ()):
            arts = linking.get(name)
            if arts is not None:
                counts.update(arts)  # counted in C: the work is the sum of the postings' lengths
        del counts[article]
        return counts

    # The result does not depend on the order of unions: a story is a connected set of
    # articles, named after its smallest id.
    union = _Union(ids)
    for a in ids:
        da = published.get(a)
        for b in [b for b, n in partners(a).items() if n >= min_shared and b > a]:
            db = published.get(b)
            if da and db and abs((da - db).days) > max_days:
                continue
            union.union(a, b)
    # An article sharing fewer names than that joins the story it shares the most with.
    sizes = Counter(union.find(i) for i in ids)
    best: dict[str, tuple[int, str]] = {}
    for a in ids:
        if sizes[union.find(a)] == 1:
            counts = partners(a)
            if counts:
                best[a] = max((n, b) for b, n in counts.items())
    for article in ids:
        if article in best:
            union.union(article, best[article][1])
    return {i: union.find(i) for i in ids}
