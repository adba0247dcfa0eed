"""Refusing regular expressions that can backtrack catastrophically.

Python's ``re`` is a backtracking engine: ``(a+)+$`` on "aaaa...!" tries every way of cutting
the a's into groups, 2**n of them.  Rule files come from users, and article text from anyone,
so a rule pattern must not be able to do that.  :func:`nested_repetition` parses a pattern
(with ``re``'s own parser) and finds the two classic shapes:

* a repetition without bound (``*``, ``+``, ``{n,}``) whose body ends in another repetition
  without bound that can run into the next turn of the outer one: the body can end with a
  character it can also start with, so one string splits into turns in many ways --
  ``(a+)+``, ``(a*)*``, ``(.*)+``, ``(\\w+\\s?)*``;
* a repetition without bound over alternatives that can start with the same character --
  ``(a|a)*``, ``(\\w|\\d)+``.

A body that starts with something its inner repetition cannot match is safe, because each
turn is then told apart by its first character: ``(?:,\\d{3})+``, ``(?:\\.\\d+)*``,
``(?:\\s+and\\s+\\w+)*``.  So is a bounded repetition (``{1,4}``) and a possessive one
(``a++``, atomic groups).  The check is about the shape of a pattern, not a proof: the
linear-time tests in ``tests/test_hostile_work.py`` run every rule pattern on hostile text.
"""

from __future__ import annotations

import re
from functools import lru_cache

try:  # Python 3.11+
    from re import _constants as _c  # type: ignore[attr-defined]
    from re import _parser as _p  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python < 3.11
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _p  # type: ignore[no-redef]

_REPEATS = {_c.MAX_REPEAT, _c.MIN_REPEAT}
_POSSESSIVE = {getattr(_c, "POSSESSIVE_REPEAT", None)} - {None}
_ATOMIC = getattr(_c, "ATOMIC_GROUP", None)
_CATEGORY_RE = {
    _c.CATEGORY_DIGIT: re.compile(r"\d"), _c.CATEGORY_NOT_DIGIT: re.compile(r"\D"),
    _c.CATEGORY_SPACE: re.compile(r"\s"), _c.CATEGORY_NOT_SPACE: re.compile(r"\S"),
    _c.CATEGORY_WORD: re.compile(r"\w"), _c.CATEGORY_NOT_WORD: re.compile(r"\W"),
    _c.CATEGORY_LINEBREAK: re.compile(r"\n"), _c.CATEGORY_NOT_LINEBREAK: re.compile(r"[^\n]"),
}
# Characters tried when asking whether two character sets share one: ASCII, Latin-1 and some
# letters, digits and spaces of other scripts; the pattern's own literals are added per pattern.
_SAMPLES = tuple(chr(i) for i in range(0x250)) + tuple("яЖё中٣߀\u2003\u00a0\u202f\u200b\u2028“”«»—–…€£")


class _Set:
    """A set of characters: the union of some sre items (LITERAL, IN, ANY ...)."""

    def __init__(self, items: list[tuple], ignore_case: bool) -> None:
        self.items = items
        self.ignore_case = ignore_case

    def __contains__(self, ch: str) -> bool:
        if self.ignore_case:
            variants = {v for v in (ch, ch.lower(), ch.upper()) if len(v) == 1}
            return any(self._has(item, v) for item in self.items for v in variants)
        return any(self._has(item, ch) for item in self.items)

    @staticmethod
    def _has(item: tuple, ch: str) -> bool:
        op, arg = item
        if op is _c.ANY:
            return True  # conservatively also "\n"
        if op is _c.LITERAL:
            return ord(ch) == arg
        if op is _c.NOT_LITERAL:
            return ord(ch) != arg
        if op is _c.IN:
            negate = bool(arg) and arg[0][0] is _c.NEGATE
            found = False
            for sub_op, sub_arg in arg:
                if sub_op is _c.LITERAL and ord(ch) == sub_arg:
                    found = True
                elif sub_op is _c.RANGE and sub_arg[0] <= ord(ch) <= sub_arg[1]:
                    found = True
                elif sub_op is _c.CATEGORY and _CATEGORY_RE.get(sub_arg, _ANY_RE).match(ch):
                    found = True
            return found != negate
        return True  # anything unknown: conservatively everything

    def overlaps(self, other: "_Set", samples: tuple[str, ...]) -> bool:
        return any(ch in self and ch in other for ch in samples)


_ANY_RE = re.compile(r"(?s:.)")


def _unbounded(av: tuple) -> bool:
    return av[1] == _c.MAXREPEAT


class _Analyser:
    def __init__(self, ignore_case: bool) -> None:
        self.ignore_case = ignore_case

    # -- what a piece of pattern can match ------------------------------------------------
    def nullable(self, seq) -> bool:  # noqa: ANN001
        return all(self._nullable(op, av) for op, av in seq)

    def _nullable(self, op, av) -> bool:  # noqa: ANN001
        if op in (_c.LITERAL, _c.NOT_LITERAL, _c.IN, _c.ANY):
            return False
        if op in _REPEATS or op in _POSSESSIVE:
            return av[0] == 0 or self.nullable(av[2])
        if op is _c.SUBPATTERN:
            return self.nullable(av[-1])
        if op is _ATOMIC:
            return self.nullable(av)
        if op is _c.BRANCH:
            return any(self.nullable(b) for b in av[1])
        if op is _c.GROUPREF_EXISTS:
            return True
        return True  # AT, ASSERT, ASSERT_NOT, GROUPREF ...: zero width or unknown

    def first(self, seq) -> list[tuple]:  # noqa: ANN001
        """The sre items any of which can match the first character of ``seq``."""
        items: list[tuple] = []
        for op, av in seq:
            items.extend(self._first(op, av))
            if not self._nullable(op, av):
                break
        return items

    def _first(self, op, av) -> list[tuple]:  # noqa: ANN001
        if op in (_c.LITERAL, _c.NOT_LITERAL, _c.IN, _c.ANY):
            return [(op, av)]
        if op in _REPEATS or op in _POSSESSIVE:
            return self.first(av[2])
        if op is _c.SUBPATTERN:
            return self.first(av[-1])
        if op is _ATOMIC:
            return self.first(av)
        if op is _c.BRANCH:
            return [item for b in av[1] for item in self.first(b)]
        if op is _c.GROUPREF:
            return [(_c.ANY, None)]
        if op is _c.GROUPREF_EXISTS:
            return [item for b in av[1:] if b is not None for item in self.first(b)]
        return []  # zero width

    def _chars(self, seq) -> list[tuple]:  # noqa: ANN001
        """Every character item ``seq`` can match anywhere."""
        items: list[tuple] = []
        for op, av in seq:
            if op in (_c.LITERAL, _c.NOT_LITERAL, _c.IN, _c.ANY):
                items.append((op, av))
            elif op in _REPEATS or op in _POSSESSIVE:
                items.extend(self._chars(av[2]))
            elif op is _c.SUBPATTERN:
                items.extend(self._chars(av[-1]))
            elif op is _ATOMIC:
                items.extend(self._chars(av))
            elif op is _c.BRANCH:
                for b in av[1]:
                    items.extend(self._chars(b))
            elif op is _c.GROUPREF:
                items.append((_c.ANY, None))
        return items

    # -- the body of a repetition as flat paths ------------------------------------------------
    def paths(self, seq, limit: int = 64) -> list[list[tuple]]:  # noqa: ANN001
        """``seq`` as flat sequences of elements, one per way through its alternatives (at most
        ``limit``).  An element is (items, repeat): the character items it can match, and for a
        repetition (min, unbounded, gives back) else None.  Zero-width pieces are left out."""
        out: list[list[tuple]] = [[]]
        for op, av in seq:
            if op in (_c.LITERAL, _c.NOT_LITERAL, _c.IN, _c.ANY):
                options = [[([(op, av)], None)]]
            elif op in _REPEATS or op in _POSSESSIVE:
                options = [[(self._chars(av[2]), (av[0], _unbounded(av), op in _REPEATS, av[2]))]]
            elif op is _ATOMIC:
                options = [[(self._chars(av), (1, False, False, av))]]
            elif op is _c.SUBPATTERN:
                options = self.paths(av[-1], limit)
            elif op is _c.BRANCH:
                options = [p for b in av[1] for p in self.paths(b, limit)]
            elif op is _c.GROUPREF:
                options = [[([(_c.ANY, None)], None)]]
            else:
                continue  # zero width
            out = [prefix + option for prefix in out for option in options][:limit]
        return out

    def _set(self, element: tuple) -> _Set:
        return _Set(element[0], self.ignore_case)

    @staticmethod
    def _optional(element: tuple) -> bool:
        return element[1] is not None and element[1][0] == 0

    # -- the check --------------------------------------------------------------------------
    def problems(self, seq, samples: tuple[str, ...]) -> list[str]:  # noqa: ANN001
        found: list[str] = []
        for op, av in seq:
            if op in _REPEATS and _unbounded(av):
                why = self._ambiguous(av[2], samples)
                if why:
                    found.append(why)
            for child in self._children(op, av):
                found.extend(self.problems(child, samples))
        return found

    def _ambiguous(self, body, samples: tuple[str, ...]) -> str | None:  # noqa: ANN001
        start = _Set(self.first(body), self.ignore_case)
        paths = self.paths(body)
        # An inner repetition that can take in the rest of its turn and the start of the next:
        # "(a+)+", "(\w+\s?)*", "(x+x+)+".
        for path in paths:
            for i, element in enumerate(path):
                rep = element[1]
                if rep is None or not rep[1] or not rep[2]:
                    continue
                inner = self._set(element)
                if not start.overlaps(inner, samples):
                    continue
                if all(self._optional(e) or self._set(e).overlaps(inner, samples) for e in path[i + 1 :]):
                    return "a repetition without bound holds another one that can run into its next turn"
        # Two ways through the body that read the same text: "(a|a)*", "(a|aa)+".
        for i, p1 in enumerate(paths):
            for p2 in paths[i + 1 :]:
                short, long_ = (p1, p2) if len(p1) <= len(p2) else (p2, p1)
                j = 0
                while j < len(short) and self._set(short[j]).overlaps(self._set(long_[j]), samples):
                    j += 1
                if j < len(short):
                    continue
                rest = long_[j:]
                if not rest or _Set(rest[0][0], self.ignore_case).overlaps(start, samples):
                    return "a repetition without bound over alternatives that can match the same text"
        return None

    @staticmethod
    def _children(op, av) -> list:  # noqa: ANN001
        if op in _REPEATS or op in _POSSESSIVE:
            return [av[2]]
        if op is _c.SUBPATTERN:
            return [av[-1]]
        if op is _ATOMIC:
            return [av]
        if op in (_c.ASSERT, _c.ASSERT_NOT):
            return [av[1]]
        if op is _c.BRANCH:
            return list(av[1])
        if op is _c.GROUPREF_EXISTS:
            return [b for b in av[1:] if b is not None]
        return []


def _literals(seq, out: set[str]) -> None:  # noqa: ANN001
    for op, av in seq:
        if op in (_c.LITERAL, _c.NOT_LITERAL):
            out.add(chr(av))
        elif op is _c.IN:
            for sub_op, sub_arg in av:
                if sub_op is _c.LITERAL:
                    out.add(chr(sub_arg))
                elif sub_op is _c.RANGE:
                    out.update((chr(sub_arg[0]), chr(sub_arg[1])))
        else:
            for child in _Analyser._children(op, av):
                _literals(child, out)


@lru_cache(maxsize=1024)
def nested_repetition(pattern: str, flags: int = 0) -> str | None:
    """Why ``pattern`` can take exponential time, or None.  The pattern must compile."""
    parsed = _p.parse(pattern, flags)
    state = getattr(parsed, "state", None) or getattr(parsed, "pattern", None)
    all_flags = flags | (getattr(state, "flags", 0) or 0)
    analyser = _Analyser(bool(all_flags & re.IGNORECASE))
    literals: set[str] = set()
    _literals(parsed, literals)
    samples = _SAMPLES + tuple(sorted(literals - set(_SAMPLES)))
    found = analyser.problems(parsed, samples)
    return found[0] if found else None
