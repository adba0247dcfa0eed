"""Quoted statements and who made them.

Quotes are found on the normalised article text, not sentence by sentence (a quote often runs
over several sentences): double quote marks are paired line by line, a mark opening a quote
only after a space or an opening bracket and closing it only before a space or punctuation, so
an inch sign does not open one.  A paragraph that leaves a quote open continues it when the
next paragraph starts with a new opening mark (the convention for quotes over several
paragraphs); an unclosed mark otherwise gives nothing.  Passages shorter than
``[quotes] min_words`` are scare quotes or titles and are skipped.

The speaker comes, in this order, from the words after the quote (``," Zas said``, ``, said
Olzhas Khusainov``, ``," the CSTO Secretary-General added``), from the sentence that introduces
it (``Zas said: "``, ``According to Zas, "``, ``Tokayev told the meeting that "``), or from a
previous paragraph ending in a colon.  A pronoun (``," he said``) is the last named speaker
before the quote, or the person named with a title at the start of a later sentence ("Prime
Minister Elena Varga arrived ...").  A speaker naming only a role ("the prime minister") is
the person the article names with that role ("Prime Minister Elena Varga"), when it does.

Inside a quote, reported speech with its own speaker ("the heads of state noted that the events
were a turning point ...") gives a quote of its own, attributed to them.

Every word list comes from ``rules/quotes.toml`` and ``rules/attribution.toml``.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

from consistency.claims import Claim
from consistency.sentences import Sentence
from consistency.vocabulary import CompiledRules, alternation

if TYPE_CHECKING:
    from consistency.articles import Article
    from consistency.extract.pipeline import ClaimBuilder

WORD = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+(?:['’-][^\W\d_]+)*")
_OPEN_BEFORE = set(" \t([{—–-/:")
_CLOSE_AFTER = set(" \t.,;:!?)]}—–-…'")
# Patterns used for every sentence or name: compiled once here, not looked up per call.
_SPACES = re.compile(r"\s+")
_POSSESSIVE = re.compile(r"['’]s$")
_NOT_WORD = re.compile(r"[^\w-]")
_APPOSITION = re.compile(r",\s+(?:the|a|an)\s+([^,.;:\"]{1,60})")
_LEAD = re.compile(r"\s*(?:[\"'(]\s*)*")
_FIRST_WORD = re.compile(r"([\w]+)[\s,]+")
_AFTER_VERB_LEAD = re.compile(r"\s+(?:by\s+)?")
_AFTER_VERB_END = re.compile(r"[,;.:!?\"()\n]|\s[—–]\s")
_ACCORDING_END = re.compile(r"[,;:.\"()]|\s[—–-]\s")
_PASSIVE = re.compile(r"\b(?:was|were|is|are|been|be)\s+$")
_BY_AGENT = re.compile(r"\s+by\s+(?:the\s+)?")
_CLAUSE_END = re.compile(r"[,;:\"()]|\s[—–-]\s|\bthat\b")
_CLAUSE_SETTING = re.compile(r"\s+(?:in|at|on|during|with|after|before|while|when)\s+")
_TAIL_LEAD = re.compile(r"\s*(?:[,—–-]\s*)*")
_TAIL_END = re.compile(r"[.!?](?=\s|$)|\"")
_BARE_NAME = re.compile(r"[A-Z][\w'’-]*(?:\s+[\w'’-]+)*")
_PUNCT_IN_LEAD = re.compile(r"[,;:()]")
_SUBJECT = re.compile(r"(?:the\s+)?((?:[A-Z][\w'’.-]*)(?:\s+(?:of\s+the\s+|of\s+)?[A-Z][\w'’.-]*)*)")
_CLAUSE_SPLIT = re.compile(r"[,;]")
_SENTENCE_STOP = re.compile(r"[.!?](?=\s)")
_STATEMENT_END = re.compile(r"[.!?](?=\s|$)")


def quote_rules(vocab: CompiledRules) -> dict:
    """The ``rules/quotes.toml`` tables."""
    return vocab.rules.get("quotes", {})


# -- speaker keys ------------------------------------------------------------------------
@dataclass(frozen=True)
class SpeakerVocabulary:
    roles: tuple[str, ...]  # longest first
    organisation_words: frozenset[str]
    connectors: frozenset[str]
    pronouns: frozenset[str]

    @property
    def roles_by_first(self) -> dict[str, tuple[tuple[int, tuple[str, ...]], ...]]:
        cached = self.__dict__.get("_by_first")
        if cached is None:
            grouped: dict[str, list[tuple[int, tuple[str, ...]]]] = {}
            for rank, role in enumerate(self.roles):
                parts = tuple(role.split())
                grouped.setdefault(parts[0], []).append((rank, parts))
            cached = {k: tuple(v) for k, v in grouped.items()}
            object.__setattr__(self, "_by_first", cached)
        return cached

    @classmethod
    def from_vocab(cls, vocab: CompiledRules) -> SpeakerVocabulary:
        spk = quote_rules(vocab).get("speakers", {})
        roles = sorted({r.lower() for r in spk.get("roles", [])}, key=lambda r: (-len(r.split()), -len(r), r))
        return cls(
            roles=tuple(roles),
            organisation_words=frozenset(w.lower() for w in spk.get("organisation_words", [])),
            connectors=frozenset(w.lower() for w in spk.get("connectors", [])),
            pronouns=frozenset(p.lower() for p in vocab.attribution.get("pronouns", [])),
        )


@lru_cache(maxsize=1)
def _default_speaker_vocabulary() -> SpeakerVocabulary:
    from consistency.rules import load_rules

    return SpeakerVocabulary.from_vocab(load_rules().compiled)


def _words(text: str) -> list[str]:
    # A possessive "'s" ends a word: dropped (what re.sub(r"['’]s$", "", w) did, without a regex per word).
    return [w[:-2] if len(w) > 1 and w[-1] == "s" and w[-2] in "'’" else w for w in WORD.findall(text)]


def _is_acronym(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def role_spans(words_lower: list[str], sv: SpeakerVocabulary) -> list[tuple[int, int, str]]:
    """(start, end, role) of the role phrases among ``words_lower``, longest first, no overlap."""
    candidates = []
    for i, w in enumerate(words_lower):
        for rank, parts in sv.roles_by_first.get(w, ()):
            n = len(parts)
            if words_lower[i : i + n] == list(parts):
                candidates.append((rank, i, n))
    taken = [False] * len(words_lower)
    spans = []
    for rank, i, n in sorted(candidates):
        if not any(taken[i : i + n]):
            spans.append((i, i + n, sv.roles[rank]))
            for k in range(i, i + n):
                taken[k] = True
    return sorted(spans)


def _memo(sv: SpeakerVocabulary, name: str) -> dict:
    """A bounded memo kept on the (frozen) vocabulary: names recur across a corpus."""
    memo = sv.__dict__.get(name)
    if memo is None or len(memo) > 100_000:
        memo = {}
        object.__setattr__(sv, name, memo)
    return memo


def name_words(speaker: str, sv: SpeakerVocabulary) -> list[str]:
    """The words of a person's name in ``speaker``: capitalised, not a role, acronym or connector."""
    memo = _memo(sv, "_name_words")
    found = memo.get(speaker)
    if found is None:
        found = memo[speaker] = tuple(_name_words(speaker, sv))
    return list(found)


def _name_words(speaker: str, sv: SpeakerVocabulary) -> list[str]:
    words = _words(speaker)
    lower = [w.lower() for w in words]
    in_role = set()
    for s, e, _ in role_spans(lower, sv):
        in_role.update(range(s, e))
    out = []
    for i, w in enumerate(words):
        if i in in_role or _is_acronym(w) or lower[i] in sv.connectors or lower[i] in sv.organisation_words:
            continue
        if w[:1].isupper():
            out.append(w)
    return out


def speaker_key(speaker: str | None, sv: SpeakerVocabulary | None = None) -> str | None:
    """A key under which one speaker's names compare equal, case-folded.

    A person is known by surname: "CSTO Secretary-General Stanislav Zas", "Stanislav Zas" and
    "Zas" are all ``zas``.  An organisation ("the Kazakh Defense Ministry") is ``org:`` and its
    words; a speaker naming only a role or a group ("the CSTO Secretary-General", "the heads of
    the CSTO member states") is ``role:`` and its words, sorted.
    """
    if not speaker:
        return None
    sv = sv or _default_speaker_vocabulary()
    # Comparing quotes asks for the key of the same attributions over and over: kept per vocabulary.
    memo = sv.__dict__.get("_keys")
    if memo is None:
        memo = {}
        object.__setattr__(sv, "_keys", memo)
    if speaker not in memo:
        if len(memo) > 100_000:
            memo.clear()
        memo[speaker] = _speaker_key(speaker, sv)
    return memo[speaker]


def _speaker_key(speaker: str, sv: SpeakerVocabulary) -> str | None:
    words = _words(speaker)
    if not words:
        return None
    lower = [w.lower() for w in words]
    if len(words) == 1 and lower[0] in sv.pronouns:
        return f"pronoun:{lower[0]}"
    meaningful = sorted({w for w in lower if w not in sv.connectors})
    if lower[-1] in sv.organisation_words or (
        len(lower) > 1 and " ".join(lower[-2:]) in sv.organisation_words
    ):
        return "org:" + " ".join(meaningful)
    names = name_words(speaker, sv)
    if names:
        return names[-1].lower().rstrip(".")
    return "role:" + " ".join(meaningful)


def _key_tokens(key: str) -> set[str]:
    return set(key.split(":", 1)[-1].split())


def speakers_compatible(a: str | None, b: str | None, sv: SpeakerVocabulary | None = None,
                        roles_of: dict[str, set[str]] | None = None) -> bool:
    """Whether two attributions may name the same speaker (unknown speakers always may).

    A person and a role agree when the person's attribution holds that role ("Prime Minister
    Elena Varga" and "the prime minister") or another attribution in the corpus ties the role to
    that person (``roles_of``: role key -> person keys).
    """
    sv = sv or _default_speaker_vocabulary()
    ka, kb = speaker_key(a, sv), speaker_key(b, sv)
    if ka is None or kb is None or ka.startswith("pronoun:") or kb.startswith("pronoun:"):
        return True
    if ka == kb:
        return True
    person_a, person_b = ":" not in ka, ":" not in kb
    if person_a and person_b:
        return False
    if not person_a and not person_b:
        if ka.split(":")[0] != kb.split(":")[0]:
            return False
        ta, tb = _key_tokens(ka), _key_tokens(kb)
        return ta <= tb or tb <= ta
    person, person_text, other = (ka, a, kb) if person_a else (kb, b, ka)
    role_tokens = _key_tokens(other)
    own = {w.lower() for w in _words(person_text or "")}
    if role_tokens <= own:
        return True
    for role, persons in (roles_of or {}).items():
        rt = _key_tokens(role)
        if person in persons and role_tokens and (rt <= role_tokens or role_tokens <= rt) and (
            _role_words(rt, sv) and _role_words(rt, sv) == _role_words(role_tokens, sv)
        ):
            return True
    return False


def _role_words(tokens: set[str], sv: SpeakerVocabulary) -> frozenset[str]:
    return frozenset(t for t in tokens if any(t in r.split() for r in sv.roles))


def role_key(speaker: str, sv: SpeakerVocabulary) -> str | None:
    """The role part of a person's attribution ("CSTO Secretary-General Stanislav Zas" ->
    ``role:csto secretary-general``), or None when it names no role."""
    words = _words(speaker)
    lower = [w.lower() for w in words]
    if not role_spans(lower, sv):
        return None
    names = set(name_words(speaker, sv))
    rest = sorted({w.lower() for w in words if w not in names and w.lower() not in sv.connectors})
    return "role:" + " ".join(rest) if rest else None


# -- finding quote spans -----------------------------------------------------------------
@dataclass(frozen=True)
class QuoteSpan:
    parts: tuple[tuple[int, int], ...]  # inner spans (without the marks), one per paragraph

    @property
    def start(self) -> int:
        return self.parts[0][0]

    @property
    def end(self) -> int:
        return self.parts[-1][1]

    @property
    def outer_start(self) -> int:
        return self.parts[0][0] - 1

    @property
    def outer_end(self) -> int:
        return self.parts[-1][1] + 1


def _can_open(text: str, i: int, line_start: int) -> bool:
    return i == line_start or text[i - 1] in _OPEN_BEFORE


def _can_close(text: str, i: int, line_end: int) -> bool:
    return i + 1 >= line_end or text[i + 1] in _CLOSE_AFTER or text[i + 1] == '"'


def find_quote_spans(text: str, max_paragraphs: int = 6, max_chars: int = 4000) -> list[QuoteSpan]:
    """Quoted passages of ``text``, in order; linear in the length of the text."""
    spans: list[QuoteSpan] = []
    pending: list[tuple[int, int]] | None = None  # parts of a quote left open by its paragraph
    pos = 0
    n = len(text)
    while pos <= n:
        nl = text.find("\n", pos)
        line_end = n if nl < 0 else nl
        line_start = pos
        pos = line_end + 1
        marks = [i for i in range(line_start, line_end) if text[i] == '"']
        if pending is not None:
            stripped = text[line_start:line_end].strip()
            if not stripped:
                if nl < 0:
                    break
                continue
            first = line_start + (len(text[line_start:line_end]) - len(text[line_start:line_end].lstrip()))
            if marks and marks[0] == first and len(pending) < max_paragraphs:
                open_at = marks[0]
                marks = marks[1:]
                close = next((m for m in marks if _can_close(text, m, line_end)), None)
                if close is None:
                    pending.append((open_at + 1, line_end))
                    if sum(e - s for s, e in pending) > max_chars:
                        pending = None
                    if nl < 0:
                        break
                    continue
                pending.append((open_at + 1, close))
                spans.append(QuoteSpan(tuple(pending)))
                pending = None
                marks = [m for m in marks if m > close]
            else:
                pending = None  # an unbalanced mark: nothing reliable to quote
        open_at: int | None = None
        for m in marks:
            if open_at is None:
                if _can_open(text, m, line_start):
                    open_at = m
            elif _can_close(text, m, line_end) and m > open_at + 1:
                spans.append(QuoteSpan(((open_at + 1, m),)))
                open_at = None
        if open_at is not None and open_at + 1 < line_end:
            pending = [(open_at + 1, line_end)]
        if nl < 0:
            break
    return spans


def quote_value(text: str, span: QuoteSpan) -> str:
    """The quote without marks, whitespace collapsed, without the comma before "he said"."""
    joined = " ".join(text[s:e] for s, e in span.parts)
    value = _SPACES.sub(" ", joined).strip()
    return value.rstrip(",").strip()


def word_count(text: str) -> int:
    return len(WORD.findall(text))


# -- speakers ----------------------------------------------------------------------------
def split_by_line(vocab: CompiledRules, text: str) -> list[Sentence]:
    """Sentences of ``text``, line by line (a paragraph break always ends a sentence; splitting
    each line on its own keeps the time linear in long articles)."""
    return vocab.splitter.split_by_line(text)


@dataclass
class _Mention:
    offset: int
    name: str  # as written, title included
    how: str


class _SpeakerRules:
    """What SpeakerFinder reads from the rules, compiled once per vocabulary, not per article."""

    def __init__(self, vocab: CompiledRules) -> None:
        self.sv = SpeakerVocabulary.from_vocab(vocab)
        att = vocab.attribution
        spk = quote_rules(vocab).get("speakers", {})
        verbs = [*att.get("verbs", []), *spk.get("verbs", [])]
        self.verbs = re.compile(rf"(?<![\w-])(?:{alternation(verbs)})(?![\w-])", re.IGNORECASE)
        self.addressee_verbs = {v.lower() for v in spk.get("addressee_verbs", [])}
        self.reported = re.compile(
            rf"(?<![\w-])(?:{alternation(spk.get('reported_verbs', []))})\s+that\s+", re.IGNORECASE
        )
        self.according = re.compile(rf"(?<![\w-])(?:{alternation(att.get('according_to', []))})\s+", re.IGNORECASE)
        self.strip = [s.lower() for s in sorted(att.get("strip", []), key=len, reverse=True)]
        self.not_speakers = {w.lower() for w in att.get("not_speakers", [])}
        self.after_stops = {w.lower() for w in spk.get("after_stops", [])}
        self.max_words = int(spk.get("max_words", 14))
        conn = alternation(sorted(self.sv.connectors - {"and"}))
        proper = r"[A-Z][\w'’.-]*"
        self.proper_names = re.compile(rf"{proper}(?:(?:\s+(?:{conn}))*\s+{proper})*")


_SPEAKER_RULES: WeakKeyDictionary[CompiledRules, _SpeakerRules] = WeakKeyDictionary()
_NOT_NEWLINE = re.compile(r"[^\n]")


def _speaker_rules(vocab: CompiledRules) -> _SpeakerRules:
    found = _SPEAKER_RULES.get(vocab)
    if found is None:
        found = _SPEAKER_RULES[vocab] = _SpeakerRules(vocab)
    return found


class SpeakerFinder:
    """Finds the speaker of each quote of one article (see the module docstring)."""

    def __init__(self, article_text: str, vocab: CompiledRules, quotes: list[QuoteSpan]) -> None:
        self.text = article_text
        self.vocab = vocab
        rules = _speaker_rules(vocab)
        self.sv = rules.sv
        self.verbs = rules.verbs
        self.addressee_verbs = rules.addressee_verbs
        self.reported = rules.reported
        self.according = rules.according
        self.strip = rules.strip
        self.not_speakers = rules.not_speakers
        self.after_stops = rules.after_stops
        self.max_words = rules.max_words
        self.proper_names = rules.proper_names
        self.stop_words = vocab.stop_words
        self.quotes = quotes
        masked = list(article_text)
        for q in quotes:
            for s, e in q.parts:
                masked[s:e] = _NOT_NEWLINE.sub(" ", article_text[s:e])  # blank the quote, keep its lines
        self.masked = "".join(masked)
        self.sentences = split_by_line(vocab, article_text)
        self.sentence_starts = [x.start for x in self.sentences]
        self.sentence_ends = [x.end for x in self.sentences]

    # Read when first asked for: an article whose quotes all name their speaker never needs the
    # timeline of speakers that a pronoun is resolved against.
    @cached_property
    def persons(self) -> list[tuple[int, frozenset[str], frozenset[str], str]]:
        return self._register_persons()

    @cached_property
    def person_starts(self) -> list[int]:
        return [p[0] for p in self.persons]

    @cached_property
    def timeline(self) -> list[_Mention]:
        return self._narrative_speakers()

    @cached_property
    def timeline_starts(self) -> list[int]:
        return [m.offset for m in self.timeline]

    # -- names and roles in the article -----------------------------------------------------
    def _register_persons(self) -> list[tuple[int, frozenset[str], frozenset[str], str]]:
        """(offset, role phrases, words of the title, person as written) for every person named
        with a title: "Secretary-General of the CSTO Stanislav Zas", "Elena Varga, the prime minister"."""
        out = []
        for m in self.proper_names.finditer(self.masked):
            phrase = m.group().rstrip(".")
            person = self._person_in(phrase)
            if person:
                out.append((m.start(), person[0], person[1], phrase))
                continue
            names = name_words(phrase, self.sv)
            if len(names) >= 2:
                app = _APPOSITION.match(self.masked, m.end())
                if app:
                    lower = [w.lower() for w in _words(app.group(1))]
                    spans = role_spans(lower, self.sv)
                    if spans:
                        out.append((m.start(), frozenset(r for _, _, r in spans), frozenset(lower),
                                    f"{phrase}, the {app.group(1).strip()}"))
        return out

    def _person_in(self, phrase: str) -> tuple[frozenset[str], frozenset[str]] | None:
        """(role phrases, title words) when ``phrase`` is a title followed by a name."""
        memo = _memo(self.sv, "_person_in")
        if phrase not in memo:
            memo[phrase] = self._read_person(phrase)
        return memo[phrase]

    def _read_person(self, phrase: str) -> tuple[frozenset[str], frozenset[str]] | None:
        words = [_POSSESSIVE.sub("", w) for w in phrase.split()]
        lower = [_NOT_WORD.sub("", w.lower()) for w in words]
        spans = role_spans(lower, self.sv)
        if not spans:
            return None
        tail = 0
        for w in reversed(words[spans[-1][1] :]):
            if w.lower() in self.sv.connectors or _is_acronym(w) or w.lower() in self.sv.organisation_words:
                break
            tail += 1
        if not tail:
            return None
        title = frozenset(w for w in lower[: len(words) - tail] if w not in self.sv.connectors)
        return frozenset(r for _, _, r in spans), title

    def _narrative_speakers(self) -> list[_Mention]:
        """Speakers named outside quotes, and persons with a title who start a sentence."""
        out: list[_Mention] = []
        persons_at: dict[int, str] = {}
        for off, _, _, person in self.persons:
            persons_at.setdefault(off, person)
        for s in split_by_line(self.vocab, self.masked):
            sentence = s.text
            speaker = self._speaker_in_clause(sentence, allow_inverted=True)
            if speaker and not self._is_pronoun(speaker):
                person = self.resolve_role(speaker, s.start)
                out.append(_Mention(s.start, f"{speaker} ({person})" if person else speaker, "named speaker"))
                continue
            lead = _LEAD.match(sentence)
            start = lead.end() if lead else 0
            person = persons_at.get(s.start + start)
            if person:
                out.append(_Mention(s.start + start, person, "person named at the start of a sentence"))
        return out

    # -- the speaker of one quote ----------------------------------------------------------
    def _is_pronoun(self, speaker: str) -> bool:
        return speaker.lower() in self.sv.pronouns

    def _clean(self, text: str) -> str | None:
        text = text.strip(" \"'.,;:—–-\n")
        while True:
            first = _FIRST_WORD.match(text)
            if not first or first.group(1).lower() not in self.not_speakers:
                break
            text = text[first.end() :]
        lowered = text.lower()
        for s in self.strip:
            if lowered.startswith(s + " "):
                text = text[len(s) + 1 :]
                lowered = text.lower()
        words = text.split()
        while len(words) > 1 and words[-1].lower() in self.not_speakers:
            words.pop()  # "Varga later announced"
        if not words or len(words) > self.max_words:
            return None
        if len(words) == 1 and words[0].lower() in self.sv.pronouns:
            return words[0].lower()
        if all(w.lower() in self.not_speakers or w.lower() in self.stop_words for w in words):
            return None
        if not any(w[:1].isupper() for w in words) and len(words) > 6:
            return None
        if words[0][:1].isdigit():
            return None
        return " ".join(words)

    def _after_verb(self, rest: str) -> str | None:
        """The speaker named after a verb: "said Olzhas Khusainov, colonel" -> Olzhas Khusainov."""
        m = _AFTER_VERB_LEAD.match(rest)
        if not m:
            return None
        phrase = _AFTER_VERB_END.split(rest[m.end() :], maxsplit=1)[0]
        words = phrase.split()
        kept: list[str] = []
        for i, w in enumerate(words):
            if w.lower() in self.after_stops:
                nxt = next((x for x in words[i + 1 :] if x.lower() not in ("the", "a", "an")), "")
                if not nxt[:1].isupper() or not any(k[:1].isupper() for k in kept) and kept:
                    break
            kept.append(w)
            if len(kept) >= self.max_words:
                break
        return self._clean(" ".join(kept))

    def _speaker_in_clause(self, clause: str, *, allow_inverted: bool) -> str | None:
        """The speaker of a clause that introduces or follows a statement."""
        m = self.according.search(clause)
        if m:
            source = _ACCORDING_END.split(clause[m.end() :], maxsplit=1)[0]
            cleaned = self._clean(source)
            if cleaned:
                return cleaned
        for v in self.verbs.finditer(clause):
            before = clause[: v.start()]
            if _PASSIVE.search(before):
                after = _BY_AGENT.match(clause, v.end())
                if after:
                    name = self._after_verb(clause[v.end() :])
                    if name:
                        return name
                continue
            segment = _CLAUSE_END.split(before)[-1]
            segment = _CLAUSE_SETTING.split(segment)[0]
            speaker = self._clean(segment)
            if speaker:
                return speaker
            if allow_inverted and v.group().lower() not in self.addressee_verbs:
                speaker = self._after_verb(clause[v.end() :])
                if speaker:
                    return speaker
        return None

    def _tail(self, q: QuoteSpan) -> tuple[str | None, int]:
        """The speaker in the words right after the quote: '," Zas said.' / ', said Zas.'"""
        line_end = self.text.find("\n", q.outer_end)
        line_end = len(self.text) if line_end < 0 else line_end
        after = self.text[q.outer_end : line_end]
        lead = _TAIL_LEAD.match(after)
        rest = after[lead.end() :] if lead else after
        base = q.outer_end + (lead.end() if lead else 0)
        if not rest or rest[:1] in ".!?\"" or rest[:1].isdigit():
            return None, q.outer_end
        # The clause up to the end of the sentence.
        end = _TAIL_END.search(rest)
        clause = rest[: end.start()] if end else rest
        v = self.verbs.search(clause)
        if not v:
            # '...," Secretary of the CSTO Joint Staff Vladislav Shchegrikovich.': a bare name.
            if end and rest[end.start()] != '"' and _BARE_NAME.fullmatch(clause.strip()) \
                    and len(name_words(clause, self.sv)) >= 2 and len(clause.split()) <= self.max_words \
                    and all(w[:1].isupper() or w.lower() in self.sv.connectors for w in clause.split()):
                return self._clean(clause), base + len(clause)
            return None, q.outer_end
        before = clause[: v.start()]
        if before.strip():
            if _PUNCT_IN_LEAD.search(before) or len(before.split()) > 8:
                return None, q.outer_end
            return self._clean(before), base + len(clause)
        if v.group().lower() in self.addressee_verbs:
            return None, q.outer_end
        return self._after_verb(clause[v.end() :]), base + len(clause)

    def _intro(self, q: QuoteSpan, previous_end: int) -> str | None:
        """The speaker in the sentence that introduces the quote, or a paragraph ending in ':'."""
        line_start = self.text.rfind("\n", 0, q.outer_start) + 1
        start = max(line_start, previous_end)
        k = bisect.bisect_right(self.sentence_starts, q.outer_start) - 1
        if k >= 0 and self.sentence_starts[k] >= start:
            start = self.sentence_starts[k]
        clause = self.masked[start : q.outer_start]
        if clause.strip():
            speaker = self._speaker_in_clause(clause, allow_inverted=False)
            if speaker:
                return speaker
            if clause.rstrip().endswith(":"):
                return self._subject(clause.rstrip()[:-1])
            return None
        if line_start > 0:
            prev = self.text[:line_start].rstrip()
            if prev.endswith(":"):
                prev_line = prev[prev.rfind("\n") + 1 :]
                return self._speaker_in_clause(prev_line[:-1], allow_inverted=True)
        return None

    def _subject(self, clause: str) -> str | None:
        """The person who opens the last part of a clause: "Speaking to parliament, Varga described ..."."""
        part = _CLAUSE_SPLIT.split(clause)[-1].strip()
        m = _SUBJECT.match(part)
        if not m:
            return None
        phrase = m.group(1)
        lower = [w.lower() for w in _words(phrase)]
        if name_words(phrase, self.sv) or role_spans(lower, self.sv):
            return self._clean(phrase)
        return None

    def last_named(self, offset: int, resolved: list[_Mention]) -> _Mention | None:
        k = bisect.bisect_left(self.timeline_starts, offset) - 1
        candidates = [self.timeline[k]] if k >= 0 else []
        candidates += [m for m in resolved[-1:] if m.offset < offset]
        return max(candidates, key=lambda m: m.offset) if candidates else None

    def resolve_role(self, speaker: str, offset: int) -> str | None:
        """The person an article names with the role ``speaker`` names ("the prime minister")."""
        if name_words(speaker, self.sv):
            return None
        lower = [w.lower() for w in _words(speaker)]
        spans = role_spans(lower, self.sv)
        if not spans:
            return None
        roles = {r for _, _, r in spans}
        in_roles = {w for r in roles for w in r.split()}
        others = {w for w in lower if w not in self.sv.connectors and w not in in_roles}
        k = bisect.bisect_left(self.person_starts, offset) - 1
        while k >= 0:  # the nearest person named before with that role
            _, person_roles, title, person = self.persons[k]
            if roles <= person_roles and others <= title:
                return person
            k -= 1
        found = {speaker_key(p, self.sv): p for off, person_roles, title, p in self.persons
                 if off >= offset and roles <= person_roles and others <= title}
        return next(iter(found.values())) if len(found) == 1 else None


# -- claims ------------------------------------------------------------------------------
def extract_quotes(article: Article, vocab: CompiledRules, builder: ClaimBuilder) -> list[Claim]:
    """Every quote of ``article`` of at least ``[quotes] min_words`` words, as a ``kind="quote"`` claim."""
    if getattr(article, "status", "ok") != "ok" or not article.text:
        return []
    rules = quote_rules(vocab).get("quotes", {})
    min_words = int(rules.get("min_words", 6))
    text = article.text
    spans = find_quote_spans(text, int(rules.get("max_paragraphs", 6)), int(rules.get("max_chars", 4000)))
    finder: SpeakerFinder | None = None  # built at the first quote long enough to be a claim
    claims: list[Claim] = []
    resolved: list[_Mention] = []
    previous_end = 0
    for q in spans:
        value = quote_value(text, q)
        if word_count(value) < min_words:
            previous_end = q.outer_end
            continue
        if finder is None:
            finder = SpeakerFinder(text, vocab, spans)
        speaker, tail_end = finder._tail(q)
        how = "words after the quote"
        if not speaker or finder._is_pronoun(speaker):
            # 'Varga described the plan: "...," she said': the introduction names her.
            intro = finder._intro(q, previous_end)
            if intro and not (speaker and finder._is_pronoun(intro)):
                speaker, how = intro, "sentence introducing the quote"
        rule = [f"quote of {word_count(value)} words"]
        attribution = speaker
        if speaker and finder._is_pronoun(speaker):
            last = finder.last_named(q.outer_start, resolved)
            attribution = last.name if last else None
            rule.append(f"'{speaker}' ({how}) = {last.how} '{last.name}'" if last else f"'{speaker}' unresolved")
        elif speaker:
            person = finder.resolve_role(speaker, q.outer_start)
            if person:
                attribution = f"{speaker} ({person})"
                rule.append(f"speaker '{speaker}' from the {how}, the role of '{person}' in this article")
            else:
                rule.append(f"speaker '{speaker}' from the {how}")
        else:
            rule.append("no speaker found")
        if attribution and not finder._is_pronoun(attribution):
            resolved.append(_Mention(q.outer_start, attribution, "speaker of an earlier quote"))
        claims.append(_claim(builder, finder, q.start, q.end, value, attribution, rule, tail_end))
        claims.extend(_reported_inside(builder, finder, q, attribution, min_words))
        previous_end = max(q.outer_end, tail_end)
    claims.sort(key=lambda c: c.offset)
    return claims


def _sentence_around(finder: SpeakerFinder, start: int, end: int) -> str:
    k = bisect.bisect_right(finder.sentence_starts, start) - 1
    s0 = finder.sentence_starts[k] if k >= 0 else 0
    k = bisect.bisect_left(finder.sentence_ends, end)
    s1 = finder.sentence_ends[k] if k < len(finder.sentence_ends) else len(finder.text)
    return _SPACES.sub(" ", finder.text[s0:s1]).strip()


def _claim(builder: ClaimBuilder, finder: SpeakerFinder, start: int, end: int, value: str,
           attribution: str | None, rule: list[str], context_end: int) -> Claim:
    text, line, col_start, col_end = builder.span(start, end)
    return Claim(
        article=builder.article.id, kind="quote", text=text,
        sentence=_sentence_around(finder, max(0, start - 1), max(end, context_end)), line=line,
        start=col_start, end=col_end, value=value, low=None, high=None, qualifier="exact", unit=None,
        measure=None, property=None, owner=None, attribution=attribution, rule="; ".join(rule), offset=start,
    )


def _reported_inside(builder: ClaimBuilder, finder: SpeakerFinder, q: QuoteSpan, outer: str | None,
                     min_words: int) -> list[Claim]:
    """Reported speech inside a quote: "... the heads of state noted that the events were ..."."""
    out = []
    for s, e in q.parts:
        inner = finder.text[s:e]
        for m in finder.reported.finditer(inner):
            sentence_start = max([0, *[x.end() + 1 for x in _SENTENCE_STOP.finditer(inner[: m.start()])]])
            speaker = finder._speaker_in_clause(inner[sentence_start : m.end()], allow_inverted=False)
            if not speaker or finder._is_pronoun(speaker):
                continue
            stop = _STATEMENT_END.search(inner[m.end() :])
            content_end = m.end() + (stop.start() if stop else len(inner) - m.end())
            content = inner[m.end() : content_end].rstrip(" ,")
            if word_count(content) < min_words:
                continue
            value = _SPACES.sub(" ", content).strip()
            rule = [f"statement of '{speaker}' reported inside a quote" + (f" of {outer}" if outer else ""),
                    f"cue '{m.group().strip()}'"]
            out.append(_claim(builder, finder, s + m.end(), s + m.end() + len(content), value, speaker, rule,
                              s + content_end))
    return out
