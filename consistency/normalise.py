"""Repairing scraped text and marking page furniture, line by line.

The normalised text keeps the original line structure: line *i* of the normalised text comes
from line *i* of the input, and a dropped line becomes empty.  That keeps paragraph breaks
where they were and makes every offset easy to map back (see :mod:`consistency.offsets`).
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from consistency.offsets import OffsetMap

_SENTENCE_END = re.compile(r"[.!?…:;]\W*$")
_WORD = re.compile(r"\w+")


@dataclass
class Line:
    number: int  # 1-based line in the input text
    raw_start: int  # offset of the line in the input text
    raw: str
    text: str = ""  # repaired text (stripped)
    pieces: list[tuple[int, int, int, int]] = field(default_factory=list)  # (norm, nlen, raw, rlen) relative
    dropped: str | None = None  # why the line is not article text

    _words: tuple[str, int] | None = field(default=None, repr=False, compare=False)

    @property
    def words(self) -> int:
        # Asked again and again while furniture is marked: counted once per text.
        cached = self._words
        if cached is None or cached[0] is not self.text:
            cached = self._words = (self.text, len(_WORD.findall(self.text)))
        return cached[1]


@dataclass
class Normaliser:
    repairs: list[tuple[re.Pattern[str], str]]
    combined: re.Pattern[str]
    line_patterns: re.Pattern[str]
    layout: dict

    @classmethod
    def from_rules(cls, normalise_rules: dict, boilerplate_rules: dict) -> "Normaliser":
        repairs = []
        parts = []
        for i, rule in enumerate(normalise_rules.get("repairs", [])):
            repairs.append((re.compile(rule["pattern"]), rule["replace"]))
            parts.append(f"(?P<r{i}>{rule['pattern']})")
        combined = re.compile("|".join(parts)) if parts else re.compile(r"(?!)")
        patterns = boilerplate_rules.get("lines", {}).get("patterns", [])
        line_patterns = re.compile(
            "^(?:" + "|".join(f"(?:{p})" for p in patterns) + r")[\s.!:*]*$", re.IGNORECASE
        ) if patterns else re.compile(r"(?!)")
        return cls(repairs, combined, line_patterns, boilerplate_rules.get("layout", {}))

    # -- repairs -------------------------------------------------------------------------
    def repair(self, raw: str) -> tuple[str, list[tuple[int, int, int, int]]]:
        """Repaired, stripped text of one line and its pieces (offsets relative to the line)."""
        if not any(p.search(raw) for p, _ in self.repairs):
            # (One search per rule is faster than the combined pattern: each starts with a
            # literal or a class the regex engine skips to.)
            # Nothing to repair: one piece, what the loop below gives for an untouched line.
            text = raw.strip()
            if not text:
                return text, []
            lead = len(raw) - len(raw.lstrip())
            return text, [(0, len(raw) - lead, lead, len(raw) - lead)]
        out: list[str] = []
        pieces: list[tuple[int, int, int, int]] = []
        pos = 0
        npos = 0
        for m in self.combined.finditer(raw):
            if m.start() > pos:
                chunk = raw[pos : m.start()]
                out.append(chunk)
                pieces.append((npos, len(chunk), pos, len(chunk)))
                npos += len(chunk)
            index = int(m.lastgroup[1:])  # type: ignore[index]
            replacement = self.repairs[index][1]
            if replacement == "entity":
                name = self.repairs[index][0].match(m.group()).group(1)  # type: ignore[union-attr]
                replacement = html.unescape(f"&{name};")
                if replacement == "\xa0":
                    replacement = " "
            # A repair may touch the start of a line: never emit a leading space.
            if replacement == " " and npos == 0:
                replacement = ""
            if replacement == " " and out and out[-1].endswith(" "):
                replacement = ""
            out.append(replacement)
            pieces.append((npos, len(replacement), m.start(), m.end() - m.start()))
            npos += len(replacement)
            pos = m.end()
        if pos < len(raw):
            chunk = raw[pos:]
            out.append(chunk)
            pieces.append((npos, len(chunk), pos, len(chunk)))
        text = "".join(out)
        # Strip, shifting the pieces.
        lead = len(text) - len(text.lstrip())
        text = text.strip()
        if lead:
            pieces = _shift(pieces, lead)
        return text, [p for p in pieces if p[0] < len(text) or p[1] == 0]

    # -- furniture -----------------------------------------------------------------------
    def mark_furniture(self, lines: list[Line]) -> None:
        script = _dominant_script("".join(line.text for line in lines))
        ratio = float(self.layout.get("foreign_script_min_ratio", 0.5))
        min_letters = int(self.layout.get("foreign_script_min_letters", 6))
        for line in lines:
            if not line.text:
                continue
            if self.line_patterns.match(line.text):
                line.dropped = "boilerplate"
            elif script and _foreign_share(line.text, script, min_letters) >= ratio:
                line.dropped = "another language"
        self._mark_menus(lines)
        if self.layout.get("propagate_to_short_neighbours", True):
            self._propagate(lines)

    def _is_short(self, line: Line) -> bool:
        max_words = int(self.layout.get("menu_max_words", 3))
        return bool(line.text) and line.words <= max_words and not _SENTENCE_END.search(line.text) or (
            bool(line.text) and line.words <= max_words and line.text.endswith(":")
        )

    def _mark_menus(self, lines: list[Line]) -> None:
        min_lines = int(self.layout.get("menu_min_lines", 2))
        run: list[Line] = []
        for line in [*lines, None]:
            if line is not None and line.text and (self._is_short(line) or line.dropped):
                run.append(line)
                continue
            if len([r for r in run if self._is_short(r)]) >= min_lines and len(run) >= min_lines:
                for r in run:
                    r.dropped = r.dropped or "menu"
            run = []

    def _propagate(self, lines: list[Line]) -> None:
        changed = True
        while changed:
            changed = False
            for i, line in enumerate(lines):
                if line.dropped or not self._is_short(line):
                    continue
                neighbours = [lines[j] for j in (i - 1, i + 1) if 0 <= j < len(lines)]
                if any(n.dropped and n.text for n in neighbours):
                    line.dropped = "beside furniture"
                    changed = True


def _shift(pieces: list[tuple[int, int, int, int]], lead: int) -> list[tuple[int, int, int, int]]:
    shifted = []
    for n, nl, r, rl in pieces:
        if n + nl <= lead:
            continue
        if n < lead:
            cut = lead - n
            if nl == rl:
                shifted.append((0, nl - cut, r + cut, rl - cut))
            else:
                shifted.append((0, nl - cut, r, rl))
        else:
            shifted.append((n - lead, nl, r, rl))
    return shifted


@lru_cache(maxsize=4096)
def _script_of(ch: str) -> str:
    try:
        return unicodedata.name(ch).split(" ")[0]
    except ValueError:
        return ""


# Every ASCII letter is named "LATIN ...": counted in one pass, never looked up letter by letter.
_ASCII_LETTERS = re.compile(r"[A-Za-z]+")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_LATIN = "LATIN"


def _ascii_letter_count(text: str) -> int:
    return len(text) - len(_ASCII_LETTERS.sub("", text))


def _other_letters(text: str) -> list[str]:
    """The letters of ``text`` outside ASCII, in order."""
    if text.isascii():
        return []
    return [ch for ch in _NON_ASCII.findall(text) if ch.isalpha()]


def _dominant_script(text: str) -> str | None:
    text = text[:20000]
    counts: dict[str, int] = {}
    first: dict[str, int] = {}  # where each script first appears: a tie goes to the first seen
    ascii_letters = _ascii_letter_count(text)
    if ascii_letters:
        counts[_LATIN] = ascii_letters
        first[_LATIN] = _ASCII_LETTERS.search(text).start()  # type: ignore[union-attr]
    if not text.isascii():
        for m in _NON_ASCII.finditer(text):
            ch = m.group()
            if not ch.isalpha():
                continue
            script = _script_of(ch)
            counts[script] = counts.get(script, 0) + 1
            if m.start() < first.get(script, len(text)):
                first[script] = m.start()
    if not counts:
        return None
    ordered = sorted(counts, key=first.__getitem__)
    return max(ordered, key=counts.__getitem__)


def _foreign_share(text: str, script: str, min_letters: int) -> float:
    ascii_letters = _ascii_letter_count(text)
    others = _other_letters(text)
    letters = ascii_letters + len(others)
    if letters < min_letters:
        return 0.0
    foreign = (ascii_letters if script != _LATIN else 0) + sum(1 for ch in others if _script_of(ch) != script)
    return foreign / letters


def split_lines(raw: str) -> list[Line]:
    lines = []
    pos = 0
    number = 1
    for m in re.finditer(r"\r\n|\r|\n", raw):
        lines.append(Line(number, pos, raw[pos : m.start()]))
        pos = m.end()
        number += 1
    lines.append(Line(number, pos, raw[pos:]))
    return lines


def normalise_lines(raw: str, normaliser: Normaliser, *, skip: int = 0) -> list[Line]:
    """Repaired lines with furniture marked; the first ``skip`` lines (front matter) are set aside."""
    lines = split_lines(raw)
    for line in lines[skip:]:
        line.text, line.pieces = normaliser.repair(line.raw)
    for line in lines[:skip]:
        line.dropped = "front matter"
    normaliser.mark_furniture(lines[skip:])
    return lines


def assemble(lines: list[Line]) -> tuple[str, OffsetMap]:
    """Join kept lines (dropped ones become empty) into text with its map to the input."""
    parts: list[str] = []
    mapping = OffsetMap()
    npos = 0
    for i, line in enumerate(lines):
        if i:
            parts.append("\n")
            mapping.add(npos, 1, line.raw_start - 1, 1)
            npos += 1
        if line.dropped or not line.text:
            continue
        parts.append(line.text)
        for n, nl, r, rl in line.pieces:
            mapping.add(npos + n, nl, line.raw_start + r, rl)
        npos += len(line.text)
    return "".join(parts), mapping
