"""A corpus of broken and hostile files, generated here, run through the command line as a
subprocess: the run completes, every problem is named with its path and reason on stderr, in
the markdown report (Skipped inputs and Notes on inputs) and in the JSON report, no traceback
appears, and the exit codes follow the contract."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

GOOD_A = "Flood in the valley\n\nAt least 12 people were killed in the flood on 3 May 2022, officials said.\n"
GOOD_B = "Valley flood\n\nOfficials said 30 people were killed in the flood on 3 May 2022.\n"
RUSSIAN = ("Наводнение\n\nМосква, 20 января. Более 2000 миротворцев ОДКБ покинули Казахстан, сообщил "
           "генеральный секретарь организации.\n")
FRENCH = "Inondation\n\nLe ministère a annoncé que plus de 2 000 soldats étaient déployés à Genève.\n"
MAX_BYTES = 2_000_000


def build_corpus(root: Path) -> tuple[Path, list[tuple[str, str, str]]]:
    """The corpus, and what must be reported: (path fragment, reason fragment, where) with where
    "skipped" (not read) or "note" (read, with a note)."""
    corpus = root / "corpus"
    corpus.mkdir()
    expect: list[tuple[str, str, str]] = []

    def put(name: str, data: bytes | str) -> Path:
        path = corpus / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        return path

    put("good/a.txt", GOOD_A)
    put("good/b.txt", GOOD_B)
    put("empty.txt", b"")
    expect.append(("empty.txt", "empty file", "skipped"))
    put("blank.txt", b"  \n\t \r\n")
    expect.append(("blank.txt", "only whitespace", "skipped"))
    put("photo.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    expect.append(("photo.txt", "binary file (a PNG image)", "skipped"))
    put("noise.html", bytes((i * 7919 + 13) % 256 for i in range(20000)))
    expect.append(("noise.html", "binary file", "skipped"))
    put("nul.txt", GOOD_B.replace("killed", "kil\x00led"))
    expect.append(("nul.txt", "NUL byte(s) read as spaces", "note"))
    put("russian.txt", RUSSIAN.encode("cp1251"))
    expect.append(("russian.txt", "decoded as cp1251", "note"))
    put("french.txt", FRENCH.encode("latin-1"))
    expect.append(("french.txt", "decoded as cp1252", "note"))
    put("bom8.txt", GOOD_A.encode("utf-8-sig"))
    put("bom16.txt", GOOD_B.encode("utf-16"))
    expect.append(("bom16.txt", "decoded as utf-16", "note"))
    put("mixed.txt", "Headline\r\n\r\nFirst line.\rSecond.\n\nAt least 12 people were killed.\r\n")
    prose = "the river rose through the night and the town waited for news from the valley while the rain fell "
    # about 350 kB on one line, without a full stop (tests/test_hostile_work.py covers denser text)
    put("long-line.txt", "Headline\n\n" + (prose * 8 + "and 5 soldiers were killed ") * 400 + "\n")
    expect.append(("long-line.txt", "longer than", "note"))
    put("too-big.txt", "x" * (MAX_BYTES + 10))
    expect.append(("too-big.txt", "over the limit", "skipped"))
    put("front-matter.md", "---\nsource: [unclosed\npublished: : :\n---\n" + GOOD_A)
    expect.append(("front-matter.md", "malformed front matter ignored", "note"))
    put("only-front-matter.md", "---\nsource: Wire\n---\n")
    expect.append(("only-front-matter.md", "no article text", "skipped"))
    put("dup/a.txt", GOOD_B)  # the same id as good/a.txt
    expect.append(("a.txt", "also named 'a'", "note"))
    put("hostile.md", '# <img src=x onerror=alert(1)> @org/team\n\n"12 | people ![x](http://evil/x.png) were '
                      'killed \x1b]8;;http://evil\x07 ::set-output name=x::y %0A::error::", he said.\n')
    locked = put("locked.txt", GOOD_A)
    locked.chmod(0)
    if not os.access(locked, os.R_OK):  # not root: the permission holds
        expect.append(("locked.txt", "Permission denied", "skipped"))
    try:
        (corpus / "loop").symlink_to(corpus, target_is_directory=True)
        expect.append(("loop", "symbolic link loop", "skipped"))
        (corpus / "x.txt").symlink_to(corpus / "y.txt")
        (corpus / "y.txt").symlink_to(corpus / "x.txt")
        expect.append(("x.txt", "symbolic link loop", "skipped"))
        (corpus / "gone.txt").symlink_to(root / "deleted.txt")
        expect.append(("gone.txt", "broken symbolic link", "skipped"))
    except (OSError, NotImplementedError):
        pass
    if hasattr(os, "mkfifo"):
        os.mkfifo(corpus / "pipe.txt")
        expect.append(("pipe.txt", "not a regular file", "skipped"))
    return corpus, expect


def run(*args: object, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "consistency", *map(str, args)], capture_output=True, text=True,
                          encoding="utf-8", errors="replace", timeout=600, cwd=cwd)


def unescape_markdown(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


@pytest.fixture(scope="module")
def hostile_run(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile-corpus")
    corpus, expect = build_corpus(root)
    (root / "empty-folder").mkdir()
    out = root / "out"
    out.mkdir()
    try:
        proc = run("check", corpus, root / "missing.txt", root / "empty-folder", "--isolated",
                   "--max-bytes", MAX_BYTES, "--format", "json", "--output", out / "report.json",
                   "--report", out / "report.md")
    finally:
        (corpus / "locked.txt").chmod(0o644)
    expect += [("missing.txt", "no such file or folder", "skipped"), ("empty-folder", "holds no articles", "skipped")]
    return proc, expect, out


def test_the_run_completes_without_a_traceback(hostile_run):
    proc, _, out = hostile_run
    assert "Traceback" not in proc.stderr and "internal error" not in proc.stderr, proc.stderr[-3000:]
    assert proc.returncode in (0, 1), proc.stderr[-3000:]  # findings or none; never 2 with articles left
    assert (out / "report.json").exists() and (out / "report.md").exists()


def test_every_problem_is_named_on_stderr(hostile_run):
    proc, expect, _ = hostile_run
    lines = proc.stderr.splitlines()
    missing = [(path, reason) for path, reason, _ in expect
               if not any(path in line and reason in line for line in lines)]
    assert not missing, f"not named on stderr: {missing}\n{proc.stderr[-3000:]}"


def test_every_problem_is_in_the_markdown_report(hostile_run):
    _, expect, out = hostile_run
    text = (out / "report.md").read_text(encoding="utf-8")
    skipped_section = unescape_markdown(text.split("## Skipped inputs", 1)[1])
    rows = skipped_section.splitlines()
    missing = [(path, reason) for path, reason, _ in expect
               if not any(path in row and reason in row for row in rows)]
    assert not missing, f"not in the markdown report: {missing}"


def test_every_problem_is_in_the_json_report(hostile_run):
    _, expect, out = hostile_run
    data = json.loads((out / "report.json").read_text(encoding="utf-8"))
    missing = []
    for path, reason, where in expect:
        entries = [a for a in data["articles"] if path in a["path"]]
        if where == "skipped":
            ok = any(a["status"] == "skipped" and reason in (a.get("reason") or "") for a in entries)
        else:
            ok = any(a["status"] == "ok" and any(reason in n for n in a.get("notes", [])) for a in entries)
        if not ok:
            missing.append((path, reason, where, entries))
    assert not missing, missing
    assert data["summary"]["skipped"] == sum(1 for a in data["articles"] if a["status"] == "skipped")
    good = {a["id"] for a in data["articles"] if a["status"] == "ok"}
    assert {"a", "b", "russian", "french", "bom8", "bom16", "mixed", "long-line", "hostile"} <= good
    assert {"dup/a", "good/a"} & good  # the second article named "a" got its folder in front


def test_legacy_encodings_were_decoded(hostile_run):
    _, _, out = hostile_run
    data = json.loads((out / "report.json").read_text(encoding="utf-8"))
    sentences = " ".join(c["sentence"] for c in data["claims"])
    assert "миротворцев" in sentences or "Казахстан" in sentences or any(
        "Казахстан" in (a.get("title") or "") or a["id"] == "russian" for a in data["articles"])
    titles = {a["id"]: a["title"] for a in data["articles"]}
    assert titles["russian"] == "Наводнение" and titles["french"] == "Inondation"


def test_nothing_left_to_check_exits_2(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    proc = run("check", tmp_path, tmp_path / "missing.txt", "--isolated")
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert "empty.txt: empty file" in proc.stderr and "photo.txt: binary file" in proc.stderr
    assert "missing.txt: no such file or folder" in proc.stderr
    assert "no article could be read" in proc.stderr


@pytest.mark.parametrize("content,expected", [
    ('[meta]\ndescription = "x"\n\n[aliases]\npeople = ["persons",\n  oops\n]\n', "things.toml:6: TOML error"),
    ('[meta]\ndescription = "x"\ncolour = "red"\n', "things.toml:3: unknown key 'meta.colour'"),
])
def test_bad_rules_file_exits_2_with_file_line_and_key(tmp_path, content, expected):
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "things.toml").write_text(content, encoding="utf-8")
    (tmp_path / "a.txt").write_text(GOOD_A, encoding="utf-8")
    proc = run("check", tmp_path / "a.txt", "--rules", rules, "--isolated")
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert expected in proc.stderr
    checked = run("rules", "check", "--rules", rules, "--isolated")
    assert checked.returncode == 1 and expected in checked.stdout
