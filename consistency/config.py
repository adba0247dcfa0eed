"""Project configuration: ``[tool.consistency]`` in ``pyproject.toml``, or ``consistency.toml``.

Found in the current folder or the nearest folder above it that has one (in each folder,
``consistency.toml`` is looked at first; a ``pyproject.toml`` without a ``[tool.consistency]``
table is passed over), or named with ``--config FILE``; ``--isolated`` ignores them all.
In ``consistency.toml`` the keys stand at the top level.  Paths are relative to the file's
folder.  Command-line options override the file.  An unknown key, or a value of the wrong
type, is an error naming the key, the file and its line (exit 2).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from consistency.locate import line_of_key, toml_error_line
from consistency.policy import FAIL_ON

FILE_NAMES = ("consistency.toml", "pyproject.toml")
FORMATS = ("table", "markdown", "json", "jsonl", "csv", "github", "sarif")


class ConfigError(Exception):
    """A configuration file that cannot be used; the message names the file (and line, key)."""


@dataclass(frozen=True)
class Config:
    """Settings from a configuration file; ``None``: not set there."""

    path: Path | None = None
    corpus: tuple[Path, ...] | None = None  # default articles for check/baseline
    rules: tuple[Path, ...] | None = None  # extra rule folders
    fail_on: str | None = None  # discrepancy | update | unique
    format: str | None = None  # check's --format
    baseline: Path | None = None  # the baseline file
    max_bytes: int | None = None  # larger article files are skipped
    exit_zero: bool | None = None
    owner_min_score: float | None = None  # rapidfuzz score (0-100) for two owners to match


KEYS = {
    "corpus": "a path or a list of paths (files or folders of articles)",
    "rules": "a path or a list of paths (folders of rule files)",
    "fail_on": f"one of {', '.join(repr(v) for v in FAIL_ON)}",
    "format": f"one of {', '.join(repr(v) for v in FORMATS)}",
    "baseline": "a path (the baseline file)",
    "max_bytes": "a positive integer",
    "exit_zero": "true or false",
    "owner_min_score": "a number from 0 to 100",
}
assert set(KEYS) == {f.name for f in fields(Config)} - {"path"}


def find_config(start: Path | None = None) -> Path | None:
    """The nearest configuration file at ``start`` (default: the current folder) or above."""
    folder = (start or Path.cwd()).resolve()
    for directory in (folder, *folder.parents):
        for name in FILE_NAMES:
            candidate = directory / name
            if not candidate.is_file():
                continue
            if name == "pyproject.toml" and not _has_tool_table(candidate):
                continue
            return candidate
    return None


def _has_tool_table(path: Path) -> bool:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        # A broken pyproject.toml that mentions the table is ours to report.
        try:
            return "tool.consistency" in path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return False
    return isinstance(data.get("tool"), dict) and "consistency" in data["tool"]


def load_config(path: Path | None = None, *, start: Path | None = None, isolated: bool = False) -> Config:
    """Read ``path``, or the file :func:`find_config` finds; an empty Config when there is none."""
    if isolated and path is None:
        return Config()
    if path is None:
        path = find_config(start)
        if path is None:
            return Config()
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(f"{path}: configuration file does not exist") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read configuration file: {exc}") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line = toml_error_line(str(exc))
        where = f"{path}:{line}" if line else str(path)
        raise ConfigError(f"{where}: TOML error: {exc}") from None
    table_name = None
    if path.name == "pyproject.toml":
        table_name = "tool.consistency"
        tool = data.get("tool", {})
        if not isinstance(tool, dict) or "consistency" not in tool:
            raise ConfigError(f"{path}: no [tool.consistency] table")
        data = tool["consistency"]
        if not isinstance(data, dict):
            raise ConfigError(f"{path}: [tool.consistency] must be a table")
    return _parse(data, path, text, table_name)


def _parse(data: dict[str, Any], path: Path, text: str, table: str | None) -> Config:
    base = path.resolve().parent
    section = "[tool.consistency] of " if table else ""

    def where(key: str) -> str:
        line = line_of_key(text, key, table=table)
        return f"{path}:{line}" if line else str(path)

    def bad(key: str, why: str) -> ConfigError:
        return ConfigError(f"{where(key)}: key '{key}' in {section}{path.name}: {why}")

    values: dict[str, Any] = {}
    for key, value in data.items():
        if key not in KEYS:
            known = ", ".join(sorted(KEYS))
            raise ConfigError(f"{where(key)}: unknown key '{key}' in {section}{path.name} (known keys: {known})")
        expected = KEYS[key]
        if key in ("corpus", "rules"):
            items = [value] if isinstance(value, str) else value
            if not isinstance(items, list) or not all(isinstance(v, str) and v for v in items):
                raise bad(key, f"expected {expected}, got {value!r}")
            values[key] = tuple(base / v for v in items)
        elif key == "baseline":
            if not isinstance(value, str) or not value:
                raise bad(key, f"expected {expected}, got {value!r}")
            values[key] = base / value
        elif key in ("fail_on", "format"):
            allowed = FAIL_ON if key == "fail_on" else FORMATS
            if value not in allowed:
                raise bad(key, f"expected {expected}, got {value!r}")
            values[key] = value
        elif key == "max_bytes":
            if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
                raise bad(key, f"expected {expected}, got {value!r}")
            values[key] = value
        elif key == "exit_zero":
            if not isinstance(value, bool):
                raise bad(key, f"expected {expected}, got {value!r}")
            values[key] = value
        elif key == "owner_min_score":
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 100:
                raise bad(key, f"expected {expected}, got {value!r}")
            values[key] = float(value)
    return Config(path=path, **values)


def pick(cli_value: Any, config_value: Any, default: Any) -> Any:
    """A command-line value if given, else the configuration's, else the default."""
    if cli_value is not None and cli_value != () and cli_value != []:
        return cli_value
    if config_value is not None:
        return config_value
    return default
