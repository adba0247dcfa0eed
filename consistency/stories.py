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

Articles and names are numbered and the pairs built with NumPy arrays (``check --new`` on
10,000 cached articles groups them all again: the new article changes every name's rarity).
Every sum is added in the same order as the plain-Python version this replaced (kept in
tests/test_stories.py as the reference it must match), so the stories are the same to the bit.
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

# Pairs of articles worked on at once (some 15 arrays of 8 bytes each: ~120 MB): a 100k
# corpus's furniture names make tens of millions of pairs, which need not be in memory together.
PAIRS_PER_SLICE = 1_000_000


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
    table = _Names(ids, _names(ids, claims, texts, words), limits)
    edges = _links(table, [published.get(a) for a in ids], limits)
    group = _average_groups(len(ids), edges, float(limits.get("min_group_similarity", 0.08)))
    story = _same_core(table, group, [published.get(a) for a in ids], limits)
    return {a: ids[s] for a, s in zip(ids, story)}


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


class _Names:
    """Which article holds which name, as arrays of numbers: articles by their place in the sorted
    ids, names by their place in the sorted names (so that number order is string order, and
    every sum below adds in the order of the names, the same in every process).

    ``article``/``name``: one entry per (article, name) held, sorted by article then name;
    ``weight``: every name's rarity, log(1 + articles / articles naming it) ** ``rarity_power``
    (0 for a name in one article only: it tells nothing about which story an article is in);
    ``linking``: the names that may pair two articles (not in too many of them)."""

    def __init__(self, ids: list[str], names: dict[str, set[str]], limits: dict[str, Any]) -> None:
        import numpy as np  # only a corpus large enough to split needs it

        held = [names.get(a, ()) for a in ids]
        vocabulary = sorted(set().union(*held))
        number = {n: k for k, n in enumerate(vocabulary)}
        size = max(len(vocabulary), 1)
        pairs = np.fromiter((i * size + number[n] for i, found in enumerate(held) for n in found), dtype=np.int64,
                            count=sum(map(len, held)))
        pairs.sort()
        self.article, self.name = np.divmod(pairs, size)
        self.count = len(ids)
        df = np.bincount(self.name, minlength=size)
        # Rarity counts more than once (as idf does twice in the cosine of tf-idf vectors): two
        # articles sharing one rare village are likelier one story than two sharing two common names.
        # The 1 keeps a name found in every article weighing a little: in a corpus about one event
        # the event's own names are in most articles, and they are what holds it together.
        power = float(limits.get("rarity_power", 2))
        by_df = np.zeros(int(df.max(initial=0)) + 1)
        for d in set(df[df > 1].tolist()):
            by_df[d] = math.log(1 + len(ids) / d) ** power  # math.log, not NumPy's: the same bits everywhere
        self.weight = by_df[df]
        self.weighed = df > 1
        # A name in a few percent of a large corpus ties together articles of many events (a weekday,
        # a spokesman quoted in many stories): such a name builds no pairs.
        max_posting = int(limits.get("max_articles_per_name", 500))
        pair_share = float(limits.get("max_name_share_for_pairs", 1.0))
        max_posting = min(max_posting, max(int(limits.get("min_articles_per_name_limit", 0)), int(pair_share * len(ids))))
        self.linking = (df > 1) & (df <= max_posting)


def _links(table: _Names, published: list[date | None], limits: dict[str, Any]):  # noqa: ANN202 - arrays
    """(similarity, a, b) arrays for the pairs of articles (a < b) alike enough to report one story,
    in the order a, then the first name (in name order) a shares with b.

    The similarity is the weighted Jaccard of their names: the rarity of the names they share
    over that of all the names either holds.  A name that two articles share by chance (an
    outlet's name, a related headline, a much-quoted official) is a small part of what each
    names; the names of one event are most of it.  Only articles that share a linking name are
    ever paired (an inverted index: the work is the sum of the postings' squared lengths, never
    all pairs)."""
    import numpy as np

    min_similarity = float(limits.get("min_similarity", 0.08))
    max_days = int(limits.get("max_days_apart", 60))
    n = table.count
    weight = table.weight[table.name]
    total = np.bincount(table.article, weights=weight, minlength=n)  # adds in name order, one by one
    keep = table.linking[table.name]
    article, name, weight = table.article[keep], table.name[keep], weight[keep]
    days = np.array([d.toordinal() if d else 0 for d in published], dtype=np.int64)
    dated = np.array([bool(d) for d in published])
    found = []
    # Pairs emitted entry by entry in (article, name) order, and within an entry by later article:
    # the order the similarity sums were always added in.  In slices of whole articles, so that
    # a large corpus never holds all its pairs at once (the order and the sums are the same).
    for left, right in _later_in_posting(article, name, n, PAIRS_PER_SLICE):
        a, w = article[left], weight[left]
        pair, first, inverse = np.unique(a * n + right, return_index=True, return_inverse=True)
        shared = np.bincount(inverse.ravel(), weights=w, minlength=len(pair))
        a, b = np.divmod(pair, n)
        near = ~(dated[a] & dated[b] & (np.abs(days[a] - days[b]) > max_days))
        union = total[a] + total[b] - shared
        with np.errstate(divide="ignore", invalid="ignore"):
            similarity = np.where(union > 0, shared / np.where(union > 0, union, 1.0), 0.0)
        chosen = np.flatnonzero(near & (similarity >= min_similarity))
        chosen = chosen[np.argsort(first[chosen], kind="stable")]
        found.append((similarity[chosen], a[chosen], b[chosen]))
    if not found:
        return np.zeros(0), np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    return tuple(np.concatenate(part) for part in zip(*found))


def _later_in_posting(owner, name, owners: int, budget: int | None = None):  # noqa: ANN001, ANN202 - arrays
    """For entries (owner, name) sorted by owner then name, each entry's pairs with the later
    owners of the same name: (entry, later owner) arrays, entry by entry, later owners ascending,
    in slices of whole owners of about ``budget`` pairs (None: one slice).  The work is the sum
    of the postings' squared lengths (an inverted index, never all pairs)."""
    import numpy as np

    by_name = np.argsort(name * owners + owner, kind="stable")  # the postings, one after another
    place = np.empty_like(by_name)
    place[by_name] = np.arange(len(by_name))
    ends = np.searchsorted(name[by_name], name, side="right")  # where each entry's posting ends
    after = ends - place - 1
    done = np.cumsum(after)
    start = 0
    while start < len(after):
        # The slice ends at the first owner boundary once ``budget`` more pairs are reached.
        stop = len(after)
        if budget is not None:
            stop = min(stop, int(np.searchsorted(done, (done[start - 1] if start else 0) + budget)) + 1)
            stop = int(np.searchsorted(owner, owner[stop - 1], side="right"))
        count = after[start:stop]
        left = np.repeat(np.arange(start, stop), count)
        offsets = np.arange(len(left)) - np.repeat(np.cumsum(count) - count, count)
        yield left, owner[by_name[np.repeat(place[start:stop] + 1, count) + offsets]]
        start = stop

def _average_groups(n: int, edges, min_mean: float) -> list[int]:  # noqa: ANN001 - arrays from _links
    """Stories as groups of articles alike on average, not chains (average linkage): for each
    article (a number), the smallest article of its group.

    Linking every pair alike enough (single link) chains a large corpus of many events into one
    story: event A's report shares a name with B's, B's with C's...  Here the two groups most
    alike on average merge first, and only while they are alike on average: the similarity
    summed over every pair across them (a pair not linked counts 0) is at least ``min_mean``
    per pair.  An article that shares a related headline with one report of another event is
    weakly like few of its articles, while the reports of one event are much alike.  An
    article left alone joins the story of the article most like it."""
    # across[g][h]: the similarity summed over the pairs between groups g and h (linked pairs only).
    across: list[dict[int, float]] = [{} for _ in range(n)]
    for similarity, a, b in zip(*(x.tolist() for x in edges)):
        across[a][b] = similarity
        across[b][a] = similarity
    # A group is named by its smallest article; parent[x] leads from article x to its group.
    parent = list(range(n))
    size = [1] * n  # of every group; 0 once merged into another
    # Candidate merges, (-mean, g, h, sizes), taken smallest first: stale ones (a group merged or
    # grown since) are skipped.  The pairs of articles come sorted (no heap: most go stale
    # unread), the pairs of grown groups through a heap; both as one queue.
    import numpy as np

    order = np.lexsort((edges[2], edges[1], -edges[0]))
    order = order[edges[0][order] >= min_mean]
    ones = [1] * len(order)
    pairs = list(zip((-edges[0][order]).tolist(), edges[1][order].tolist(), edges[2][order].tolist(), ones, ones))
    heap: list[tuple[float, int, int, int, int]] = []
    pop, push = heapq.heappop, heapq.heappush
    next_pair, pair_count = 0, len(pairs)
    while True:
        if heap and (next_pair == pair_count or heap[0] < pairs[next_pair]):
            _, g, h, ng, nh = pop(heap)
        elif next_pair < pair_count:
            _, g, h, ng, nh = pairs[next_pair]
            next_pair += 1
        else:
            break
        if size[g] != ng or size[h] != nh:
            continue
        keep, gone = (g, h) if g < h else (h, g)
        parent[gone] = keep
        kept = across[keep]
        for other, total in across[gone].items():
            beside = across[other]
            del beside[gone]
            if other != keep:
                kept[other] = kept.get(other, 0.0) + total
                beside[keep] = beside.get(keep, 0.0) + total
        across[gone] = {}
        now = size[keep] = ng + nh
        size[gone] = 0
        for other, total in kept.items():
            mean = total / (now * size[other])
            if mean >= min_mean:
                push(heap, (-mean, keep, other, now, size[other]))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    best: dict[int, tuple[float, int]] = {}
    alone = np.array([size[x] == 1 and parent[x] == x for x in range(n)])
    touching = np.flatnonzero(alone[edges[1]] | alone[edges[2]])
    for similarity, a, b in zip(*(x[touching].tolist() for x in edges)):
        for x, y in ((a, b), (b, a)):
            if alone[x] and (x not in best or (similarity, y) > best[x]):
                best[x] = (similarity, y)
    for x, (_, y) in best.items():
        gy = find(y)
        if size[x] == 1 and parent[x] == x and x != gy:
            parent[x] = gy
            size[gy] += 1
            size[x] = 0
    smallest: dict[int, int] = {}
    return [smallest.setdefault(find(i), i) for i in range(n)]


def _same_core(table: _Names, story: list[int], published: list[date | None], limits: dict[str, Any]) -> list[int]:
    """Stories with the same core, merged (a story is its smallest article's number).

    A story's core is the names at least ``core_share`` of its articles hold: an event's places
    and people, and whatever furniture its articles happen to share.  In a corpus about one
    event, the event's names are in most articles and weigh little (they are not rare there),
    so its reports can fall apart by their furniture (an outlet, a spokesperson, related
    headlines); those parts have the event's names in common.  Two stories merge when at
    least ``min_core_overlap`` of the smaller core is in the other (names counted, not
    weighed) and their dates are within ``max_days_apart``.  Reports of two events share a
    related headline or an outlet, not most of their core."""
    import numpy as np

    min_overlap = float(limits.get("min_core_overlap", 0.8))
    share = float(limits.get("core_share", 0.5))
    max_days = int(limits.get("max_days_apart", 60))
    n = table.count
    of = np.array(story, dtype=np.int64)
    size = np.bincount(of, minlength=n)
    # (story, name) for the weighed names that articles of stories of 2+ articles hold, counted.
    keep = table.weighed[table.name] & (size[of[table.article]] > 1)
    vocabulary = len(table.weight)
    pair, counts = np.unique(of[table.article[keep]] * vocabulary + table.name[keep], return_counts=True)
    s_of, n_of = np.divmod(pair, vocabulary)
    core = counts >= share * size[s_of]
    # Pairs of stories whose cores share names, and how many (as _links pairs articles).
    s_core, n_core = s_of[core], n_of[core]
    core_size = np.bincount(s_core, minlength=n)
    close = []
    for left, right in _later_in_posting(s_core, n_core, n, PAIRS_PER_SLICE):
        pair, shared = np.unique(s_core[left] * n + right, return_counts=True)
        one, other = np.divmod(pair, n)
        chosen = shared >= min_overlap * np.minimum(core_size[one], core_size[other])
        close += zip(one[chosen].tolist(), other[chosen].tolist())
    first = [date.max] * n  # the span of every story's dated articles (first > last: none dated)
    last = [date.min] * n
    for i, x in enumerate(story):
        if published[i]:
            first[x] = min(first[x], published[i])
            last[x] = max(last[x], published[i])
    parent = list(range(n))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for s, t in close:
        dated = first[s] <= last[s] and first[t] <= last[t]
        if dated and max((first[t] - last[s]).days, (first[s] - last[t]).days) > max_days:
            continue
        a, b = find(s), find(t)
        parent[max(a, b)] = min(a, b)
    return [find(s) for s in story]
