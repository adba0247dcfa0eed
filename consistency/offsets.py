"""Mapping positions in normalised text back to the original file.

Normalisation replaces short stretches of text (``& mdash;`` becomes ``—``); each replacement is
a *piece*.  A piece whose length is unchanged maps character by character; a changed piece maps
every position inside it to the start of the original stretch, and its end to the original end,
so a claim's span always covers the original text it came from.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field


@dataclass
class OffsetMap:
    norm_starts: list[int] = field(default_factory=list)
    raw_starts: list[int] = field(default_factory=list)
    norm_lens: list[int] = field(default_factory=list)
    raw_lens: list[int] = field(default_factory=list)

    def add(self, norm_start: int, norm_len: int, raw_start: int, raw_len: int) -> None:
        # Consecutive one-to-one pieces are merged to keep the map small.
        if (
            self.norm_starts
            and norm_len == raw_len
            and self.norm_lens[-1] == self.raw_lens[-1]
            and self.norm_starts[-1] + self.norm_lens[-1] == norm_start
            and self.raw_starts[-1] + self.raw_lens[-1] == raw_start
        ):
            self.norm_lens[-1] += norm_len
            self.raw_lens[-1] += raw_len
            return
        self.norm_starts.append(norm_start)
        self.raw_starts.append(raw_start)
        self.norm_lens.append(norm_len)
        self.raw_lens.append(raw_len)

    def to_raw(self, pos: int, *, end: bool = False) -> int:
        """Original offset of normalised offset ``pos`` (``end=True`` for an exclusive end)."""
        if not self.norm_starts:
            return pos
        i = bisect_right(self.norm_starts, pos - 1 if end else pos) - 1
        if i < 0:
            return self.raw_starts[0]
        n_start, r_start = self.norm_starts[i], self.raw_starts[i]
        n_len, r_len = self.norm_lens[i], self.raw_lens[i]
        delta = pos - n_start
        if n_len == r_len:
            return r_start + min(delta, r_len)
        if end:
            return r_start + r_len if delta > 0 else r_start
        return r_start if delta < n_len else r_start + r_len

    def compose(self, outer: "OffsetMap") -> "OffsetMap":
        """A map through ``self`` then ``outer`` (text from HTML: normalised → text → file)."""
        combined = OffsetMap()
        for ns, rs, nl, rl in zip(self.norm_starts, self.raw_starts, self.norm_lens, self.raw_lens):
            if nl == rl:
                # Split where the outer map changes pieces so one-to-one stretches stay exact.
                pos = 0
                while pos < nl:
                    file_start = outer.to_raw(rs + pos)
                    run = 1
                    while pos + run < nl and outer.to_raw(rs + pos + run) == file_start + run:
                        run += 1
                    combined.add(ns + pos, run, file_start, run)
                    pos += run
            else:
                start = outer.to_raw(rs)
                stop = outer.to_raw(rs + rl, end=True)
                combined.add(ns, nl, start, max(0, stop - start))
        return combined


class LineIndex:
    """1-based line and column of an offset in a text."""

    def __init__(self, text: str) -> None:
        # A lone CR ends a line too (old Mac files), as in normalise.split_lines.
        self.starts = [0, *(m.end() for m in re.finditer(r"\r\n|\r|\n", text))]

    def locate(self, offset: int) -> tuple[int, int]:
        line = bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1] + 1
