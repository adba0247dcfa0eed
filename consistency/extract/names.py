"""Names of people, places and organisations, and reconciling their spellings across sources.

A name is a run of capitalised words (with "of", "on", "and" ... inside, as in "Committee on
CIS Affairs").  Aliases from ``rules/names.toml`` map abbreviations and former names to one
canonical name ("Alma-Ata" → "Almaty", "CSTO" → "Collective Security Treaty Organization");
people are grouped by surname, with rapidfuzz reconciling transliterations of the surname
and the given names ("Kassym-Zhomart" / "Kassym-Jomart").
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from rapidfuzz import fuzz, process

from consistency.claims import Claim
from consistency.vocabulary import alternation

if TYPE_CHECKING:
    from consistency.articles import Article
    from consistency.extract.pipeline import ClaimBuilder
    from consistency.vocabulary import CompiledRules

_WORD = r"[A-Z][\w'’.-]*[\w]|[A-Z]"


class NameRules:
    def __init__(self, rules: dict) -> None:
        self.matching = rules.get("matching", {})
        self.alias_to_canonical: dict[str, str] = {}
        for canonical, variants in rules.get("aliases", {}).items():
            for name in (canonical, *variants):
                self.alias_to_canonical[name.lower()] = canonical
        self.countries = {c.lower() for c in rules.get("countries", {}).get("names", [])}
        self.org_words = {w.lower() for w in rules.get("organisations", {}).get("organisation_words", [])}
        self.titles = sorted(rules.get("people", {}).get("titles", []), key=len, reverse=True)
        self.title_words = {w.lower().rstrip(".") for t in self.titles for w in t.split()}
        self.document_words = {w.lower() for w in rules.get("organisations", {}).get("document_words", [])}
        self.not_names = {w.lower() for w in rules.get("sentence_starts", {}).get("not_names", [])}

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        connectors = r"(?:of|on|for|and|the|de|al|bin|van|von|der|du|la|le)"
        return re.compile(rf"(?<![\w'’-])(?:{_WORD})(?:(?:\s+{connectors})*\s+(?:{_WORD})){{0,7}}")

    @cached_property
    def title_re(self) -> re.Pattern[str]:
        return re.compile(rf"^(?:(?:{alternation(self.titles)})\.?\s+)+", re.IGNORECASE) if self.titles else re.compile(r"(?!)")

    def canonical(self, name: str) -> str | None:
        return self.alias_to_canonical.get(name.lower())

    def kind(self, name: str) -> str:
        canonical = self.canonical(name) or name
        if canonical.lower() in self.countries:
            return "country"
        words = canonical.split()
        # The last word decides: "Collective Security Treaty" is a document, "... Treaty Organization" is not.
        if words[-1].lower() in self.document_words:
            return "document"
        if any(w.lower() in self.org_words for w in words) or re.fullmatch(r"[A-Z]{2,6}", name):
            return "organisation"
        if self.canonical(name):
            return "place"
        if any(w.lower().rstrip(".") in self.title_words for w in words):
            return "other"  # a role ("CSTO Secretary General"), not a person's name
        if 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words):
            return "person"
        return "other"


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str


def find_mentions(text: str, names: NameRules) -> list[Mention]:
    """Capitalised name runs, with sentence-initial function words and titles stripped."""
    found: list[Mention] = []
    for m in names.pattern.finditer(text):
        start, name = m.start(), m.group()
        words = name.split()
        while words and words[0].lower().rstrip(".,") in names.not_names:
            start += len(words[0]) + (text[start + len(words[0]) :].find(words[1]) if len(words) > 1 else 0)
            words = words[1:]
            name = " ".join(words)
        if not words:
            continue
        # Keep the exact slice of text (spaces as written).
        start = text.find(words[0], start)
        end = m.end()
        while text[end - 1] in ".'’" and end > start:
            end -= 1
        found.append(Mention(start, end, text[start:end]))
    return found


def strip_title(name: str, names: NameRules) -> str:
    return names.title_re.sub("", name).strip()


_CONNECTORS = {"of", "on", "for", "and", "the", "de"}


def split_mention(text: str, names: NameRules) -> list[tuple[int, str]]:
    """Pieces of a name run: "President of Kazakhstan Kassym-Zhomart Tokayev" holds a country and a person.

    Returns (offset in ``text``, piece) pairs.
    """
    tokens = [(m.start(), m.group()) for m in re.finditer(r"\S+", text)]
    def is_marker(word: str) -> bool:
        w = word.lower().rstrip(".,")
        return (w in names.title_words or w in _CONNECTORS or w in names.countries or w in names.org_words
                or names.canonical(word) is not None or w in names.document_words)
    last = max((i for i, (_, w) in enumerate(tokens) if is_marker(w)), default=-1)
    tail = tokens[last + 1 :]
    after_title = last >= 0 and tokens[last][1].lower().rstrip(".") in names.title_words
    if last < 0 or not (2 <= len(tail) <= 3 or (len(tail) == 1 and after_title)):
        return [(0, text)]
    pieces = [(tail[0][0], text[tail[0][0] :])]
    head = tokens[: last + 1]
    # Countries and known names inside the head stand on their own ("of Kazakhstan").
    for offset, word in head:
        clean = word.rstrip(".,")
        if clean.lower() in names.countries or names.canonical(clean):
            pieces.append((offset, clean))
    words_only = [w for _, w in head if w.lower().rstrip(".") not in names.title_words and w.lower() not in _CONNECTORS]
    if any(w.lower() in names.org_words for w in words_only):
        start = next(o for o, w in head if w.lower().rstrip(".") not in names.title_words and w.lower() not in _CONNECTORS)
        end_word = head[-1]
        piece = text[start : end_word[0] + len(end_word[1])]
        if piece not in [p for _, p in pieces]:
            pieces.append((start, piece))
    return sorted(pieces)


def extract_names(article: "Article", vocab: "CompiledRules", builder: "ClaimBuilder") -> list[Claim]:
    names = vocab.names
    claims: list[Claim] = []
    for sentence in vocab.splitter.split(article.text):
        for whole in find_mentions(sentence.text, names):
          for piece_offset, piece in split_mention(whole.text, names):
            mention = Mention(whole.start + piece_offset, whole.start + piece_offset + len(piece), piece)
            bare = strip_title(mention.text, names)
            if not bare or bare.lower() in names.title_words:
                continue
            # A single capitalised word that opens a sentence is usually not a name.
            at_start = sentence.text[: mention.start].strip() == "" or sentence.text[: mention.start].rstrip()[-1:] in "\"'("
            kind = names.kind(bare)
            if kind == "other" and len(bare.split()) == 1 and whole.text != piece and not at_start:
                kind = "person"  # "President Tokayev": a surname after a title
            if kind == "other" and (len(bare.split()) == 1 and (at_start or not names.canonical(bare))):
                continue
            offset = sentence.start + mention.start + (len(mention.text) - len(mention.text.lstrip()))
            shift = mention.text.find(bare)
            text, line, col_start, col_end = builder.span(sentence.start + mention.start + shift,
                                                          sentence.start + mention.start + shift + len(bare))
            canonical = names.canonical(bare)
            rule = f"alias of '{canonical}'" if canonical else "capitalised name"
            if kind == "person":
                # Two capitalised words may be a place ("Port Ellis") as well as a person: a title
                # before the name, or a speech verb after it, is the evidence that it is a person.
                before = sentence.text[max(0, mention.start - 40) : mention.start]
                after = sentence.text[mention.end : mention.end + 30]
                if whole.text != piece and names.title_words & {w.lower().rstrip(".,") for w in whole.text.split()}:
                    rule = "person (title)"
                elif names.title_words & {w.lower().rstrip(".,") for w in before.split()[-4:]}:
                    rule = "person (title before)"
                elif vocab.attribution_verbs.match(after) or vocab.attribution_verbs.search(before[-12:]):
                    rule = "person (speaker)"
            claims.append(
                Claim(
                    article=article.id, kind="name", text=text, sentence=sentence.text, line=line, start=col_start,
                    end=col_end, value=canonical or bare, low=None, high=None, qualifier="exact", unit=kind,
                    measure=None, property=None, owner=None, attribution=None, rule=rule, offset=offset,
                )
            )
    return claims


# -- reconciling across sources ---------------------------------------------------------
@dataclass(frozen=True)
class NameCluster:
    canonical: str
    kind: str
    spellings: dict[str, tuple[str, ...]]  # spelling -> article ids
    claims: tuple[str, ...]  # claim ids: the first mention of each spelling in each article


def _surname(name: str) -> str:
    return name.split()[-1].lower()


def cluster_names(claims: list[Claim], names: NameRules) -> list[NameCluster]:
    """Group name claims that denote one entity; people by surname, others by canonical name."""
    surname_min = float(names.matching.get("person_surname_min_score", 85))
    given_min = float(names.matching.get("person_given_min_score", 70))
    name_min = float(names.matching.get("name_min_score", 92))
    groups: list[list[Claim]] = []
    people: list[list[Claim]] = []
    by_value: dict[str, list[Claim]] = defaultdict(list)
    person_claims = [c for c in claims if c.unit == "person"]
    for c in claims:
        if c.unit != "person":
            by_value[str(c.value).lower()].append(c)
    # People: full names define the clusters; a bare surname joins its cluster: the first
    # cluster (in order of creation) whose surname and given names are close enough.  Clusters
    # are blocked by surname: only those whose surname scores high enough are looked at, and a
    # value, once placed, places every later claim of the same value (a cluster's reference
    # never changes), so the work grows with distinct names, not with mentions times clusters.
    by_surname = _Similar(surname_min)
    clusters_of: dict[str, list[int]] = defaultdict(list)  # reference surname -> cluster indices
    given_of: list[str] = []  # cluster index -> its reference's given names, lower-cased ("": none)
    placed_value: dict[str, int] = {}
    for c in sorted(person_claims, key=lambda c: (-len(str(c.value).split()), c.article, c.offset)):
        value = str(c.value)
        index = placed_value.get(value)
        if index is None:
            words = value.split()
            surname, given = words[-1].lower(), " ".join(words[:-1]).lower()
            # Every cluster of a reference surname shares the surname's score: scored once.
            close = [s for s in by_surname.near(surname) if fuzz.ratio(surname, s) >= surname_min]
            for i in sorted(i for s in close for i in clusters_of[s]):
                if given and given_of[i] and fuzz.ratio(given, given_of[i]) < given_min:
                    continue
                index = i
                break
            if index is None:
                index = len(people)
                people.append([])
                given_of.append(given)
                if surname not in clusters_of:
                    by_surname.add(surname)
                clusters_of[surname].append(index)
        people[index].append(c)
        placed_value[value] = index
    groups.extend(people)
    # Others: the same canonical value, or a near-identical spelling: a key joins the first
    # earlier key (in sorted order) that has not joined another and scores high enough.
    keys = sorted(by_value)
    merged: dict[str, str] = {}
    roots = _Similar(name_min)
    position: dict[str, int] = {}
    for i, key in enumerate(keys):
        if len(key) > 6:
            for other in sorted(roots.near(key), key=position.__getitem__):
                if fuzz.ratio(key, other) >= name_min:
                    merged[key] = other
                    break
        if key not in merged:
            position[key] = i
            roots.add(key)
    combined: dict[str, list[Claim]] = defaultdict(list)
    for key in keys:
        combined[merged.get(key, key)].extend(by_value[key])
    groups.extend(combined[k] for k in sorted(combined))

    clusters = []
    for group in groups:
        first: dict[tuple[str, str], Claim] = {}  # (spelling, article) -> its first mention
        for c in group:
            key = (c.text, c.article)
            held = first.get(key)
            if held is None or c.offset < held.offset:
                first[key] = c
        spellings: dict[str, set[str]] = defaultdict(set)
        for text, article in first:
            spellings[text].add(article)
        values = Counter(str(c.value) for c in group)
        # The canonical name: an alias table entry, else the longest most-used form.
        canonical = max(values, key=lambda v: (names.canonical(v) == v, len(v.split()), values[v], v))
        clusters.append(
            NameCluster(
                canonical=canonical,
                kind=group[0].unit or "other",
                spellings={s: tuple(sorted(a)) for s, a in sorted(spellings.items())},
                claims=tuple(sorted({c.id for c in first.values()}, key=lambda i: (len(i), i))),
            )
        )
    return clusters


def canonical_speaker(speaker: str | None, clusters: list[NameCluster], names: NameRules) -> str | None:
    """The canonical name of a person or organisation named in an attribution."""
    if not speaker:
        return speaker
    bare = strip_title(speaker, names)
    alias = names.canonical(bare)
    if alias:
        return alias
    surname_min = float(names.matching.get("person_surname_min_score", 85))
    words = bare.split()
    if words and words[-1][:1].isupper():
        index = _person_index(clusters, surname_min)
        surname = words[-1].lower()
        found = index.first(surname)
        if found is not None:
            return clusters[found].canonical
    return speaker


class _Similar:
    """Strings, and those among them that ``fuzz.ratio`` scores at least ``min_score`` against
    a query: a candidate filter (rapidfuzz's C loop over the distinct strings, bucketed by
    length, since a ratio of s% needs lengths within a factor of 200/s - 1); callers check the
    exact score again."""

    def __init__(self, min_score: float) -> None:
        self.min_score = min_score
        self.by_length: dict[int, list[str]] = defaultdict(list)
        self.factor = (200.0 / min_score - 1.0) if min_score > 0 else None

    def add(self, text: str) -> None:
        self.by_length[len(text)].append(text)

    def near(self, query: str) -> list[str]:
        if self.factor is None:
            return [t for group in self.by_length.values() for t in group]
        n = len(query)
        low, high = int(n / self.factor) - 1, int(n * self.factor) + 1
        choices = [t for length, group in self.by_length.items() if low <= length <= high for t in group]
        if not choices:
            return []
        hits = process.extract(query, choices, scorer=fuzz.ratio, processor=None, limit=None,
                               score_cutoff=max(0.0, self.min_score - 0.5))
        return [choice for choice, _, _ in hits]


class _PersonIndex:
    """The first person cluster whose canonical surname scores high enough against a surname."""

    def __init__(self, clusters: list[NameCluster], min_score: float) -> None:
        self.clusters = clusters
        self.min_score = min_score
        self.similar = _Similar(min_score)
        self.at: dict[str, list[int]] = defaultdict(list)
        for i, cluster in enumerate(clusters):
            if cluster.kind == "person":
                surname = _surname(cluster.canonical)
                if surname not in self.at:
                    self.similar.add(surname)
                self.at[surname].append(i)
        self.memo: dict[str, int | None] = {}

    def first(self, surname: str) -> int | None:
        if surname not in self.memo:
            candidates = sorted(i for s in self.similar.near(surname) for i in self.at[s])
            self.memo[surname] = next(
                (i for i in candidates if fuzz.ratio(surname, _surname(self.clusters[i].canonical)) >= self.min_score),
                None)
        return self.memo[surname]


_PERSON_INDEXES: dict[int, tuple[list[NameCluster], float, _PersonIndex]] = {}


def _person_index(clusters: list[NameCluster], min_score: float) -> _PersonIndex:
    """One index per list of clusters (check() asks once per attribution with the same list)."""
    held = _PERSON_INDEXES.get(id(clusters))
    if held is None or held[0] is not clusters or held[1] != min_score:
        _PERSON_INDEXES.clear()
        held = (clusters, min_score, _PersonIndex(clusters, min_score))
        _PERSON_INDEXES[id(clusters)] = held
    return held[2]


def _members(cluster: NameCluster, by_id: dict[str, Claim], ids_by_text: dict[str, set[str]],
             ids_by_value: dict[object, set[str]]) -> set[str]:
    """All claim ids of a cluster's entity (the cluster keeps one per spelling and article)."""
    reps = {by_id[i].value for i in cluster.claims if i in by_id}
    out: set[str] = set()
    for text in cluster.spellings:
        out |= ids_by_text.get(text, set())
    for value in reps:
        out |= ids_by_value.get(value, set())
    return out


def name_findings(claims: list[Claim], names: NameRules, clusters: list[NameCluster] | None = None) -> list:
    """One finding per entity that sources spell in more than one way (``clusters``: those of
    ``cluster_names`` over the same name claims, when the caller has them already)."""
    from consistency.compare import Finding

    findings = []
    by_id = {c.id: c for c in claims}
    evidence = {c.id for c in claims if c.kind == "name" and c.rule.startswith("person (")}
    ids_by_text: dict[str, set[str]] = defaultdict(set)
    ids_by_value: dict[object, set[str]] = defaultdict(set)
    for c in claims:
        if c.kind == "name":
            ids_by_text[c.text].add(c.id)
            ids_by_value[c.value].add(c.id)
    if clusters is None:
        clusters = cluster_names([c for c in claims if c.kind == "name"], names)
    for cluster in clusters:
        if cluster.kind == "other":
            continue  # roles and loose capitalised phrases: their spelling is no news
        if cluster.kind == "person" and not (_members(cluster, by_id, ids_by_text, ids_by_value) & evidence):
            continue  # two capitalised words never seen as a person: maybe a place
        # Spellings that differ only in case, spaces or hyphens are the same spelling.
        seen: dict[str, str] = {}
        for spelling in cluster.spellings:
            seen.setdefault(re.sub(r"[\W_]+", "", spelling.casefold()), spelling)
        if len(seen) < 2:
            continue
        # A bare surname next to full names is a short form, not another spelling.
        full = {s: a for s, a in cluster.spellings.items()
                if not any(o != s and o.endswith(" " + s) for o in cluster.spellings)}
        if len(full) < 2:
            continue
        articles = tuple(sorted({a for arts in full.values() for a in arts}))
        if len(articles) < 2:
            continue
        said = "; ".join(f"'{s}' ({', '.join(a)})" for s, a in full.items())
        findings.append(
            Finding(
                verdict="agreement", kind="name", topic=f"{cluster.canonical} ({cluster.kind})",
                claims=cluster.claims, articles=articles, unit=cluster.kind, property=None, owner=None,
                explanation=f"one {cluster.kind}, spelled {len(full)} ways: {said}",
            )
        )
    return findings
