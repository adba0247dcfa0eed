"""Configuration files, exit codes and --fail-on, baselines and fingerprints."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from typer.testing import CliRunner

from consistency.baseline import BaselineError, load
from consistency.cli import app
from consistency.compare import Finding
from consistency.config import Config, ConfigError, find_config, load_config
from consistency.fingerprint import fingerprint
from consistency.policy import at_or_above, exit_code

runner = CliRunner()

TOLL = {
    "harbour.txt": "Storm kills seven\n\nThe storm killed 7 people, the fire service said.\n",
    "coast.txt": "Seven dead in storm\n\nThe storm killed 7 people, officials said.\n",
    "herald.txt": "Storm toll rises\n\nThe storm killed 15 people, the fire service said.\n"
                  "Officials said 230 houses had been destroyed.\n",
}


def invoke(*args, env=None):
    return runner.invoke(app, [str(a) for a in args], env=env)


@pytest.fixture
def corpus(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, text in TOLL.items():
        (folder / name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return folder


def verdicts(result) -> list[str]:
    return [f["verdict"] for f in json.loads(result.stdout)["findings"]]


# -- exit codes and --fail-on -----------------------------------------------------------------------

def fake(verdict: str) -> Finding:
    return Finding(verdict=verdict, kind="quantity", topic="t", claims=("c1",), explanation="e", articles=("a",))


@pytest.mark.parametrize("fail_on, fails", [
    ("discrepancy", {"discrepancy"}),
    ("update", {"discrepancy", "update"}),
    ("unique", {"discrepancy", "update", "unique"}),
])
def test_fail_on_ordering(fail_on, fails):
    for verdict in ("discrepancy", "update", "unique", "agreement"):
        assert at_or_above(verdict, fail_on) == (verdict in fails)
        assert exit_code([fake(verdict)], fail_on) == (1 if verdict in fails else 0)
        assert exit_code([fake(verdict)], fail_on, exit_zero=True) == 0


def test_fail_on_from_the_command_line(corpus):
    assert invoke("check", corpus, "--isolated").exit_code == 1  # a discrepancy
    assert invoke("check", corpus, "--isolated", "--exit-zero").exit_code == 0
    only_unique = corpus.parent / "unique"
    only_unique.mkdir()
    (only_unique / "a.txt").write_text(TOLL["herald.txt"])
    (only_unique / "b.txt").write_text("Storm\n\nThe storm killed 15 people, officials said.\n")
    result = invoke("check", only_unique, "--isolated", "--format", "json")
    assert "unique" in verdicts(result) and "discrepancy" not in verdicts(result)
    assert result.exit_code == 0
    assert invoke("check", only_unique, "--isolated", "--fail-on", "update").exit_code == 0
    assert invoke("check", only_unique, "--isolated", "--fail-on", "unique").exit_code == 1


def test_usage_errors_are_exit_2(corpus):
    assert invoke("check", corpus, "--fail-on", "sometimes").exit_code == 2
    assert invoke("check", corpus, "--format", "yaml").exit_code == 2
    assert invoke("check", corpus, "--no-such-option").exit_code == 2
    assert invoke("check", corpus.parent / "missing", "--isolated", "--exit-zero").exit_code == 2


# -- configuration ----------------------------------------------------------------------------------

def test_config_is_found_upward_and_consistency_toml_comes_first(tmp_path):
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    assert find_config(deep) is None or not str(find_config(deep)).startswith(str(tmp_path))
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'x'\n")  # no [tool.consistency]: passed over
    (tmp_path / "a" / "pyproject.toml").write_text("[tool.consistency]\nfail_on = 'update'\n")
    assert find_config(deep) == (tmp_path / "a" / "pyproject.toml").resolve()
    (tmp_path / "a" / "consistency.toml").write_text("fail_on = 'unique'\n")
    assert find_config(deep) == (tmp_path / "a" / "consistency.toml").resolve()
    assert load_config(start=deep).fail_on == "unique"


def test_config_paths_are_relative_to_the_file(tmp_path):
    (tmp_path / "consistency.toml").write_text(
        'corpus = "articles"\nrules = ["r1", "r2"]\nbaseline = "b.json"\nmax_bytes = 1000\n'
        'exit_zero = true\nowner_min_score = 80\nformat = "sarif"\n')
    cfg = load_config(tmp_path / "consistency.toml")
    base = tmp_path.resolve()
    assert cfg == Config(path=tmp_path / "consistency.toml", corpus=(base / "articles",),
                         rules=(base / "r1", base / "r2"), fail_on=None, format="sarif", baseline=base / "b.json",
                         max_bytes=1000, exit_zero=True, owner_min_score=80.0)


@pytest.mark.parametrize("text, words", [
    ("colour = 'red'\n", ["unknown key 'colour'", ":1:", "known keys"]),
    ("fail_on = 'never'\n", ["'fail_on'", "'never'"]),
    ("max_bytes = -3\n", ["'max_bytes'", "positive"]),
    ("max_bytes = true\n", ["'max_bytes'"]),
    ("exit_zero = 'yes'\n", ["'exit_zero'"]),
    ("owner_min_score = 101\n", ["'owner_min_score'"]),
    ("rules = [1, 2]\n", ["'rules'"]),
    ("format = 'yaml'\n", ["'format'"]),
    ("\n\nfail_on = \n", [":3:", "TOML"]),
])
def test_bad_config_names_the_key_and_the_file(tmp_path, text, words):
    path = tmp_path / "consistency.toml"
    path.write_text(text)
    with pytest.raises(ConfigError) as err:
        load_config(path)
    message = str(err.value)
    assert str(path) in message
    for word in words:
        assert word in message, message


def test_explicit_config_errors(tmp_path, corpus):
    assert invoke("check", corpus, "--config", tmp_path / "nope.toml").exit_code == 2
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'x'\n")
    result = invoke("check", corpus, "--config", tmp_path / "pyproject.toml")
    assert result.exit_code == 2 and "[tool.consistency]" in result.stderr


def test_command_line_overrides_the_file(corpus):
    Path("consistency.toml").write_text('exit_zero = true\nfail_on = "unique"\nformat = "json"\n')
    result = invoke("check", corpus)
    assert result.exit_code == 0 and json.loads(result.stdout)["schema"]  # exit_zero and format from the file
    assert invoke("check", corpus, "--no-exit-zero").exit_code == 1
    assert invoke("check", corpus, "--format", "table").stdout.lstrip().startswith("┌")
    assert invoke("check", corpus, "--isolated").exit_code == 1  # the file ignored


def test_rules_from_the_config_file_must_exist(corpus):
    Path("consistency.toml").write_text('rules = ["no-such-folder"]\n')
    result = invoke("check", corpus)
    assert result.exit_code == 2 and "no-such-folder" in result.stderr


# -- baselines --------------------------------------------------------------------------------------

def test_baseline_file_reviews_well(corpus):
    result = invoke("baseline", corpus, "--isolated", "--fail-on", "unique")
    assert result.exit_code == 0, result.stderr
    text = Path("consistency-baseline.json").read_text()
    data = json.loads(text)
    assert text == json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    assert data["schema"] == "consistency/baseline@1"
    fps = [e["fingerprint"] for e in data["findings"]]
    assert fps == sorted(fps) and len(set(fps)) == len(fps)
    assert {e["verdict"] for e in data["findings"]} == {"discrepancy", "unique"}
    for entry in data["findings"]:
        assert entry["status"] == "accepted" and entry["reason"] == "" and entry["reviewer"] == ""
        assert "line" not in json.dumps(entry)
    # default --fail-on: only what can fail the default run
    invoke("baseline", corpus, "--isolated", "-o", "d.json")
    assert {e["verdict"] for e in json.loads(Path("d.json").read_text())["findings"]} == {"discrepancy"}


def test_regenerating_keeps_the_review_and_drops_what_is_gone(corpus):
    invoke("baseline", corpus, "--isolated", "--fail-on", "unique")
    path = Path("consistency-baseline.json")
    data = json.loads(path.read_text())
    for entry in data["findings"]:
        entry["reason"], entry["reviewer"] = "agency figure, checked", "mk"
    path.write_text(json.dumps(data, indent=2))
    (corpus / "herald.txt").write_text("Storm toll rises\n\nThe storm killed 15 people, the fire service said.\n")
    result = invoke("baseline", corpus, "--isolated", "--fail-on", "unique")
    assert "dropped 1" in result.stderr, result.stderr
    entries = json.loads(path.read_text())["findings"]
    assert entries and all(e["reason"] == "agency figure, checked" for e in entries)


def test_check_reports_stale_entries(corpus):
    invoke("baseline", corpus, "--isolated", "--fail-on", "unique")
    (corpus / "herald.txt").write_text("Storm toll rises\n\nThe storm killed 7 people, the fire service said.\n")
    result = invoke("check", corpus, "--isolated", "--baseline", "consistency-baseline.json", "--format", "json")
    stale = json.loads(result.stdout)["baseline"]["stale"]
    assert len(stale) == 2  # the discrepancy and the houses are gone
    assert "stale" in result.stderr and stale[0] in result.stderr
    assert result.exit_code == 0


def test_open_entries_do_not_suppress(corpus):
    invoke("baseline", corpus, "--isolated")
    path = Path("consistency-baseline.json")
    data = json.loads(path.read_text())
    data["findings"][0]["status"] = "open"
    path.write_text(json.dumps(data))
    assert invoke("check", corpus, "--isolated", "--baseline", path).exit_code == 1
    data["findings"][0]["status"] = "acepted"
    path.write_text(json.dumps(data))
    result = invoke("check", corpus, "--isolated", "--baseline", path)
    assert result.exit_code == 2 and "acepted" in result.stderr


@pytest.mark.parametrize("content, word", [
    ("{", "JSON"),
    ('{"schema": "other"}', "schema"),
    ('{"schema": "consistency/baseline@1", "findings": [{"status": "accepted"}]}', "fingerprint"),
    ('{"schema": "consistency/baseline@1", "findings": [{"fingerprint": "a"}, {"fingerprint": "a"}]}', "twice"),
])
def test_broken_baselines_are_refused(tmp_path, content, word):
    path = tmp_path / "b.json"
    path.write_text(content)
    with pytest.raises(BaselineError) as err:
        load(path)
    assert word in str(err.value) and str(path) in str(err.value)


def test_baseline_from_the_config_file(corpus):
    Path("consistency.toml").write_text('corpus = ["articles"]\nbaseline = "review/accepted.json"\n')
    Path("review").mkdir()
    assert invoke("check").exit_code == 2  # configured but not written yet
    assert invoke("baseline").exit_code == 0
    assert Path("review/accepted.json").is_file()
    assert invoke("check").exit_code == 0


def test_a_broken_existing_baseline_is_not_overwritten(corpus):
    Path("consistency-baseline.json").write_text("{ not json")
    result = invoke("baseline", corpus, "--isolated")
    assert result.exit_code == 2
    assert Path("consistency-baseline.json").read_text() == "{ not json"


# -- fingerprints -----------------------------------------------------------------------------------

def test_fingerprint_ignores_positions_and_ids(corpus):
    from consistency.api import CheckOptions, check

    report = check([corpus], CheckOptions())
    claims = {c.id: c for c in report.claims}
    f = next(f for f in report.findings if f.verdict == "discrepancy")
    fp = fingerprint(f, claims)
    moved = {cid: replace(c, line=c.line + 10, start=c.start + 3, end=c.end + 3, id=cid, offset=99)
             for cid, c in claims.items()}
    assert fingerprint(replace(f, id="f99", explanation="reworded", topic="retitled"), moved) == fp
    # content matters
    changed = dict(claims)
    cid = f.claims[0]
    changed[cid] = replace(claims[cid], value=claims[cid].value + 1, low=claims[cid].value + 1,
                           high=claims[cid].value + 1)
    assert fingerprint(f, changed) != fp
    assert fingerprint(replace(f, verdict="update"), claims) != fp


def test_fingerprint_survives_an_edit_elsewhere_in_the_article(corpus):
    result = invoke("baseline", corpus, "--isolated")
    before = json.loads(Path("consistency-baseline.json").read_text())["findings"]
    text = (corpus / "herald.txt").read_text()
    (corpus / "herald.txt").write_text(text.replace("Storm toll rises\n\n", "Storm toll rises\n\nBy our reporter.\n\n"))
    invoke("baseline", corpus, "--isolated", "-o", "after.json")
    after = json.loads(Path("after.json").read_text())["findings"]
    assert [e["fingerprint"] for e in before] == [e["fingerprint"] for e in after]
    assert result.exit_code == 0
