"""Comparing claims across articles: grouping what speaks about the same thing, and verdicts.

Claims are grouped by kind, measure, counted thing (or event) and property (or phase).  A claim
that names no property joins the only property its thing has elsewhere, if there is exactly
one.  Inside a group, organisations named with the claims (*owners*) split it further: two
named owners are compatible when one's words contain the other's ("CSTO" and "CSTO Collective
Security Council") or rapidfuzz finds them alike; a claim without an owner joins the only
owner cluster of its group.  Then, per cluster:

* one article only: **unique**;
* intervals of every pair of articles overlap: **agreement**;
* some pair is disjoint: **discrepancy**, saying by how much the readings differ.

Properties the rules relate (present <= approved) are checked across clusters; a violated
relation is a discrepancy of its own, a satisfied one is noted on the findings it touches.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any, Iterable

from rapidfuzz import fuzz

from consistency.claims import Claim

VERDICT_ORDER = {"discrepancy": 0, "update": 1, "agreement": 2, "unique": 3}


@dataclass(frozen=True)
class Finding:
    verdict: str
    kind: str
    topic: str
    claims: tuple[str, ...]
    explanation: str
    articles: tuple[str, ...]
    unit: str | None = None
    property: str | None = None
    owner: str | None = None
    difference: float | None = None  # quantity: smallest gap between disjoint readings; date: days
    notes: tuple[str, ...] = ()
    independent_sources: int | None = None  # agreements: sources behind it once copies count once
    inferred: bool = False  # reached by arithmetic across claims (a start plus a duration against an end)
    id: str = ""

    def to_dict(self) -> dict[str, Any]:
        out = {
            "id": self.id,
            "verdict": self.verdict,
            "kind": self.kind,
            "topic": self.topic,
            "claims": list(self.claims),
            "explanation": self.explanation,
            "articles": list(self.articles),
            "unit": self.unit,
            "property": self.property,
            "owner": self.owner,
        }
        if self.difference is not None:
            out["difference"] = self.difference
        if self.notes:
            out["notes"] = list(self.notes)
        if self.independent_sources is not None:
            out["independent_sources"] = self.independent_sources
        if self.inferred:
            out["inferred"] = True
        return out


@dataclass(frozen=True)
class Tolerances:
    owner_min_score: float = 90.0


@dataclass(frozen=True)
class Timeline:
    """What the comparator needs to tell a revision from a contradiction."""

    published: dict[str, date | None] = field(default_factory=dict)  # article id -> publication date
    cumulative: frozenset[str] = frozenset()  # properties whose counts only grow
    update_cues: Any = None  # compiled pattern of words announcing a revised figure
    vague_duration_slack: float = 0.0  # "several weeks" is loose: its window is widened by this share
    occurrence_days: int | None = None  # dates of one event further apart than this are two occurrences


# -- values ------------------------------------------------------------------------------
def _to_num(value: Any) -> float | None:
    if value is None:
        return None
    if isinstance(value, str):
        return float(date.fromisoformat(value).toordinal())
    return float(value)


def bounds(claim: Claim) -> tuple[float, float, bool, bool]:
    low = _to_num(claim.low)
    high = _to_num(claim.high)
    return (
        -math.inf if low is None else low,
        math.inf if high is None else high,
        claim.low_exclusive,
        claim.high_exclusive,
    )


def overlaps(a: Claim, b: Claim) -> bool:
    lo_a, hi_a, lx_a, hx_a = bounds(a)
    lo_b, hi_b, lx_b, hx_b = bounds(b)
    if hi_a < lo_b or hi_b < lo_a:
        return False
    if hi_a == lo_b and (hx_a or lx_b):
        return False
    if hi_b == lo_a and (hx_b or lx_a):
        return False
    return True


def gap(a: Claim, b: Claim) -> float:
    lo_a, hi_a, _, _ = bounds(a)
    lo_b, hi_b, _, _ = bounds(b)
    if hi_a <= lo_b:
        return lo_b - hi_a
    if hi_b <= lo_a:
        return lo_a - hi_b
    return 0.0


def fmt_number(value: Any) -> str:
    if value is None:
        return "open"
    if isinstance(value, str):
        return value
    value = float(value)
    if value.is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def describe(claim: Claim) -> str:
    """A claim's reading in a few words: "more than 2,000", "2,030", "[225, 275]"."""
    if claim.kind == "date":
        if claim.value:
            return str(claim.value)
        if claim.low is None:
            return "not placed on the calendar"
        return f"{claim.low} to {claim.high}"
    if claim.kind == "set":
        if claim.qualifier == "all":
            return f"'{claim.text}'"
        return ("including " if claim.qualifier == "partial" else "") + ", ".join(claim.value)
    if claim.kind == "name":
        return str(claim.value)
    if claim.kind == "quote":
        words = str(claim.value).split()
        return '"' + " ".join(words[:12]) + (" …" if len(words) > 12 else "") + '"'
    if claim.kind == "duration":
        span = fmt_number(claim.low) if claim.low == claim.high else f"{fmt_number(claim.low)} to {fmt_number(claim.high)}"
        return f"{span} days"
    q = claim.qualifier
    v = fmt_number(claim.value)
    unit = {"percent": "%", "times": "x", "count": ""}.get(claim.measure or "count", f" {claim.measure}")
    if q == "exact":
        return f"{v}{unit}"
    if q == "range":
        return f"{fmt_number(claim.low)} to {fmt_number(claim.high)}{unit}"
    words = {
        "more_than": "more than", "at_least": "at least", "less_than": "less than", "at_most": "at most",
        "up_to": "up to", "approx": "about", "nearly": "nearly",
    }.get(q, q)
    span = f" [{fmt_number(claim.low)}, {fmt_number(claim.high)}]" if q in ("approx", "nearly") else ""
    return f"{words} {v}{unit}{span}"


# -- owners ------------------------------------------------------------------------------
def _owner_tokens(owner: str, aliases: dict[str, str]) -> set[str]:
    text = owner.lower()
    canonical = aliases.get(text)
    if canonical:
        text = canonical.lower()
    for alias, name in aliases.items():
        if len(alias) > 3 and alias in text:
            text = text.replace(alias, name.lower())
    return {w for w in re.findall(r"[\w-]+", text) if w not in {"the", "of", "on", "for", "and", "de"}}


def owners_compatible(a: str, b: str, aliases: dict[str, str], min_score: float) -> bool:
    ta, tb = _owner_tokens(a, aliases), _owner_tokens(b, aliases)
    if not ta or not tb:
        return True
    if ta <= tb or tb <= ta:
        return True
    return fuzz.token_set_ratio(" ".join(sorted(ta)), " ".join(sorted(tb))) >= min_score


def cluster_by_owner(claims: list[Claim], aliases: dict[str, str], min_score: float, *,
                     strict: bool = False) -> list[list[Claim]]:
    """Claims joined when their owners are compatible (transitively), in a stable order.

    A claim joins every cluster holding a compatible owner; those clusters merge into one that
    goes to the end, the claim first.  Work grows with the distinct owners, not with claims
    times clusters: a cluster keeps its distinct owners, an owner seen before is compatible with
    exactly the cluster that holds it (any other compatible cluster would already have merged
    with it), and compatibility between two owner names is computed once."""
    named = [c for c in claims if c.owner]
    unnamed = [c for c in claims if not c.owner]
    tokens: dict[str, set[str]] = {}
    compatible: dict[tuple[str, str], bool] = {}

    def compat(a: str, b: str) -> bool:
        key = (a, b)
        if key not in compatible:
            if a not in tokens:
                tokens[a] = _owner_tokens(a, aliases)
            if b not in tokens:
                tokens[b] = _owner_tokens(b, aliases)
            compatible[key] = _tokens_compatible(tokens[a], tokens[b], min_score)
        return compatible[key]

    # A cluster: [first claim, child clusters (merged into it, in order), distinct owners].
    clusters: dict[int, list] = {}  # in order of creation (a merge re-creates at the end)
    home: dict[str, int] = {}  # owner -> the cluster holding it
    serial = 0
    for claim in named:
        owner: str = claim.owner  # type: ignore[assignment]
        if owner in home:
            joined = [home[owner]]
        else:
            joined = [k for k, cl in clusters.items() if any(compat(owner, o) for o in cl[2])]
        if not joined:
            node = [claim, [], {owner}]
        else:
            children = [clusters.pop(k) for k in joined]
            owners = {owner}.union(*(child[2] for child in children))
            node = [claim, children, owners]
        serial += 1
        clusters[serial] = node
        for o in node[2]:
            home[o] = serial
    out: list[list[Claim]] = []
    for node in clusters.values():
        members: list[Claim] = []
        stack = [node]
        while stack:  # first claim, then each merged cluster in order (depth first)
            current = stack.pop()
            members.append(current[0])
            stack.extend(reversed(current[1]))
        out.append(members)
    if not out:
        return [unnamed] if unnamed else []
    if len(out) == 1 and not strict:
        out[0].extend(unnamed)
        return out
    # Claims naming no owner cannot be placed when several owners are in play.
    for claim in unnamed:
        out.append([claim])
    return out


def _tokens_compatible(ta: set[str], tb: set[str], min_score: float) -> bool:
    if not ta or not tb:
        return True
    if ta <= tb or tb <= ta:
        return True
    return fuzz.token_set_ratio(" ".join(sorted(ta)), " ".join(sorted(tb))) >= min_score


# -- grouping ----------------------------------------------------------------------------
def comparable(claim: Claim) -> bool:
    if claim.kind not in ("quantity", "date") or claim.unit is None or claim.revision:
        return False
    if claim.kind == "date":
        # a day in the course of something ongoing ("rallied on Saturday") dates no start or end
        return claim.resolved and claim.low is not None and claim.property != "during"
    return claim.value is not None


def group_key(claim: Claim) -> tuple:
    # A figure of an earlier year ("In 2018 ... killing 160") meets only figures of that year.
    return (claim.kind, claim.measure, claim.unit, claim.period)


def topic_of(claim: Claim, prop: str | None, owner: str | None) -> str:
    parts = [claim.unit or "?"]
    if claim.kind == "quantity" and claim.measure not in (None, "count"):
        parts.append(f"in {claim.measure}")
    if prop:
        parts.append(f"({prop})" if claim.kind == "quantity" else prop)
    if claim.period:
        parts.append(f"in {claim.period}")
    topic = " ".join(parts)
    if owner:
        topic += f" — {owner}"
    return topic


def compare(claims: list[Claim], *, relations: list[dict] | None = None, aliases: dict[str, str] | None = None,
            tolerances: Tolerances = Tolerances(), extra: list[Finding] = (), timeline: Timeline = Timeline(),
            story_of: dict[str, str] | None = None, owned: frozenset[str] = frozenset(),
            generic: frozenset[str] = frozenset()) -> list[Finding]:
    """Findings over ``claims`` (ids already assigned), in a stable order.

    ``owned``: things whose figures belong to a named owner (a party's seats): there a figure
    whose owner was not found is compared with nothing rather than joining the one owner named.
    ``generic``: things too general to compare without a property ("about 2,400 people" and
    "15,000 people" may count a plant's staff and a company's): such figures make no finding.

    With ``story_of`` (article id -> story, see consistency/stories.py) only claims of one
    story are compared with each other.
    """
    aliases = aliases or {}
    story_of = story_of or {}
    by_key: dict[tuple, list[Claim]] = defaultdict(list)
    for claim in claims:
        if comparable(claim):
            by_key[(story_of.get(claim.article, ""), *group_key(claim))].append(claim)

    findings: list[Finding] = []
    clusters_by_prop: dict[tuple, list[tuple[str | None, list[Claim]]]] = defaultdict(list)
    for key in sorted(by_key, key=lambda k: tuple("" if x is None else str(x) for x in k)):
        members = by_key[key]
        props = sorted({c.property for c in members if c.property})
        by_prop: dict[str | None, list[Claim]] = defaultdict(list)
        for claim in members:
            prop = claim.property
            if prop is None and len(props) == 1:
                prop = props[0]
            by_prop[prop].append(claim)
        for prop in sorted(by_prop, key=lambda p: p or ""):
            if prop is None and key[1] == "quantity" and key[3] in generic:
                continue
            for same_owner in cluster_by_owner(by_prop[prop], aliases, tolerances.owner_min_score,
                                               strict=key[3] in owned):
                for cluster in _occurrences(same_owner, timeline.occurrence_days):
                    clusters_by_prop[key].append((prop, cluster))
                    findings.append(_verdict(cluster, prop, timeline))

    findings = _check_relations(findings, clusters_by_prop, relations or [], claims)
    findings.extend(extra)
    findings.extend(weekday_findings(claims))
    findings.extend(inferred_findings(claims, aliases, tolerances.owner_min_score, timeline.vague_duration_slack,
                                      story_of))
    findings.sort(key=lambda f: (VERDICT_ORDER.get(f.verdict, 9), f.kind, f.topic, f.claims))
    return [replace(f, id=f"f{i}") for i, f in enumerate(findings, start=1)]


def _occurrences(cluster: list[Claim], days: int | None) -> list[list[Claim]]:
    """Dates of one event split where they lie more than ``days`` apart: "In 2018 a ferry sank"
    beside "the ferry sank on Sunday" tells of two sinkings, not of a disputed date."""
    if days is None or len(cluster) < 2 or cluster[0].kind != "date":
        return [cluster]
    spans = sorted(((date.fromisoformat(c.low), date.fromisoformat(c.high or c.low), c) for c in cluster),
                   key=lambda t: (t[0], t[1], t[2].article, t[2].offset))
    out: list[list[Claim]] = []
    reach = None
    for low, high, c in spans:
        if reach is None or (low - reach).days > days:
            out.append([])
            reach = high
        out[-1].append(c)
        reach = max(reach, high)
    order = {id(c): i for i, c in enumerate(cluster)}
    return [sorted(part, key=lambda c: order[id(c)]) for part in out]


def _owner_label(cluster: list[Claim]) -> str | None:
    owners = Counter(c.owner for c in cluster if c.owner)
    if not owners:
        return None
    return max(owners, key=lambda o: (len(o), owners[o]))


def _articles(cluster: Iterable[Claim]) -> tuple[str, ...]:
    return tuple(sorted({c.article for c in cluster}))


def _verdict(cluster: list[Claim], prop: str | None, timeline: Timeline = Timeline()) -> Finding:
    first = cluster[0]
    owner = _owner_label(cluster)
    topic = topic_of(first, prop, owner)
    ids = tuple(c.id for c in sorted(cluster, key=lambda c: (c.article, c.offset)))
    articles = _articles(cluster)
    notes = tuple(sorted({c.weekday_conflict for c in cluster if c.weekday_conflict} | {
        f"'{c.text}': {c.value} was a {c.weekday}, as the article says" for c in cluster
        if c.weekday and not c.weekday_conflict and c.value
    }))
    base = dict(kind=first.kind, topic=topic, claims=ids, articles=articles, unit=first.unit, property=prop,
                owner=owner, notes=notes)
    if len(articles) == 1:
        readings = "; ".join(sorted({f"'{c.text}' = {describe(c)}" for c in cluster}))
        return Finding(verdict="unique", explanation=f"only {articles[0]} states this: {readings}", **base)
    # Only a count that only grows asks about every conflicting pair (is each one an update?);
    # any other cluster needs its most distant pair alone.
    every_pair = first.kind == "quantity" and prop in timeline.cumulative
    disjoint, reduced = _disjoint_pairs(cluster, prop, timeline, widest_only=not every_pair)
    if reduced:
        notes = (*notes, reduced)
        base["notes"] = notes
    if disjoint and first.kind == "quantity" and prop in timeline.cumulative:
        update = _as_update(cluster, disjoint, timeline)
        if update is not None:
            return Finding(verdict="update", explanation=update, difference=round(max(t[0] for t in disjoint), 6), **base)
    if disjoint:
        # The widest gap; among equal gaps the first pair in article order (independent of input order).
        g, a, b = min(disjoint, key=lambda t: (-t[0], t[1].article, t[1].offset, t[2].article, t[2].offset))
        explanation = (f"{_readings(cluster)}. Most apart: {a.article} says {describe(a)} ('{a.text}') and "
                       f"{b.article} says {describe(b)} ('{b.text}'): {_difference(a, b, g)}")
        return Finding(verdict="discrepancy", explanation=explanation, difference=round(g, 6), **base)
    return Finding(verdict="agreement", explanation=_agreement_text(cluster), **base)


MAX_PAIRWISE_READINGS = 300  # distinct readings of one cluster compared pair by pair


def _disjoint_pairs(cluster: list[Claim], prop: str | None, timeline: Timeline,
                    widest_only: bool = False) -> tuple[list[tuple[float, Claim, Claim]], str | None]:
    """(gap, a, b) for every pair of claims of different articles whose readings do not overlap,
    ``a`` before ``b`` in (article, offset, id) order; and a note when the pairs were reduced.

    Claims of one article with the same reading answer every question the same way, so only
    the first of each is paired (a page that repeats "5%" ten thousand times costs one claim,
    not a hundred million pairs).  Beyond ``MAX_PAIRWISE_READINGS`` distinct readings (no real
    story has them) each article is represented by its lowest and highest reading: the widest
    gap stays the same (finer points, such as which pairs make an update, may not), and the
    finding says so.  With ``widest_only`` the list may hold only the pair the loop would rank
    first (widest gap, then order): :func:`_widest_pair` finds it without pairing everything."""
    ordered = sorted(cluster, key=lambda c: (c.article, c.offset, c.id))
    cue = timeline.update_cues if prop in timeline.cumulative and timeline.update_cues is not None else None
    reps: dict[tuple, tuple[Claim, tuple[float, float, bool, bool]]] = {}
    for c in ordered:
        b = bounds(c)
        key = (c.article, b, c.value, bool(cue.search(c.sentence)) if cue is not None else None)
        if key not in reps:
            reps[key] = (c, b)
    readings = list(reps.values())
    note = None
    if len(readings) > MAX_PAIRWISE_READINGS:
        lowest: dict[str, tuple[Claim, tuple]] = {}
        highest: dict[str, tuple[Claim, tuple]] = {}
        for c, b in readings:
            if c.article not in lowest or b[1] < lowest[c.article][1][1]:
                lowest[c.article] = (c, b)
            if c.article not in highest or b[0] > highest[c.article][1][0]:
                highest[c.article] = (c, b)
        keep = {id(c) for c, _ in [*lowest.values(), *highest.values()]}
        note = (f"{len(readings)} distinct readings: each article was compared by its lowest and highest "
                "reading only")
        readings = [(c, b) for c, b in readings if id(c) in keep]
        if len(readings) > MAX_PAIRWISE_READINGS:
            widest = _widest_pair(readings)
            if widest is not None:
                note += "; only the most distant pair was kept (whether it is an update is judged on it)"
                return widest, note
    if widest_only:
        widest = _widest_pair(readings)
        if widest is not None:  # None: only pairs touching at an excluded bound, paired below
            return widest, note
    disjoint = []
    for i, (a, (lo_a, hi_a, lx_a, hx_a)) in enumerate(readings):
        for b, (lo_b, hi_b, lx_b, hx_b) in readings[i + 1 :]:
            if a.article == b.article:
                continue
            if hi_a < lo_b or hi_b < lo_a or (hi_a == lo_b and (hx_a or lx_b)) or (hi_b == lo_a and (hx_b or lx_a)):
                g = lo_b - hi_a if hi_a <= lo_b else (lo_a - hi_b if hi_b <= lo_a else 0.0)
                disjoint.append((g, a, b))
    return disjoint, note


def _widest_pair(readings: list[tuple[Claim, tuple[float, float, bool, bool]]]
                 ) -> list[tuple[float, Claim, Claim]] | None:
    """The pair the pairwise loop of :func:`_disjoint_pairs` would report as most distant (the
    widest gap; among equal gaps the first pair in order), found without pairing everything:
    the gap of two separate readings is the lower bound of one minus the upper bound of the
    other, so only the lowest upper bounds and highest lower bounds can make it.  ``[]`` when
    no two readings of different articles are apart; None when the only disjoint pairs touch
    at an excluded bound (the caller pairs everything then)."""
    order = {id(c): i for i, (c, _) in enumerate(readings)}
    by_hi: dict[float, list[Claim]] = defaultdict(list)
    by_lo: dict[float, list[Claim]] = defaultdict(list)
    article_hi: dict[str, float] = {}
    article_lo: dict[str, float] = {}
    for c, (lo, hi, _, _) in readings:
        by_hi[hi].append(c)
        by_lo[lo].append(c)
        article_hi[c.article] = min(hi, article_hi.get(c.article, hi))
        article_lo[c.article] = max(lo, article_lo.get(c.article, lo))
    lows = sorted(article_hi.items(), key=lambda kv: kv[1])[:2]
    highs = sorted(article_lo.items(), key=lambda kv: -kv[1])[:2]
    gaps = [lo - hi for x, hi in lows for y, lo in highs if x != y]
    best = max(gaps, default=None)
    if best is None or not best > 0:
        # No two readings strictly apart: disjoint pairs can only touch at an excluded bound
        # (one reading's upper bound is another's lower bound, and one of them excludes it).
        excl = {id(c): (lx, hx) for c, (_, _, lx, hx) in readings}
        for value, uppers in by_hi.items():
            lowers = by_lo.get(value)
            if not lowers:
                continue
            if any(excl[id(u)][1] and _has_other(lowers, u.article) for u in uppers) or any(
                    excl[id(w)][0] and _has_other(uppers, w.article) for w in lowers):
                return None
        return []
    his = sorted(by_hi)
    candidates: list[tuple[tuple, Claim, Claim]] = []
    for lo in sorted(by_lo, reverse=True):
        if lo - his[0] < best:
            break
        for hi in his:
            if lo - hi < best:
                break
            if lo - hi != best:
                continue
            pair = _first_pair(by_hi[hi], by_lo[lo], order)
            if pair is not None:
                candidates.append(pair)
    if not candidates:
        return None
    _, a, b = min(candidates, key=lambda t: t[0])
    return [(best, a, b)]


def _has_other(claims: list[Claim], article: str) -> bool:
    return any(c.article != article for c in claims)


def _first_pair(xs: list[Claim], ys: list[Claim], order: dict[int, int]) -> tuple[tuple, Claim, Claim] | None:
    """The first pair in order (by article and offset of the earlier, then of the later claim)
    of one claim from ``xs`` and one from ``ys`` of different articles."""
    tagged = sorted([(order[id(c)], 0, c) for c in xs] + [(order[id(c)], 1, c) for c in ys], key=lambda t: t[0])
    for _, side, e in tagged:
        other = ys if side == 0 else xs
        partner = next((f for f in other if f.article != e.article), None)
        if partner is None:
            continue
        a, b = (e, partner) if order[id(e)] < order[id(partner)] else (partner, e)
        return (a.article, a.offset, b.article, b.offset), a, b
    return None


def _as_update(cluster: list[Claim], disjoint: list[tuple[float, Claim, Claim]], timeline: Timeline) -> str | None:
    """An explanation when every conflict is a later, higher figure for a count that only grows."""
    published = timeline.published
    by_date = all(published.get(a.article) and published.get(b.article) and published[a.article] != published[b.article]
                  for _, a, b in disjoint)
    steps = []
    for _, a, b in disjoint:
        low, high = (a, b) if (_to_num(a.value) or 0) < (_to_num(b.value) or 0) else (b, a)
        if by_date:
            if published[high.article] < published[low.article]:  # type: ignore[operator]
                return None  # a lower figure published later: still a contradiction
        elif not (timeline.update_cues is not None and timeline.update_cues.search(high.sentence)):
            return None
        steps.append((low, high))
    low, high = min(steps, key=lambda p: (_to_num(p[0].value) or 0, p[0].article))[0], \
        max(steps, key=lambda p: (_to_num(p[1].value) or 0, p[1].article))[1]

    def when(c: Claim) -> str:
        day = published.get(c.article)
        return f"{c.article}, published {day.isoformat()}" if day else c.article

    how = "published later" if by_date else "introduced as a revision"
    return (f"earlier figure {describe(low)} ('{low.text}', {when(low)}); later figure {describe(high)} "
            f"('{high.text}', {when(high)}), {how}: a count that only grows was revised upwards")


def _readings(cluster: list[Claim]) -> str:
    """What each article says: "riverside_herald says 12; national_wire says 31 (2 times)"."""
    per_article: dict[str, Counter[str]] = defaultdict(Counter)
    for c in sorted(cluster, key=lambda c: (c.article, c.offset)):
        per_article[c.article][describe(c)] += 1
    parts = []
    for article, readings in per_article.items():
        said = ", ".join(f"{r} ({n} times)" if n > 1 else r for r, n in readings.items())
        parts.append(f"{article} says {said}")
    return "; ".join(parts)


def _difference(a: Claim, b: Claim, g: float) -> str:
    if a.kind == "date":
        return f"{int(g)} day(s) apart"
    ref = max(abs(_to_num(a.value) or 0), abs(_to_num(b.value) or 0)) or 1
    return f"they differ by at least {fmt_number(round(g, 6))} ({g / ref:.0%} of the larger figure)"


def _agreement_text(cluster: list[Claim]) -> str:
    readings: dict[str, list[str]] = defaultdict(list)
    for c in sorted(cluster, key=lambda c: (c.article, c.offset)):
        label = describe(c)
        if c.article not in readings[label]:
            readings[label].append(c.article)
    exact = [label for label in readings if not any(ch.isalpha() for ch in label.replace(",", ""))]
    parts = [f"{label} ({', '.join(arts)})" for label, arts in readings.items()]
    if len(readings) == 1:
        return f"all say {parts[0]}"
    if exact and len(exact) < len(readings):
        inexact = [p for label, p in zip(readings, parts) if label not in exact]
        return f"{', '.join(p for label, p in zip(readings, parts) if label in exact)} lies within " + " and ".join(inexact)
    return "the readings overlap: " + "; ".join(parts)


def _check_relations(findings: list[Finding], clusters_by_prop: dict, relations: list[dict],
                     claims: list[Claim]) -> list[Finding]:
    if not relations:
        return findings
    extra: list[Finding] = []
    notes: dict[tuple[str, ...], list[str]] = defaultdict(list)
    by_id: dict[str, Claim] = {}
    for key, clusters in clusters_by_prop.items():
        if key[1] != "quantity":  # key: (story, kind, measure, unit)
            continue
        by_prop: dict[str | None, list[Claim]] = defaultdict(list)
        for prop, cluster in clusters:
            by_prop[prop].extend(cluster)
        for rel in relations:
            lower, upper = by_prop.get(rel["lower"], []), by_prop.get(rel["upper"], [])
            if not lower or not upper:
                continue
            lower = sorted(lower, key=lambda c: (c.article, c.offset, c.id))
            upper = sorted(upper, key=lambda c: (c.article, c.offset, c.id))
            violated = _violations(lower, upper)
            lower_ids = tuple(c.id for c in sorted(lower, key=lambda c: (c.article, c.offset)))
            upper_ids = tuple(c.id for c in sorted(upper, key=lambda c: (c.article, c.offset)))
            unit = lower[0].unit
            if violated:
                (lo, up), involved = violated
                if not by_id:  # once per run, not once per violated relation
                    by_id = {c.id: c for c in claims}
                extra.append(
                    Finding(
                        verdict="discrepancy", kind="quantity",
                        topic=f"{unit}: {rel['lower']} must not exceed {rel['upper']}",
                        claims=tuple(involved), articles=_articles(by_id[i] for i in involved), unit=unit,
                        property=f"{rel['lower']}<={rel['upper']}",
                        explanation=(f"{lo.article} says {describe(lo)} {rel['lower']} ('{lo.text}') but {up.article} "
                                     f"gives {describe(up)} as {rel['upper']} ('{up.text}'): {rel.get('why', '')}").strip(),
                    )
                )
            else:
                text = (f"consistent with the {rel['upper']} figure ({', '.join(sorted({describe(c) for c in upper}))}): "
                        f"{rel.get('why', '')}")
                notes[lower_ids].append(text)
                notes[upper_ids].append(
                    f"consistent with the {rel['lower']} figure ({', '.join(sorted({describe(c) for c in lower}))}): "
                    f"{rel.get('why', '')}"
                )
    # The notes touching a finding, in the order they were made: looked up by claim id (a scan
    # of every note per finding grows with the square of the number of stories).
    noted = list(notes.items())
    notes_of: dict[str, list[int]] = defaultdict(list)
    for k, (ids, _) in enumerate(noted):
        for claim_id in set(ids):
            notes_of[claim_id].append(k)
    out = []
    for f in findings:
        touching = sorted({k for claim_id in f.claims for k in notes_of.get(claim_id, ())})
        extra_notes = [n for k in touching for n in noted[k][1]]
        if extra_notes:
            f = replace(f, notes=tuple(dict.fromkeys([*f.notes, *extra_notes])))
        out.append(f)
    return out + extra


def _violates(lo: tuple, up: tuple) -> bool:
    """A lower figure's bounds above an upper figure's: (low, high, low excluded, high excluded)."""
    return lo[0] > up[1] or (lo[0] == up[1] and (lo[2] or up[3]))


def _violations(lower: list[Claim], upper: list[Claim]) -> tuple[tuple[Claim, Claim], list[str]] | None:
    """The first violating pair (lower claims in order, then upper claims) and the sorted ids
    of every claim in some violating pair; None when no pair violates the relation.

    Without pairing every lower claim with every upper one: a lower claim violates with some
    upper claim exactly when it does with one of the lowest upper bound (its low above that
    bound, or equal to it and one side excluded), and symmetrically for the upper claims."""
    lows = [(c, bounds(c)) for c in lower]
    highs = [(c, bounds(c)) for c in upper]
    min_high = min(b[1] for _, b in highs)
    at_min_high_excluded = any(b[3] for _, b in highs if b[1] == min_high)
    max_low = max(b[0] for _, b in lows)
    at_max_low_excluded = any(b[2] for _, b in lows if b[0] == max_low)

    def lower_violates(b: tuple) -> bool:
        return b[0] > min_high or (b[0] == min_high and (b[2] or at_min_high_excluded))

    def upper_violated(b: tuple) -> bool:
        return max_low > b[1] or (max_low == b[1] and (b[3] or at_max_low_excluded))

    first = next(((c, b) for c, b in lows if lower_violates(b)), None)
    if first is None:
        return None
    lo, lo_b = first
    up = next(c for c, b in highs if _violates(lo_b, b))
    involved = {c.id for c, b in lows if lower_violates(b)} | {c.id for c, b in highs if upper_violated(b)}
    return (lo, up), sorted(involved)


# -- years from the corpus ---------------------------------------------------------------
def corpus_year(published: list[date | None], claims: list[Claim]) -> tuple[int | None, str]:
    years = Counter(d.year for d in published if d)
    if years:
        return years.most_common(1)[0][0], "the publication dates of the other articles"
    dated = Counter(int(str(c.value)[:4]) for c in claims if c.kind == "date" and c.resolved and c.value and c.unit)
    if dated:
        return dated.most_common(1)[0][0], "the dates the other articles give"
    return None, ""


def place_yearless(claims: list[Claim], year: int | None, why: str) -> list[Claim]:
    """Give month-and-day dates ("--01-06") the corpus year, saying so in the note."""
    if year is None:
        return claims
    out = []
    for c in claims:
        if c.kind == "date" and isinstance(c.value, str) and c.value.startswith("--"):
            month, day = int(c.value[2:4]), int(c.value[5:7])
            try:
                d = date(year, month, day)
            except ValueError:
                out.append(c)
                continue
            conflict = c.weekday_conflict
            if c.weekday and d.strftime("%A") != c.weekday:
                conflict = f"{d.strftime('%B')} {d.day}, {d.year} was a {d.strftime('%A')}, not a {c.weekday}"
            c = replace(c, value=d.isoformat(), low=d.isoformat(), high=d.isoformat(), resolved=True,
                        note=f"no year in the article; {year} assumed from {why}", weekday_conflict=conflict)
            out.append(c)
        else:
            out.append(c)
    return out


def label_independence(findings: list[Finding], groups: dict[str, str]) -> list[Finding]:
    """Say how many independent sources stand behind each agreement (copies of a story count once)."""
    out = []
    for f in findings:
        if f.verdict == "agreement" and len(f.articles) > 1:
            sources: dict[str, list[str]] = defaultdict(list)
            for article in f.articles:
                sources[groups.get(article, article)].append(article)
            count = len(sources)
            if count < len(f.articles):
                copied = "; ".join(" and ".join(arts) for arts in sources.values() if len(arts) > 1)
                note = (f"only {count} independent source(s): {copied} carry copies of one story"
                        if count > 1 else f"a single source: {copied} carry copies of one story")
                f = replace(f, notes=(*f.notes, note))
            f = replace(f, independent_sources=count)
        out.append(f)
    return out


def weekday_findings(claims: list[Claim]) -> list[Finding]:
    """A weekday named beside a date that it contradicts: a finding of its own, within one article."""
    out = []
    for c in claims:
        if c.kind == "date" and c.weekday_conflict:
            out.append(Finding(
                verdict="discrepancy", kind="weekday", topic=f"weekday of {c.value}", claims=(c.id,),
                articles=(c.article,), unit=c.unit, property=c.property,
                explanation=f"{c.article} writes '{c.text}', but {c.weekday_conflict}",
            ))
    return out


def inferred_findings(claims: list[Claim], aliases: dict[str, str], min_score: float,
                      vague_slack: float = 0.0, story_of: dict[str, str] | None = None) -> list[Finding]:
    """A start date plus a duration in one article, against an end date in another.

    "began January 13, to last ten days" puts the end between January 22 and 23; another
    source's "completed by January 19" is then a discrepancy, marked inferred, with the
    arithmetic shown.
    """
    from datetime import timedelta

    def placed(c: Claim) -> bool:
        return c.kind == "date" and c.resolved and c.low is not None and c.unit is not None

    story_of = story_of or {}
    # Starts by (article, unit) and ends by (unit, story), each in claim order: a duration
    # looks only at its own article's starts and its story's ends, not at every claim.
    starts: dict[tuple[str, str | None], list[Claim]] = defaultdict(list)
    ends: dict[tuple[str | None, str | None], list[Claim]] = defaultdict(list)
    for c in claims:
        if placed(c) and c.property == "start":
            starts[(c.article, c.unit)].append(c)
        elif placed(c) and c.property == "end":
            ends[(c.unit, story_of.get(c.article))].append(c)
    out: list[Finding] = []
    for d in sorted((c for c in claims if c.kind == "duration" and c.unit), key=lambda c: (c.article, c.offset)):
        own = starts.get((d.article, d.unit), [])
        if not own:
            continue
        start = min(own, key=lambda s: (abs(s.offset - d.offset), s.offset))
        first = date.fromisoformat(start.low)
        low_days, high_days = float(d.low), float(d.high)
        if low_days != high_days:  # a vague length ("several weeks") gets the slack the rules allow
            low_days, high_days = low_days * (1 - vague_slack), high_days * (1 + vague_slack)
        window = (first + timedelta(days=max(0, int(low_days) - 1)), first + timedelta(days=round(high_days)))
        by_article: dict[str, list[Claim]] = defaultdict(list)
        story = story_of.get(d.article)
        for e in ends.get((d.unit, story), []):
            if e.article == d.article:
                continue
            if start.owner and e.owner and not owners_compatible(start.owner, e.owner, aliases, min_score):
                continue
            by_article[e.article].append(e)
        span = f"{d.low}" if d.low == d.high else f"{d.low} to {d.high}"
        for article in sorted(by_article):
            said = sorted(by_article[article], key=lambda c: c.offset)
            outside = [e for e in said if date.fromisoformat(e.high) < window[0] or date.fromisoformat(e.low) > window[1]]
            shown = outside[0] if outside else said[0]
            lo, hi = date.fromisoformat(shown.low), date.fromisoformat(shown.high)
            arithmetic = (f"{start.article} says the {d.unit} began {start.low} ('{start.text}') and would last "
                          f"'{d.text}' ({span} days), so it would end between {window[0]} and {window[1]}; "
                          f"{article} says it ended {shown.low if lo == hi else f'{lo} to {hi}'} ('{shown.text}')")
            cited = [start, d, *(outside or said)]
            ids = tuple(c.id for c in sorted(cited, key=lambda c: (c.article, c.offset)))
            articles = tuple(sorted({start.article, article}))
            if outside:
                days = (window[0] - hi).days if hi < window[0] else (lo - window[1]).days
                where = "before" if hi < window[0] else "after"
                out.append(Finding(
                    verdict="discrepancy", kind="date", topic=f"{d.unit} end (inferred)", claims=ids, articles=articles,
                    unit=d.unit, property="end", owner=start.owner or shown.owner, difference=float(days), inferred=True,
                    explanation=f"inferred: {arithmetic}, {days} day(s) {where} that window",
                ))
            else:
                out.append(Finding(
                    verdict="agreement", kind="date", topic=f"{d.unit} end (inferred)", claims=ids, articles=articles,
                    unit=d.unit, property="end", owner=start.owner or shown.owner, inferred=True,
                    explanation=f"inferred: {arithmetic}, inside that window",
                ))
    return out
