"""Reading articles: files and folders, decoding, front matter, title, publication date."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from consistency.api import CheckOptions, check
from consistency.articles import discover, read_article
from consistency.rules import load_rules

BODY = ("The withdrawal of the peacekeeping contingent began on January 13, 2022, "
        "the ministry said in a statement on its website.\n")


@pytest.fixture(scope="module")
def vocab():
    return load_rules().compiled


def write(tmp_path: Path, name: str, content: str | bytes, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content if isinstance(content, bytes) else content.encode(encoding))
    return path


def read(tmp_path, vocab, name, content, encoding="utf-8"):
    return read_article(write(tmp_path, name, content, encoding), vocab)


# -- front matter ----------------------------------------------------------------------------

def test_yaml_front_matter(tmp_path, vocab):
    a = read(tmp_path, vocab, "harbour.md",
             "---\nsource: Harbour Gazette\nurl: https://example.org/story\npublished: 2022-01-20\n---\n"
             "Troops leave the capital\n\n" + BODY)
    assert (a.source, a.url, a.published, a.published_from) == (
        "Harbour Gazette", "https://example.org/story", date(2022, 1, 20), "front matter")
    assert a.title == "Troops leave the capital"
    assert "Harbour Gazette" not in a.text and "source:" not in a.text
    assert a.notes == []


def test_toml_front_matter(tmp_path, vocab):
    a = read(tmp_path, vocab, "coast.md",
             '+++\nsource = "Coast FM"\nurl = "https://example.net/a"\npublished = 2022-01-21\n+++\n'
             "Troops leave the capital\n\n" + BODY)
    assert (a.source, a.published) == ("Coast FM", date(2022, 1, 21))
    assert a.title == "Troops leave the capital"


def test_short_headline_after_front_matter_is_the_title(tmp_path, vocab):
    a = read(tmp_path, vocab, "coast.md", "---\nsource: Coast FM\n---\nTroops leave\n\n" + BODY)
    assert a.title == "Troops leave"


@pytest.mark.parametrize("name, content", [
    ("bad_yaml.md", "---\nsource: [unclosed\npublished: 2022-01-20\n---\nTroops leave the capital\n\n" + BODY),
    ("bad_toml.md", "+++\nsource = Coast FM\n+++\nTroops leave the capital\n\n" + BODY),
    ("list_yaml.md", "---\n- one\n- two\n---\nTroops leave the capital\n\n" + BODY),
])
def test_malformed_front_matter_is_a_note_not_a_crash(tmp_path, vocab, name, content):
    a = read(tmp_path, vocab, name, content)
    assert a.status == "ok"
    assert a.source is None and a.published is None
    assert any("front matter" in n for n in a.notes)
    assert "withdrawal" in a.text
    assert "unclosed" not in a.text and "Coast FM" not in a.text and "- one" not in a.text


def test_front_matter_date_in_another_format_is_noted(tmp_path, vocab):
    a = read(tmp_path, vocab, "x.md", "---\npublished: 20 January 2022\n---\nTroops leave the capital\n\n" + BODY)
    assert a.published is None
    assert any("YYYY-MM-DD" in n for n in a.notes)


def test_front_matter_lines_yield_no_claims(tmp_path, vocab):
    from consistency.extract.pipeline import extract_claims

    a = read(tmp_path, vocab, "x.md", "---\nsource: Wire 24\npublished: 2022-01-20\n---\nTroops leave the capital\n\n" + BODY)
    found = extract_claims(a, vocab)
    assert [c.value for c in found] == ["2022-01-13"]
    assert found[0].line == 7


# -- id and title ---------------------------------------------------------------------------

def test_id_is_the_file_stem(tmp_path, vocab):
    a = read(tmp_path, vocab, "continental_wire.txt", "Troops leave the capital\n\n" + BODY)
    assert a.id == "continental_wire"


def test_title_is_the_first_line_that_is_not_furniture(tmp_path, vocab):
    a = read(tmp_path, vocab, "x.txt", "Home\nNews\nSport\n\nTroops leave the capital\n\n" + BODY)
    assert a.title == "Troops leave the capital"


# -- publication date from the page -----------------------------------------------------------

def test_header_timestamp_line_is_the_publication_date(tmp_path, vocab):
    a = read(tmp_path, vocab, "x.txt", "20 January 2022, 14:03\n\nTroops leave the capital\n\n" + BODY)
    assert a.published == date(2022, 1, 20)
    assert a.published_from == "date line 1"
    assert "14:03" not in a.text  # the page's date line is not a claim


def test_page_widget_date_far_from_the_story_is_not_the_publication_date(tmp_path, vocab):
    a = read(tmp_path, vocab, "x.txt", "Thursday, 21 November 2024\n\nTroops leave the capital\n\n" + BODY)
    assert a.published is None


def test_dateline_gives_the_publication_date(tmp_path, vocab):
    a = read(tmp_path, vocab, "x.txt", "Troops leave the capital\n\nALMATY, 20 January (Interwire) – " + BODY)
    assert a.published == date(2022, 1, 20)
    assert a.published_from.startswith("dateline")


def test_dateline_date_is_not_a_claim(tmp_path, vocab):
    from consistency.extract.pipeline import extract_claims

    a = read(tmp_path, vocab, "x.txt", "Troops leave the capital\n\nALMATY, 20 January (Interwire) – " + BODY)
    assert [c.value for c in extract_claims(a, vocab) if c.kind == "date"] == ["2022-01-13"]


def test_relative_dates_resolve_once_the_dateline_gives_the_day(tmp_path, vocab):
    from consistency.extract.pipeline import extract_claims

    a = read(tmp_path, vocab, "x.txt", "Troops leave the capital\n\nALMATY, 20 January 2022 (Interwire) – "
             "The withdrawal of the peacekeeping contingent began yesterday, the ministry said in a statement on its site.\n")
    dates = [c for c in extract_claims(a, vocab) if c.kind == "date"]
    assert [c.value for c in dates] == ["2022-01-19"]


# -- encodings and unreadable files -----------------------------------------------------------

def test_cp1251_file_is_decoded_with_a_note(tmp_path, vocab):
    text = "Войска покидают столицу\n\nВывод миротворцев начался в четверг, сообщили в министерстве обороны страны.\n"
    a = read(tmp_path, vocab, "ru.txt", text, encoding="cp1251")
    assert a.status == "ok"
    assert a.title == "Войска покидают столицу"
    assert "миротворцев" in a.text
    assert any("not valid UTF-8" in n for n in a.notes)


def test_latin1_file_is_decoded_with_a_note(tmp_path, vocab):
    text = "Les troupes quittent la capitale\n\nLe retrait a commencé jeudi, a déclaré le ministère à Genève.\n"
    a = read(tmp_path, vocab, "fr.txt", text, encoding="latin-1")
    assert a.status == "ok"
    assert "commencé" in a.text and "ministère à Genève" in a.text
    assert any("not valid UTF-8" in n for n in a.notes)


def test_utf8_with_bom_needs_no_note(tmp_path, vocab):
    a = read(tmp_path, vocab, "x.txt", ("\ufeffTroops leave the capital\n\n" + BODY))
    assert a.notes == []
    assert a.title == "Troops leave the capital"


@pytest.mark.parametrize("name, content, reason", [
    ("empty.txt", b"", "empty"),
    ("blank.txt", b"  \n\n\t \n", "empty"),
    ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary"),
])
def test_empty_and_binary_files_are_skipped_with_a_reason(tmp_path, vocab, name, content, reason):
    a = read(tmp_path, vocab, name, content)
    assert a.status == "skipped"
    assert reason in a.reason


def test_oversized_file_is_skipped(tmp_path, vocab):
    a = read_article(write(tmp_path, "big.txt", "Troops leave the capital\n\n" + BODY * 50), vocab, max_bytes=1000)
    assert a.status == "skipped" and "limit" in a.reason


# -- folders, duplicates, missing paths ---------------------------------------------------------

def test_folders_are_read_recursively_and_other_files_ignored(tmp_path):
    write(tmp_path, "desk/a.txt", "A\n\n" + BODY)
    write(tmp_path, "desk/deep/er/b.md", "B\n\n" + BODY)
    write(tmp_path, "desk/deep/c.html", "<p>C</p><p>" + BODY + "</p>")
    write(tmp_path, "desk/deep/data.csv", "x,y\n1,2\n")
    write(tmp_path, "desk/.hidden/d.txt", "D\n\n" + BODY)
    files, problems = discover([tmp_path / "desk"])
    assert sorted(p.name for p in files) == ["a.txt", "b.md", "c.html"]
    assert problems == []


def test_a_file_given_twice_is_read_once(tmp_path):
    path = write(tmp_path, "a.txt", "A\n\n" + BODY)
    files, _ = discover([path, tmp_path, path])
    assert files == [path]


def test_missing_path_and_empty_folder_are_reported(tmp_path):
    (tmp_path / "empty").mkdir()
    files, problems = discover([tmp_path / "nope.txt", tmp_path / "empty"])
    assert files == []
    reasons = {Path(p.path).name: p.reason for p in problems}
    assert "no such file" in reasons["nope.txt"]
    assert "no articles" in reasons["empty"]


def test_same_file_name_in_two_folders_gets_distinct_ids(tmp_path):
    write(tmp_path, "north/story.txt", "Troops arrive\n\nOfficials said 2,030 troops were deployed in the country.\n")
    write(tmp_path, "south/story.txt", "Troops arrive\n\nOfficials said 1,500 troops were deployed in the country.\n")
    report = check([tmp_path / "north", tmp_path / "south"], CheckOptions())
    ids = [a.id for a in report.articles]
    assert len(set(ids)) == 2
    assert "story" in ids
    renamed = next(a for a in report.articles if a.id != "story")
    assert any("story" in n for n in renamed.notes)
    # both articles' claims are kept apart and compared
    assert {c.article for c in report.claims} == set(ids)
    assert report.count("discrepancy") == 1


def test_check_reports_missing_paths_and_reads_the_rest(tmp_path):
    write(tmp_path, "a.txt", "Troops arrive\n\nOfficials said 2,030 troops were deployed in the country.\n")
    write(tmp_path, "empty.txt", "")
    report = check([tmp_path / "a.txt", tmp_path / "gone.txt", tmp_path / "empty.txt"], CheckOptions())
    assert [a.id for a in report.articles if a.status == "ok"] == ["a"]
    skipped = {Path(p).name: r for p, r in report.skipped}
    assert set(skipped) == {"gone.txt", "empty.txt"}
    assert report.to_json_dict()["summary"]["skipped"] == 2
