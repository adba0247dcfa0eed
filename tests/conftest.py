from __future__ import annotations

from pathlib import Path

import pytest

from consistency.rules import load_rules

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def rules():
    return load_rules()


@pytest.fixture(scope="session")
def vocab(rules):
    return rules.compiled
