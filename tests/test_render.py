"""Renderers: article text is untrusted, so it must show as itself and never break the output."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from consistency.api import CheckOptions, check
from consistency.render.jsonout import render_json
from consistency.render.markdown import render_markdown
from consistency.render.table import render_table
from consistency.render.escape import markdown as md_escape
from consistency.render.escape import plain

HOSTILE_TITLE = "Troops | arrive <script>alert(1)</script> [link](http://x) ![img](http://x) @team `code`"
HOSTILE_BODY = ("The ministry said 2,030 troops | <b>bold</b> [here](http://evil.example) ![i](http://x/i.png) "
                "@everyone `rm -rf` *stars* _under_ #tag were deployed in the country.")
WRAPPED = "Officials said more than 2,000 troops were deployed in\nthe country on Thursday, January 13th, 2022."


@pytest.fixture(scope="module")
def hostile_report(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    (folder / "alpha.txt").write_text(f"{HOSTILE_TITLE}\n\n{HOSTILE_BODY}\n\nThe withdrawal began on January 13, 2022.\n")
    (folder / "beta.txt").write_text(f"Troops arrive\n\n{WRAPPED}\n\nThe withdrawal began on January 14, 2022.\n\n"
                                     "Officials said 300 vehicles were deployed in the country.\n")
    (folder / "gamma.txt").write_text("")  # skipped: shows in the skipped table
    report = check([folder], CheckOptions())
    assert report.count("discrepancy") >= 1 and report.count("unique") >= 1
    return report


@pytest.fixture(scope="module")
def markdown_text(hostile_report):
    return render_markdown(hostile_report)


@pytest.fixture(scope="module")
def md_tokens(markdown_text):
    return MarkdownIt("commonmark").enable("table").parse(markdown_text)


def tables(tokens):
    """Each table as a list of rows, each row a list of cell texts (header row first)."""
    out, rows, row, cell = [], None, None, None
    for tok in tokens:
        if tok.type == "table_open":
            rows = []
        elif tok.type == "tr_open":
            row = []
        elif tok.type in ("th_open", "td_open"):
            cell = ""
        elif tok.type == "inline" and cell is not None:
            cell += "".join(ch.content for ch in tok.children or [] if ch.type in ("text", "code_inline", "softbreak"))
        elif tok.type in ("th_close", "td_close"):
            row.append(cell)
            cell = None
        elif tok.type == "tr_close":
            rows.append(row)
        elif tok.type == "table_close":
            out.append(rows)
    return out


def test_every_table_row_has_as_many_cells_as_its_header(markdown_text, md_tokens):
    found = tables(md_tokens)
    assert len(found) >= 4
    for rows in found:
        assert all(len(r) == len(rows[0]) for r in rows)
    # markdown-it pads or truncates rows to the header's width, so check the source as well:
    # in a GFM table every unescaped "|" (even inside a code span) separates cells.
    blocks, current = [], []
    for line in markdown_text.splitlines() + [""]:
        if line.startswith("|"):
            current.append(line)
        elif current:
            blocks.append(current)
            current = []
    assert len(blocks) == len(found)
    for block in blocks:
        counts = {len(re.findall(r"(?<!\\)\|", line)) for line in block}
        assert len(counts) == 1, block


def test_sentence_column_holds_the_whole_sentence(md_tokens):
    claim_tables = [t for t in tables(md_tokens) if t[0][-1] == "Sentence" and t[0][0] == "Source"]
    assert claim_tables
    for rows in claim_tables:
        for row in rows[1:]:
            assert row[-1].endswith("."), row
    all_sentences = [row[-1] for rows in claim_tables for row in rows[1:]]
    assert any("2,030 troops | <b>bold</b> [here](http://evil.example)" in s.replace("\u200d", "") for s in all_sentences)


def test_article_table_shows_the_hostile_title_as_text(md_tokens):
    article_table = next(t for t in tables(md_tokens) if t[0][:2] == ["Article", "Title"])
    titles = {row[0]: row[1] for row in article_table[1:]}
    assert titles["alpha"].replace("\u200d", "") == HOSTILE_TITLE


def test_article_text_makes_no_links_images_html_or_mentions(md_tokens, markdown_text):
    in_table = False
    for tok in md_tokens:
        assert not tok.type.startswith("html_block")
        in_table = {"table_open": True, "table_close": False}.get(tok.type, in_table)
        for child in tok.children or []:
            assert child.type not in ("link_open", "image"), child
            if in_table:  # every table cell is article text or plain values: no emphasis either
                assert child.type not in ("em_open", "strong_open"), child
            if child.type == "html_inline":
                assert child.content in ("<sub>", "</sub>", "<br>"), child.content  # the renderer's own tags only
    html = MarkdownIt("commonmark").enable("table").render(markdown_text)
    assert "<script" not in html and "<b>" not in html
    assert "http://evil.example" not in html  # the scheme is broken so nothing auto-links
    assert "@everyone" not in markdown_text and "@team" not in markdown_text


def test_hand_wrapped_sentence_stays_in_one_table_row(markdown_text):
    rows = [ln for ln in markdown_text.splitlines() if "deployed in" in ln and ln.startswith("|")]
    assert rows
    assert any("deployed in the country on Thursday" in r for r in rows)


def test_skipped_input_is_listed(md_tokens):
    skipped = next(t for t in tables(md_tokens) if t[0] == ["Path", "Reason"])
    assert any("gamma.txt" in row[0] and "empty" in row[1] for row in skipped[1:])


def test_pipe_in_a_file_name_does_not_split_cells(tmp_path):
    (tmp_path / "wire|desk.txt").write_text("Troops arrive\n\nOfficials said 2,030 troops were deployed in the country.\n")
    (tmp_path / "coast.txt").write_text("Troops arrive\n\nOfficials said 1,500 troops were deployed in the country.\n")
    text = render_markdown(check([tmp_path], CheckOptions()))
    article_table = next(t for t in tables(MarkdownIt("commonmark").enable("table").parse(text)) if t[0][0] == "Article")
    assert "wire|desk" in [row[0] for row in article_table[1:]]


# -- escape helpers ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "a | b", "<script>x</script>", "[l](http://x)", "![i](http://x)", "`tick`", "*a* _b_", "# head", "> quote",
    "@someone", "1. item", "back\\slash", "&amp; entity",
])
def test_markdown_escape_renders_as_the_text_itself(text):
    html = MarkdownIt("commonmark").enable("table").render(f"| h |\n|---|\n| {md_escape(text)} |\n")
    tokens = MarkdownIt("commonmark").enable("table").parse(f"| h |\n|---|\n| {md_escape(text)} |\n")
    cells = tables(tokens)[0]
    assert cells[1][0].replace("\u200d", "") == text
    assert "<script" not in html


def test_plain_strips_control_characters_and_joins_lines():
    out = plain("2,030 \x1b[31mtroops\x1b[0m\nleft\r\n")
    assert "\x1b" not in out and "\n" not in out and "\r" not in out
    assert out.startswith("2,030 ") and "troops" in out and out.endswith(" left")
    assert "\x1b" not in plain("\x1b]0;title\x07x")
    assert "\u202e" not in plain("abc\u202edef")


# -- terminal table -------------------------------------------------------------------------------

def test_table_has_no_escape_sequences_from_article_text(tmp_path):
    (tmp_path / "a.txt").write_text("Troops\x1b[31m arrive\n\nOfficials said 2,030 \x1b[2Jtroops were deployed "
                                    "in the country.\n\nThe withdrawal began on January 13, 2022.\x1b[0m\n")
    (tmp_path / "b.txt").write_text("Troops arrive\n\nOfficials said 1,500 troops were deployed in the country.\n\n"
                                    "The withdrawal began on January 14, 2022.\n")
    report = check([tmp_path], CheckOptions())
    for renderer in (render_table, render_markdown):
        out = renderer(report)
        assert "\x1b" not in out and "\x07" not in out, renderer


def test_escape_codes_in_article_text_create_no_claims(tmp_path):
    (tmp_path / "a.txt").write_text("Troops arrive\n\nOfficials said more than 2,000\x1b[31m troops were deployed.\n")
    report = check([tmp_path], CheckOptions())
    assert sorted(c.value for c in report.claims if c.kind == "quantity") == [2000]


def test_table_lists_every_finding_once(hostile_report):
    out = render_table(hostile_report)
    for f in hostile_report.findings:
        assert sum(1 for line in out.splitlines() if f"│ {f.id} " in line) == 1, f.id


def test_table_without_findings_says_so(tmp_path):
    (tmp_path / "a.txt").write_text("A quiet day\n\nNothing happened in the city.\n")
    out = render_table(check([tmp_path], CheckOptions()))
    assert out.strip() == "No comparable claims found."


# -- JSON -------------------------------------------------------------------------------------------

def test_json_is_valid_and_deterministic(hostile_report, tmp_path_factory):
    first = render_json(hostile_report)
    data = json.loads(first)
    assert data["schema"] == "consistency/report@1"
    assert data["summary"]["claims"] == len(data["claims"]) == len(hostile_report.claims)
    assert data["summary"]["skipped"] == 1
    assert render_json(hostile_report) == first
    # a fresh run over the same files gives the same bytes
    folder = Path(hostile_report.articles[0].path).parent
    assert render_json(check([folder], CheckOptions())) == first


def test_json_keeps_article_text_verbatim(hostile_report):
    data = json.loads(render_json(hostile_report))
    assert any(a["title"] == HOSTILE_TITLE for a in data["articles"])
    sentences = {c["sentence"] for c in data["claims"]}
    assert HOSTILE_BODY in sentences
