"""Reading the context of a number or date inside its sentence.

What is counted (the noun phrase after a number), what property the count has (the nearest
cue word), which event a date dates, which organisation is named with it (the *owner*), and
who is said to state it (attribution).  Every word list comes from the rules via
:class:`consistency.vocabulary.CompiledRules`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from weakref import WeakKeyDictionary

from consistency.vocabulary import CompiledRules, Cue, alternation

_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’-]*|\d[\d,.]*|[^\sA-Za-z\d]")
_PROPER = r"[A-Z][\w'’.-]*"
# Patterns asked for every number, date or sentence: compiled once here.
# "268 of 600 seats", "55 of the 101 seats": what leads from a part to its whole
OF_WHOLE = re.compile(r"\s+(?:of|out of)\s+(?:the\s+)?")
_OF_NUMBER = re.compile(OF_WHOLE.pattern + r"[\d,.]+\s+")
_MONEY_LEAD = re.compile(r"\s+(?:in|of|worth of)\s+(?:the\s+)?")
_OF = re.compile(r"\s+of\s+")
_VERB_ENDING = re.compile(r".(?:ed|ing)$")
_SPACES = re.compile(r"\s+")
_NEXT_WORD = re.compile(r"\s*([A-Za-z][\w'-]*)")
_SENTENCE_STOPS = re.compile(r"[;.!?]")
_COUNT_OF = re.compile(r"\b(?:number|numbers|total|strength|size)\s+of\s+(?:the\s+)?$", re.IGNORECASE)
_DASH_LINK = re.compile(r"\s*[—–:-]\s*")
_WORD_BEFORE = re.compile(r"([\w'’-]+)\s+$")
_WORD_AFTER = re.compile(r"\s+([\w'’-]+)")
_HEAD_OF = re.compile(r"([\w-]+)\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$")
_OF_BY = re.compile(r"\s+(?:of|by)\s+(?:the\s+)?")
_OF_THE_PHRASE = re.compile(r"\s+of\s+the\s+((?:[\w-]+\s+){0,3}[\w-]+)")
_PLACE_WORDS = re.compile(r"\s+(?:in|on|at|from|to|for|with|by|near|across)\s+")
_POSSESSIVE_END = re.compile(r"['’]s?$")
_ACCORDING_END = re.compile(r"[,;:.\"()]|\s[—–-]\s")
_BY_AGENT = re.compile(r"\s+by\s+(?:the\s+)?")
_PASSIVE = re.compile(r"\b(?:was|were|is|are|been|be)\s+$")
_CLAUSE_END = re.compile(r"[,;:\"()]|\s[—–-]\s|\bthat\b")
_PUNCT = re.compile(r"[,;.\"]")
_FIRST_WORD = re.compile(r"(\w+)[\s,]+")


def proper_name_pattern(connectors: list[str], max_words: int) -> re.Pattern[str]:
    conn = alternation(connectors) or "of"
    return re.compile(rf"{_PROPER}(?:(?:\s+(?:{conn}))*\s+{_PROPER}){{0,{max(0, max_words - 1)}}}")


@dataclass(frozen=True)
class Thing:
    name: str | None
    phrase: str
    how: str
    owner: str | None
    end: int | None = None  # where the counted phrase ends, when it follows the number


def counted_thing(vocab: CompiledRules, sentence: str, start: int, end: int, *, kind: str) -> Thing:
    """The thing counted by the number at ``sentence[start:end]``."""
    max_words = int(vocab.things.get("matching", {}).get("max_phrase_words", 4))
    prefix = vocab.thing_prefix.search(sentence[max(0, start - 40) : start])
    if prefix:
        # "a magnitude 7.8 earthquake": the word before the number says what it measures.
        return Thing(vocab.thing_prefixes[_SPACES.sub(" ", prefix.group(1).lower())], prefix.group(1),
                     f"prefix '{prefix.group(1)}'", None, None)
    phrase_tokens: list[str] = []
    token_ends: list[int] = []
    rest = sentence[end:]
    of_number = _OF_NUMBER.match(rest)
    if of_number:
        # "268 of 600 seats": both count seats.
        inner = counted_thing(vocab, sentence, start, end + of_number.end() - 1, kind=kind)
        if inner.name:
            return Thing(inner.name, inner.phrase, inner.how + " (after 'of N')", inner.owner, None)
    if kind in ("money", "dimension"):
        lead = _MONEY_LEAD.match(rest)
        if lead:
            # "3 million euros in emergency aid": what the money is for.
            rest = " " + rest[lead.end() :]
            end = end + lead.end() - 1
    if kind == "percent":
        # "4% of GDP" names its base; "61 percent, up from" names none.
        lead = _OF.match(rest)
        if not lead:
            return subject_thing(vocab, sentence, start) or Thing(None, "", "none", None, None)
        rest = " " + rest[lead.end() :]
        end = end + lead.end() - 1
    after_of = kind == "percent"  # its "of" is already read
    for m in _TOKEN.finditer(rest):
        token = m.group()
        low = token.lower()
        if not token[0].isalpha():
            break
        if phrase_tokens and token[0].isupper() and phrase_tokens[-1][0].islower():
            break  # "12 earthquakes struck Turkey": a name after a common noun starts something else
        if low == "of" and phrase_tokens and phrase_tokens[-1].lower() in vocab.measure_words:
            phrase_tokens, token_ends = [], []  # "pieces of equipment": the thing comes after "of"
            continue
        if low == "of" and not phrase_tokens:
            after_of = True
            continue  # "hundreds of people"
        if after_of and not phrase_tokens and low in vocab.determiners:
            continue  # "50.2% of the vote", "hundreds of the residents"
        if phrase_tokens and _VERB_ENDING.search(low) and kind != "multiplier":
            break  # a verb after the noun: "300 demonstrators gathered", "12 people drowned"
        if low in vocab.stop_words or low == "of":
            if kind == "multiplier" and phrase_tokens and phrase_tokens[-1].lower() in vocab.property_cues.lookup:
                phrase_tokens, token_ends = [], []  # "a twofold increase in gas prices": the thing follows
                continue
            break
        phrase_tokens.append(token)
        token_ends.append(end + m.end())
        if len(phrase_tokens) >= max_words:
            break
        if low in vocab.thing_aliases and not _continues_alias(vocab, phrase_tokens, rest[m.end() :]):
            break  # "2,000 personnel took part": the known thing ends the phrase
    # A phrase ends at its last noun-like word; drop verbs that follow a bare number ("15 died").
    while (len(phrase_tokens) == 1 and phrase_tokens[-1].lower() in vocab.property_cues.lookup
           and kind not in ("multiplier", "money", "dimension")):
        phrase_tokens.pop()
        token_ends.pop()
    phrase = " ".join(phrase_tokens)
    owner = " ".join(t for t in phrase_tokens[:-1] if t[:1].isupper()) or None
    if not phrase and kind == "money":
        subject = subject_thing(vocab, sentence, start)
        if subject:
            return subject
    name, how = vocab.canonical_thing(phrase) if phrase else (None, "none")
    head = phrase_tokens[-1].lower() if phrase_tokens else ""
    if not phrase or head in vocab.generic_heads or name in vocab.generic_heads:
        linked = _linked_thing(vocab, sentence[:start])
        if linked:
            return Thing(linked[0], linked[1], f"linked to '{linked[1]}'", owner, token_ends[-1] if token_ends else None)
    return Thing(name, phrase, how, owner, token_ends[-1] if token_ends else None)


def subject_thing(vocab: CompiledRules, sentence: str, start: int) -> Thing | None:
    """What a change or a level is of, named before its verb: "annual profit fell 42% to 3.1
    billion crowns", "Revenue dropped 11%", "sales rose by 4 percent" (rules/things.toml [subjects])."""
    m = vocab.subject_before.search(sentence, max(0, start - 120), start)
    if not m or m.end() != start:
        return None
    head = m.group("head").lower()
    at_start = not sentence[: m.start()].strip()
    # ("spending rose 5%" keeps its "-ing" noun)
    if head in vocab.stop_words or head.endswith("ed") or (m.group("head")[0].isupper() and not at_start):
        return None  # "shares closed down 4.9%", "Shares in Nordvik fell": no noun stands before the verb
    name, how = vocab.canonical_thing(head)
    return Thing(name, m.group("head"), f"subject '{m.group('head')}' of '{m.group('verb').strip()}'", None, None)


def _continues_alias(vocab: CompiledRules, tokens: list[str], rest: str) -> bool:
    """Whether the next word extends the phrase into a longer known thing ("troops" -> no)."""
    nxt = _NEXT_WORD.match(rest)
    if not nxt:
        return False
    candidate = " ".join([*tokens[-2:], nxt.group(1)]).lower()
    word = nxt.group(1).lower()
    # A scan of every alias, asked again for the same words all over a corpus: remembered.
    memo = _ALIAS_MEMO.get(vocab)
    if memo is None or len(memo) > 100_000:
        memo = _ALIAS_MEMO[vocab] = {}
    key = (candidate, word)
    if key not in memo:
        memo[key] = any(alias.endswith(word) and alias in candidate for alias in vocab.thing_aliases)
    return memo[key]


_ALIAS_MEMO: WeakKeyDictionary[CompiledRules, dict[tuple[str, str], bool]] = WeakKeyDictionary()


def _linked_thing(vocab: CompiledRules, before: str) -> tuple[str, str] | None:
    """A specific thing on the left tied to the number by a link ("number of peacekeepers — ")."""
    clause = _SENTENCE_STOPS.split(before)[-1]
    aliases = list(vocab.thing_alias_pattern.finditer(clause))
    if not aliases:
        return None
    last = aliases[-1]
    between = clause[last.end() :]
    if len(between) > 60:
        return None
    before_alias = clause[max(0, last.start() - 25) : last.start()]
    if (
        vocab.generic_links.search(between)
        or _COUNT_OF.search(before_alias)
        or _DASH_LINK.fullmatch(between)
    ):
        name = vocab.thing_aliases[last.group().lower()]
        if name in vocab.generic_heads:
            return None
        return name, last.group()
    return None


def nearest(cues: list[Cue], start: int, end: int, limit: int) -> Cue | None:
    best, best_distance = None, limit + 1
    for cue in cues:
        if cue.end <= start:
            distance = start - cue.end
        elif cue.start >= end:
            distance = cue.start - end
        else:
            continue  # a cue inside the claim text itself ("twofold" is not its own cue)
        if distance < best_distance:
            best, best_distance = cue, distance
    return best


def property_of(vocab: CompiledRules, sentence: str, start: int, end: int, *,
                reach: tuple[int, int] | None = None,
                rivals: tuple[tuple[int, int], ...] = ()) -> tuple[str | None, str | None]:
    """The property of the number at ``sentence[start:end]``: the nearest cue of its clause.

    ``reach`` is the figure with what it counts ("At least 34 people"), ``rivals`` the reach of the
    other figures of the sentence.  Where a clause holds several figures, a cue goes to the figure
    nearest to it ("34 people died and 17 were missing": "died" is the 34's, "missing" the 17's;
    see ``_cues_of``).  A figure with no cue of its own takes the cues of a figure joined to it
    ("detained 150 protesters and 20 journalists", "killed 12 people, including 3 children"), and
    otherwise has no property ("Of the 186 passengers, 34 died": 186 did not die).
    """
    clause_start, clause_end = _clause(sentence, start, end)
    cues = [c for c in vocab.property_cues.find(sentence) if clause_start <= c.start and c.end <= clause_end]
    own = reach or (start, end)
    figures = sorted({own, *(r for r in rivals if clause_start <= r[0] and r[1] <= clause_end)})
    if cues and len(figures) > 1:
        cues = _cues_of(own, figures, cues, sentence, vocab.figure_joiners)
    if cues:
        # A cue of higher priority wins over a nearer one: "the death toll rose to 15" is killed.
        top = max(vocab.property_priority.get(c.name, 1) for c in cues)
        cues = [c for c in cues if vocab.property_priority.get(c.name, 1) == top]
    cue = nearest(cues, start, end, limit=150)
    if cue is None:
        return None, None
    return cue.name, sentence[cue.start : cue.end]


def _cues_of(figure: tuple[int, int], figures: list[tuple[int, int]], cues: list[Cue], sentence: str,
             joiners: re.Pattern[str]) -> list[Cue]:
    """The cues ``figure`` may take among several figures of a clause.

    Figures and cues are paired nearest first, one cue per figure ("At least 12 people were killed
    and 40 injured": "injured" is the 40's, so "killed" is left to the 12); a figure may then also
    take the cues no figure took that are nearest to it (priority decides among them: "the death
    toll rose to 15").
    A figure left without one takes those of a figure joined to it by a joining word.
    """
    taken: dict[tuple[int, int], int] = {}
    used: set[int] = set()
    pairs = sorted((_gap(c, *f), fi, ci) for fi, f in enumerate(figures) for ci, c in enumerate(cues))
    for _, fi, ci in pairs:
        if figures[fi] not in taken and ci not in used:
            taken[figures[fi]] = ci
            used.add(ci)

    def free_for(f: tuple[int, int]) -> list[Cue]:
        # its own cue, and the untaken ones nearer to it than to any other figure ("Of the 300
        # people on board, 212 were rescued and 88 remain missing": "missing" is the 88's)
        return [c for ci, c in enumerate(cues) if taken.get(f) == ci or (
            ci not in used and all(_gap(c, *f) <= _gap(c, *o) for o in figures if o != f))]

    if figure in taken:
        return free_for(figure)
    i = figures.index(figure)
    for step in (-1, 1):
        j = i
        while 0 <= j + step < len(figures):
            a, b = sorted((figures[j], figures[j + step]))
            if not joiners.fullmatch(sentence[a[1] : b[0]]):
                break
            j += step
            if figures[j] in taken:
                return free_for(figures[j])
    return []


def _gap(cue: Cue, start: int, end: int) -> int:
    if cue.end <= start:
        return start - cue.end
    if cue.start >= end:
        return cue.start - end
    return 0


_CLAUSE_BREAK = re.compile(r";|,\s+(?:and|but|while|whereas|although|though)\s+|\s+while\s+|\s+whereas\s+")


def _clause(sentence: str, start: int, end: int) -> tuple[int, int]:
    """The stretch around a claim between clause breaks ("; ", ", and ", ", while ")."""
    left, right = 0, len(sentence)
    for b_start, b_end in _clause_breaks(sentence):
        if b_end <= start:
            left = b_end
        elif b_start >= end:
            right = b_start
            break
    return left, right


@lru_cache(maxsize=8)
def _clause_breaks(sentence: str) -> tuple[tuple[int, int], ...]:
    # Every claim of a sentence asks: scan the sentence once.
    return tuple(m.span() for m in _CLAUSE_BREAK.finditer(sentence))


def default_thing(vocab: CompiledRules, prop: str | None) -> str | None:
    if prop is None:
        return None
    return vocab.properties.get(prop, {}).get("default_thing")


# -- events ------------------------------------------------------------------------------
@dataclass(frozen=True)
class Event:
    name: str | None
    phase: str | None
    owner: str | None
    cue: str | None
    phase_assumed: bool = False  # the event's default phase, not a cue in the sentence


def event_of(vocab: CompiledRules, sentence: str, start: int, end: int,
             speech: re.Pattern[str] | None = None, rivals: tuple[tuple[int, int], ...] = ()) -> Event:
    """The event a date dates, its phase and owner.  ``rivals``: the other dates of the sentence,
    so that "the largest since the protests began in mid-April" gives "began" to mid-April."""
    limit = int(vocab.event_rules.get("matching", {}).get("max_cue_distance", 120))
    lead = re.match(r"\w+\s+", sentence[start:end])  # the date's own first word may be the "since"
    if vocab.comparison_baseline.search(sentence[max(0, start - 80) : start]) or (
            lead and vocab.comparison_baseline.search(sentence[max(0, start - 80) : start + lead.end()])):
        return Event(None, None, None, None)  # "the biggest protests since 2012": a yardstick, no date of them
    clause_start, clause_end = _clause(sentence, start, end)
    all_cues = [c for c in vocab.event_cues.find(sentence) if not _inside_name(sentence, c)]
    cues = [c for c in all_cues if clause_start <= c.start and c.end <= clause_end]
    if not cues:
        # "The withdrawal began on May 3, and was completed on May 9": the clause shares its subject.
        cues = [c for c in all_cues if c.end <= start]
    cue = nearest(cues, start, end, limit)
    if cue is None:
        return Event(None, None, None, None)
    if speech is not None:
        lo, hi = (end, cue.start) if cue.start >= end else (cue.end, start)
        if speech.search(sentence, lo, hi):
            return Event(None, None, None, None)  # "Today X said that the withdrawal ...": dates the saying
    cue = _head_event(sentence, cue, cues)
    spec = vocab.event_rules.get("events", {}).get(cue.name, {})
    phase = None
    assumed = False
    if "default_phase" in spec or spec.get("ongoing"):
        # Only processes have phases; a meeting or a ceremony is dated as a whole.
        phases = [c for c in vocab.phase_cues.find(sentence) if clause_start <= c.start and c.end <= clause_end]
        dates = sorted({(start, end), *(r for r in rivals if clause_start <= r[0] and r[1] <= clause_end)})
        if phases and len(dates) > 1:
            phases = _cues_of((start, end), dates, phases, sentence, vocab.figure_joiners)
        phase_cue = nearest(phases, start, end, limit)
        phase = phase_cue.name if phase_cue else spec.get("default_phase")
        assumed = phase_cue is None
        if phase is None:
            # "protesters rallied on Saturday": a day of something that goes on for days; another
            # source's "Friday" is another of its days, not a contradiction.
            phase, assumed = "during", False
    # The organisation may be named with another cue of the same event ("the decision of the
    # Council, adopted on ...").
    limit_at = start if start > cue.end else len(sentence)
    owner = None
    same_event = [c for c in cues if c.name == cue.name and c.end <= limit_at]
    for other in sorted(same_event, key=lambda c: abs(c.start - cue.start)):
        owner = owner_near(vocab, sentence[:limit_at], other.start, other.end)
        if owner:
            break
    return Event(cue.name, phase, owner, sentence[cue.start : cue.end], assumed)


def _inside_name(sentence: str, cue: Cue) -> bool:
    """A cue word inside a proper name ("Security Treaty Organization") names, not dates."""
    text = sentence[cue.start : cue.end]
    if not text[:1].isupper():
        return False
    before = _WORD_BEFORE.search(sentence[: cue.start])
    after = _WORD_AFTER.match(sentence[cue.end :])
    return bool(before and before.group(1)[:1].isupper() and after and after.group(1)[:1].isupper())


def _head_event(sentence: str, cue: Cue, cues: list[Cue]) -> Cue:
    """In "the closing ceremony of the peacekeeping operation" the ceremony is dated."""
    m = _HEAD_OF.search(sentence[: cue.start])
    if m:
        for other in cues:
            if other.start == m.start(1) and other.name != cue.name:
                return other
    return cue


def owner_near(vocab: CompiledRules, sentence: str, start: int, end: int) -> str | None:
    """The organisation named with an event cue: "session of the CSTO Council", "the Council decided"."""
    name = _owner_near(vocab, sentence, start, end)
    if name and any(m.start == 0 and m.end >= len(name) for m in vocab.dates.find(name)):
        return None  # "rescuers on Monday searched": a capitalised date names no one
    return name


def figure_owner(vocab: CompiledRules, sentence: str, start: int, end: int) -> str | None:
    """Whose seats or votes: the name right before the figure ("PAS took 50.2%", "the Bloc came
    second with 24.2%") or after it ("24.2% for the Patriotic Bloc"); rules/things.toml [owners]."""
    pattern, _ = _owner_patterns(vocab)
    _, after, max_between = vocab.owned_things
    lead = after.match(sentence, end)
    if lead:
        m = pattern.match(sentence, lead.end())
        if m:
            return _trim_name(m.group())
    clause_start, _ = _clause(sentence, start, end)
    before = sentence[max(clause_start, start - 160) : start]
    names = list(pattern.finditer(before))
    if names:
        last = names[-1]
        between = before[last.end() :]
        if last.start() > 0 and before[last.start() - 1] == "(" and between.startswith(")"):
            between = between[1:]  # "the Party of Action and Solidarity (PAS) won 52 seats"
        if len(between.split()) <= max_between and not _CLAUSE_END.search(between):
            name = _trim_name(last.group())
            if name and not any(m.start == 0 and m.end >= len(name) for m in vocab.dates.find(name)):
                return name
    return None


def _owner_near(vocab: CompiledRules, sentence: str, start: int, end: int) -> str | None:
    pattern, before_pattern = _owner_patterns(vocab)
    if sentence[start:end][:1].isupper():
        # A capitalised cue is part of a name: "the Agreement on Peacekeeping Activities".
        for m in pattern.finditer(sentence):
            if m.start() <= start and end <= m.end():
                return _trim_name(m.group())
    after = _OF_BY.match(sentence[end:])
    if after:
        m = pattern.match(sentence, end + after.end())
        if m:
            return _trim_name(m.group())
    window = max(0, start - 120)
    before = sentence[window:start]
    m = before_pattern.search(before)
    if m:
        name = m.group(1)
        opens_sentence = window + m.start(1) == 0
        # "Peacekeeping contingents from ...": a capital that only opens the sentence names nothing.
        if not (opens_sentence and " " not in name and not name.isupper()):
            return _trim_name(name)
    # "the CSTO peacekeeping forces": a proper word inside the phrase after the cue.
    phrase = _OF_THE_PHRASE.match(sentence[end:])
    if phrase:
        words = _PLACE_WORDS.split(phrase.group(1))[0].split()
        capitals = [w for w in words if w[:1].isupper()]
        if capitals:
            return " ".join(capitals)
    return None


_OWNER_PATTERNS: WeakKeyDictionary[CompiledRules, tuple[re.Pattern[str], re.Pattern[str]]] = WeakKeyDictionary()


def _owner_patterns(vocab: CompiledRules) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(an organisation's name, that name ending a stretch of text), compiled once per vocabulary."""
    found = _OWNER_PATTERNS.get(vocab)
    if found is None:
        owners = vocab.event_rules.get("owners", {})
        pattern = proper_name_pattern(owners.get("connectors", ["of"]), int(owners.get("max_words", 10)))
        found = _OWNER_PATTERNS[vocab] = (pattern, re.compile(rf"({pattern.pattern})\s+(?:\w+\s+)?$"))
    return found


def _trim_name(name: str) -> str | None:
    words = _POSSESSIVE_END.sub("", name.strip()).split()
    while words and words[0].lower() in {"the", "a", "an"}:
        words.pop(0)
    while words and not words[-1][:1].isupper():
        words.pop()
    return " ".join(words) or None


# -- attribution -------------------------------------------------------------------------
class Attributor:
    def __init__(self, vocab: CompiledRules) -> None:
        rules = vocab.attribution
        self.max_words = int(rules.get("max_words", 8))
        self.pronouns = {p.lower() for p in rules.get("pronouns", [])}
        self.verbs = re.compile(rf"(?<![\w-])(?:{alternation(rules.get('verbs', []))})(?![\w-])", re.IGNORECASE)
        # What dates a saying rather than an event: "killed 5, according to a statement on Tuesday".
        saying = [*rules.get("verbs", []), *rules.get("according_to", []), *rules.get("statements", [])]
        self.speech = re.compile(rf"(?<![\w-])(?:{alternation(saying)})(?![\w-])", re.IGNORECASE)
        self.according = re.compile(
            rf"(?<![\w-])(?:{alternation(rules.get('according_to', []))})\s+", re.IGNORECASE
        )
        strip = rules.get("strip", [])
        self.strip = re.compile(rf"^(?:(?:{alternation(strip)})\s+)+", re.IGNORECASE) if strip else None
        self.name = proper_name_pattern(["of", "for", "on", "and", "the"], self.max_words)
        self.not_speakers = {w.lower() for w in vocab.dates.relative} | {w.lower() for w in vocab.dates.weekdays} | {
            w.lower() for w in rules.get("not_speakers", [])
        }
        self.stop_words = vocab.stop_words
        self.stop = re.compile(r"\s+(?:in|at|on|during|with|after|before|to|from|while|when|by)\s+", re.IGNORECASE)
        self.name_after_verb = re.compile(r"\s+(?:by\s+)?((?:the\s+)?(?:[\w'’-]+\s+){0,6}?)?(" + self.name.pattern + ")")

    @classmethod
    def for_vocab(cls, vocab: CompiledRules) -> "Attributor":
        """One per vocabulary: it holds only compiled rules, no state of an article."""
        found = _ATTRIBUTORS.get(vocab)
        if found is None:
            found = _ATTRIBUTORS[vocab] = cls(vocab)
        return found

    def __call__(self, sentence: str) -> str | None:
        m = self.according.search(sentence)
        if m:
            source = _ACCORDING_END.split(sentence[m.end() :], maxsplit=1)[0]
            return self._clean(source)
        for v in self.verbs.finditer(sentence):
            before = sentence[: v.start()]
            passive = _BY_AGENT.match(sentence[v.end() :])
            if passive and _PASSIVE.search(before):
                m2 = self.name.match(sentence, v.end() + passive.end())
                if m2:
                    return self._clean(m2.group())
            segment = _CLAUSE_END.split(before)[-1]
            segment = self.stop.split(segment)[0] if segment.strip() else segment
            speaker = self._clean(segment)
            if speaker:
                return speaker
            after = sentence[v.end() :]
            name = self.name_after_verb.match(after)
            if name and not _PUNCT.search(after[: name.start(2)]):
                return self._clean(name.group(2))
        return None

    def _clean(self, text: str) -> str | None:
        text = text.strip(" \"'.,;:")
        while True:  # "Today the President said": the date is not the speaker
            first = _FIRST_WORD.match(text)
            if not first or first.group(1).lower() not in self.not_speakers:
                break
            text = text[first.end() :]
        if self.strip:
            text = self.strip.sub("", text)
        words = text.split()
        if not words or len(words) > self.max_words:
            return None
        if all(w.lower() in self.not_speakers or w.lower() in self.stop_words for w in words):
            return None  # "..., and reported": no one
        if words[0].lower() in self.pronouns and len(words) == 1:
            return words[0].lower()
        if not any(w[:1].isupper() for w in words) and len(words) > 4:
            return None
        # A speaker is a name or a role: it starts with a capital or is short.
        return " ".join(words)

    def is_pronoun(self, speaker: str | None) -> bool:
        return speaker is not None and speaker.lower() in self.pronouns


_ATTRIBUTORS: WeakKeyDictionary[CompiledRules, Attributor] = WeakKeyDictionary()
