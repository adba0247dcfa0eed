"""Which verdicts fail a run: ``--fail-on`` and its ordering.

discrepancy > update > unique: ``--fail-on update`` fails on updates and discrepancies,
``--fail-on unique`` on any of the three.  Agreements never fail a run.
"""

from __future__ import annotations

from typing import Iterable

FAIL_ON = ("discrepancy", "update", "unique")
DEFAULT_FAIL_ON = "discrepancy"
SEVERITY = {"discrepancy": 3, "update": 2, "unique": 1, "agreement": 0}

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def check_fail_on(fail_on: str) -> str:
    if fail_on not in FAIL_ON:
        raise ValueError(f"fail_on must be one of {', '.join(FAIL_ON)}, not {fail_on!r}")
    return fail_on


def at_or_above(verdict: str, fail_on: str) -> bool:
    """Whether a finding with this verdict fails a run under ``--fail-on fail_on``."""
    return SEVERITY.get(verdict, 0) >= SEVERITY[check_fail_on(fail_on)]


def failing(findings: Iterable, fail_on: str) -> list:
    return [f for f in findings if at_or_above(f.verdict, fail_on)]


def reported_verdicts(fail_on: str) -> tuple[str, ...]:
    """Verdicts that annotation formats (github, sarif) report: discrepancies and updates
    always, unique claims only when they can fail the run (``--fail-on unique``)."""
    verdicts = ("discrepancy", "update")
    return verdicts + ("unique",) if fail_on == "unique" else verdicts


def exit_code(findings: Iterable, fail_on: str, *, exit_zero: bool = False) -> int:
    """0 when nothing is at or above the threshold (or ``exit_zero``), else 1.

    Errors (exit 2) are decided before this: ``--exit-zero`` never hides them."""
    if exit_zero:
        return EXIT_OK
    return EXIT_FINDINGS if failing(findings, fail_on) else EXIT_OK
