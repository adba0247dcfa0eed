"""Extraction accuracy against other projects' test suites must not fall below its floor (issue 7).

Runs ``benchmarks/accuracy.py`` on the sample recorded in ``benchmarks/accuracy_floor.json``
and fails when any figure (precision, recall, F1, accuracy) drops below the floor recorded
there, or when more inputs of quantulum3's errors.json raise.  Skipped when the peer suites
(``../shared/peer-suites/`` beside the project, or ``$CONSISTENCY_PEER_SUITES``) are absent.
After an improvement, raise the floor with
``python benchmarks/accuracy.py --write-floor benchmarks/accuracy_floor.json``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FLOOR = ROOT / "benchmarks" / "accuracy_floor.json"


@pytest.fixture(scope="module")
def harness(accuracy_harness):
    module = accuracy_harness
    folder = module.peer_suites_dir()
    if not folder.is_dir():
        pytest.skip(
            f"peer suites not found at {folder}: place shared/peer-suites beside the project or set "
            f"{module.PEER_ENV} to measure extraction accuracy"
        )
    return module


@pytest.fixture(scope="module")
def floor():
    return json.loads(FLOOR.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def figures(harness, floor, vocab):
    return harness.figures(harness.measure(floor["sample_every"], vocab=vocab))


def test_no_figure_below_its_floor(harness, floor, figures):
    bad = harness.check_floor(figures, floor["floors"])
    assert not bad, "extraction accuracy fell below the floor in benchmarks/accuracy_floor.json:\n" + "\n".join(bad)


def test_every_figure_has_a_floor(floor, figures):
    missing = sorted(set(figures) - set(floor["floors"]))
    assert not missing, (
        "figures without a floor (regenerate with python benchmarks/accuracy.py --write-floor "
        "benchmarks/accuracy_floor.json): " + ", ".join(missing)
    )


def test_floor_check_catches_a_regression(harness, floor, figures):
    """The check itself: a figure 0.01 under its floor, or one more raise, must be reported."""
    keys = [k for k, v in floor["floors"].items() if not k.endswith(".raises") and v >= 0.01]
    assert keys, "no floor above zero to test the check with"
    worse = dict(figures)
    worse[keys[0]] = floor["floors"][keys[0]] - 0.01
    assert harness.check_floor(worse, floor["floors"])
    raises = [k for k in floor["floors"] if k.endswith(".raises")]
    worse = dict(figures)
    worse[raises[0]] = floor["floors"][raises[0]] + 1
    assert harness.check_floor(worse, floor["floors"])


def test_measurement_is_deterministic(harness, vocab):
    first = harness.figures(harness.measure(5, vocab=vocab))
    second = harness.figures(harness.measure(5, vocab=vocab))
    assert first == second
