"""A word list as one regular expression written as a trie.

``(?:million|mile|miles)`` tests every word at each place of the text; the trie
``mil(?:e(?:s)?|lion)`` tests one branch per character, so a list of hundreds of words costs
about as much as one.  Longer words are tried first at each branch, as in a longest-first
alternation.
"""

from __future__ import annotations

import re


def trie_pattern(words: list[str] | set[str]) -> str:
    trie: dict = {}
    for word in set(words):
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _node_pattern(trie)


def _node_pattern(node: dict) -> str:
    branches = []
    for ch in sorted(k for k in node if k):
        child, chars = node[ch], re.escape(ch)
        while len(child) == 1 and "" not in child:  # a chain of single characters
            (nxt, child), = child.items()
            chars += re.escape(nxt)
        branches.append(chars + _node_pattern(child))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body
