"""Finding the line of a key in a TOML file, so that errors can say ``file:line``.

TOML parsers give a line only for syntax errors; a wrong value or an unknown key is reported by
key path (``before."more than"``, ``examples[3]``, ``meta.colour``).  These helpers look the
key up in the file text.  They are best effort: ``None`` when the line cannot be told.
"""

from __future__ import annotations

import re
from pathlib import Path

_TOML_LINE = re.compile(r"\(at line (\d+)(?:, column (\d+))?\)")
_INDEXED = re.compile(r"^(?P<name>.*?)\[(?P<index>\d+)\]$")


def _key_re(key: str) -> re.Pattern[str]:
    k = re.escape(key)
    # a bare, "double" or 'single' quoted key, alone or as the last part of a dotted key
    return re.compile(rf"""^\s*(?:[\w"'.\- ]+\.\s*)?(?:{k}|"{k}"|'{k}')\s*=""")


def _header_re(key: str, array: bool) -> re.Pattern[str]:
    k = re.escape(key)
    open_, close = (r"\[\[", r"\]\]") if array else (r"\[", r"\]")
    return re.compile(rf"""^\s*{open_}\s*(?:[\w"'.\- ]+\.)?\s*(?:{k}|"{k}"|'{k}')\s*{close}""")


def split_key_path(path: str) -> list[str]:
    """``before."more than".low`` -> ["before", "more than", "low"]; quotes keep dots together."""
    parts, current, quote = [], "", None
    for ch in path:
        if quote:
            if ch == quote:
                quote = None
            else:
                current += ch
        elif ch in "\"'":
            quote = ch
        elif ch == ".":
            parts.append(current)
            current = ""
        else:
            current += ch
    parts.append(current)
    return [p for p in parts if p]


def line_of_key(text: str, key_path: str, *, table: str | None = None) -> int | None:
    """The 1-based line where ``key_path`` is defined in TOML ``text``.

    ``table`` restricts the search to lines after that table header (``tool.consistency``)."""
    lines = text.splitlines()
    start = 0
    if table:
        header = re.compile(rf"^\s*\[\s*{re.escape(table)}\s*\]")
        start = next((i for i, line in enumerate(lines) if header.match(line)), 0)
    parts = split_key_path(key_path)
    if not parts:
        return None
    # Walk the parts: each found part narrows the search to the lines after it.
    found: int | None = None
    for part in parts:
        m = _INDEXED.match(part)
        name, index = (m.group("name"), int(m.group("index"))) if m else (part, None)
        if index is not None and name:
            # an array of tables: the index-th [[name]] header; else the line of `name =`
            headers = [i for i in range(start, len(lines)) if _header_re(name, True).match(lines[i])]
            if index < len(headers):
                found = start = headers[index]
                continue
        if not name:
            continue
        hit = next((i for i in range(start, len(lines))
                    if _key_re(name).match(lines[i]) or _header_re(name, False).match(lines[i])
                    or _header_re(name, True).match(lines[i])), None)
        if hit is None:
            # Not after the previous part (inline tables, dotted keys): anywhere in the file.
            hit = next((i for i in range(len(lines)) if _key_re(name).match(lines[i])), None)
        if hit is None:
            return found + 1 if found is not None else None
        found = start = hit
    return found + 1 if found is not None else None


def toml_error_line(message: str) -> int | None:
    """The line a ``tomllib.TOMLDecodeError`` message names, if any."""
    m = _TOML_LINE.search(message)
    return int(m.group(1)) if m else None


_PATH_KEY = re.compile(r"^(?P<path>.+?\.toml): (?P<rest>.*)$", re.S)
_KEY_IN_MESSAGE = re.compile(r"key '(?P<key>[^']+)'|(?P<ex>examples\[\d+\])")


def with_line(message: str) -> str:
    """``rules/x.toml: key 'a.b': ...`` -> ``rules/x.toml:12: key 'a.b': ...`` when it can."""
    m = _PATH_KEY.match(message)
    if not m:
        return message
    path, rest = m.group("path"), m.group("rest")
    line = toml_error_line(rest)
    if line is None:
        k = _KEY_IN_MESSAGE.search(rest)
        if k:
            try:
                text = Path(path).read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                return message
            line = line_of_key(text, k.group("key") or k.group("ex"))
    return f"{path}:{line}: {rest}" if line else message
