"""Repairs, page furniture and the offset map: a claim's (line, start, end) must point at the
text it came from in the original file, whatever the normaliser changed on the way."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from consistency.articles import article_from_text, read_article
from consistency.extract.pipeline import extract_claims
from consistency.offsets import LineIndex, OffsetMap
from consistency.rules import load_rules


@pytest.fixture(scope="module")
def vocab():
    return load_rules().compiled


def file_lines(data: bytes) -> list[str]:
    """The lines of a file as a reader sees them (BOM dropped, any line ending)."""
    return re.split(r"\r\n|\r|\n", data.decode("utf-8-sig"))


def claims_of_file(tmp_path: Path, vocab, data: bytes, name: str = "story.txt"):
    path = tmp_path / name
    path.write_bytes(data)
    article = read_article(path, vocab)
    assert article.status == "ok", article.reason
    return article, extract_claims(article, vocab)


def at(lines: list[str], claim) -> str:
    return lines[claim.line - 1][claim.start - 1 : claim.end - 1]


def by_value(claims, value):
    found = [c for c in claims if c.value == value]
    assert found, f"no claim with value {value}: {[(c.text, c.value) for c in claims]}"
    return found[0]


# -- OffsetMap ---------------------------------------------------------------------------

def test_to_raw_maps_a_shortened_piece_to_the_whole_original_stretch():
    # "troops & mdash; 250" -> "troops — 250": the 8-character "& mdash;" became one "—".
    raw = "troops & mdash; 250"
    norm = "troops — 250"
    m = OffsetMap()
    m.add(0, 7, 0, 7)      # "troops "
    m.add(7, 1, 7, 8)      # "—" <- "& mdash;"
    m.add(8, 4, 15, 4)     # " 250"
    dash = norm.index("—")
    assert m.to_raw(dash) == raw.index("&")                     # start of the replaced piece
    assert m.to_raw(dash + 1, end=True) == raw.index(";") + 1    # its end covers the whole entity
    assert raw[m.to_raw(dash) : m.to_raw(dash + 1, end=True)] == "& mdash;"
    # one-to-one stretches on either side map character by character
    assert raw[m.to_raw(norm.index("250")) : m.to_raw(len(norm), end=True)] == "250"
    assert raw[m.to_raw(0) : m.to_raw(6, end=True)] == "troops"


def test_to_raw_end_of_a_span_stopping_before_a_replaced_piece_does_not_swallow_it():
    m = OffsetMap()
    m.add(0, 7, 0, 7)
    m.add(7, 1, 7, 8)
    m.add(8, 4, 15, 4)
    assert m.to_raw(7, end=True) == 7  # "troops " ends where the entity starts
    assert m.to_raw(8) == 15           # the character after the dash is after the entity


def test_line_index_is_one_based():
    index = LineIndex("first\nsecond line\nthird")
    assert index.locate(0) == (1, 1)
    assert index.locate(6) == (2, 1)
    assert index.locate(13) == (2, 8)
    assert index.locate(len("first\nsecond line\n")) == (3, 1)


# -- claims point at the original text ----------------------------------------------------

def test_broken_mdash_entity_before_a_claim_keeps_its_columns(tmp_path, vocab):
    data = ("Peacekeepers leave\n\nThe approved number of peacekeepers & mdash; 2.5 thousand people, "
            "the ministry said.\n").encode()
    article, claims = claims_of_file(tmp_path, vocab, data)
    assert "— 2.5 thousand" in article.text  # the repair happened
    claim = by_value(claims, 2500)
    assert claim.line == 3
    assert at(file_lines(data), claim) == "2.5 thousand people"


def test_nbsp_entities_and_typographic_quotes_keep_columns(tmp_path, vocab):
    data = ("Troops arrive\n\nThe army said&nbsp;; \u201cabout 250 vehicles\u201d and \u2018some\u2019 "
            "&amp;mdash; 2,030 troops were deployed in the country.\n").encode()
    article, claims = claims_of_file(tmp_path, vocab, data)
    lines = file_lines(data)
    assert at(lines, by_value(claims, 250)) == "about 250 vehicles"
    assert at(lines, by_value(claims, 2030)) == "2,030 troops"
    assert by_value(claims, 250).qualifier == "approx"


def test_crlf_bom_leading_spaces_and_tabs_keep_line_and_columns(tmp_path, vocab):
    data = ("\ufeffTroop numbers\r\n\r\n  \tThe ministry said\u00a0 2,030 troops were deployed in the country.\r\n"
            "\tIn\ttotal, some 3,600 soldiers   serve in the force, with 400 officers deployed.\r\n").encode()
    article, claims = claims_of_file(tmp_path, vocab, data)
    lines = file_lines(data)
    first = by_value(claims, 2030)
    assert (first.line, at(lines, first)) == (3, "2,030 troops")
    second = by_value(claims, 3600)
    assert (second.line, at(lines, second)) == (4, "some 3,600 soldiers")
    third = by_value(claims, 400)
    assert (third.line, at(lines, third)) == (4, "400 officers")


def test_old_mac_line_endings_count_as_lines(tmp_path, vocab):
    data = b"Troops arrive\r\rThe ministry said 2,030 troops were deployed in the country.\r"
    _, claims = claims_of_file(tmp_path, vocab, data)
    claim = by_value(claims, 2030)
    assert claim.line == 3
    assert at(file_lines(data), claim) == "2,030 troops"


def test_article_from_text_maps_claims_after_repairs(vocab):
    text = "Headline\n\n\u00a0\u00a0Officials said\u2009 that \u201c2,030 troops\u201d arrived.\n"
    article = article_from_text(text, vocab)
    claims = extract_claims(article, vocab)
    claim = by_value(claims, 2030)
    line = text.split("\n")[claim.line - 1]
    assert line[claim.start - 1 : claim.end - 1] == "2,030 troops"


# -- HTML ----------------------------------------------------------------------------------

HTML_PAGE = """<!DOCTYPE html>
<html><head>
<title>Troops arrive in the capital</title>
<meta property="og:site_name" content="Harbour Gazette">
<meta property="article:published_time" content="2022-01-20T10:00:00Z">
<script>var views = 9999; document.write("5,000 soldiers arrived");</script>
<style>p { margin: 10px; }</style>
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<p>The ministry said &laquo;more than 2,000&raquo; soldiers &mdash; all of them
volunteers &ndash; were deployed&nbsp;in the country.</p>
<p>About 250 vehicles arrived on <b>January 13, 2022</b>.</p>
</body></html>
"""


def test_html_claims_map_to_the_html_line_and_columns(tmp_path, vocab):
    article, claims = claims_of_file(tmp_path, vocab, HTML_PAGE.encode(), name="page.html")
    lines = HTML_PAGE.split("\n")
    more = by_value(claims, 2000)
    assert more.line == 10 and at(lines, more) == "more than 2,000"
    assert (more.qualifier, more.low, more.high, more.low_exclusive) == ("more_than", 2000, None, True)
    vehicles = by_value(claims, 250)
    assert vehicles.line == 12 and at(lines, vehicles) == "About 250 vehicles"
    day = next(c for c in claims if c.kind == "date")
    assert day.value == "2022-01-13"
    assert day.line == 12 and at(lines, day) == "January 13, 2022"


def test_html_script_style_and_nav_are_not_text(tmp_path, vocab):
    article, claims = claims_of_file(tmp_path, vocab, HTML_PAGE.encode(), name="page.html")
    assert "5,000" not in article.text and "9999" not in article.text
    assert "margin" not in article.text
    assert "Home" not in article.text
    assert all(c.value not in (5000, 9999, 10) for c in claims)


def test_html_metadata_from_og_tags_and_title(tmp_path, vocab):
    article, _ = claims_of_file(tmp_path, vocab, HTML_PAGE.encode(), name="page.html")
    assert article.title == "Troops arrive in the capital"
    assert article.source == "Harbour Gazette"
    assert article.published is not None and article.published.isoformat() == "2022-01-20"


def test_html_entities_are_decoded_in_the_text(tmp_path, vocab):
    article, _ = claims_of_file(tmp_path, vocab, HTML_PAGE.encode(), name="page.html")
    assert "—" in article.text and "–" in article.text
    assert "&mdash;" not in article.text and "&nbsp;" not in article.text


# -- page furniture --------------------------------------------------------------------------

FURNITURE_PAGE = """Floods hit the valley

Home
World
Politics
Sport

Rescuers said 14 people were missing after the river burst its banks.

1,204

Share this article
Facebook

Пожалуйста, подпишитесь на наш канал в Телеграме, чтобы узнать больше

Leave a comment

Evacuation continues

Officials said 300 residents were evacuated overnight.

Subscribe to our newsletter for the latest news
Photo: Jane Roe/Harbour Gazette
"""


@pytest.fixture(scope="module")
def furniture_article(vocab):
    return article_from_text(FURNITURE_PAGE, vocab, id="floods")


def dropped_texts(article) -> dict[str, str]:
    return {text: why for _, text, why in article.dropped}


@pytest.mark.parametrize("line", [
    "Home", "World", "Politics", "Sport",                       # a menu
    "1,204",                                                    # a bare view counter
    "Share this article", "Facebook",                           # a share bar
    "Пожалуйста, подпишитесь на наш канал в Телеграме, чтобы узнать больше",  # another script
    "Leave a comment",                                          # a comment prompt
    "Subscribe to our newsletter for the latest news",
    "Photo: Jane Roe/Harbour Gazette",
])
def test_furniture_lines_are_dropped(furniture_article, line):
    assert line in dropped_texts(furniture_article)
    assert line not in furniture_article.text


@pytest.mark.parametrize("line", [
    "Floods hit the valley",
    "Rescuers said 14 people were missing after the river burst its banks.",
    "Evacuation continues",  # a short real line, isolated by blank lines
    "Officials said 300 residents were evacuated overnight.",
])
def test_real_lines_are_kept(furniture_article, line):
    assert line in furniture_article.text
    assert line not in dropped_texts(furniture_article)


def test_dropped_lines_keep_the_line_structure(furniture_article, vocab):
    # Line i of the normalised text is line i of the input: a dropped line is an empty line.
    assert furniture_article.text.count("\n") == FURNITURE_PAGE.count("\n")
    claims = extract_claims(furniture_article, vocab)
    residents = by_value(claims, 300)
    assert FURNITURE_PAGE.split("\n")[residents.line - 1].startswith("Officials said 300 residents")


def test_a_counter_line_yields_no_claim(furniture_article, vocab):
    claims = extract_claims(furniture_article, vocab)
    assert all(c.value != 1204 for c in claims)
    assert furniture_article.title == "Floods hit the valley"


def test_short_line_beside_furniture_goes_with_it(vocab):
    text = "Troops left the city, the ministry said.\n\nLeave a comment\nJoin now\n\nTalks resume next week, officials said."
    article = article_from_text(text, vocab)
    assert "Join now" in dropped_texts(article)
    assert "Talks resume next week" in article.text
