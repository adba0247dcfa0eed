"""Every rule file's examples, run through the stage they describe.

The matching logic lives in :mod:`consistency.rule_examples` (also behind
``consistency rules test``); see its docstring for what an example may hold.
"""

from __future__ import annotations

import pytest

from consistency.rule_examples import Example, check_example, iter_examples
from consistency.rules import load_rules

RULES = load_rules()
EXAMPLES = [pytest.param(ex, id=ex.label) for ex in iter_examples(RULES)]


def test_every_rule_file_has_examples_in_two_wordings():
    for name, content in RULES.data.items():
        assert len(content.get("examples", [])) >= 2, f"{name}.toml needs examples in at least two wordings"


@pytest.mark.parametrize("example", EXAMPLES)
def test_rule_example(example: Example, vocab):
    failures = check_example(example.example, vocab)
    assert not failures, f"{example.where}:\n" + "\n".join(failures)
