"""Inspection commands (extract, rules list|check|test), help text with examples for every
command, the progress bar, and the README's documentation of exit codes and integrations."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from consistency.cli import app
from consistency.locate import line_of_key, with_line
from consistency.progress import ProgressBar, progress_for

runner = CliRunner()
ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_a20873ce5d048145.txt"


def invoke(*args):
    return runner.invoke(app, [str(a) for a in args])


# -- help ---------------------------------------------------------------------------------------

def all_commands():
    """Every registered command and subcommand, with its path ("rules test")."""
    def walk(command, path):
        yield path, command
        for name, sub in sorted(getattr(command, "commands", {}).items()):
            yield from walk(sub, [*path, name])
    return list(walk(typer.main.get_command(app), []))


def test_there_are_commands_and_subcommands():
    names = {" ".join(p) for p, _ in all_commands()}
    assert {"check", "baseline", "extract", "rules", "rules list", "rules check", "rules test"} <= names


@pytest.mark.parametrize("path", [" ".join(p) for p, _ in all_commands()])
def test_every_command_has_help_with_an_example(path):
    command = dict((" ".join(p), c) for p, c in all_commands())[path]
    assert command.help and "Example" in command.help, f"`consistency {path}` has no example in its help"
    result = invoke(*path.split(), "--help")
    assert result.exit_code == 0
    assert "Example" in result.stdout
    assert "consistency " + (path.split()[0] if path else "") in result.stdout


def test_help_documents_the_exit_codes():
    text = invoke("--help").stdout + invoke("check", "--help").stdout
    for word in ("0", "1", "2", "--fail-on", "--exit-zero"):
        assert word in text


def test_a_crash_exits_2_not_1(monkeypatch, capsys):
    """Exit 1 means "findings": an internal error must not look like one."""
    import consistency.api
    from consistency.cli import main

    def boom(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(consistency.api, "check", boom)
    monkeypatch.setattr("sys.argv", ["consistency", "check", str(SEED), "--isolated", "--exit-zero"])
    with pytest.raises(SystemExit) as exit_:
        main()
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert "RuntimeError: boom" in err and "internal error" in err


# -- extract -------------------------------------------------------------------------------------

def test_extract_lists_one_articles_claims():
    result = invoke("extract", SEED, "--isolated")
    assert result.exit_code == 0, result.stderr
    assert "2,030 CSTO representatives" in result.stdout and "rules" not in result.stdout.splitlines()[1]
    verbose = invoke("extract", SEED, "--isolated", "--verbose")
    assert "rules" in verbose.stdout and "from alias" in verbose.stdout


def test_extract_json_shows_the_rule_with_verbose():
    data = json.loads(invoke("extract", SEED, "--format", "json", "--isolated", "-v").stdout)
    assert [a["id"] for a in data["articles"]] == [SEED.stem]
    assert data["claims"] and all(c["rule"] for c in data["claims"])
    plain = json.loads(invoke("extract", SEED, "--format", "json", "--isolated").stdout)
    assert "rule" not in plain["claims"][0]


def test_extract_errors_are_exit_2(tmp_path):
    assert invoke("extract", tmp_path / "nope.txt", "--isolated").exit_code == 2
    assert invoke("extract", tmp_path, "--isolated").exit_code == 2
    binary = tmp_path / "x.txt"
    binary.write_bytes(b"\x00\x01binary")
    result = invoke("extract", binary, "--isolated")
    assert result.exit_code == 2 and "binary" in result.stderr


# -- rules ----------------------------------------------------------------------------------------

def test_rules_list():
    result = invoke("rules", "list", "--isolated")
    assert result.exit_code == 0
    assert "qualifiers" in result.stdout and "qualifiers.toml" in result.stdout
    assert "Words before (or after) a number" in result.stdout


def test_rules_check_ok():
    result = invoke("rules", "check", "--isolated")
    assert result.exit_code == 0, result.stdout
    assert "OK" in result.stderr


def test_rules_check_names_file_line_and_key(tmp_path):
    extra = tmp_path / "mine"
    extra.mkdir()
    (extra / "qualifiers.toml").write_text('[meta]\ndescription = "mine"\nauthor = "me"\n')
    (extra / "things.toml").write_text('[meta]\ndescription = "x"\n\n[stop]\n\nword_pattern = "(\\\\w+\\\\s?)*"\n')
    (extra / "broken.toml").write_text('[meta]\ndescription = "x"\n[oops\n')
    result = invoke("rules", "check", "--rules", extra, "--isolated")
    assert result.exit_code == 1
    out = result.stdout
    assert f"{extra / 'qualifiers.toml'}:3: unknown key 'meta.author'" in out
    assert f"{extra / 'things.toml'}:6: key 'stop.word_pattern'" in out
    assert f"{extra / 'broken.toml'}:3: TOML error" in out
    # check names the first problem with its line too, and exits 2
    result = invoke("check", SEED, "--rules", extra, "--isolated")
    assert result.exit_code == 2 and ".toml:" in result.stderr


def test_rules_folder_that_does_not_exist_is_exit_2(tmp_path):
    assert invoke("rules", "check", "--rules", tmp_path / "nope", "--isolated").exit_code == 2


def test_rules_test_runs_the_examples(tmp_path):
    result = invoke("rules", "test", "qualifiers", "--isolated", "-v")
    assert result.exit_code == 0, result.stdout
    assert "ok   qualifiers.toml#1" in result.stdout and " 0 failed" in result.stderr
    extra = tmp_path / "mine"
    extra.mkdir()
    (extra / "qualifiers.toml").write_text(
        '[meta]\ndescription = "mine"\n\n[[examples]]\ntext = "About 250 people were injured."\n'
        'expect = [{ text = "250", qualifier = "exact" }]\n')
    result = invoke("rules", "test", "qualifiers", "--rules", extra, "--isolated")
    assert result.exit_code == 1
    # The failing example is named by the user's file and line, after the built-in examples.
    assert re.search(r"FAIL qualifiers\.toml#\d+ \(" + re.escape(f"{extra / 'qualifiers.toml'}:4)"), result.stdout)
    assert "no claim matches" in result.stdout
    assert invoke("rules", "test", "nosuchfile", "--isolated").exit_code == 2


def test_line_of_key():
    text = '[meta]\ndescription = "x"\n\n[before]\n"more than" = { a = 1 }\nover = 2\n\n[[examples]]\ntext = "a"\n\n[[examples]]\ntext = "b"\n'
    assert line_of_key(text, 'before."more than"') == 5
    assert line_of_key(text, "before.over") == 6
    assert line_of_key(text, "examples[1]") == 11
    assert line_of_key(text, "meta.description") == 2
    assert with_line("nothing to see") == "nothing to see"


# -- progress ---------------------------------------------------------------------------------------

class Tty(io.StringIO):
    def isatty(self):
        return True


def test_progress_bar_only_on_a_terminal_and_not_quiet():
    assert progress_for(io.StringIO()) is None
    assert progress_for(Tty(), quiet=True) is None
    assert isinstance(progress_for(Tty()), ProgressBar)


def test_progress_bar_only_for_many_articles():
    stream = Tty()
    bar = ProgressBar(stream, min_interval=0)
    bar("read", 10, 50)
    assert stream.getvalue() == ""
    for i in range(1, 61):
        bar("extract", i, 60)
    assert "60/60 articles" in stream.getvalue() and "extracting claims" in stream.getvalue()
    bar.close()
    assert stream.getvalue().endswith("\r\x1b[K")


def test_library_reports_progress(tmp_path):
    from consistency.api import CheckOptions, check

    calls = []
    check([SEED], CheckOptions(), progress=lambda *a: calls.append(a))
    assert ("read", 1, 1) in calls and ("extract", 1, 1) in calls


def test_no_progress_bar_in_captured_output(tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(55):
        (folder / f"a{i:02}.txt").write_text(f"Storm\n\nThe storm killed {i % 3 + 5} people, officials said.\n")
    result = invoke("check", folder, "--isolated", "--format", "json")
    assert "\r" not in result.stderr and "articles" not in result.stderr.split("\n")[0][:8]


# -- docs -------------------------------------------------------------------------------------------

def test_readme_documents_the_pipeline_features():
    readme = (ROOT / "README.md").read_text()
    for needle in ("--since", "--new", "--fail-on", "consistency baseline", "[tool.consistency]",
                   ".pre-commit-config.yaml", "--format github", "GITHUB_STEP_SUMMARY", "sarif",
                   "consistency rules", "consistency extract", "fetch-depth: 0"):
        assert needle in readme, needle
