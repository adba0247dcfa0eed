"""Making untrusted article text safe for each medium it is shown in."""

from __future__ import annotations

import re

# C0 and C1 controls (ESC starts terminal sequences, BEL ends OSC 8 links) and the bidirectional
# controls that make text display in another order than it is read ("Trojan source").
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|~>])")


def plain(text: str) -> str:
    """No control characters or terminal escape sequences; one line."""
    text = _CONTROL.sub(" ", str(text))
    return re.sub(r"\s+", " ", text).strip()


def markdown(text: str) -> str:
    """Text that renders as itself in a markdown table cell: no markup, links, HTML or mentions."""
    text = plain(text)
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MD_SPECIAL.sub(r"\\\1", text)
    # "@team" would notify people on code-hosting sites; a zero-width joiner defuses it.
    text = re.sub(r"@(?=\w)", "@\u200d", text)
    # Bare URLs get auto-linked by some renderers: break the scheme.
    text = re.sub(r"(?i)\b(https?|ftp|www)(:|\.)", lambda m: f"{m.group(1)}\u200d{m.group(2)}", text)
    # Text that starts a line: "- " or "=" would make a list or a heading, and "::" a GitHub
    # workflow command when the report is printed in a CI log.
    if text[:1] in ("-", "=", ":"):
        text = "\\" + text
    return text


def sarif(text: str) -> str:
    """SARIF message text: one line, and no embedded links ("[text](target)" is a link in SARIF
    plain-text messages; a literal bracket is written with a backslash)."""
    return re.sub(r"([\[\]])", r"\\\1", plain(text))


def code(text: str) -> str:
    """A markdown code span: nothing inside is markup, so only backticks need care."""
    # GitHub-flavoured tables split cells at "|" even inside code spans unless it is escaped.
    return "`" + plain(text).replace("`", "'").replace("|", "\\|") + "`"


# Characters JSON may carry raw that a terminal or editor would act on: C1 controls (ESC's
# 8-bit twin among them), bidi controls, line and paragraph separators.
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def json_text(text: str) -> str:
    """JSON from ``json.dumps(..., ensure_ascii=False)`` with the characters above written as
    \\uXXXX escapes: the same data once parsed, but inert when the file is shown.  (json.dumps
    already escapes C0 controls such as ESC; these can only occur inside strings.)"""
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
