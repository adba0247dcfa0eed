"""The letters a case-insensitive pattern equates with ASCII letters that ``str.lower`` does not.

Python's ``re.IGNORECASE`` lets ``millions`` match "Mİllions" (U+0130), "mıllions" (U+0131),
"yearſ" (long s, U+017F) and the Kelvin sign (U+212A) as "k", but ``"İ".lower()`` is two
characters and ``"ſ".lower()`` stays "ſ", so the matched text is not a key of the rule tables.
The finders read text through :data:`ASCII_FOLD`, a one-to-one map that keeps every offset, so a
match and its table lookup agree.
"""

from __future__ import annotations

ASCII_FOLD = str.maketrans({"\u0130": "I", "\u0131": "i", "\u017f": "s", "\u212a": "K"})


def fold(text: str) -> str:
    """``text`` with the four letters replaced by the ASCII letter a pattern takes them for."""
    return text.translate(ASCII_FOLD)
