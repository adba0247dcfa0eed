"""Lists of names a sentence asserts as a whole, and comparing them across sources.

"The CSTO includes Russia, Kazakhstan, Armenia, Belarus, Kyrgyzstan and Tajikistan" is a set
claim: topic `members`, owner CSTO, the six countries, complete.  "including Russia and
Belarus" is partial.  "All members sent troops" stands for the members list and is expanded
against it when compared.  Vocabulary: ``rules/sets.toml`` and the names in ``rules/names.toml``.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import TYPE_CHECKING

from consistency.claims import Claim
from consistency.extract.context import owner_near
from consistency.extract.names import find_mentions, strip_title
from consistency.vocabulary import CueSet, alternation

if TYPE_CHECKING:
    from consistency.articles import Article
    from consistency.compare import Finding
    from consistency.extract.pipeline import ClaimBuilder
    from consistency.vocabulary import CompiledRules

_JOIN = re.compile(r"^(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)$")
_LAST_JOIN = re.compile(r"\b(?:and|or)\s+$")
_AND_OR = re.compile(r"(\s+(?:and|or)\s+)")


class SetRules:
    def __init__(self, rules: dict) -> None:
        self.topics = CueSet(rules.get("topics", {}))
        partial = rules.get("partial", {})
        self.partial_before = re.compile(rf"(?:{alternation(partial.get('before', []))})\s*:?\s*$", re.IGNORECASE) \
            if partial.get("before") else re.compile(r"(?!)")
        self.partial_after = re.compile(rf"^\s*,?\s*(?:{alternation(partial.get('after', []))})\b", re.IGNORECASE) \
            if partial.get("after") else re.compile(r"(?!)")
        universal = rules.get("universal", {})
        self.universal = re.compile(rf"\b(?:{alternation(universal.get('phrases', []))})\b", re.IGNORECASE) \
            if universal.get("phrases") else re.compile(r"(?!)")
        self.expand_from = universal.get("expand_from", "members")
        self.universal_topics = universal.get("topic_cues", {})
        limits = rules.get("limits", {})
        self.min_items = int(limits.get("min_items", 2))
        self.max_items = int(limits.get("max_items", 40))
        self.max_cue_distance = int(limits.get("max_cue_distance", 60))


def _lists(text: str, vocab: "CompiledRules") -> list[tuple[int, int, list[str]]]:
    """(start, end, names) of each run of names joined by commas and and/or."""
    names = vocab.names
    mentions = []
    for m in find_mentions(text, names):
        bare = strip_title(m.text, names)
        if not bare:
            continue
        start = m.start + m.text.find(bare)
        # "Kyrgyzstan and Tajikistan" reads as one name run; a list needs its items apart
        # (but "Bosnia and Herzegovina" is one country).
        parts = _AND_OR.split(bare)
        items = parts[0::2]
        if len(items) > 1 and bare.lower() not in names.countries and all(
            i.lower() in names.countries or names.canonical(i) for i in items
        ):
            pos = start
            for i, piece in enumerate(parts):
                if i % 2 == 0:
                    mentions.append((pos, pos + len(piece), piece))
                pos += len(piece)
        else:
            mentions.append((start, start + len(bare), bare))
    runs: list[list[tuple[int, int, str]]] = []
    for mention in mentions:
        if runs and _JOIN.match(text[runs[-1][-1][1] : mention[0]]):
            runs[-1].append(mention)
        else:
            runs.append([mention])
    out = []
    for run in runs:
        items = [names.canonical(n) or n for _, _, n in run]
        if len(items) < 2:
            continue
        # The last item must be joined by and/or: "Russia, Belarus" alone is not a list.
        if not _LAST_JOIN.search(text[run[-2][1] : run[-1][0]]):
            continue
        countries = sum(1 for i in items if i.lower() in names.countries)
        if len(items) == 2 and countries < 2:
            continue  # "Smith and Jones" is a pair of names, not a list a source asserts
        out.append((run[0][0], run[-1][1], items))
    return out


def extract_sets(article: "Article", vocab: "CompiledRules", builder: "ClaimBuilder") -> list[Claim]:
    rules: SetRules = vocab.sets
    claims: list[Claim] = []
    for sentence in vocab.splitter.split(article.text):
        s = sentence.text
        # A list ends with "and" or "or" and counts only after a topic cue: without both, its
        # names need not be read.
        topic_cues = rules.topics.find(s) if ("and" in s or "or" in s) else []
        for start, end, items in (_lists(s, vocab) if topic_cues else ()):
            if not (rules.min_items <= len(items) <= rules.max_items):
                continue
            cues = [c for c in topic_cues if c.end <= start and start - c.end <= rules.max_cue_distance]
            if not cues:
                continue
            cue = max(cues, key=lambda c: (c.end, c.end - c.start))
            between = s[cue.end : start]
            partial = bool(rules.partial_before.search(between)) or bool(rules.partial_after.match(s[end:]))
            owner = owner_near(vocab, s[:start], cue.start, cue.end) or _apposition_owner(vocab, s, cue.start)
            text, line, col_start, col_end = builder.span(sentence.start + start, sentence.start + end)
            claims.append(
                Claim(
                    article=article.id, kind="set", text=text, sentence=s, line=line, start=col_start, end=col_end,
                    value=sorted(set(items)), low=None, high=None, qualifier="partial" if partial else "complete",
                    unit=cue.name, measure=None, property=None, owner=owner, attribution=builder.attribution(s),
                    rule=f"list after cue '{s[cue.start:cue.end]}'" + (" (partial)" if partial else ""),
                    offset=sentence.start + start,
                )
            )
        for m in rules.universal.finditer(s):
            topic = next((t for t, cues in rules.universal_topics.items()
                          if any(re.search(rf"\b{re.escape(c)}\b", s, re.IGNORECASE) for c in cues)), None)
            if topic is None:
                continue
            owner = owner_near(vocab, s, m.start(), m.end())
            text, line, col_start, col_end = builder.span(sentence.start + m.start(), sentence.start + m.end())
            claims.append(
                Claim(
                    article=article.id, kind="set", text=text, sentence=s, line=line, start=col_start, end=col_end,
                    value=[], low=None, high=None, qualifier="all", unit=topic, measure=None, property=None,
                    owner=owner, attribution=builder.attribution(s),
                    rule=f"universal '{m.group()}' standing for the {rules.expand_from} list", offset=sentence.start + m.start(),
                )
            )
    return claims


def _apposition_owner(vocab: "CompiledRules", sentence: str, cue_start: int) -> str | None:
    """"the CSTO, an alliance of ...": the name just before the comma owns the list."""
    m = re.search(r"([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,4})\s*(?:\([^)]*\))?\s*,\s*(?:an?|the)?\s*$", sentence[:cue_start])
    if not m:
        return None
    return re.sub(r"^(?:The|A|An)\s+", "", m.group(1)) or None


# -- comparing ---------------------------------------------------------------------------
def _owner_ok(a: Claim, b: Claim, aliases: dict[str, str]) -> bool:
    from consistency.compare import owners_compatible

    if not a.owner or not b.owner:
        return True
    return owners_compatible(a.owner, b.owner, aliases, 90.0)


def expand_universal(claims: list[Claim], expand_from: str, aliases: dict[str, str]) -> dict[str, tuple[list[str], Claim]]:
    """For each "all members" claim: the list it stands for, and the claim that gave it."""
    lists = [c for c in claims if c.kind == "set" and c.unit == expand_from and c.qualifier == "complete"]
    out = {}
    for c in claims:
        if c.kind != "set" or c.qualifier != "all":
            continue
        candidates = [m for m in lists if _owner_ok(c, m, aliases)]
        # Prefer the article's own list, then the longest.
        candidates.sort(key=lambda m: (m.article != c.article, -len(m.value), m.id))
        if candidates:
            out[c.id] = (list(candidates[0].value), candidates[0])
    return out


def set_findings(claims: list[Claim], vocab: "CompiledRules") -> list["Finding"]:
    from consistency.compare import Finding

    aliases = vocab.entity_aliases
    sets = [c for c in claims if c.kind == "set"]
    expanded = expand_universal(sets, vocab.sets.expand_from, aliases)
    members = {c.id: (expanded[c.id][0] if c.id in expanded else list(c.value)) for c in sets}
    by_topic: dict[str, list[Claim]] = defaultdict(list)
    for c in sets:
        if c.qualifier == "all" and c.id not in expanded:
            continue
        by_topic[c.unit].append(c)
    findings: list[Finding] = []
    for topic in sorted(by_topic):
        group = sorted(by_topic[topic], key=lambda c: (c.article, c.offset))
        # Identical readings across articles agree.
        readings: dict[tuple, list[Claim]] = defaultdict(list)
        for c in group:
            readings[(tuple(sorted(members[c.id])), c.qualifier == "partial")].append(c)
        for (names, partial), same in sorted(readings.items()):
            articles = sorted({c.article for c in same})
            if len(articles) >= 2:
                findings.append(Finding(
                    verdict="agreement", kind="set", topic=_topic(topic, same),
                    claims=tuple(c.id for c in same), articles=tuple(articles), unit=topic,
                    explanation=f"{', '.join(articles)} list the same {len(names)}: {', '.join(names)}"
                                + (" (in a different order)" if len({_order(c) for c in same}) > 1 else ""),
                ))
        # Conflicting readings from different articles.
        keys = sorted(readings)
        for i, ka in enumerate(keys):
            for kb in keys[i + 1 :]:
                a_claims, b_claims = readings[ka], readings[kb]
                if not any(_owner_ok(x, y, aliases) and x.article != y.article for x in a_claims for y in b_claims):
                    continue
                conflict = _conflict(set(ka[0]), ka[1], set(kb[0]), kb[1])
                if conflict is None:
                    continue
                cited = sorted({c.id: c for c in [*a_claims, *b_claims]}.values(), key=lambda c: (c.article, c.offset))
                articles = tuple(sorted({c.article for c in cited}))
                if len(articles) < 2:
                    continue
                findings.append(Finding(
                    verdict="discrepancy", kind="set", topic=_topic(topic, cited),
                    claims=tuple(c.id for c in cited), articles=articles, unit=topic,
                    explanation=_explain(a_claims, b_claims, ka, kb, conflict, expanded),
                ))
        for c in group:
            if all(len({x.article for x in same}) < 2 for same in [readings[(tuple(sorted(members[c.id])), c.qualifier == "partial")]]) \
                    and not any(c.id in f.claims for f in findings):
                findings.append(Finding(
                    verdict="unique", kind="set", topic=_topic(topic, [c]), claims=(c.id,), articles=(c.article,),
                    unit=topic, explanation=f"only {c.article} lists {topic}: {', '.join(members[c.id])}",
                ))
    return findings


def _order(c: Claim) -> tuple[str, ...]:
    """The items in the order the article wrote them."""
    return tuple(sorted(c.value, key=lambda name: (c.text.find(name) if name in c.text else 10**6, name)))


def _topic(topic: str, claims: list[Claim]) -> str:
    owners = sorted({c.owner for c in claims if c.owner}, key=len)
    return f"{topic} — {owners[-1]}" if owners else topic


def _conflict(a: set[str], a_partial: bool, b: set[str], b_partial: bool) -> tuple[set[str], set[str]] | None:
    """(only in a, only in b) when the two lists cannot both be right, else None."""
    only_a, only_b = a - b, b - a
    if not only_a and not only_b:
        return None
    if a_partial and b_partial:
        return None  # two incomplete lists never contradict each other
    if a_partial:
        return (only_a, set()) if only_a else None  # a names something b's complete list excludes
    if b_partial:
        return (set(), only_b) if only_b else None
    return only_a, only_b


def _explain(a_claims, b_claims, ka, kb, conflict, expanded) -> str:  # noqa: ANN001
    def side(claims, key):  # noqa: ANN001
        arts = ", ".join(sorted({c.article for c in claims}))
        universal = [c for c in claims if c.qualifier == "all"]
        if universal:
            source = expanded[universal[0].id][1]
            return (f"{arts} says '{universal[0].text}' (which, with the members list of {source.article}, "
                    f"means {', '.join(key[0])})")
        kind = "partly list" if key[1] else "list"
        return f"{arts} {kind} {', '.join(key[0])}"

    only_a, only_b = conflict
    parts = [side(a_claims, ka), side(b_claims, kb)]
    diff = []
    for claims, only in ((a_claims, only_a), (b_claims, only_b)):
        if only:
            diff.append(f"only {', '.join(sorted({c.article for c in claims}))} include {', '.join(sorted(only))}")
    return "; ".join(parts) + ". " + "; ".join(diff)
