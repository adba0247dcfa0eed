"""Untrusted text stays text: a hostile article through every renderer.

The article (and its file name, title and front matter) carries table pipes, HTML, images and
links that would load or run something, @mentions, terminal escape sequences (OSC 8 links,
colours), GitHub workflow commands, percent-encoded newlines, CR/LF and a bidi override.  Each
renderer must show it as inert text in its own medium."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from consistency.api import check
from consistency.render import Format, render
from consistency.render.escape import markdown as md_escape
from consistency.render.escape import plain

HOSTILE = ("12 | were killed <img src=x onerror=alert(1)> ![x](http://evil/x.png) [click](javascript:alert(1)) "
           "@org/team \x1b]8;;http://evil\x07link\x1b]8;;\x07 \x1b[31mred\x1b[0m ::set-output name=x::y "
           "%0A::error::boom \u202etxt.exe")
NAME = "evil|`x<b>@team\x1b[1m"


def _hostile_corpus(folder: Path) -> Path:
    folder.mkdir()
    front = ('---\nsource: "<script>alert(1)</script> @org/team [click](javascript:alert(1)) | %0A::error::boom"\n'
             "url: javascript:alert(1)\n---\n")
    body = (f"Flood | kills <img src=x onerror=alert(1)> ![x](http://evil/x.png) @org/team \u202eevil\n\n"
            f"Officials said {HOSTILE}.\n"
            "::set-output name=x::y 12 people were killed in the flood, the mayor said |x| <b>bold</b>.\n"
            f'"We counted 12 dead | ![x](http://evil/x.png) @org/team \x1b[2J," Mayor John Smith said.\r\n'
            "The toll rose to 12 people killed on 3 May 2022 ::warning::x\rand more.\n")
    try:
        (folder / f"{NAME}.txt").write_text(front + body, encoding="utf-8", newline="")
    except OSError:  # a file system that refuses such names: keep the content hostile
        (folder / "evil.txt").write_text(front + body, encoding="utf-8", newline="")
    (folder / "calm.txt").write_text(
        "Flood\n\nOfficials said 30 people were killed in the flood. The toll rose to 30 people killed on "
        "3 May 2022.\n\"We counted 30 dead,\" Mayor John Smith said.\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def report(rules, tmp_path_factory):
    folder = _hostile_corpus(tmp_path_factory.mktemp("hostile") / "corpus")
    result = check([folder], rules=rules)
    data = json.dumps(result.to_json_dict(), ensure_ascii=False)
    # The hostile text does reach the report: otherwise the tests below would prove nothing.
    assert "onerror" in data and "::set-output" in data and "@org/team" in data
    assert result.findings and any(f.verdict in ("discrepancy", "update") for f in result.findings)
    return result


BAD_CHARS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f]")


def _no_bad_chars(text: str, allow_newlines: bool = True) -> None:
    found = BAD_CHARS.findall(text.replace("\n", "") if allow_newlines else text)
    assert not found, sorted(set(found))


def _no_workflow_command_lines(text: str) -> None:
    """GitHub runs "::command::" when a line starts with it (after spaces) in stdout or stderr."""
    for line in text.splitlines():
        assert not line.strip().startswith("::"), line


# -- markdown ---------------------------------------------------------------------------------------
def test_markdown_is_inert(report):
    text = render(report, Format.markdown, verbose=True)
    _no_bad_chars(text)
    _no_workflow_command_lines(text)
    html = MarkdownIt("commonmark").enable("table").render(text)
    assert "<img" not in html and "<script" not in html and "<b>" not in html
    assert not re.search(r"<a\s", html), "a link was made"
    assert "javascript:" not in re.sub(r"<[^>]+>", "", html) or "href" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html  # shown, not run
    assert "@org/team" not in html  # no mention (a zero-width joiner after the @)
    assert "http://evil" not in html  # no bare link either


def test_markdown_tables_keep_their_shape(report):
    text = render(report, Format.markdown, verbose=True)
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    header = cells = None
    for tok in tokens:
        if tok.type == "thead_open":
            header = 0
        elif tok.type == "th_open":
            header += 1
        elif tok.type == "tr_open":
            cells = 0
        elif tok.type == "td_open":
            cells += 1
        elif tok.type == "tr_close" and cells is not None:
            assert cells in (0, header), f"a row has {cells} cells, the header {header}"
            cells = None
    # and every table line has as many unescaped pipes as its header
    for block in re.findall(r"(?m)((?:^\|.*\|$\n?)+)", text):
        rows = block.strip("\n").split("\n")
        widths = {len(re.findall(r"(?<!\\)\|", row)) for row in rows}
        assert len(widths) == 1, block[:500]


@pytest.mark.parametrize("text", [
    "<img src=x onerror=alert(1)>", "![x](http://evil/x.png)", "[click](javascript:alert(1))", "@org/team",
    "a | b", "\x1b]8;;http://evil\x07x", "::set-output name=x::y", "- list", "# heading", "`code`",
    "line\r\nbreak", "\u202etxt.exe", "<http://evil>", "www.evil.com", "x@evil.com", "&lt;script&gt;",
])
def test_markdown_escape_of_each_piece(text):
    escaped = md_escape(text)
    html = MarkdownIt("commonmark").enable("table").render(f"| h |\n|---|\n| {escaped} |\n")
    assert "<img" not in html and not re.search(r"<a\s", html) and "<script" not in html
    assert html.count("<td>") == 1
    _no_bad_chars(escaped, allow_newlines=False)
    assert "\n" not in escaped and not escaped.startswith("::")


# -- GitHub annotations --------------------------------------------------------------------------------
ANNOTATION = re.compile(r"^::(error|warning|notice) (?P<props>[^:]*)::(?P<message>.*)$")


def test_github_annotations_cannot_smuggle_commands(report):
    text = render(report, Format.github, fail_on="unique")
    _no_bad_chars(text)
    lines = text.splitlines()
    assert lines
    for line in lines:
        if line.startswith("consistency:"):
            continue
        m = ANNOTATION.match(line)
        assert m, line
        message = m.group("message")
        assert "\r" not in message and "%0A::" not in message.replace("%250A::", "")
        for prop in m.group("props").split(","):
            key, _, value = prop.partition("=")
            assert key in ("file", "line", "col", "endColumn", "title"), prop
            assert ":" not in value and "," not in value, prop  # escaped as %3A, %2C
    assert "%250A::error::boom" in text  # the article's own "%0A" stays text
    assert "::set-output name=x::y" not in "\n".join(l for l in lines if not ANNOTATION.match(l))


# -- SARIF --------------------------------------------------------------------------------------------
def _messages(node):  # noqa: ANN001, ANN202
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "message" and isinstance(value, dict) and "text" in value:
                yield value["text"]
            else:
                yield from _messages(value)
    elif isinstance(node, list):
        for value in node:
            yield from _messages(value)


def test_sarif_messages_are_plain_and_link_free(report):
    log = json.loads(render(report, Format.sarif, fail_on="unique"))
    texts = list(_messages(log))
    assert texts
    for t in texts:
        _no_bad_chars(t, allow_newlines=False)
        assert "\n" not in t
        assert not re.search(r"(?<!\\)[\[\]]", t), t  # SARIF embedded links need unescaped brackets
    snippets = [loc["physicalLocation"]["region"]["snippet"]["text"]
                for r in log["runs"][0]["results"] for loc in r["locations"]]
    for s in snippets:
        _no_bad_chars(s, allow_newlines=False)


# -- terminal -----------------------------------------------------------------------------------------
def test_terminal_table_has_no_escape_sequences(report):
    text = render(report, Format.table, verbose=True)
    _no_bad_chars(text)
    assert "\x1b" not in text and "\x07" not in text
    _no_workflow_command_lines(text)


def test_plain_removes_terminal_sequences_and_bidi():
    out = plain("a\x1b]8;;http://evil\x07b\x1b[31mc\u202ed\u2066e\x9bf\r\ng")
    assert "\x1b" not in out and "\x07" not in out and "\u202e" not in out and "\u2066" not in out
    assert "\x9b" not in out and "\n" not in out and "\r" not in out


# -- the command line: stderr and the written files ---------------------------------------------------
def test_cli_streams_are_inert(rules, tmp_path):
    from typer.testing import CliRunner

    from consistency.cli import app

    folder = _hostile_corpus(tmp_path / "corpus")
    (folder / "missing-link.txt").symlink_to(folder / ("\x1b[31m::error::" + "x" * 3))
    out = tmp_path / "out"
    out.mkdir()
    runner = CliRunner()
    for fmt in ("table", "markdown", "github", "csv", "jsonl", "json", "sarif"):
        result = runner.invoke(app, ["check", str(folder), "--isolated", "--format", fmt, "--fail-on", "unique",
                                     "--report", str(out / "report.md"), "--exit-zero"])
        assert result.exit_code == 0, result.stderr
        assert "Traceback" not in result.stderr
        _no_bad_chars(result.stderr)
        _no_workflow_command_lines(result.stderr)
        assert "missing-link.txt" in result.stderr  # the broken link is named, its target made inert
        if fmt == "github":  # annotation lines only, each one command
            assert all(ANNOTATION.match(line) or line.startswith("consistency:") for line in result.stdout.splitlines())
        elif fmt != "csv":  # CSV cells hold the text as it is (spreadsheets run no commands)
            _no_bad_chars(result.stdout)
            _no_workflow_command_lines(result.stdout)
    _no_workflow_command_lines((out / "report.md").read_text(encoding="utf-8"))
