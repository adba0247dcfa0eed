"""Every input problem is named and survived: the reader and the library.

Each broken input gives a skipped article (or an input problem) with its path and a reason,
or, when it can still be read, a note saying what was assumed; the rest of the run goes on.
The command line side (stderr, markdown, JSON, exit codes) is in test_hostile_corpus.py."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from consistency.api import check
from consistency.articles import read_article
from consistency.extract.pipeline import extract_claims
from consistency.locate import with_line
from consistency.rules import RulesError, load_rules

GOOD = "Flood in the valley\n\nAt least 12 people were killed on 3 May 2022, officials said.\n"
RUSSIAN = ("Наводнение в долине\n\nМосква, 20 января. Более 2000 миротворцев ОДКБ покинули Казахстан, "
           "сообщил генеральный секретарь организации.\n")
FRENCH = ("Inondation\n\nLe ministère a annoncé que plus de 2 000 soldats étaient déployés à Genève. "
          "Les élèves ont reçu leurs diplômes à la fête.\n")
GERMAN = ("Hochwasser\n\nDie Behörden teilten mit, dass mehr als 2.000 Soldaten in München stationiert wurden. "
          "Über 50 Menschen wurden verletzt. Größere Schäden gab es nicht.\n")


def write(folder: Path, name: str, content: bytes | str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


def read(tmp_path: Path, vocab, name: str, content: bytes | str, **kw):  # noqa: ANN001
    return read_article(write(tmp_path, name, content), vocab, **kw)


# -- paths ---------------------------------------------------------------------------------------
def test_missing_path_and_empty_folder_are_named(tmp_path, rules):
    write(tmp_path / "corpus", "a.txt", GOOD)
    (tmp_path / "empty").mkdir()
    write(tmp_path / "notes", "readme.rst", "not an article")
    report = check([tmp_path / "corpus", tmp_path / "nope.txt", tmp_path / "empty", tmp_path / "notes"], rules=rules)
    reasons = dict(report.skipped)
    assert "no such file" in reasons[str(tmp_path / "nope.txt")]
    assert "holds no articles" in reasons[str(tmp_path / "empty")]
    assert "holds no articles" in reasons[str(tmp_path / "notes")]
    assert [a.status for a in report.articles] == ["ok"] and report.claims


def test_unreadable_file_is_named(tmp_path, vocab):
    path = write(tmp_path, "locked.txt", GOOD)
    path.chmod(0)
    try:
        if os.access(path, os.R_OK):
            pytest.skip("running as root: chmod 000 does not stop reading (the simulated test covers it)")
        article = read_article(path, vocab)
    finally:
        path.chmod(0o644)
    assert article.status == "skipped" and "cannot read" in article.reason and "ermission" in article.reason


def test_unreadable_file_simulated(tmp_path, vocab, monkeypatch):
    path = write(tmp_path, "locked.txt", GOOD)
    real_open = Path.open

    def deny(self, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003
        if self == path:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", deny)
    article = read_article(path, vocab)
    assert article.status == "skipped" and article.reason == "cannot read file: Permission denied"


def test_unlistable_folder_is_named(tmp_path, rules, monkeypatch):
    write(tmp_path / "corpus" / "ok", "a.txt", GOOD)
    locked = tmp_path / "corpus" / "locked"
    write(locked, "b.txt", GOOD)
    real_scandir = os.scandir  # discover lists folders with os.scandir (root ignores chmod)

    def deny(path):  # noqa: ANN001
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", deny)
    report = check([tmp_path / "corpus"], rules=rules)
    assert dict(report.skipped)[str(locked)] == "cannot list folder: Permission denied"
    assert [a.id for a in report.articles] == ["a"]


def test_symlink_loops_and_broken_links_are_named(tmp_path, rules):
    corpus = tmp_path / "corpus"
    write(corpus, "a.txt", GOOD)
    try:
        (corpus / "loop").symlink_to(corpus, target_is_directory=True)   # a folder inside itself
        (corpus / "x.txt").symlink_to(corpus / "y.txt")                  # x -> y -> x
        (corpus / "y.txt").symlink_to(corpus / "x.txt")
        (corpus / "gone.txt").symlink_to(tmp_path / "deleted.txt")      # a link to nothing
        (tmp_path / "self.txt").symlink_to(tmp_path / "self.txt")
    except (OSError, NotImplementedError):
        pytest.skip("symbolic links are not available here")
    report = check([corpus, tmp_path / "self.txt"], rules=rules)
    reasons = dict(report.skipped)
    assert "loop" in reasons[str(corpus / "loop")]
    assert "loop" in reasons[str(corpus / "x.txt")] and "loop" in reasons[str(corpus / "y.txt")]
    assert "broken symbolic link" in reasons[str(corpus / "gone.txt")]
    assert "loop" in reasons[str(tmp_path / "self.txt")]
    assert [a.id for a in report.articles if a.status == "ok"] == ["a"]


def test_same_name_in_two_folders_gets_two_ids(tmp_path, rules):
    write(tmp_path / "wire", "story.txt", GOOD)
    write(tmp_path / "local", "story.txt", GOOD.replace("12", "15"))
    report = check([tmp_path], rules=rules)
    ids = sorted(a.id for a in report.articles)
    assert ids == ["story", "wire/story"]
    renamed = next(a for a in report.articles if a.id == "wire/story")
    assert any("also named 'story'" in n for n in renamed.notes)
    assert any(set(f.articles) == {"story", "wire/story"} for f in report.findings)  # compared as two sources


def test_device_files_are_not_read(vocab):
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero")
    article = read_article(Path("/dev/zero"), vocab)
    assert article.status == "skipped" and "not a regular file" in article.reason


# -- contents --------------------------------------------------------------------------------------
@pytest.mark.parametrize("name,content,reason", [
    ("empty.txt", b"", "empty file"),
    ("blank.txt", b" \n\t\r\n  ", "only whitespace"),
    ("blank16.txt", "   \n".encode("utf-16"), "only whitespace"),
    ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "PNG image"),
    ("doc.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF document"),
    ("archive.md", b"PK\x03\x04\x14\x00\x06\x00" + bytes(200), "ZIP archive"),
    ("noise.txt", bytes((i * 7919) % 256 for i in range(4096)), "binary file"),
    ("nuls.txt", b"\x00" * 100 + b"text", "binary file"),
])
def test_unusable_contents_are_skipped_with_a_reason(tmp_path, vocab, name, content, reason):
    article = read(tmp_path, vocab, name, content)
    assert article.status == "skipped"
    assert reason in article.reason


def test_file_over_the_size_limit_is_skipped(tmp_path, vocab):
    article = read(tmp_path, vocab, "big.txt", GOOD * 100, max_bytes=1000)
    assert article.status == "skipped" and "over the limit of 1,000" in article.reason and "--max-bytes" in article.reason


def test_only_front_matter_is_no_article(tmp_path, vocab):
    article = read(tmp_path, vocab, "meta.md", "---\nsource: Wire\npublished: 2022-01-20\n---\n\n")
    assert article.status == "skipped" and "no article text" in article.reason


@pytest.mark.parametrize("text,encoding,expected", [
    (RUSSIAN, "cp1251", "cp1251"),
    (RUSSIAN, "koi8-r", "koi8_r"),
    (FRENCH, "latin-1", "cp1252"),
    (GERMAN, "latin-1", "cp1252"),
    (FRENCH[:80], "latin-1", "cp1252"),
])
def test_legacy_encodings_are_detected_and_named(tmp_path, vocab, text, encoding, expected):
    article = read(tmp_path, vocab, "page.txt", text.encode(encoding))
    assert article.status == "ok"
    assert article.raw == text  # every letter decoded as written
    note = next(n for n in article.notes if n.startswith("decoded as"))
    assert expected in note and "not valid UTF-8" in note
    assert article.to_dict()["encoding"] == expected


def test_legacy_encoding_claims_come_out_right(tmp_path, vocab):
    article = read(tmp_path, vocab, "page.txt", GERMAN.encode("latin-1"))
    assert "Behörden" in article.text and "Größere" in article.text


@pytest.mark.parametrize("encoding,bom", [("utf-8-sig", None), ("utf-16", "utf-16"), ("utf-16-le", "\ufeff"),
                                          ("utf-16-be", "\ufeff"), ("utf-32", "utf-32")])
def test_byte_order_marks(tmp_path, vocab, encoding, bom):
    text = GOOD if bom in (None, "utf-16", "utf-32") else bom + GOOD
    article = read(tmp_path, vocab, "bom.txt", text.encode(encoding))
    assert article.status == "ok"
    assert article.raw == GOOD  # no BOM left in the text
    assert article.title == "Flood in the valley"
    claims = extract_claims(article, vocab)
    assert any(c.kind == "quantity" and c.value == 12 for c in claims)
    if encoding != "utf-8-sig":
        assert any("utf-16" in n or "utf-32" in n for n in article.notes)


def test_utf16_without_bom(tmp_path, vocab):
    article = read(tmp_path, vocab, "u16.txt", GOOD.encode("utf-16-le"))
    assert article.status == "ok" and article.raw == GOOD
    assert any("utf-16-le" in n for n in article.notes)


def test_mixed_line_endings_keep_line_numbers(tmp_path, vocab):
    content = "Headline\r\n\r\nFirst paragraph.\rSecond line.\n\nAt least 12 people were killed.\r\n"
    article = read(tmp_path, vocab, "mixed.txt", content)
    claims = [c for c in extract_claims(article, vocab) if c.kind == "quantity"]
    lines = re.split(r"\r\n|\r|\n", content)
    assert claims and claims[0].line == 6
    c = claims[0]
    assert lines[c.line - 1][c.start - 1 : c.end - 1] == c.text


@pytest.mark.parametrize("content", [
    "more than 2,000 peacekeepers $4.2bn \r\n b",        # found by hypothesis: a claim wrapped onto
    "more than 2,000 peacekeepers $4.2bn \r b",           # the next line (CRLF, and a lone CR)
    "more than 2,000 peacekeepers 1.5 million \r\n almost 3 thousand",
    "Officials said more than\n2,000 peacekeepers arrived.",
])
def test_claims_wrapped_across_lines_point_at_their_first_line(tmp_path, vocab, content):
    article = read(tmp_path, vocab, "wrapped.txt", content)
    lines = re.split(r"\r\n|\r|\n", article.raw)
    claims = extract_claims(article, vocab)
    assert claims
    for c in claims:
        assert "\r" not in c.text and "\n" not in c.text
        assert lines[c.line - 1][c.start - 1 : c.end - 1] == c.text


def test_a_few_nul_bytes_are_read_as_spaces_with_a_note(tmp_path, vocab):
    article = read(tmp_path, vocab, "nul.txt", GOOD.replace("killed", "kil\x00led") + "\x00")
    assert article.status == "ok"
    assert "\x00" not in article.raw
    assert any("2 NUL byte(s)" in n for n in article.notes)


def test_malformed_front_matter_is_ignored_with_a_note(tmp_path, vocab):
    article = read(tmp_path, vocab, "fm.md", "---\nsource: [unclosed\npublished: : :\n---\n" + GOOD)
    assert article.status == "ok"
    assert any(n.startswith("malformed front matter ignored") for n in article.notes)
    assert article.source is None and article.title == "Flood in the valley"


def test_a_very_long_line_is_read(tmp_path, vocab):
    line = ("The army said 5 soldiers were killed and " * 5_000)  # 200 kB, one line, no full stop
    article = read(tmp_path, vocab, "long.txt", "Headline\n\n" + line + "\n")
    assert article.status == "ok"
    claims = extract_claims(article, vocab)
    assert len(claims) > 1000
    assert any("longer than" in n for n in article.notes)


# -- rule files --------------------------------------------------------------------------------------
def test_rules_file_with_a_toml_error_names_file_and_line(tmp_path):
    folder = tmp_path / "rules"
    write(folder, "things.toml", '[meta]\ndescription = "x"\n\n[aliases]\npeople = ["persons",\n  oops\n]\n')
    with pytest.raises(RulesError) as caught:
        load_rules([folder])
    message = with_line(str(caught.value))
    assert f"{folder / 'things.toml'}:6: TOML error" in message


def test_rules_file_with_an_unknown_key_names_file_and_key(tmp_path):
    folder = tmp_path / "rules"
    write(folder, "things.toml", '[meta]\ndescription = "x"\ncolour = "red"\n')
    with pytest.raises(RulesError) as caught:
        load_rules([folder])
    assert f"{folder / 'things.toml'}:3: unknown key 'meta.colour'" in with_line(str(caught.value))


def test_rules_file_with_a_bad_regular_expression(tmp_path):
    folder = tmp_path / "rules"
    write(folder, "not_claims.toml", '[meta]\ndescription = "x"\n[masks]\nmask_patterns = ["(unclosed"]\n')
    with pytest.raises(RulesError) as caught:
        load_rules([folder])
    assert "masks.mask_patterns[0]" in str(caught.value) and "invalid regular expression" in str(caught.value)
