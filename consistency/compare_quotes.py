"""Quotes across articles: the same statement, its wording and its speaker.

Two quotes from different articles are one statement when a sentence of the shorter one is
found, nearly, in the longer one (an excerpt of a longer quote counts; so do translations
that word it a little differently).  Quotes are first *blocked*: only quotes sharing
``[matching] min_shared_words`` content-word stems are compared, so a large corpus is not
compared all against all.  Each sentence of the shorter quote is aligned with rapidfuzz
(``partial_ratio_alignment``) on case-folded words without punctuation, and the aligned
passage of the longer quote is taken word by word (difflib); the sentence belongs to the same
statement when the passage scores ``same_statement`` or more.

Matched quotes are joined into statements (connected components).  Per statement:

* speakers whose keys differ (``speaker_key``: "Zas", "Stanislav Zas", "CSTO Secretary-General
  Stanislav Zas" are one) give a **discrepancy** with property ``speaker``;
* aligned passages whose wording scores below ``same_wording``, or that differ in a number or
  a negation, give a **discrepancy** with property ``wording``, showing both versions and the
  words removed, added or replaced;
* otherwise an **agreement**.

No ``unique`` finding is made for quotes: most quotes appear in one source only.
"""

from __future__ import annotations

import difflib
import heapq
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from functools import lru_cache

from rapidfuzz import fuzz

from consistency.claims import Claim
from consistency.compare import VERDICT_ORDER, Finding
from consistency.extract.quotes import (
    WORD,
    SpeakerVocabulary,
    quote_rules,
    role_key,
    speaker_key,
    speakers_compatible,
)
from consistency.vocabulary import CompiledRules

MAX_PAIRS_SHOWN = 5  # pairs of versions spelled out in one explanation


@lru_cache(maxsize=1)
def _builtin_vocab() -> CompiledRules:
    from consistency.rules import load_rules

    return load_rules().compiled


@dataclass(frozen=True)
class QuoteMatching:
    min_shared: int
    max_stem_share: float
    min_stem_df: int
    stem_length: int
    suffixes: tuple[str, ...]
    same_statement: float
    min_sentence_words: int
    same_wording: float
    function_words: frozenset[str]
    negations: frozenset[str]
    negation_suffixes: tuple[str, ...]
    topic_words: int
    max_partners: int = 50
    same_statement_unattributed: float = 90.0

    @classmethod
    def from_vocab(cls, vocab: CompiledRules) -> QuoteMatching:
        rules = quote_rules(vocab)
        m = rules.get("matching", {})
        w = rules.get("wording", {})
        return cls(
            min_shared=int(m.get("min_shared_words", 3)),
            max_stem_share=float(m.get("max_stem_share", 0.4)),
            min_stem_df=int(m.get("min_stem_df", 20)),
            stem_length=int(m.get("stem_length", 6)),
            suffixes=tuple(sorted(m.get("suffixes", []), key=len, reverse=True)),
            same_statement=float(m.get("same_statement", 72)),
            min_sentence_words=int(m.get("min_sentence_words", 5)),
            same_wording=float(m.get("same_wording", 80)),
            function_words=frozenset(x.lower() for x in m.get("function_words", [])),
            negations=frozenset(x.lower() for x in w.get("negations", [])),
            negation_suffixes=tuple(x.lower() for x in w.get("negation_suffixes", [])),
            topic_words=int(m.get("topic_words", 8)),
            max_partners=int(m.get("max_partners", 50)),
            same_statement_unattributed=float(m.get("same_statement_unattributed", 90)),
        )

    def stem(self, word: str) -> str:
        for suffix in self.suffixes:
            if word.endswith(suffix) and len(word) - len(suffix) >= 3:
                word = word[: -len(suffix)]
                break
        return word[: self.stem_length]

    def is_negation(self, word: str) -> bool:
        return word in self.negations or any(word.endswith(s) for s in self.negation_suffixes)


# -- one quote, prepared -----------------------------------------------------------------
@dataclass
class _Quote:
    claim: Claim
    words: list[str]  # as written
    spans: list[tuple[int, int]]  # of each word in claim.value
    norm: list[str]  # case-folded
    sentences: list[tuple[int, int]]  # word index ranges
    stems: list[str | None]  # None for function words
    joined: str = ""
    starts: list[int] = field(default_factory=list)  # char start of each word in ``joined``
    negations: list[bool] = field(default_factory=list)  # per word: a negation
    numbers: list[tuple[int, float]] = field(default_factory=list)  # (char offset in value, number)

    def numbers_in(self, a: int, b: int) -> Counter[float]:
        """The numbers written in words a..b (a spelled-out "one" is left out: "one week" is "a week")."""
        if a >= b:
            return Counter()
        lo, hi = self.spans[a][0], self.spans[b - 1][1]
        return Counter(v for at, v in self.numbers if lo <= at < hi)

    @classmethod
    def of(cls, claim: Claim, qm: QuoteMatching, vocab: CompiledRules) -> _Quote:
        value = str(claim.value or "")
        matches = list(WORD.finditer(value))
        words = [m.group() for m in matches]
        norm = [w.casefold().replace("’", "'") for w in words]
        stems = [None if w in qm.function_words else qm.stem(w) for w in norm]
        starts, pos = [], 0
        for w in norm:
            starts.append(pos)
            pos += len(w) + 1
        bounds = []
        for s in vocab.splitter.split(value):
            a = sum(1 for m in matches if m.start() < s.start)
            b = sum(1 for m in matches if m.start() < s.end)
            if b > a:
                bounds.append((a, b))
        quote = cls(claim, words, [m.span() for m in matches], norm, bounds or [(0, len(words))], stems,
                    " ".join(norm), starts)
        quote.negations = [qm.is_negation(w) for w in norm]
        quote.numbers = [(n.start, round(float(n.value), 6)) for n in vocab.numbers.find(value)
                         if n.value is not None and not (n.value == 1 and n.written == "words")]
        return quote

    def content(self, a: int = 0, b: int | None = None) -> set[str]:
        return {s for s in self.stems[a:b] if s}

    def text(self, a: int, b: int) -> str:
        """The words a..b as written in the quote."""
        if a >= b:
            return ""
        return str(self.claim.value)[self.spans[a][0] : self.spans[b - 1][1]]

    def word_at(self, char: int) -> int:
        lo, hi = 0, len(self.starts)
        while lo < hi:
            mid = (lo + hi) // 2
            if self.starts[mid] <= char:
                lo = mid + 1
            else:
                hi = mid
        return max(0, lo - 1)


@dataclass(frozen=True)
class _Piece:
    a: tuple[int, int]  # words of the shorter quote
    b: tuple[int, int]  # aligned words of the longer one
    score: float  # same-statement score
    wording: float  # rapidfuzz ratio of the two passages


@dataclass(slots=True)
class _Edge:
    short: _Quote
    long: _Quote
    pieces: list[_Piece]
    wording: float
    found: list[tuple]  # material changes (numbers, negations, wording), as ``_changes`` gives them

    @property
    def changed(self) -> bool:
        return bool(self.found)

    @property
    def changes(self) -> list[str]:
        """The material changes in words, naming the articles: only the few edges an
        explanation spells out need them."""
        return _changes_text(self.found, self.short, self.long)


# -- matching ----------------------------------------------------------------------------
def _candidates(quotes: list[_Quote], qm: QuoteMatching) -> list[tuple[int, int]]:
    """Pairs of quotes (from different articles) worth aligning: sharing ``min_shared`` stems.

    A stem found in very many quotes is not used, except as one of a quote's ``min_shared``
    rarest stems (so a statement quoted everywhere is still found); each quote keeps its
    ``max_partners`` best partners (most stems shared, then first in order), which bounds the
    work on large corpora.

    Quotes with the same stems (one statement carried by many articles) are counted as one:
    the stems shared are counted between distinct sets of stems, and each quote then takes its
    partners from the ranked quotes of those sets.  The pairs are those of counting every quote
    against every other; the work grows with the distinct wordings, not with the quotes.
    """
    index: dict[str, int] = defaultdict(int)  # stem -> quotes holding it
    contents = [q.content() for q in quotes]
    for content in contents:
        for stem in content:
            index[stem] += 1
    cap = max(qm.min_stem_df, int(qm.max_stem_share * len(quotes)))
    group_of: dict[frozenset[str], int] = {}
    members: list[list[int]] = []  # group -> its quotes, in order
    for i, content in enumerate(contents):
        key = frozenset(content)
        g = group_of.get(key)
        if g is None:
            g = group_of[key] = len(members)
            members.append([])
        members[g].append(i)
    probe: dict[str, list[int]] = defaultdict(list)  # stem -> groups posted under it
    probed: list[list[str]] = []
    for g, held in enumerate(members):
        stems = sorted(contents[held[0]], key=lambda st: (index[st], st))
        mine = [stem for k, stem in enumerate(stems) if k < qm.min_shared or index[stem] <= cap]
        for stem in mine:
            probe[stem].append(g)
        probed.append(mine)
    articles = [q.claim.article for q in quotes]
    pairs = set()
    for g, held in enumerate(members):
        shared: Counter[int] = Counter()
        for stem in probed[g]:
            shared.update(probe[stem])
        by_count: dict[int, list[int]] = defaultdict(list)
        for h, n in shared.items():
            if n >= qm.min_shared:
                by_count[n].append(h)
        ranked = _ranked(by_count, members)
        taken: list[int] = []  # the ranked quotes listed so far: partners of every quote of the group
        for i in held:
            found = 0
            k = 0
            while found < qm.max_partners:
                if k == len(taken):
                    j = next(ranked, None)
                    if j is None:
                        break
                    taken.append(j)
                j = taken[k]
                k += 1
                if j != i and articles[j] != articles[i]:
                    pairs.add((min(i, j), max(i, j)))
                    found += 1
    return sorted(pairs)


def _ranked(by_count: dict[int, list[int]], members: list[list[int]]):
    """Quotes of the groups, most stems shared first, then in order: ``sorted((-n, j))``."""
    for n in sorted(by_count, reverse=True):
        groups = by_count[n]
        if len(groups) == 1:
            yield from members[groups[0]]
        else:
            yield from heapq.merge(*(members[h] for h in groups))


def _align(s: _Quote, a: tuple[int, int], b: _Quote) -> tuple[int, int, float]:
    """The words of ``b`` aligned with the words ``a`` of ``s``, and the alignment score."""
    sent = " ".join(s.norm[a[0] : a[1]])
    al = fuzz.partial_ratio_alignment(sent, b.joined)
    if al is None:
        return 0, 0, 0.0
    if len(sent) > len(b.joined):
        w0, w1 = 0, len(b.norm)
    else:
        w0, w1 = b.word_at(al.dest_start), b.word_at(max(al.dest_start, al.dest_end - 1)) + 1
    n = a[1] - a[0]
    slack = n // 2 + 2
    lo, hi = max(0, w0 - slack), min(len(b.norm), w1 + slack)
    at = _occurrence(s.norm[a[0] : a[1]], b.norm, lo, hi)
    if at is not None:
        # The sentence is there word for word (a copied quote): difflib's one matching block,
        # the longest possible, at its first place; nothing to trim or widen.
        return at, at + n, al.score
    sm = difflib.SequenceMatcher(None, s.norm[a[0] : a[1]], b.norm[lo:hi], autojunk=False)
    blocks = [blk for blk in sm.get_matching_blocks() if blk.size > 0]
    # A stray short match far from the rest ("we" at the start of a longer sentence) is not
    # part of the passage: drop edge blocks whose gap in ``b`` is much wider than in ``s``.
    while len(blocks) >= 2:
        first, second = blocks[0], blocks[1]
        if first.size <= 2 and (second.b - first.b - first.size) > 2 * (second.a - first.a - first.size) + 4:
            blocks.pop(0)
            continue
        before, last = blocks[-2], blocks[-1]
        if last.size <= 2 and (last.b - before.b - before.size) > 2 * (last.a - before.a - before.size) + 4:
            blocks.pop()
            continue
        break
    if blocks:
        first, last = blocks[0], blocks[-1]
        r0 = _extend(b, lo + first.b, first.a, -1)
        r1 = _extend(b, lo + last.b + last.size, n - last.a - last.size, +1)
    else:
        r0, r1 = w0, w1
    return r0, r1, al.score


def _occurrence(words: list[str], within: list[str], lo: int, hi: int) -> int | None:
    """The first index in ``within[lo:hi]`` where ``words`` occur in a row, else None."""
    n = len(words)
    if n == 0:
        return None
    first = words[0]
    k = lo
    while k + n <= hi:
        try:
            k = within.index(first, k, hi - n + 1)
        except ValueError:
            return None
        if within[k : k + n] == words:
            return k
        k += 1
    return None


def _extend(b: _Quote, at: int, missing: int, step: int) -> int:
    """Widen an aligned passage by the words the other version has there: to the nearest clause
    boundary ("In fact, |the events that have taken place have become| a turning point") when
    it is near, else by as many words as are missing."""
    if missing <= 0:
        return at
    value = str(b.claim.value)
    limit = 2 * missing + 2
    pos = at
    for k in range(1, limit + 1):
        if step < 0:
            if pos == 0:
                return 0
            gap = value[b.spans[pos - 1][1] : b.spans[pos][0]] if pos < len(b.spans) else ""
            if re.search(r"[,.;:!?()—–]", gap):
                return pos
            pos -= 1
        else:
            if pos >= len(b.spans):
                return len(b.spans)
            gap = value[b.spans[pos - 1][1] : b.spans[pos][0]] if pos > 0 else ""
            if re.search(r"[,.;:!?()—–]", gap):
                return pos
            pos += 1
    return max(0, min(len(b.spans), at + step * missing))


def _match(s: _Quote, b: _Quote, qm: QuoteMatching) -> list[_Piece]:
    pieces = []
    for a in s.sentences:
        if a[1] - a[0] < qm.min_sentence_words:
            continue
        r0, r1, partial = _align(s, a, b)
        if r1 <= r0:
            continue
        left, right = " ".join(s.norm[a[0] : a[1]]), " ".join(b.norm[r0:r1])
        wording = fuzz.ratio(left, right)
        score = max(partial, wording, fuzz.token_set_ratio(left, right))
        shared = s.content(*a) & b.content(r0, r1)
        need = min(qm.min_shared, len(s.content(*a)))
        if score >= qm.same_statement and len(shared) >= need:
            pieces.append(_Piece(a, (r0, r1), round(score, 1), round(wording, 1)))
    return pieces


def _fmt(value: float) -> str:
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,}"


def _changes(edge_pieces: list[_Piece], s: _Quote, b: _Quote, qm: QuoteMatching) -> list[tuple]:
    """What changed between the aligned passages, from the words alone (no article named), so
    that it is worked out once for a pair of wordings however many articles carry them."""
    changes: list[tuple] = []
    for p in edge_pieces:
        nl, nr = s.numbers_in(*p.a), b.numbers_in(*p.b)
        if nl != nr:
            changes.append(("numbers", tuple(sorted((nl - nr).elements())), tuple(sorted((nr - nl).elements()))))
        neg_l = [w for w, n in zip(s.norm[p.a[0] : p.a[1]], s.negations[p.a[0] : p.a[1]]) if n]
        neg_r = [w for w, n in zip(b.norm[p.b[0] : p.b[1]], b.negations[p.b[0] : p.b[1]]) if n]
        if len(neg_l) != len(neg_r):
            short_has_more = len(neg_l) > len(neg_r)
            changes.append(("negation", short_has_more, tuple(neg_l if short_has_more else neg_r)))
        if p.wording < qm.same_wording:
            changes.append(("wording", p.wording, qm.same_wording))
    return changes


def _changes_text(changes: list[tuple], s: _Quote, b: _Quote) -> list[str]:
    out = []
    for change in changes:
        if change[0] == "numbers":
            _, only_l, only_r = change
            out.append(f"the numbers differ: {', '.join(map(_fmt, only_l)) or 'none'} in "
                       f"{s.claim.article}, {', '.join(map(_fmt, only_r)) or 'none'} in {b.claim.article}")
        elif change[0] == "negation":
            _, short_has_more, words = change
            more, fewer = (s, b) if short_has_more else (b, s)
            out.append(f"a negation ('{', '.join(words)}') in {more.claim.article} is missing in "
                       f"{fewer.claim.article}: the statement says the opposite")
        else:
            out.append(f"the wording differs (similarity {change[1]:.0f}%, below {change[2]:.0f}%)")
    return list(dict.fromkeys(out))


def _diff(s: _Quote, a: tuple[int, int], b: _Quote, r: tuple[int, int]) -> str:
    """What changed, word by word: "'300' became '3,000'; 'we' removed"."""
    left, right = s.norm[a[0] : a[1]], b.norm[r[0] : r[1]]
    sm = difflib.SequenceMatcher(None, left, right, autojunk=False)
    parts = []
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        old, new = s.text(a[0] + i1, a[0] + i2), b.text(r[0] + j1, r[0] + j2)
        if op == "replace":
            parts.append(f"'{old}' became '{new}'")
        elif op == "delete":
            parts.append(f"'{old}' left out")
        elif op == "insert":
            parts.append(f"'{new}' added")
    return "; ".join(parts) if parts else "no word changed"


# -- findings ----------------------------------------------------------------------------
def compare_quotes(claims: list[Claim], vocab: CompiledRules | None = None) -> list[Finding]:
    """Findings on quotes (``kind == "quote"``) across articles; ids are left empty."""
    vocab = vocab or _builtin_vocab()
    qm = QuoteMatching.from_vocab(vocab)
    sv = SpeakerVocabulary.from_vocab(vocab)
    # A quote's words, and what two wordings have in common, depend on the wordings alone: a
    # statement carried word for word by many articles is prepared and aligned once.
    prepared: dict[str, int] = {}  # wording -> its number
    first: list[_Quote] = []  # per wording: its quote, prepared
    quotes: list[_Quote] = []
    wording_of: list[int] = []  # per quote
    for c in sorted((c for c in claims if c.kind == "quote" and c.value), key=lambda c: (c.article, c.offset, c.id)):
        value = str(c.value)
        w = prepared.get(value)
        if w is None:
            w = prepared[value] = len(first)
            first.append(_Quote.of(c, qm, vocab))
            quotes.append(first[w])
        else:
            quotes.append(replace(first[w], claim=c))
        wording_of.append(w)
    matched: dict[tuple[int, int], tuple[list[_Piece], float, list[tuple]]] = {}
    edges: list[_Edge] = []
    # the shorter quote (then the first article) of a pair is the one aligned within the other
    side = [(len(q.norm), q.claim.article) for q in quotes]
    for i, j in _candidates(quotes, qm):
        if side[i] > side[j]:
            i, j = j, i
        s, b = quotes[i], quotes[j]
        key = (wording_of[i], wording_of[j])
        known = matched.get(key)
        if known is None:
            pieces = _match(s, b, qm)
            wording = 0.0
            if pieces:
                total = sum(p.a[1] - p.a[0] for p in pieces)
                wording = round(sum(p.wording * (p.a[1] - p.a[0]) for p in pieces) / total, 1)
            known = matched[key] = (pieces, wording, _changes(pieces, s, b, qm) if pieces else [])
        pieces, wording, changes = known
        if not pieces:
            continue
        edges.append(_Edge(s, b, pieces, wording, changes))
    edges = _drop_enclosing(edges)
    roles_of = _roles_of(quotes, sv)

    parent = list(range(len(quotes)))
    pos = {id(q): k for k, q in enumerate(quotes)}

    def find(k: int) -> int:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for e in edges:
        ra, rb = find(pos[id(e.short)]), find(pos[id(e.long)])
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    by_root: dict[int, list[_Edge]] = defaultdict(list)
    for e in edges:
        by_root[find(pos[id(e.short)])].append(e)

    findings: list[Finding] = []
    for root in sorted(by_root):
        findings.extend(_statement_findings(by_root[root], qm, sv, roles_of))
    findings.sort(key=lambda f: (VERDICT_ORDER.get(f.verdict, 9), f.topic, f.property or "", f.claims))
    return findings


def _span_of(q: _Quote) -> tuple[int, int]:
    return q.claim.offset, q.claim.offset + len(q.claim.text)


def _drop_enclosing(edges: list[_Edge]) -> list[_Edge]:
    """A quote matching both a statement reported inside a quote and that whole quote keeps the
    inner match: "Zas: the heads of state noted that ..." is theirs, not Zas's."""
    partners: dict[int, list[_Quote]] = defaultdict(list)
    for e in edges:
        partners[id(e.short)].append(e.long)
        partners[id(e.long)].append(e.short)

    def encloses(outer: _Quote, inner: _Quote) -> bool:
        if inner is outer or inner.claim.article != outer.claim.article:
            return False
        o0, o1 = _span_of(outer)
        i0, i1 = _span_of(inner)
        return o0 <= i0 and i1 <= o1 and (i1 - i0) < (o1 - o0)

    by_article: dict[str, list[_Quote]] = defaultdict(list)
    for e in edges:
        for q in (e.short, e.long):
            by_article[q.claim.article].append(q)
    outers = set()
    for qs in by_article.values():
        qs = sorted({id(q): q for q in qs}.values(), key=lambda q: (_span_of(q)[0], -_span_of(q)[1]))
        reach, holder = -1, None
        for q in qs:
            if holder is not None and _span_of(q)[1] <= reach:
                outers.add(id(holder))
            if _span_of(q)[1] > reach:
                reach, holder = _span_of(q)[1], q
    if not outers:
        return edges
    keep = []
    for e in edges:
        if id(e.short) not in outers and id(e.long) not in outers:
            keep.append(e)
            continue
        enclosed = any(encloses(e.long, z) for z in partners[id(e.short)]) or any(
            encloses(e.short, z) for z in partners[id(e.long)])
        if not enclosed:
            keep.append(e)
    return keep


def _roles_of(quotes: list[_Quote], sv: SpeakerVocabulary) -> dict[str, set[str]]:
    """Role key -> person keys, from attributions naming both ("CSTO Secretary-General Stanislav Zas")."""
    out: dict[str, set[str]] = defaultdict(set)
    for q in quotes:
        att = q.claim.attribution
        key = speaker_key(att, sv)
        if att and key and ":" not in key:
            rk = role_key(att, sv)
            if rk:
                out[rk].add(key)
    return out


def _label(att: str | None) -> str:
    return att if att else "no one named"


def _topic(edges: list[_Edge], qm: QuoteMatching) -> str:
    e = min(edges, key=lambda e: (e.short.claim.article, e.short.claim.offset, e.long.claim.article))
    p = e.pieces[0]
    words = e.short.words[p.a[0] : p.a[1]]
    text = e.short.text(p.a[0], min(p.a[1], p.a[0] + qm.topic_words))
    return f"\"{text}{'…' if len(words) > qm.topic_words else ''}\""


def _statement_findings(edges: list[_Edge], qm: QuoteMatching, sv: SpeakerVocabulary,
                        roles_of: dict[str, set[str]]) -> list[Finding]:
    members: dict[str, _Quote] = {}
    for e in edges:
        for q in (e.short, e.long):
            members[f"{q.claim.article}\x00{q.claim.offset:09d}\x00{q.claim.id}"] = q
    ordered = [members[k] for k in sorted(members)]
    ids = tuple(q.claim.id for q in ordered)
    rank = {claim_id: k for k, claim_id in reversed(list(enumerate(ids)))}  # ids.index, in one lookup
    articles = tuple(sorted({q.claim.article for q in ordered}))
    topic = _topic(edges, qm)
    out: list[Finding] = []

    # Speakers: a statement quoted by many articles names few speakers, each pair judged once.
    judged: dict[tuple[str | None, str | None], bool] = {}

    def compatible(a: str | None, b: str | None) -> bool:
        if (a, b) not in judged:
            judged[(a, b)] = speakers_compatible(a, b, sv, roles_of)
        return judged[(a, b)]

    clash = [e for e in edges if not compatible(e.short.claim.attribution, e.long.claim.attribution)]
    # Each quote joins the first group whose speaker is compatible with its own; labels never
    # change, so an attribution's group, once known, is the same for its later quotes.
    groups: list[tuple[str, list[_Quote]]] = []
    group_of: dict[str, int] = {}
    for q in ordered:
        att = q.claim.attribution
        if not att:  # no speaker named: a group of its own
            groups.append((_label(att), [q]))
            continue
        g = group_of.get(att)
        if g is None:
            g = next((k for k, (label, _) in enumerate(groups)
                      if label != "no one named" and compatible(att, label)), None)
            if g is None:
                groups.append((_label(att), [q]))
                if att != "no one named":  # a label that joins nothing: later quotes scan again
                    group_of[att] = len(groups) - 1
                continue
            group_of[att] = g
        groups[g][1].append(q)
    if clash:
        said = "; ".join(f"to {label} in {', '.join(sorted({q.claim.article for q in qs}))}"
                         for label, qs in groups if label != "no one named")
        pairs = sorted({f"{e.short.claim.article} vs {e.long.claim.article}" for e in clash})
        involved = sorted({q.claim.id for e in clash for q in (e.short, e.long)}, key=rank.__getitem__)
        e = min(clash, key=lambda e: (e.short.claim.article, e.long.claim.article, e.short.claim.offset))
        p = e.pieces[0]
        explanation = (f"the same statement is attributed {said}. {e.short.claim.article} quotes "
                       f"{_label(e.short.claim.attribution)}: \"{e.short.text(*p.a)}\"; {e.long.claim.article} quotes "
                       f"{_label(e.long.claim.attribution)}: \"{e.long.text(*p.b)}\" (compared: {', '.join(pairs[:MAX_PAIRS_SHOWN])}"
                       f"{f' and {len(pairs) - MAX_PAIRS_SHOWN} more' if len(pairs) > MAX_PAIRS_SHOWN else ''})")
        out.append(Finding(verdict="discrepancy", kind="quote", topic=topic, claims=tuple(involved),
                           articles=tuple(sorted({e.short.claim.article for e in clash} |
                                                 {e.long.claim.article for e in clash})),
                           property="speaker", explanation=explanation))

    # Wording.  Without a speaker on both sides, only a near-certain match is the same statement:
    # two people thanking "our allies for timely assistance" need not be one quote reworded.
    def certain(e) -> bool:  # noqa: ANN001
        if e.short.claim.attribution and e.long.claim.attribution:
            return True
        return min(p.score for p in e.pieces) >= qm.same_statement_unattributed

    changed = [e for e in edges if e.changed and certain(e)]
    edges = [e for e in edges if not e.changed or certain(e)]
    if not edges:
        return out
    if changed:
        parts = []
        ordered_changed = sorted(changed, key=lambda e: (e.short.claim.article, e.long.claim.article, e.short.claim.offset))
        for e in ordered_changed[:MAX_PAIRS_SHOWN]:
            versions = []
            for p in e.pieces:
                diff = _diff(e.short, p.a, e.long, p.b)
                if diff != "no word changed" or len(e.pieces) == 1:
                    versions.append(f"{e.short.claim.article} has \"{e.short.text(*p.a)}\" and {e.long.claim.article} "
                                    f"has \"{e.long.text(*p.b)}\" ({diff})")
            parts.append("; ".join(versions) + ": " + "; ".join(e.changes) + ".")
        if len(ordered_changed) > MAX_PAIRS_SHOWN:
            parts.append(f"({len(ordered_changed) - MAX_PAIRS_SHOWN} more pairs of versions differ.)")
        involved = sorted({q.claim.id for e in changed for q in (e.short, e.long)}, key=rank.__getitem__)
        worst = min(e.wording for e in changed)
        agree = [e for e in edges if not e.changed]
        tail = ""
        if agree:
            tail = " The wording agrees between " + "; ".join(
                sorted({" and ".join(sorted((e.short.claim.article, e.long.claim.article))) for e in agree})) + "."
        out.append(Finding(verdict="discrepancy", kind="quote", topic=topic, claims=tuple(involved),
                           articles=tuple(sorted({e.short.claim.article for e in changed} |
                                                 {e.long.claim.article for e in changed})),
                           property="wording", explanation="the quoted wording differs. " + " ".join(parts) + tail,
                           difference=round(100 - worst, 1)))
    if out:
        return out
    speaker = next((label for label, _ in groups if label != "no one named"), None)
    worst = min(e.wording for e in edges)
    minor = [(e, p) for e in edges for p in e.pieces if p.wording < 100]
    note = ""
    if minor:
        e, p = min(minor, key=lambda t: (t[1].wording, t[0].short.claim.article, t[0].long.claim.article))
        note = f"; smallest similarity {worst:.0f}% ({e.short.claim.article} vs {e.long.claim.article}: " \
               f"{_diff(e.short, p.a, e.long, p.b)})"
    explanation = (f"{', '.join(articles)} quote the same statement" + (f" by {speaker}" if speaker else "") +
                   f" in nearly the same words{note}")
    return [Finding(verdict="agreement", kind="quote", topic=topic, claims=ids, articles=articles,
                    explanation=explanation)]
