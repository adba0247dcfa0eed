"""Copied stories and source independence.

A wire story republished by several sites (with a new headline, a dropped paragraph, a
reworded sentence, boilerplate added) is one source, however many articles carry it.  This
module finds which articles derive from one another and groups them, so that an agreement
supported only by copies of one story counts once.

Method (thresholds in ``rules/copies.toml``, table ``[thresholds]``):

1. Paragraphs are the non-empty lines of ``Article.text`` (line-aligned with the article;
   dropped furniture lines are empty).  Each is normalised for matching (case-folded,
   punctuation stripped, spaces collapsed); paragraphs under ``min_paragraph_words`` words
   are not matched.  Identical normalised paragraphs are handled once (a verbatim copy costs
   no fuzzy comparison); one found in more than ``max_copies_per_paragraph`` articles is
   boilerplate and ignored.
2. Blocking: every distinct paragraph's word shingles (``shingle_size`` words) are hashed with
   BLAKE2b (deterministic across runs and processes, unlike ``hash()``), and the paragraph is
   indexed under its ``sketch_size`` smallest hashes (a bottom-k sketch).  Paragraphs of
   different articles that share a bucket are candidates.  A bucket with more than
   ``max_bucket_size`` paragraphs is a phrase too common to tell anything ("said in a
   statement on Monday") and is skipped; the paragraph's other hashes still find its copies.
   So the number of comparisons grows with the number of near-copies, not with the square
   of the number of articles.
3. Each candidate pair is confirmed with rapidfuzz: ``fuzz.ratio`` >= ``paragraph_match_score``,
   or, when the shorter paragraph is at least ``containment_min_length_ratio`` of the longer,
   ``fuzz.partial_ratio`` >= ``containment_match_score`` (the shorter one found almost
   unchanged inside the longer: a sentence or a dateline added or dropped).  Not
   ``token_set_ratio``: two different paragraphs ending in the same stock sentence score
   high on shared words.  Both scores are bounded by the longest common subsequence of the
   two paragraphs, computed for every candidate pair in one rapidfuzz call: a pair that no
   bound lets through is not scored (the same pairs are confirmed, with less work).
4. Per article pair, matched paragraphs are paired one to one (best score first).  The share
   of the shorter article's words in matched paragraphs gives the verdict: "duplicate" at
   ``duplicate_share`` (and ``duplicate_min_paragraphs``), else "shares_paragraphs" when a
   matched paragraph has ``long_paragraph_words`` words and is not common (found, exactly or
   nearly, in ``common_paragraph_articles`` articles or more: boilerplate, a much-quoted line),
   else nothing.

``source_groups`` joins articles linked as duplicates (and sharing paragraphs with a
similarity of at least ``group_min_similarity``) into one source, represented by its earliest
published member (else the smallest id); ``independent_count`` counts the sources behind a
set of articles.  Everything is sorted: the result does not depend on the input order.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import defaultdict
from dataclasses import asdict, dataclass
from datetime import date
from functools import lru_cache
from itertools import combinations
from typing import TYPE_CHECKING, Any, Iterable

from rapidfuzz import fuzz, process
from rapidfuzz.distance import LCSseq

from consistency.rules import RulesError, builtin_rules_dir, read_rule_file

if TYPE_CHECKING:
    from consistency.articles import Article

DUPLICATE = "duplicate"
SHARES_PARAGRAPHS = "shares_paragraphs"

_THRESHOLD_KEYS = (
    "min_paragraph_words", "shingle_size", "sketch_size", "paragraph_match_score",
    "containment_min_length_ratio", "containment_match_score", "duplicate_share", "duplicate_min_paragraphs",
    "long_paragraph_words", "common_paragraph_articles", "group_min_similarity", "max_bucket_size",
    "max_copies_per_paragraph",
)


@dataclass(frozen=True)
class CopyLink:
    a: str  # article ids, a < b
    b: str
    kind: str  # "duplicate" (whole story) | "shares_paragraphs"
    similarity: float  # 0..100: the shorter article's words in matched paragraphs, weighted by match score
    shared_paragraphs: tuple[tuple[int, int, float], ...]  # (line in a, line in b, score), file lines
    earlier: str | None  # the article published first when both dates are known and differ
    explanation: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "a": self.a,
            "b": self.b,
            "kind": self.kind,
            "similarity": self.similarity,
            "shared_paragraphs": [list(p) for p in self.shared_paragraphs],
            "earlier": self.earlier,
            "explanation": self.explanation,
        }


@dataclass
class CopyStats:
    """What a run of ``find_copies`` did: the bound on work is ``comparisons``."""

    articles: int = 0
    paragraphs: int = 0  # paragraphs long enough to match
    distinct_paragraphs: int = 0  # after merging identical normalised paragraphs
    widespread_paragraphs: int = 0  # distinct paragraphs ignored as boilerplate
    common_paragraphs: int = 0  # in common_paragraph_articles or more: no "shares_paragraphs" on their own
    buckets: int = 0
    skipped_buckets: int = 0  # over max_bucket_size
    candidate_pairs: int = 0
    comparisons: int = 0  # rapidfuzz confirmations run
    matched_pairs: int = 0  # distinct paragraph pairs confirmed
    links: int = 0

    def to_dict(self) -> dict[str, int]:
        return asdict(self)


# -- thresholds ----------------------------------------------------------------------------
@lru_cache(maxsize=1)
def _builtin_copies_rules() -> dict[str, Any]:
    return read_rule_file(builtin_rules_dir() / "copies.toml")


def _thresholds(rules: dict | None) -> dict[str, float]:
    table = (rules or _builtin_copies_rules()).get("thresholds", {})
    missing = [k for k in _THRESHOLD_KEYS if k not in table]
    if missing:
        raise RulesError(f"copies.toml: key 'thresholds.{missing[0]}' is missing")
    values = {k: table[k] for k in _THRESHOLD_KEYS}
    for key, value in values.items():
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
            raise RulesError(f"copies.toml: key 'thresholds.{key}' must be a non-negative number, not {value!r}")
    for key in ("shingle_size", "sketch_size", "max_bucket_size", "max_copies_per_paragraph"):
        if int(values[key]) < 1:
            raise RulesError(f"copies.toml: key 'thresholds.{key}' must be at least 1")
    return values


# -- paragraphs ----------------------------------------------------------------------------
_NON_WORD = re.compile(r"[\W_]+")


def normalise_paragraph(text: str) -> str:
    """Case-folded words separated by single spaces: punctuation and dashes are gone."""
    return _NON_WORD.sub(" ", text.casefold()).strip()


@dataclass(frozen=True)
class _Paragraph:
    article: int  # index into the sorted articles
    line: int  # 1-based line of article.text
    start: int  # offset in article.text
    words: int


def _paragraphs(article: "Article", index: int, min_words: int) -> list[tuple[_Paragraph, str]]:
    out: list[tuple[_Paragraph, str]] = []
    offset = 0
    for number, line in enumerate(article.text.split("\n"), start=1):
        if line.strip():
            norm = normalise_paragraph(line)
            words = norm.count(" ") + 1 if norm else 0
            if words >= min_words:
                out.append((_Paragraph(index, number, offset + len(line) - len(line.lstrip()), words), norm))
        offset += len(line) + 1
    return out


def _sketch(norm: str, shingle_size: int, sketch_size: int) -> list[int]:
    words = norm.split(" ")
    if len(words) <= shingle_size:
        shingles = {norm}
    else:
        shingles = {" ".join(words[i:i + shingle_size]) for i in range(len(words) - shingle_size + 1)}
    # 64-bit BLAKE2b of each shingle, inlined: this is the hottest loop of copy detection
    blake2b, from_bytes = hashlib.blake2b, int.from_bytes
    hashes = {from_bytes(blake2b(s.encode("utf-8"), digest_size=8).digest(), "big") for s in shingles}
    return sorted(hashes)[:sketch_size]


def _score(x: str, y: str, limits: dict[str, float]) -> float:
    """Match score of two normalised paragraphs, 0 when below the threshold."""
    cutoff = float(limits["paragraph_match_score"])
    score = fuzz.ratio(x, y, score_cutoff=cutoff)
    if score:
        return score
    if min(len(x), len(y)) >= limits["containment_min_length_ratio"] * max(len(x), len(y)):
        # one paragraph is the other with a sentence (or a dateline) added: the shorter one
        # appears almost unchanged inside the longer
        containment = float(limits["containment_match_score"])
        if not _may_contain(x, y, containment):
            return 0.0
        return fuzz.partial_ratio(x, y, score_cutoff=containment)
    return 0.0


def _may_match(pairs: list[tuple[int, int]], texts: list[str], limits: dict[str, float]) -> list[tuple[int, int]]:
    """The candidate pairs that :func:`_score` may score above 0, found in one C pass.

    Both of ``_score``'s tests are bounded by the longest common subsequence L of the two
    paragraphs: ``fuzz.ratio`` is 200 L / (|x| + |y|), and the containment test needs the bound
    of :func:`_may_contain`.  rapidfuzz computes L for every pair at once (``process.cpdist``,
    no Python call per pair); pairs that fail both bounds, most of them, are dropped, and
    ``_score`` judges the rest exactly as before."""
    if len(pairs) < 1000 or not hasattr(process, "cpdist"):
        return pairs
    import numpy as np  # rapidfuzz's result type; pandas brings it

    ratio_cut = float(limits["paragraph_match_score"])
    contain_cut = float(limits["containment_match_score"])
    if not (0 < ratio_cut < 200 and 0 < contain_cut < 200):
        return pairs
    i, j = np.array(pairs, dtype=np.int64).T
    lengths = np.array([len(t) for t in texts], dtype=np.float64)
    common = process.cpdist([texts[k] for k in i], [texts[k] for k in j], scorer=LCSseq.similarity,
                            dtype=np.int64, workers=1)
    li, lj = lengths[i], lengths[j]
    shorter, longer = np.minimum(li, lj), np.maximum(li, lj)
    # one below each bound (and the floor): float rounding never drops a pair _score would keep
    may_ratio = common >= np.floor(ratio_cut * (li + lj) / 200.0) - 1
    may_contain = (shorter >= limits["containment_min_length_ratio"] * longer) & (
        common >= np.floor(contain_cut * shorter / (200.0 - contain_cut)) - 1)
    keep = np.flatnonzero(may_ratio | may_contain)
    return [pairs[k] for k in keep.tolist()]


def _may_contain(x: str, y: str, cutoff: float) -> bool:
    """False when ``fuzz.partial_ratio(x, y)`` cannot reach ``cutoff``; one bit-parallel pass
    instead of partial_ratio's many windows, which most candidate pairs would cost.

    partial_ratio is ``fuzz.ratio`` = 2 m / (|s| + |w|) of the shorter string ``s`` against a
    window ``w`` of the longer, ``m`` their longest common subsequence.  Since m <= |w| and m
    is at most L, the common subsequence of the two whole strings, the score is at most
    2 L / (|s| + L); reaching ``cutoff`` needs L >= cutoff |s| / (200 - cutoff)."""
    if cutoff <= 0 or cutoff >= 200:
        return True
    shorter, longer = (x, y) if len(x) <= len(y) else (y, x)
    need = math.floor(cutoff * len(shorter) / (200.0 - cutoff)) - 1  # one below: never reject a match
    if need <= 0:
        return True
    return LCSseq.similarity(shorter, longer, score_cutoff=need) >= need


# -- finding copies ------------------------------------------------------------------------
def find_copies(articles: list["Article"], rules: dict | None = None, *,
                stats: CopyStats | None = None) -> list[CopyLink]:
    """Links between articles that are copies of one story or share paragraphs, sorted by (a, b).

    ``rules`` is the ``copies`` rule file (``vocab.rules.get("copies", {})``; the built-in one
    when empty).  Pass a ``CopyStats`` to learn how much work was done.
    """
    limits = _thresholds(rules)
    stats = stats if stats is not None else CopyStats()
    by_id: dict[str, "Article"] = {}
    for article in articles:
        if getattr(article, "status", "ok") == "ok" and article.text:
            by_id.setdefault(article.id, article)
    arts = [by_id[k] for k in sorted(by_id)]
    stats.articles = len(arts)

    # 1. paragraphs, merged by normalised text
    paras: list[_Paragraph] = []
    occurrences: dict[str, list[int]] = defaultdict(list)
    for index, article in enumerate(arts):
        for para, norm in _paragraphs(article, index, int(limits["min_paragraph_words"])):
            occurrences[norm].append(len(paras))
            paras.append(para)
    stats.paragraphs = len(paras)
    texts: list[str] = []
    text_articles: list[frozenset[int]] = []
    for norm in sorted(occurrences):
        holders = frozenset(paras[p].article for p in occurrences[norm])
        if len(holders) > limits["max_copies_per_paragraph"]:
            stats.widespread_paragraphs += 1
            continue
        texts.append(norm)
        text_articles.append(holders)
    stats.distinct_paragraphs = len(texts)
    counted_words = [0] * len(arts)  # words of each article's matchable paragraphs
    counted_paras = [0] * len(arts)
    for norm in texts:
        for p in occurrences[norm]:
            counted_words[paras[p].article] += paras[p].words
            counted_paras[paras[p].article] += 1

    # 2. blocking: bottom-k sketches of hashed shingles
    buckets: dict[int, list[int]] = defaultdict(list)
    for t, norm in enumerate(texts):
        for h in _sketch(norm, int(limits["shingle_size"]), int(limits["sketch_size"])):
            buckets[h].append(t)
    stats.buckets = len(buckets)
    candidates: set[tuple[int, int]] = set()
    for h in sorted(buckets):
        members = buckets[h]
        if len(members) < 2:
            continue
        if len(members) > limits["max_bucket_size"]:
            stats.skipped_buckets += 1
            continue
        for i, j in combinations(members, 2):
            # two texts found only in one and the same article say nothing about copying
            # (their holders' union has one member: both are that one article)
            if len(text_articles[i]) > 1 or text_articles[i] != text_articles[j]:
                candidates.add((i, j) if i < j else (j, i))
    stats.candidate_pairs = len(candidates)

    # 3. confirmation with rapidfuzz
    text_matches: list[tuple[int, int, float]] = [(t, t, 100.0) for t in range(len(texts)) if len(text_articles[t]) > 1]
    ordered = sorted(candidates)
    del candidates
    stats.comparisons = len(ordered)
    for i, j in _may_match(ordered, texts, limits):
        score = _score(texts[i], texts[j], limits)
        if score:
            text_matches.append((i, j, round(float(score), 1)))
            stats.matched_pairs += 1

    # how many articles hold each paragraph, exactly or nearly: a line in many is boilerplate
    spread_sets = [set(holders) for holders in text_articles]
    for i, j, _ in text_matches:
        if i != j:
            spread_sets[i] |= text_articles[j]
            spread_sets[j] |= text_articles[i]
    spread = {p: len(spread_sets[t]) for t, norm in enumerate(texts) for p in occurrences[norm]}
    stats.common_paragraphs = sum(1 for s in spread_sets if len(s) >= limits["common_paragraph_articles"])

    # 4. per article pair
    pair_matches: dict[tuple[int, int], list[tuple[float, int, int]]] = defaultdict(list)
    for i, j, score in text_matches:
        for pi in occurrences[texts[i]]:
            for pj in occurrences[texts[j]]:
                if i == j and pj <= pi:
                    continue
                x, y = paras[pi].article, paras[pj].article
                if x < y:
                    pair_matches[(x, y)].append((score, pi, pj))
                elif y < x:
                    pair_matches[(y, x)].append((score, pj, pi))
    links: list[CopyLink] = []
    file_lines: dict[int, int] = {}  # paragraph -> its line in the file: one paragraph is in many links
    for (ia, ib) in sorted(pair_matches):
        if not _may_link(pair_matches[(ia, ib)], paras, (counted_words[ia], counted_words[ib]), spread, limits):
            continue
        link = _link(arts[ia], arts[ib], pair_matches[(ia, ib)], paras, (counted_words[ia], counted_words[ib]),
                     (counted_paras[ia], counted_paras[ib]), spread, limits, file_lines)
        if link is not None:
            links.append(link)
    stats.links = len(links)
    return links


def _may_link(matches: list[tuple[float, int, int]], paras: list[_Paragraph], words: tuple[int, int],
              spread: dict[int, int], limits: dict[str, float]) -> bool:
    """False when :func:`_link` would find no link: most pairs of articles share one stock
    line, and this answers for them without pairing paragraphs one to one.  Only necessary
    conditions of ``_link``'s verdicts are tested (the chosen pairs are a subset of
    ``matches``), so a pair it lets through is judged by ``_link`` as before."""
    common = limits["common_paragraph_articles"]
    long_words = limits["long_paragraph_words"]
    for _, pi, pj in matches:
        if max(spread[pi], spread[pj]) < common and min(paras[pi].words, paras[pj].words) >= long_words:
            return True  # may share a long paragraph
    side_a = {pi for _, pi, _ in matches}
    side_b = {pj for _, _, pj in matches}
    if min(len(side_a), len(side_b)) < limits["duplicate_min_paragraphs"]:
        return False
    words_a, words_b = words
    a_shorter = (words_a, 0) <= (words_b, 1)
    total = words_a if a_shorter else words_b
    most = sum(paras[p].words for p in (side_a if a_shorter else side_b))  # every matched paragraph chosen
    return (most / total if total else 0.0) >= limits["duplicate_share"]


def _link(a: "Article", b: "Article", matches: list[tuple[float, int, int]], paras: list[_Paragraph],
          words: tuple[int, int], counts: tuple[int, int], spread: dict[int, int],
          limits: dict[str, float], file_lines: dict[int, int] | None = None) -> CopyLink | None:
    words_a, words_b = words
    used_a: set[int] = set()
    used_b: set[int] = set()
    chosen: list[tuple[int, int, float]] = []
    for score, pi, pj in sorted(matches, key=lambda m: (-m[0], paras[m[1]].line, paras[m[2]].line)):
        if pi in used_a or pj in used_b:
            continue
        used_a.add(pi)
        used_b.add(pj)
        chosen.append((pi, pj, score))
    chosen.sort(key=lambda c: (paras[c[0]].line, paras[c[1]].line))
    # the shorter article decides how much of a story is repeated
    a_shorter = (words_a, 0) <= (words_b, 1)
    total = words_a if a_shorter else words_b
    side = 0 if a_shorter else 1
    matched_words = sum(paras[c[side]].words for c in chosen)
    weighted = sum(paras[c[side]].words * c[2] for c in chosen)
    share = matched_words / total if total else 0.0
    similarity = round(weighted / total, 1) if total else 0.0
    # a paragraph found in many articles (boilerplate, a much-quoted line) does not alone link two
    longest = max((min(paras[pi].words, paras[pj].words) for pi, pj, _ in chosen
                   if max(spread[pi], spread[pj]) < limits["common_paragraph_articles"]), default=0)
    if share >= limits["duplicate_share"] and len(chosen) >= limits["duplicate_min_paragraphs"]:
        kind = DUPLICATE
    elif longest >= limits["long_paragraph_words"]:
        kind = SHARES_PARAGRAPHS
    else:
        return None
    lines = file_lines if file_lines is not None else {}

    def line_of(article: "Article", p: int) -> int:
        if p not in lines:
            lines[p] = _file_line(article, paras[p])
        return lines[p]

    shared = tuple((line_of(a, pi), line_of(b, pj), score) for pi, pj, score in chosen)
    earlier = None
    if a.published and b.published and a.published != b.published:
        earlier = a.id if a.published < b.published else b.id
    explanation = _explain(a, b, kind, len(chosen), similarity, earlier, *counts)
    return CopyLink(a.id, b.id, kind, similarity, shared, earlier, explanation)


def _file_line(article: "Article", para: _Paragraph) -> int:
    """The line of the input file where a paragraph starts (HTML lines differ from text lines)."""
    if article.raw:
        try:
            return article.locate(para.start, para.start + 1)[0]
        except (IndexError, ValueError):
            pass
    return para.line


def _explain(a: "Article", b: "Article", kind: str, shared: int, similarity: float,
             earlier: str | None, paragraphs_a: int, paragraphs_b: int) -> str:
    alike = f"{similarity:.0f}% alike"
    plural = "paragraph" if shared == 1 else "paragraphs"
    if earlier is not None:
        first, later = (a, b) if earlier == a.id else (b, a)
        total = paragraphs_a if first is a else paragraphs_b
        verb = "repeats" if kind == DUPLICATE else "shares"
        return (f"{later.id} {verb} {shared} of {total} paragraphs of {first.id} ({alike}); "
                f"{first.id} was published first ({_iso(first.published)}, {later.id} {_iso(later.published)})")
    if a.published and a.published == b.published:
        when = f"both published {_iso(a.published)}, so which is the original is not known"
    else:
        when = "a publication date is missing, so which is the original is not known"
    what = "are copies of one story" if kind == DUPLICATE else "share text"
    return (f"{a.id} and {b.id} {what}: {shared} {plural} in common "
            f"({shared} of {paragraphs_a} of {a.id}, {shared} of {paragraphs_b} of {b.id}; {alike}); {when}")


def _iso(day: date | None) -> str:
    return day.isoformat() if day else "date unknown"


# -- sources -------------------------------------------------------------------------------
def source_groups(articles: list["Article"], links: list[CopyLink], *,
                  rules: dict | None = None) -> dict[str, str]:
    """Article id -> id of its source group's representative (earliest published, else smallest id).

    Articles joined by "duplicate" links, or by "shares_paragraphs" links of at least
    ``group_min_similarity``, are one source; every other article is its own.
    """
    limits = _thresholds(rules)
    published = {a.id: a.published for a in articles}
    parent = {i: i for i in sorted(published)}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for link in sorted(links, key=lambda l: (l.a, l.b)):
        if link.kind == DUPLICATE or (link.kind == SHARES_PARAGRAPHS
                                      and link.similarity >= limits["group_min_similarity"]):
            ra, rb = find(link.a), find(link.b)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)
    members: dict[str, list[str]] = defaultdict(list)
    for article_id in sorted(parent):
        members[find(article_id)].append(article_id)
    groups: dict[str, str] = {}
    for ids in members.values():
        representative = min(ids, key=lambda i: (published.get(i) is None, published.get(i) or date.max, i))
        for article_id in ids:
            groups[article_id] = representative
    return dict(sorted(groups.items()))


def independent_count(article_ids: Iterable[str], groups: dict[str, str]) -> int:
    """How many independent sources stand behind a set of articles (copies of one story count once)."""
    return len({groups.get(article_id, article_id) for article_id in article_ids})
