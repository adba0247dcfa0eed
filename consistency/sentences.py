"""Sentence splitting with offsets.

A full stop ends a sentence when what follows starts a new one (a capital, a digit, a quote)
and the word before it is not an abbreviation from ``rules/sentences.toml``.  A paragraph
break always ends a sentence; a single line break does too unless the next line continues in
lower case (text wrapped by hand).

A "sentence" longer than ``limits.max_chars`` (``rules/sentences.toml``, default 1,000
characters; real ones are a few hundred) is not prose: a table flattened into one line, a
megabyte of digits, a page without a full stop.  It is read in pieces of at most that length,
cut at a space where there is one, so the work done per sentence stays bounded and the whole
run stays linear in the size of the input.  Such pieces are marked ``cut``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


DEFAULT_MAX_CHARS = 1000
_NOT_BLANK = re.compile(r"[^ \t]")
_LAST_WORD = re.compile(r"([\w.]+)$")
_ONE_LOWER = re.compile(r"[a-z]")
_ONE_UPPER = re.compile(r"[A-Z]")
_CACHE_CHARS = 2_000_000
_LINE_OPENS_WITH_END = re.compile(r"\n[.!?…]")  # a line opening with a candidate end (see split_by_line)


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str
    cut: bool = False  # a piece of an over-long sentence (see the module docstring)


class SentenceSplitter:
    def __init__(self, rules: dict) -> None:
        vocabulary = rules.get("abbreviations", {})
        self.titles = {t.lower().rstrip(".") for t in vocabulary.get("titles", [])}
        self.abbreviations = {a.lower().rstrip(".") for a in vocabulary.get("words", [])}
        self.max_chars = max(100, int(rules.get("limits", {}).get("max_chars", DEFAULT_MAX_CHARS)))
        # Candidate ends: terminal punctuation, optional closing quotes/brackets, then space.
        self._candidate = re.compile(r"[.!?…]+[\"')\]]*(?=\s)|\n")
        # Several extractors split the same text (the article, its lines, the masked text):
        # splitting is a pure function of the text, so the result is kept, up to a bounded
        # number of characters (the whole cache is dropped when it is full).
        self._cache: dict[str, tuple[Sentence, ...]] = {}
        self._cached_chars = 0

    def split(self, text: str) -> list[Sentence]:
        cached = self._cache.get(text)
        if cached is None:
            cached = tuple(self._split(text))
            if self._cached_chars + len(text) > _CACHE_CHARS:
                self._cache.clear()
                self._cached_chars = 0
            self._cache[text] = cached
            self._cached_chars += len(text)
        return list(cached)

    def split_by_line(self, text: str) -> list[Sentence]:
        """The sentences of each line of ``text`` split on its own, with offsets in ``text``."""
        whole = self.split(text)
        if not _LINE_OPENS_WITH_END.search(text) and not any("\n" in s.text for s in whole):
            # No sentence of the whole runs over a line break, and no line opens with a sentence
            # end (whose test would read the line before): line by line gives these sentences.
            return whole
        out: list[Sentence] = []
        pos = 0
        for line in text.split("\n"):
            if line.strip():
                out.extend(Sentence(pos + x.start, pos + x.end, x.text) for x in self.split(line))
            pos += len(line) + 1
        return out

    def __getstate__(self) -> dict:
        state = dict(self.__dict__)
        state["_cache"], state["_cached_chars"] = {}, 0
        return state

    def _split(self, text: str) -> list[Sentence]:
        sentences: list[Sentence] = []
        start = 0
        for m in self._candidate.finditer(text):
            end = m.end()
            if m.group() == "\n":
                if not self._line_break_ends(text, m.start()):
                    continue
                end = m.start()
            elif not self._ends_here(text, m):
                continue
            self._emit(text, start, end, sentences)
            start = end
        self._emit(text, start, len(text), sentences)
        return sentences

    def _emit(self, text: str, start: int, end: int, out: list[Sentence]) -> None:
        chunk = text[start:end]
        stripped = chunk.strip()
        if not stripped:
            return
        s = start + (len(chunk) - len(chunk.lstrip()))
        if len(stripped) <= self.max_chars:
            out.append(Sentence(s, s + len(stripped), stripped))
            return
        # Over-long: pieces of at most max_chars, cut at the last space of the second half.
        e = s + len(stripped)
        while s < e:
            cut = min(e, s + self.max_chars)
            if cut < e:
                space = text.rfind(" ", s + self.max_chars // 2, cut)
                if space > s:
                    cut = space
            piece = text[s:cut]
            kept = piece.strip()
            if kept:
                lead = len(piece) - len(piece.lstrip())
                out.append(Sentence(s + lead, s + lead + len(kept), kept, cut=True))
            s = cut

    def _line_break_ends(self, text: str, pos: int) -> bool:
        before = text[max(0, pos - 200) : pos].rstrip(" ")
        if not before or before.endswith("\n"):
            return True
        nxt = text[pos + 1 : pos + 2]
        if nxt == "\n" or nxt == "":
            return True
        return not (nxt.islower() and before[-1:] not in ".!?\"'")

    def _ends_here(self, text: str, m: re.Match[str]) -> bool:
        punct = m.group()
        # The first character after spaces and tabs, found without copying the rest of the text.
        nxt = _NOT_BLANK.search(text, m.end())
        following = text[nxt.start() : nxt.start() + 1] if nxt else ""
        if not following:
            return True
        first = following[0]
        if first == "\n":
            return True
        if punct.startswith(".") and punct.rstrip("\"')]") == ".":
            # A bounded window: searching the whole prefix would make splitting quadratic.
            word = _LAST_WORD.search(text[max(0, m.start() - 40) : m.start()])
            token = word.group(1).lower() if word else ""
            if token.rstrip(".") in self.titles:
                return False
            if token in self.abbreviations or token.rstrip(".") in self.abbreviations:
                # An abbreviation ends a sentence only when a new sentence visibly starts
                # after it and it cannot be read as part of a name or date.
                return False
            if _ONE_LOWER.fullmatch(token) and not punct.endswith(('"', "'")):
                return False  # initials: "J. Smith"
            if _ONE_UPPER.fullmatch(text[m.start() - 1 : m.start()]) and (
                m.start() < 2 or not text[m.start() - 2].isalnum()
            ):
                return False
        # A quote closed with a comma-less full stop followed by lower case continues.
        if first.islower():
            return False
        return first.isupper() or first.isdigit() or first in "\"'([«“‘" or not first.isalnum()
