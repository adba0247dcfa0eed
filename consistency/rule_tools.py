"""``consistency rules list|check``: what rule files are in force, and whether they are valid."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from consistency.locate import with_line
from consistency.rules import RulesError, builtin_rules_dir, load_rules, read_rule_file, validate_rule_file


@dataclass
class RuleFile:
    name: str
    description: str  # first line of meta.description
    paths: list[Path]
    examples: int


def list_rule_files(extra_dirs: tuple[Path, ...] | list[Path] = ()) -> list[RuleFile]:
    rules = load_rules(extra_dirs)
    out = []
    for name in sorted(rules.data):
        content = rules.data[name]
        description = str(content.get("meta", {}).get("description", "")).strip().splitlines()
        out.append(RuleFile(name, description[0] if description else "", list(rules.files.get(name, [])),
                            len(content.get("examples", []))))
    return out


def check_rule_files(extra_dirs: tuple[Path, ...] | list[Path] = ()) -> tuple[int, list[str]]:
    """Validate every rule file, not stopping at the first problem.

    Returns the number of files checked and the problems, each ``file:line: message``."""
    problems: list[str] = []
    checked = 0
    folders = [builtin_rules_dir(), *map(Path, extra_dirs)]
    for folder in folders:
        if not folder.is_dir():
            problems.append(f"{folder}: rules folder does not exist")
            continue
        for path in sorted(folder.glob("*.toml")):
            checked += 1
            try:
                validate_rule_file(path, read_rule_file(path))
            except RulesError as exc:
                problems.append(with_line(str(exc)))
    if not problems:
        # Each file is valid on its own: now merge and compile them all.
        try:
            load_rules(extra_dirs).compiled  # noqa: B018 - compiling is the check
        except RulesError as exc:
            problems.append(with_line(str(exc)))
        except Exception as exc:  # noqa: BLE001 - any failure to compile is a problem to report
            problems.append(f"the merged rules cannot be compiled: {type(exc).__name__}: {exc}")
    return checked, problems
