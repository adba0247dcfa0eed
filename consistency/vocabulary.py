"""The rule files compiled once per run into the objects each stage uses.

Nothing here holds a word of vocabulary: every list comes from ``rules/*.toml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from rapidfuzz import fuzz, process

from consistency.extract.casefold import fold
from consistency.extract.dates import DateReader
from consistency.extract.numbers import NumberReader
from consistency.extract.trie import trie_pattern
from consistency.normalise import Normaliser
from consistency.sentences import SentenceSplitter

if TYPE_CHECKING:
    from consistency.rules import Rules


def alternation(words: list[str]) -> str:
    """A regex matching any of ``words``, the longest first where several match at one place.

    Lower-case ASCII words (most vocabulary) are written as a trie: a list of hundreds of cue
    phrases then costs one test per character of the text instead of one per phrase.  For such
    words at most one branch of each trie node can match a character, with or without
    IGNORECASE, so the trie matches what the plain longest-first alternation matches.
    """
    unique = sorted(set(words), key=len, reverse=True)
    if unique and all(w and w.isascii() and w == w.lower() for w in unique):
        return trie_pattern(unique)
    return "|".join(re.escape(w) for w in unique)


def _words_pattern(words: list[str], template: str) -> re.Pattern[str]:
    """``template`` with ``{words}`` standing for any of ``words`` (case-blind); with no words, a
    pattern that never matches (a rule file may leave a list out)."""
    if not words:
        return re.compile(r"(?!)")
    return re.compile(template.replace("{words}", alternation(words)), re.IGNORECASE)


@dataclass
class Cue:
    name: str
    start: int
    end: int


class CueSet:
    """Named groups of cue phrases, found in text as whole words."""

    def __init__(self, groups: dict[str, list[str]]):
        self.groups = groups
        self._last: tuple[str, list[Cue]] | None = None
        self.lookup = {phrase.lower(): name for name, phrases in groups.items() for phrase in phrases}
        self.pattern = (
            re.compile(rf"(?<![\w-])(?:{alternation(list(self.lookup))})(?![\w-])", re.IGNORECASE)
            if self.lookup
            else re.compile(r"(?!)")
        )

    def find(self, text: str) -> list[Cue]:
        # Every number or date of a sentence asks for the cues of the same sentence: scan it once.
        last = self._last
        if last is None or last[0] != text:
            last = (text, [Cue(self.lookup[m.group().lower()], m.start(), m.end())
                           for m in self.pattern.finditer(fold(text))])
            self._last = last
        return list(last[1])


class CompiledRules:
    def __init__(self, rules: "Rules") -> None:
        self.rules = rules

    @cached_property
    def normaliser(self) -> Normaliser:
        return Normaliser.from_rules(self.rules.get("normalise", {}), self.rules.get("boilerplate", {}))

    @cached_property
    def splitter(self) -> SentenceSplitter:
        return SentenceSplitter(self.rules.get("sentences", {}))

    @cached_property
    def numbers(self) -> NumberReader:
        return NumberReader(self.rules.get("numbers", {}), self.rules.get("qualifiers", {}), self.rules.get("not_claims", {}),
                            self.rules.get("units", {}))

    @cached_property
    def dates(self) -> DateReader:
        return DateReader(self.rules.get("dates", {}), self.rules.get("numbers", {}))

    @cached_property
    def prefilter(self):  # -> Prefilter (imported lazily: prefilter.py reads this module's readers)
        from consistency.extract.prefilter import Prefilter

        return Prefilter(self)

    # -- counted things --------------------------------------------------------------------
    @cached_property
    def things(self) -> dict:
        return self.rules.get("things", {})

    @cached_property
    def thing_aliases(self) -> dict[str, str]:
        return {alias.lower(): name for name, aliases in self.things.get("aliases", {}).items() for alias in aliases}

    @cached_property
    def thing_vocabulary(self) -> dict:
        return self.things.get("vocabulary", {})

    @cached_property
    def subject_before(self) -> re.Pattern[str]:
        """A noun, a change verb (the increase and decrease cues, rules/things.toml [subjects]) and
        what may stand between it and the figure: "profit fell 42% to ", "revenue rose by "."""
        spec = self.things.get("subjects", {})
        verbs = [*spec.get("verbs", [])]
        for prop in spec.get("change_properties", []):
            verbs += self.properties.get(prop, {}).get("cues", [])
        between = spec.get("between", [])
        if not verbs:
            return re.compile(r"(?!)")
        signs = self.rules.get("numbers", {}).get("percent", {}).get("signs", [])
        figure = rf"(?:[\d.,]+\s*(?:{alternation(signs)})\s+)" if signs else r"(?!)"
        return re.compile(
            rf"(?P<head>[A-Za-z][\w-]*)\s+(?P<verb>(?:{alternation(verbs)}))\s+"
            rf"(?:(?:{alternation(between)})\s+)?(?:{figure}(?:{alternation(between)})\s+)?$",
            re.IGNORECASE) if between else re.compile(r"(?!)")

    @cached_property
    def determiners(self) -> set[str]:
        return {w.lower() for w in self.thing_vocabulary.get("determiners", [])}

    @cached_property
    def owned_things(self) -> tuple[set[str], re.Pattern[str], int]:
        spec = self.things.get("owners", {})
        after = spec.get("after", [])
        pattern = re.compile(rf"\s+(?:{alternation(after)})\s+(?:the\s+)?", re.IGNORECASE) if after else re.compile(r"(?!)")
        return set(spec.get("things", [])), pattern, int(spec.get("max_words_between", 3))

    @cached_property
    def stop_words(self) -> set[str]:
        return {w.lower() for w in self.thing_vocabulary.get("stop_words", [])}

    @cached_property
    def measure_words(self) -> set[str]:
        return {w.lower() for w in self.thing_vocabulary.get("measure_words", [])}

    @cached_property
    def generic_heads(self) -> set[str]:
        return {w.lower() for w in self.thing_vocabulary.get("generic", [])}

    @cached_property
    def generic_links(self) -> re.Pattern[str]:
        links = self.thing_vocabulary.get("generic_links", [])
        return re.compile(rf"\b(?:{alternation(links)})\b", re.IGNORECASE)

    @cached_property
    def thing_prefixes(self) -> dict[str, str]:
        return {k.lower(): v for k, v in self.things.get("prefixes", {}).items()}

    @cached_property
    def thing_prefix(self) -> re.Pattern[str]:
        if not self.thing_prefixes:
            return re.compile(r"(?!)")
        return re.compile(rf"(?<![\w-])({alternation(list(self.thing_prefixes))})\s+$", re.IGNORECASE)

    @cached_property
    def durations(self) -> re.Pattern[str]:
        spec = self.rules.get("not_claims", {}).get("durations", {})
        units, after = spec.get("units", []), spec.get("after", [])
        if not units or not after:
            return re.compile(r"(?!)")
        return re.compile(rf"^\s+(?:{alternation(units)})\s+(?:{alternation(after)})\b", re.IGNORECASE)

    @cached_property
    def thing_alias_pattern(self) -> re.Pattern[str]:
        return re.compile(rf"(?<![\w-])(?:{alternation(list(self.thing_aliases))})(?![\w-])", re.IGNORECASE)

    def singular(self, word: str) -> str:
        word = word.lower()
        irregular = self.thing_vocabulary.get("irregular_singulars", {})
        if word in irregular:
            return irregular[word]
        if word.endswith("ies") and len(word) > 4:
            return word[:-3] + "y"
        if word.endswith(("sses", "shes", "ches", "xes")):
            return word[:-2]
        if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
            return word[:-1]
        return word

    def canonical_thing(self, phrase: str) -> tuple[str | None, str]:
        """(canonical thing, how it was found) for a counted noun phrase."""
        lowered = phrase.lower().strip()
        if not lowered:
            return None, "none"
        words = lowered.split()
        # Longest alias that ends the phrase ("units of military equipment" -> "military equipment").
        for i in range(len(words)):
            tail = " ".join(words[i:])
            if tail in self.thing_aliases:
                return self.thing_aliases[tail], f"alias '{tail}'"
        head = words[-1]
        min_score = float(self.things.get("matching", {}).get("fuzzy_min_score", 90))
        if len(head) >= 5:
            best = process.extractOne(head, list(self.thing_aliases), scorer=fuzz.ratio, score_cutoff=min_score)
            if best:
                return self.thing_aliases[best[0]], f"spelling variant of '{best[0]}'"
        return self.singular(head), "head noun"

    # -- properties ------------------------------------------------------------------------
    @cached_property
    def properties(self) -> dict[str, dict]:
        return self.rules.get("properties", {}).get("properties", {})

    @cached_property
    def property_cues(self) -> CueSet:
        return CueSet({name: spec.get("cues", []) for name, spec in self.properties.items()})

    @cached_property
    def property_priority(self) -> dict[str, int]:
        return {name: int(spec.get("priority", 1)) for name, spec in self.properties.items()}

    @cached_property
    def background(self) -> tuple[int, re.Pattern[str]]:
        spec = self.rules.get("properties", {}).get("background", {})
        words = spec.get("not_after", [])
        pattern = rf"(?<![\w-])(?:{alternation(words)})\s+(?:the\s+)?(?:year\s+)?$" if words else r"(?!)"
        return int(spec.get("min_days_before", 180)), re.compile(pattern, re.IGNORECASE)

    @cached_property
    def comparison_baseline(self) -> re.Pattern[str]:
        """"the biggest ... since" before a date (the date may hold "since"): the date is a yardstick."""
        spec = self.event_rules.get("comparisons", {})
        words, since = spec.get("baseline", []), spec.get("since", [])
        if not words or not since:
            return re.compile(r"(?!)")
        # anchored at the end: the "since" must lead straight into the date
        return re.compile(rf"(?<![\w-])(?:{alternation(words)})(?![\w-])[^.;:]{{0,60}}?(?<![\w-])(?:{alternation(since)})\s+$",
                          re.IGNORECASE)

    @cached_property
    def figure_joiners(self) -> re.Pattern[str]:
        # a joining word is needed: a comma alone also ends a phrase ("Of the 186 passengers, 34 died")
        return _words_pattern(self.rules.get("properties", {}).get("figures", {}).get("joiners", []),
                              r"\s*,?\s*(?:{words})\s+")

    @cached_property
    def revision_part(self) -> re.Pattern[str]:
        return _words_pattern(self.rules.get("properties", {}).get("revisions", {}).get("part", []),
                              r"\s+(?:{words})(?![\w-])")

    @cached_property
    def counts_only(self) -> set[str]:
        return {name for name, spec in self.properties.items() if spec.get("counts_only")}

    @cached_property
    def cumulative(self) -> set[str]:
        return {name for name, spec in self.properties.items() if spec.get("cumulative")}

    @cached_property
    def update_cues(self) -> re.Pattern[str]:
        return _words_pattern(self.rules.get("properties", {}).get("updates", {}).get("cues", []),
                              r"(?<![\w-])(?:{words})(?![\w-])")

    @cached_property
    def revision_earlier(self) -> re.Pattern[str]:
        return _words_pattern(self.rules.get("properties", {}).get("revisions", {}).get("earlier", []),
                              r"(?<![\w-])(?:{words})\s*$")

    @cached_property
    def revision_increment_before(self) -> re.Pattern[str]:
        return _words_pattern(self.rules.get("properties", {}).get("revisions", {}).get("increment_before", []),
                              r"(?<![\w-])(?:{words})\s+$")

    @cached_property
    def revision_increment(self) -> re.Pattern[str]:
        return _words_pattern(self.rules.get("properties", {}).get("revisions", {}).get("increment", []),
                              r"^\s+(?:{words})\b")

    @cached_property
    def relations(self) -> list[dict]:
        return self.rules.get("properties", {}).get("relations", [])

    # -- events ----------------------------------------------------------------------------
    @cached_property
    def event_rules(self) -> dict:
        return self.rules.get("events", {})

    @cached_property
    def event_cues(self) -> CueSet:
        return CueSet({name: spec.get("cues", []) for name, spec in self.event_rules.get("events", {}).items()})

    @cached_property
    def phase_cues(self) -> CueSet:
        return CueSet(self.event_rules.get("phases", {}))

    # -- names -----------------------------------------------------------------------------
    @cached_property
    def names(self):  # -> NameRules (imported lazily: names.py uses this module)
        from consistency.extract.names import NameRules

        return NameRules(self.rules.get("names", {}))

    @cached_property
    def sets(self):  # -> SetRules
        from consistency.extract.sets import SetRules

        return SetRules(self.rules.get("sets", {}))

    # -- attribution -----------------------------------------------------------------------
    @cached_property
    def attribution(self) -> dict:
        return self.rules.get("attribution", {}).get("speakers", {})

    @cached_property
    def attribution_verbs(self) -> re.Pattern[str]:
        verbs = self.attribution.get("verbs", [])
        return re.compile(rf"[\s,]*(?:{alternation(verbs)})\b", re.IGNORECASE) if verbs else re.compile(r"(?!)")

    @cached_property
    def entity_aliases(self) -> dict[str, str]:
        names = self.rules.get("names", {}).get("aliases", {})
        return {alias.lower(): canonical for canonical, aliases in names.items() for alias in [canonical, *aliases]}
