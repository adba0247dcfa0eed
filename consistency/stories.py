"""Which articles report the same story.

A newsroom's corpus holds many events: "12 people killed" in a flood and "31 killed" in an
earthquake are not a discrepancy.  Articles are grouped into stories by the names they share
(people, places, organisations, after spelling variants are reconciled), and claims are
compared only within a story.

Two articles are alike when the names they share are a large part of the names they hold, each
name weighed by its rarity: a name found in many articles (a weekday, an outlet's own name, a
much-quoted official, "United States") weighs little.  An
inverted index over names means only articles that share a name are ever paired, never all
pairs.  Groups merge only when alike on average, not through one pair: in a large corpus of
many events, single link chains event after event into one story.  Thresholds:
``rules/stories.toml``.

A corpus about one event, the usual case for a fact-checker, comes out as one story.
"""

from __future__ import annotations

import heapq
import math
import re
from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from typing import Any

from consistency.claims import Claim

NAME_KINDS = ("person", "place", "country", "organisation", "document")


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
    ids = sorted(article_ids)
    if len(ids) < min_articles:
        return {i: ids[0] for i in ids} if ids else {}
    names = _names(ids, claims, texts, words)
    weight, linking = _rarity(ids, names, limits)
    edges = _links(ids, names, weight, linking, published, limits)
    story = _average_groups(ids, edges, float(limits.get("min_group_similarity", 0.08)))
    return _same_core(story, names, weight, published, limits)


def _names(ids: list[str], claims: list[Claim], texts: dict[str, str] | None,
           words: dict[str, Iterable[str]] | None) -> dict[str, set[str]]:
    names: dict[str, set[str]] = defaultdict(set)
    for c in claims:
        if c.kind == "name" and c.unit in NAME_KINDS and c.value:
            names[c.article].add(str(c.value).casefold())
    for article, text in (texts or {}).items():
        names[article] |= proper_words(text)
    for article, found in (words or {}).items():
        names[article].update(found)
    return names


def _rarity(ids: list[str], names: dict[str, set[str]],
            limits: dict[str, Any]) -> tuple[dict[str, float], dict[str, list[str]]]:
    """The weight of every name, its rarity: log(1 + articles / articles naming it), raised to
    ``rarity_power``; and the postings of the names that may tie two articles together."""
    max_posting = int(limits.get("max_articles_per_name", 500))
    # A name in a few percent of a large corpus ties together articles of many events (a weekday,
    # a spokesman quoted in many stories): such a name builds no pairs.
    pair_share = float(limits.get("max_name_share_for_pairs", 1.0))
    max_posting = min(max_posting, max(int(limits.get("min_articles_per_name_limit", 0)), int(pair_share * len(ids))))
    postings: dict[str, list[str]] = defaultdict(list)
    for article in ids:
        for name in names.get(article, ()):
            postings[name].append(article)
    # Rarity counts more than once (as idf does twice in the cosine of tf-idf vectors): two
    # articles sharing one rare village are likelier one story than two sharing two common names.
    # The 1 keeps a name found in every article weighing a little: in a corpus about one event
    # the event's own names are in most articles, and they are what holds it together.  A name
    # in one article only weighs nothing: it tells nothing about which story the article is in.
    power = float(limits.get("rarity_power", 2))
    weight = {n: math.log(1 + len(ids) / len(arts)) ** power for n, arts in postings.items() if len(arts) > 1}
    linking = {n: arts for n, arts in postings.items() if 1 < len(arts) <= max_posting}
    return weight, linking


def _links(ids: list[str], names: dict[str, set[str]], weight: dict[str, float], linking: dict[str, list[str]],
           published: dict[str, date | None], limits: dict[str, Any]) -> list[tuple[float, str, str]]:
    """(similarity, a, b) for the pairs of articles alike enough to report one story.

    The similarity is the weighted Jaccard of their names: the rarity of the names they share
    over that of all the names either holds.  A name that two articles share by chance (an
    outlet's name, a related headline, a much-quoted official) is a small part of what each
    names; the names of one event are most of it.  Only articles that share a linking name are
    ever paired (an inverted index: the work is the sum of the postings' lengths)."""
    min_similarity = float(limits.get("min_similarity", 0.08))
    max_days = int(limits.get("max_days_apart", 60))
    # Sums in the order of the names, not of the sets: the same similarities in every process.
    total = {a: sum(weight.get(n, 0.0) for n in sorted(names.get(a, ()))) for a in ids}
    edges: list[tuple[float, str, str]] = []
    for a in ids:
        shared: dict[str, float] = defaultdict(float)
        for name in sorted(names.get(a, ())):
            arts = linking.get(name)
            if arts is not None:
                w = weight[name]
                for b in arts:
                    if b > a:
                        shared[b] += w
        da = published.get(a)
        for b, s in shared.items():
            db = published.get(b)
            if da and db and abs((da - db).days) > max_days:
                continue
            union = total[a] + total[b] - s
            similarity = s / union if union > 0 else 0.0
            if similarity >= min_similarity:
                edges.append((similarity, a, b))
    return edges


def _average_groups(ids: list[str], edges: list[tuple[float, str, str]], min_mean: float) -> dict[str, str]:
    """Stories as groups of articles alike on average, not chains (average linkage).

    Linking every pair alike enough (single link) chains a large corpus of many events into one
    story: event A's report shares a name with B's, B's with C's...  Here the two groups most
    alike on average merge first, and only while they are alike on average: the similarity
    summed over every pair across them (a pair not linked counts 0) is at least ``min_mean``
    per pair.  An article that shares a related headline with one report of another event is
    weakly like few of its articles, while the reports of one event are much alike.  An
    article left alone joins the story of the article most like it."""
    # across[g][h]: the similarity summed over the pairs between groups g and h (linked pairs only).
    across: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for similarity, a, b in edges:
        across[a][b] += similarity
        across[b][a] += similarity
    group = {i: i for i in ids}
    members = {i: [i] for i in ids}
    # A heap of (-mean, g, h, sizes): stale entries (a group merged or grown since) are skipped.
    heap = [(-s, a, b, 1, 1) for s, a, b in edges if s >= min_mean]
    heapq.heapify(heap)
    while heap:
        _, g, h, ng, nh = heapq.heappop(heap)
        if g not in members or h not in members or len(members[g]) != ng or len(members[h]) != nh:
            continue
        keep, gone = (g, h) if g < h else (h, g)
        for x in members[gone]:
            group[x] = keep
        members[keep] += members.pop(gone)
        for other, total in across.pop(gone).items():
            del across[other][gone]
            if other != keep:
                across[keep][other] += total
                across[other][keep] += total
        across[keep].pop(keep, None)
        size = len(members[keep])
        for other, total in across[keep].items():
            mean = total / (size * len(members[other]))
            if mean >= min_mean:
                heapq.heappush(heap, (-mean, keep, other, size, len(members[other])))
    best: dict[str, tuple[float, str]] = {}
    for similarity, a, b in edges:
        for x, y in ((a, b), (b, a)):
            if len(members[group[x]]) == 1 and (x not in best or (similarity, y) > best[x]):
                best[x] = (similarity, y)
    for x, (_, y) in best.items():
        if len(members.get(group[x], ())) == 1 and group[x] != group[y]:
            gx, gy = group[x], group[y]
            group[x] = gy
            members[gy] += members.pop(gx)
    name = {g: min(m) for g, m in members.items()}
    return {i: name[group[i]] for i in ids}


def _same_core(story: dict[str, str], names: dict[str, set[str]], weight: dict[str, float],
               published: dict[str, date | None], limits: dict[str, Any]) -> dict[str, str]:
    """Stories with the same core, merged.

    A story's core is the names at least ``core_share`` of its articles hold: an event's places
    and people, and whatever furniture its articles happen to share.  In a corpus about one
    event, the event's names are in most articles and weigh little (they are not rare there),
    so its reports can fall apart by their furniture (an outlet, a spokesperson, related
    headlines); those parts have the event's names in common.  Two stories merge when at
    least ``min_core_overlap`` of the smaller core is in the other (names counted, not
    weighed) and their dates are within ``max_days_apart``.  Reports of two events share a
    related headline or an outlet, not most of their core."""
    min_overlap = float(limits.get("min_core_overlap", 0.8))
    share = float(limits.get("core_share", 0.5))
    max_days = int(limits.get("max_days_apart", 60))
    members: dict[str, list[str]] = defaultdict(list)
    for article, s in story.items():
        members[s].append(article)
    cores: dict[str, set[str]] = {}
    for s, arts in members.items():
        if len(arts) > 1:
            counts: dict[str, int] = defaultdict(int)
            for a in arts:
                for n in names.get(a, ()):
                    counts[n] += 1
            cores[s] = {n for n, k in counts.items() if k >= share * len(arts) and n in weight}
    spans = {s: [d for a in members[s] if (d := published.get(a))] for s in cores}
    holding: dict[str, list[str]] = defaultdict(list)  # an inverted index: name -> stories whose core holds it
    for s in sorted(cores):
        for n in cores[s]:
            holding[n].append(s)
    parent = {s: s for s in members}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def apart(s: str, t: str) -> bool:
        if not spans[s] or not spans[t]:
            return False
        return max((min(spans[t]) - max(spans[s])).days, (min(spans[s]) - max(spans[t])).days) > max_days

    for s in sorted(cores):
        shared: dict[str, int] = defaultdict(int)
        for n in cores[s]:
            for t in holding[n]:
                if t > s:
                    shared[t] += 1
        for t, k in shared.items():
            if k >= min_overlap * min(len(cores[s]), len(cores[t])) and not apart(s, t):
                a, b = find(s), find(t)
                parent[max(a, b)] = min(a, b)
    return {article: find(s) for article, s in story.items()}
