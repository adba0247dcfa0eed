"""Nothing lost: reports and baselines are written atomically, an interrupted write leaves the
previous file as it was, articles are never modified, and output into the corpus is refused
unless asked for."""

from __future__ import annotations

import hashlib
import os
import shutil
import stat
from pathlib import Path

import pytest
from typer.testing import CliRunner

import consistency.output as output
from consistency.cli import app
from consistency.output import write_atomically

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
runner = CliRunner()


def invoke(*args):  # noqa: ANN002, ANN201
    return runner.invoke(app, [str(a) for a in args])


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


# -- atomic writes -----------------------------------------------------------------------------------
def test_write_atomically_replaces_the_file(tmp_path):
    target = tmp_path / "report.md"
    target.write_text("old\n")
    write_atomically(target, "new\n")
    assert target.read_text() == "new\n" and leftovers(tmp_path) == []


@pytest.mark.parametrize("error", [OSError(28, "No space left on device"), KeyboardInterrupt()])
def test_interrupted_write_keeps_the_old_file_and_leaves_no_temporary_file(tmp_path, monkeypatch, error):
    target = tmp_path / "report.md"
    target.write_text("the previous report\n")
    real_fdopen = os.fdopen

    class HalfWriter:
        """Writes half of what it is given, then fails: a disk filling up, a Ctrl-C."""

        def __init__(self, handle):  # noqa: ANN001
            self.handle = handle

        def __enter__(self):  # noqa: ANN204
            return self

        def __exit__(self, *exc):  # noqa: ANN002, ANN204
            self.handle.close()

        def fileno(self) -> int:
            return self.handle.fileno()

        def write(self, text: str) -> int:
            self.handle.write(text[: len(text) // 2])
            self.handle.flush()
            raise error

    monkeypatch.setattr(output.os, "fdopen", lambda *a, **k: HalfWriter(real_fdopen(*a, **k)))
    with pytest.raises(type(error)):
        write_atomically(target, "the new report, much longer than the old one\n" * 100)
    assert target.read_text() == "the previous report\n"
    assert leftovers(tmp_path) == []


def test_failed_rename_keeps_the_old_file(tmp_path, monkeypatch):
    target = tmp_path / "baseline.json"
    target.write_text("{}\n")

    def fail(*args):  # noqa: ANN002
        raise OSError(18, "Invalid cross-device link")

    monkeypatch.setattr(output.os, "replace", fail)
    with pytest.raises(OSError):
        write_atomically(target, '{"entries": []}\n')
    assert target.read_text() == "{}\n" and leftovers(tmp_path) == []


def test_written_files_are_not_private(tmp_path):
    """mkstemp makes 0600 files; a report keeps the mode of the file it replaces, or the usual one."""
    fresh = tmp_path / "fresh.md"
    write_atomically(fresh, "x")
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o666 & ~umask
    shared = tmp_path / "shared.md"
    shared.write_text("x")
    shared.chmod(0o664)
    write_atomically(shared, "y")
    assert stat.S_IMODE(shared.stat().st_mode) == 0o664


def test_cli_write_failure_exits_2_and_keeps_the_old_report(tmp_path, monkeypatch):
    out = tmp_path / "out"
    out.mkdir()
    report = out / "report.json"
    report.write_text("previous\n")

    def fail(*args):  # noqa: ANN002
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(output.os, "replace", fail)
    result = invoke("check", SEEDS, "--isolated", "--format", "json", "--output", report)
    assert result.exit_code == 2
    assert "cannot write output" in result.stderr and "No space left" in result.stderr
    assert report.read_text() == "previous\n" and leftovers(out) == []


def test_cli_baseline_write_failure_keeps_the_old_baseline(tmp_path, monkeypatch):
    baseline = tmp_path / "baseline.json"
    assert invoke("baseline", SEEDS, "--isolated", "-o", baseline).exit_code == 0
    before = baseline.read_bytes()

    def fail(*args):  # noqa: ANN002
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(output.os, "replace", fail)
    result = invoke("baseline", SEEDS, "--isolated", "-o", baseline)
    assert result.exit_code == 2 and "cannot write" in result.stderr
    assert baseline.read_bytes() == before and leftovers(tmp_path) == []


# -- articles are never modified -------------------------------------------------------------------------
def fingerprint(folder: Path) -> dict[str, tuple]:
    out = {}
    for p in sorted(folder.rglob("*")):
        if p.is_file() and not p.is_symlink():
            st = p.stat()
            out[str(p.relative_to(folder))] = (hashlib.sha256(p.read_bytes()).hexdigest(), st.st_mtime_ns,
                                               st.st_size, stat.S_IMODE(st.st_mode))
    return out


def test_the_checker_never_modifies_an_article(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    (corpus / "latin1.txt").write_bytes("Le ministère a dit que 12 personnes sont mortes.\n".encode("latin-1"))
    (corpus / "nul.txt").write_bytes(b"Toll\x00 rose to 12 people killed.\r\n")
    (corpus / "fm.md").write_text("---\nsource: [broken\n---\nAt least 3 people died.\n")
    (corpus / "empty.txt").write_bytes(b"")
    before = fingerprint(corpus)
    out = tmp_path / "out"
    out.mkdir()
    for args in (
        ["check", corpus, "--isolated", "--report", out / "r.md", "-o", out / "r.json", "-f", "json"],
        ["check", corpus, "--isolated", "-f", "sarif", "--fail-on", "unique"],
        ["check", corpus, "--isolated", "--new", corpus / "fm.md"],
        ["baseline", corpus, "--isolated", "-o", out / "b.json"],
        ["check", corpus, "--isolated", "--baseline", out / "b.json"],
        ["extract", corpus / "latin1.txt", "--isolated"],
    ):
        result = invoke(*args)
        assert result.exit_code in (0, 1), (args, result.stderr)
    assert fingerprint(corpus) == before


# -- output into the corpus ---------------------------------------------------------------------------------
@pytest.mark.parametrize("option", ["--output", "--report"])
def test_output_inside_the_corpus_is_refused(tmp_path, option):
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    before = fingerprint(corpus)
    target = corpus / "sub" / "report.md"
    (corpus / "sub").mkdir()
    result = invoke("check", corpus, "--isolated", option, target)
    assert result.exit_code == 2
    assert "inside the corpus" in result.stderr and "--allow-output-in-corpus" in result.stderr
    assert not target.exists() and fingerprint(corpus) == before
    allowed = invoke("check", corpus, "--isolated", option, target, "--allow-output-in-corpus")
    assert allowed.exit_code in (0, 1) and target.exists()


def test_output_over_an_article_is_refused(tmp_path):
    article = tmp_path / "a.txt"
    shutil.copy(SEEDS / "000_a20873ce5d048145.txt", article)
    before = article.read_bytes()
    result = invoke("check", article, tmp_path / "other.txt", "--isolated", "-o", article)
    assert result.exit_code == 2 and "inside the corpus" in result.stderr
    assert article.read_bytes() == before


def test_baseline_inside_the_corpus_is_refused(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    target = corpus / "consistency-baseline.json"
    result = invoke("baseline", corpus, "--isolated", "-o", target)
    assert result.exit_code == 2 and "--allow-output-in-corpus" in result.stderr and not target.exists()
    assert invoke("baseline", corpus, "--isolated", "-o", target, "--allow-output-in-corpus").exit_code == 0
    assert target.exists()


def test_output_beside_the_corpus_is_fine(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    result = invoke("check", corpus, "--isolated", "--report", tmp_path / "corpus-report.md")
    assert result.exit_code in (0, 1) and (tmp_path / "corpus-report.md").exists()
