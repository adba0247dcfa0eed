"""The command line: exit codes, where output goes, files written atomically, help text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from consistency import __version__
from consistency.cli import app

runner = CliRunner()


def invoke(*args: str | Path):
    return runner.invoke(app, [str(a) for a in args])


@pytest.fixture
def disagreeing(tmp_path) -> Path:
    """Two articles that disagree on how many troops were deployed."""
    folder = tmp_path / "disagree"
    folder.mkdir()
    (folder / "harbour.txt").write_text("Troops arrive in the capital\n\n"
                                        "Officials said 2,030 troops were deployed in the country.\n")
    (folder / "coast.txt").write_text("Troops arrive in the capital\n\n"
                                      "Officials said 1,500 troops were deployed in the country.\n")
    return folder


@pytest.fixture
def agreeing(tmp_path) -> Path:
    folder = tmp_path / "agree"
    folder.mkdir()
    (folder / "harbour.txt").write_text("Troops arrive in the capital\n\n"
                                        "Officials said more than 2,000 troops were deployed in the country.\n")
    (folder / "coast.txt").write_text("Troops arrive in the capital\n\n"
                                      "Officials said 2,030 troops were deployed in the country.\n")
    return folder


# -- exit codes ---------------------------------------------------------------------------------

def test_discrepancy_exits_1(disagreeing):
    result = invoke("check", disagreeing)
    assert result.exit_code == 1, result.stderr
    assert "DISCREPANCY" in result.stdout


def test_exit_zero_hides_discrepancies(disagreeing):
    result = invoke("check", disagreeing, "--exit-zero")
    assert result.exit_code == 0, result.stderr
    assert "DISCREPANCY" in result.stdout


def test_agreement_exits_0(agreeing):
    result = invoke("check", agreeing)
    assert result.exit_code == 0, result.stderr
    assert "agree" in result.stdout


def test_no_readable_article_exits_2(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    result = invoke("check", tmp_path / "empty.txt", tmp_path / "missing.txt", "--exit-zero")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "missing.txt" in result.stderr and "empty.txt" in result.stderr
    assert "no article could be read" in result.stderr


def test_a_bad_input_is_named_and_the_rest_is_checked(disagreeing):
    result = invoke("check", disagreeing, disagreeing / "gone.txt")
    assert result.exit_code == 1
    assert "gone.txt" in result.stderr
    assert "DISCREPANCY" in result.stdout


def test_unknown_format_exits_2(agreeing):
    result = invoke("check", agreeing, "--format", "yaml")
    assert result.exit_code == 2
    assert "yaml" in result.stderr
    assert result.stdout == ""


def test_missing_rules_folder_exits_2_with_a_message(agreeing, tmp_path):
    result = invoke("check", agreeing, "--rules", tmp_path / "no-such-rules", "--exit-zero")
    assert result.exit_code == 2
    assert "no-such-rules" in result.stderr and "error" in result.stderr
    assert result.stdout == ""


def test_rules_file_with_a_toml_error_exits_2_naming_the_file(agreeing, tmp_path):
    rules = tmp_path / "my-rules"
    rules.mkdir()
    (rules / "things.toml").write_text('[meta]\ndescription = "local things"\n[aliases\nboats = ["boats"]\n')
    result = invoke("check", agreeing, "--rules", rules)
    assert result.exit_code == 2
    assert "things.toml" in result.stderr


def test_rules_file_with_a_bad_regex_exits_2_naming_the_key(agreeing, tmp_path):
    rules = tmp_path / "my-rules"
    rules.mkdir()
    (rules / "boilerplate.toml").write_text('[meta]\ndescription = "more furniture"\n[lines]\npatterns = ["(unclosed"]\n')
    result = invoke("check", agreeing, "--rules", rules)
    assert result.exit_code == 2
    assert "boilerplate.toml" in result.stderr and "patterns" in result.stderr


def test_extra_rules_folder_extends_the_vocabulary(tmp_path):
    folder = tmp_path / "boats"
    folder.mkdir()
    (folder / "a.txt").write_text("Rescue at sea\n\nOfficials said 12 dinghies were deployed in the bay.\n")
    (folder / "b.txt").write_text("Rescue at sea\n\nOfficials said 15 rafts were deployed in the bay.\n")
    plain = invoke("check", folder, "--format", "json")
    assert plain.exit_code == 0  # different things: nothing to compare
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "things.toml").write_text('[meta]\ndescription = "small boats"\n[aliases]\nboats = ["dinghies", "rafts"]\n')
    extended = invoke("check", folder, "--rules", rules, "--format", "json")
    assert extended.exit_code == 1
    data = json.loads(extended.stdout)
    assert [f["unit"] for f in data["findings"] if f["verdict"] == "discrepancy"] == ["boats"]


# -- where output goes -------------------------------------------------------------------------

def test_summary_goes_to_stderr_and_stdout_holds_only_the_report(disagreeing):
    result = invoke("check", disagreeing, "--format", "json")
    data = json.loads(result.stdout)  # nothing but the JSON report on stdout
    assert data["summary"]["discrepancy"] == 1
    assert "2 article(s)" in result.stderr and "1 discrepancy" in result.stderr
    assert "article(s)" not in result.stdout


def test_quiet_leaves_stderr_empty(disagreeing):
    result = invoke("check", disagreeing, "--quiet")
    assert result.exit_code == 1
    assert result.stderr == ""
    assert result.stdout


def test_markdown_format_on_stdout(disagreeing):
    result = invoke("check", disagreeing, "--format", "markdown")
    assert result.stdout.startswith("# Source consistency report")


def test_output_and_report_are_written_atomically(disagreeing, tmp_path):
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    result = invoke("check", disagreeing, "--format", "json", "--output", out_dir / "report.json",
                    "--report", out_dir / "report.md")
    assert result.exit_code == 1, result.stderr
    assert result.stdout == ""  # the report went to the file
    assert sorted(p.name for p in out_dir.iterdir()) == ["report.json", "report.md"]  # no temporary files left
    data = json.loads((out_dir / "report.json").read_text(encoding="utf-8"))
    assert data["summary"]["discrepancy"] == 1
    assert (out_dir / "report.md").read_text(encoding="utf-8").startswith("# Source consistency report")
    assert "report.md" in result.stderr


def test_output_replaces_an_existing_file(disagreeing, tmp_path):
    target = tmp_path / "report.json"
    target.write_text("old content that is much longer than nothing" * 1000)
    result = invoke("check", disagreeing, "--format", "json", "-o", target)
    assert result.exit_code == 1
    json.loads(target.read_text(encoding="utf-8"))


def test_output_into_a_missing_folder_exits_2_and_leaves_nothing(disagreeing, tmp_path):
    result = invoke("check", disagreeing, "--output", tmp_path / "nowhere" / "report.txt")
    assert result.exit_code == 2
    assert "cannot write" in result.stderr
    assert not (tmp_path / "nowhere").exists()


def test_output_that_is_a_folder_exits_2(disagreeing, tmp_path):
    result = invoke("check", disagreeing, "--output", tmp_path)
    assert result.exit_code == 2
    assert "folder" in result.stderr


# -- help ---------------------------------------------------------------------------------------

def command_names() -> list[str]:
    group = typer.main.get_command(app)
    return sorted(group.commands)


def test_top_level_help_has_an_example():
    result = invoke("--help")
    assert result.exit_code == 0
    assert "Example" in result.stdout
    assert "check" in result.stdout


@pytest.mark.parametrize("name", command_names())
def test_every_command_help_has_an_example(name):
    result = invoke(name, "--help")
    assert result.exit_code == 0, result.stderr
    assert "Example" in result.stdout
    assert "consistency " + name in result.stdout


def test_version():
    result = invoke("--version")
    assert result.exit_code == 0
    assert __version__ in result.stdout
