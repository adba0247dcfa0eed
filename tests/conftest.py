from __future__ import annotations

import importlib.util
import sys
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


@pytest.fixture(scope="session")
def accuracy_harness():
    """``benchmarks/accuracy.py`` loaded as a module (it is a script, not part of the package)."""
    name = "consistency_benchmarks_accuracy"
    spec = importlib.util.spec_from_file_location(name, ROOT / "benchmarks" / "accuracy.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while the file runs
    spec.loader.exec_module(module)
    return module
