"""Loading the rule files (``rules/*.toml``) that hold every piece of vocabulary.

Each file is a TOML document with a ``[meta]`` table (``description``) and an ``[[examples]]``
array that the test suite runs through the whole extraction pipeline.  A user may add folders
of their own: a file with the same name extends the built-in one (tables are merged key by
key, arrays are appended), a new name adds a new file.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from consistency.regex_safety import nested_repetition

BUILTIN_DIR_CANDIDATES = (
    Path(__file__).parent / "rules",  # installed: rules/ is packaged as consistency/rules
    Path(__file__).parent.parent / "rules",  # source checkout
)


class RulesError(Exception):
    """A rule file that cannot be used: the message names the file, and the key or line."""


def builtin_rules_dir() -> Path:
    for candidate in BUILTIN_DIR_CANDIDATES:
        if candidate.is_dir() and any(candidate.glob("*.toml")):
            return candidate
    raise RulesError("the built-in rules folder is missing; reinstall the package")


def _merge(base: Any, extra: Any) -> Any:
    if isinstance(base, dict) and isinstance(extra, dict):
        merged = dict(base)
        for key, value in extra.items():
            merged[key] = _merge(base[key], value) if key in base else value
        return merged
    if isinstance(base, list) and isinstance(extra, list):
        return base + extra
    return extra


def read_rule_file(path: Path) -> dict[str, Any]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RulesError(f"{path}: cannot read rule file: {exc}") from exc
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise RulesError(f"{path}: TOML error: {exc}") from exc


@dataclass
class Rules:
    """All rule files of a run, by file stem (``numbers``, ``qualifiers`` ...)."""

    data: dict[str, dict[str, Any]]
    files: dict[str, list[Path]] = field(default_factory=dict)

    def __getitem__(self, name: str) -> dict[str, Any]:
        try:
            return self.data[name]
        except KeyError:
            raise RulesError(f"rule file '{name}.toml' is missing") from None

    def get(self, name: str, default: Any = None) -> Any:
        return self.data.get(name, default)

    @cached_property
    def version(self) -> str:
        """A hash of the merged rules: claims extracted under other rules are not reused."""
        digest = hashlib.sha256()
        for name in sorted(self.data):
            digest.update(name.encode())
            digest.update(repr(_canonical(self.data[name])).encode())
        return digest.hexdigest()[:16]

    @cached_property
    def compiled(self) -> "CompiledRules":
        from consistency.vocabulary import CompiledRules

        return CompiledRules(self)


def _canonical(value: Any) -> Any:
    if isinstance(value, dict):
        return tuple((k, _canonical(value[k])) for k in sorted(value))
    if isinstance(value, list):
        return tuple(_canonical(v) for v in value)
    return value


def load_rules(extra_dirs: tuple[Path, ...] | list[Path] = ()) -> Rules:
    """Read the built-in rules, then each extra folder in order (later folders win)."""
    data: dict[str, dict[str, Any]] = {}
    files: dict[str, list[Path]] = {}
    for folder in (builtin_rules_dir(), *map(Path, extra_dirs)):
        if not folder.is_dir():
            raise RulesError(f"{folder}: rules folder does not exist")
        for path in sorted(folder.glob("*.toml")):
            content = read_rule_file(path)
            validate_rule_file(path, content)
            name = path.stem
            data[name] = _merge(data[name], content) if name in data else content
            files.setdefault(name, []).append(path)
    return Rules(data=data, files=files)


def validate_rule_file(path: Path, content: dict[str, Any]) -> None:
    meta = content.get("meta")
    if not isinstance(meta, dict) or not isinstance(meta.get("description"), str):
        raise RulesError(f"{path}: key 'meta.description' is missing: every rule file says what it holds")
    for key in meta:
        if key != "description":
            raise RulesError(
                f"{path}: unknown key 'meta.{key}': [meta] holds only 'description'; "
                "put vocabulary in a table of its own (a key after [meta] belongs to it)"
            )
    for i, example in enumerate(content.get("examples", [])):
        if not isinstance(example, dict) or "text" not in example:
            raise RulesError(f"{path}: examples[{i}] needs a 'text' key")
    for key, pattern in _patterns(content):
        try:
            re.compile(pattern)
        except re.error as exc:
            raise RulesError(f"{path}: key '{key}': invalid regular expression: {exc}") from exc
        # Matched ignoring case by some stages: checked that way, which only widens what overlaps.
        why = nested_repetition(pattern, re.IGNORECASE)
        if why:
            raise RulesError(
                f"{path}: key '{key}': nested unbounded repetition can take exponential time on hostile "
                f"text ({why}): {pattern!r}; bound the inner repetition ({{1,20}}), start each turn with "
                "something the inner part cannot match (a separator), or make it possessive ('a++')"
            )


def _patterns(content: Any, prefix: str = "") -> list[tuple[str, str]]:
    """Every value under a key named ``pattern``/``patterns``/``*_pattern(s)``."""
    found: list[tuple[str, str]] = []
    if isinstance(content, dict):
        for key, value in content.items():
            where = f"{prefix}.{key}" if prefix else key
            if key.endswith("pattern") and isinstance(value, str):
                found.append((where, value))
            elif key.endswith("patterns") and isinstance(value, list):
                found.extend((f"{where}[{i}]", v) for i, v in enumerate(value) if isinstance(v, str))
            else:
                found.extend(_patterns(value, where))
    elif isinstance(content, list):
        for i, value in enumerate(content):
            found.extend(_patterns(value, f"{prefix}[{i}]"))
    return found
