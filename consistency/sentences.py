"""Sentence splitting with offsets.

A full stop ends a sentence when what follows starts a new one (a capital, a digit, a quote)
and the word before it is not an abbreviation from ``rules/sentences.toml``.  A paragraph
break always ends a sentence; a single line break does too unless the next line continues in
lower case (text wrapped by hand).
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


class SentenceSplitter:
    def __init__(self, rules: dict) -> None:
        vocabulary = rules.get("abbreviations", {})
        self.titles = {t.lower().rstrip(".") for t in vocabulary.get("titles", [])}
        self.abbreviations = {a.lower().rstrip(".") for a in vocabulary.get("words", [])}
        # Candidate ends: terminal punctuation, optional closing quotes/brackets, then space.
        self._candidate = re.compile(r"[.!?…]+[\"')\]]*(?=\s)|\n")

    def split(self, text: str) -> list[Sentence]:
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

    @staticmethod
    def _emit(text: str, start: int, end: int, out: list[Sentence]) -> None:
        chunk = text[start:end]
        stripped = chunk.strip()
        if not stripped:
            return
        s = start + (len(chunk) - len(chunk.lstrip()))
        out.append(Sentence(s, s + len(stripped), stripped))

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
        following = text[m.end() :].lstrip(" \t")
        if not following:
            return True
        first = following[0]
        if first == "\n":
            return True
        if punct.startswith(".") and punct.rstrip("\"')]") == ".":
            # A bounded window: searching the whole prefix would make splitting quadratic.
            word = re.search(r"([\w.]+)$", text[max(0, m.start() - 40) : m.start()])
            token = word.group(1).lower() if word else ""
            if token.rstrip(".") in self.titles:
                return False
            if token in self.abbreviations or token.rstrip(".") in self.abbreviations:
                # An abbreviation ends a sentence only when a new sentence visibly starts
                # after it and it cannot be read as part of a name or date.
                return False
            if re.fullmatch(r"[a-z]", token) and not punct.endswith(('"', "'")):
                return False  # initials: "J. Smith"
            if re.fullmatch(r"[A-Z]", text[m.start() - 1 : m.start()]) and (
                m.start() < 2 or not text[m.start() - 2].isalnum()
            ):
                return False
        # A quote closed with a comma-less full stop followed by lower case continues.
        if first.islower():
            return False
        return first.isupper() or first.isdigit() or first in "\"'([«“‘" or not first.isalnum()
