"""In the newsroom's pipeline: new articles against the corpus, --since GIT-REF, baselines,
configuration errors — end to end through the command line, in a git repository of articles.

Done when: `check --since <base-commit>` reports exactly the new article's findings with exit 1;
with that finding in the baseline the exit is 0; with a broken config file the exit is 2.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from consistency.cli import app, expand_new

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

runner = CliRunner()

# Three articles that agree: seven killed, about 300 evacuated.
BASE_ARTICLES = {
    "valley_post.txt": "Storm kills seven in Ostrava valley\n\n"
                       "The storm that swept through the Ostrava valley on Saturday killed 7 people, "
                       "the regional fire service said on Sunday.\n"
                       "About 300 residents were evacuated from homes along the river.\n",
    "city_daily.txt": "Seven dead after weekend storm\n\n"
                      "Seven people were killed when the storm hit the valley on Saturday, officials said.\n"
                      "Rescuers evacuated some 300 people overnight.\n",
    "radio_north.txt": "Valley counts the cost of the storm\n\n"
                       "The storm killed 7 people across the valley, the fire service confirmed.\n"
                       "Around 320 people were evacuated, most of them from riverside streets.\n",
}
# The new article contradicts them on the toll.
NEW_ARTICLE = ("evening_herald.txt",
               "Storm leaves 15 dead\n\n"
               "The weekend storm in the Ostrava valley killed 15 people, the regional fire service said.\n"
               "About 300 people were evacuated.\n")


def git(repo: Path, *args: str) -> str:
    proc = subprocess.run(["git", "-C", str(repo), "-c", "user.email=desk@example.org", "-c", "user.name=Desk",
                           "-c", "commit.gpgsign=false", *args], capture_output=True, text=True, check=True)
    return proc.stdout.strip()


@pytest.fixture
def repo(tmp_path, monkeypatch) -> Path:
    """A git repository whose articles/ holds three agreeing articles, committed as the base."""
    root = tmp_path / "newsroom"
    (root / "articles").mkdir(parents=True)
    for name, text in BASE_ARTICLES.items():
        (root / "articles" / name).write_text(text, encoding="utf-8")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "base")
    monkeypatch.chdir(root)
    return root


def base_commit(repo: Path) -> str:
    return git(repo, "rev-parse", "HEAD")


def add_new_article(repo: Path, commit: bool = True) -> Path:
    path = repo / "articles" / NEW_ARTICLE[0]
    path.write_text(NEW_ARTICLE[1], encoding="utf-8")
    if commit:
        git(repo, "add", "-A")
        git(repo, "commit", "-q", "-m", "new article")
    return path


def invoke(*args):
    return runner.invoke(app, [str(a) for a in args])


def check_json(*args):
    result = invoke("check", *args, "--format", "json")
    assert result.exit_code in (0, 1), (result.exit_code, result.stderr)
    return result, json.loads(result.stdout)


# -- the "Done when" ------------------------------------------------------------------

def test_since_reports_exactly_the_new_articles_findings_and_exits_1(repo):
    base = base_commit(repo)
    add_new_article(repo)
    result, data = check_json("articles/", "--since", base, "--isolated")
    assert result.exit_code == 1, result.stderr
    assert data["new_articles"] == ["evening_herald"]
    claims = {c["id"]: c for c in data["claims"]}
    assert data["findings"], "the contradiction was not found"
    for f in data["findings"]:
        assert any(claims[c]["article"] == "evening_herald" for c in f["claims"]), f
    discrepancies = [f for f in data["findings"] if f["verdict"] == "discrepancy"]
    assert len(discrepancies) == 1 and discrepancies[0]["property"] == "killed", discrepancies
    assert data["summary"]["discrepancy"] == 1

    # The same corpus without the filter also reports findings among the old articles only.
    full = json.loads(invoke("check", "articles/", "--format", "json", "--isolated").stdout)
    assert len(full["findings"]) >= len(data["findings"])


def test_with_the_finding_in_the_baseline_the_exit_is_0(repo):
    base = base_commit(repo)
    add_new_article(repo)
    written = invoke("baseline", "articles/", "-o", "consistency-baseline.json", "--isolated")
    assert written.exit_code == 0, written.stderr
    result, data = check_json("articles/", "--since", base, "--baseline", "consistency-baseline.json", "--isolated")
    assert result.exit_code == 0, result.stderr
    assert data["baseline"] == {"suppressed": 1, "stale": []}
    assert not [f for f in data["findings"] if f["verdict"] == "discrepancy"]


def test_with_a_broken_config_file_the_exit_is_2(repo):
    base = base_commit(repo)
    add_new_article(repo)
    (repo / "pyproject.toml").write_text('[tool.consistency]\nfail_on = "discrepancy"\ncolour = "red"\n')
    result = invoke("check", "articles/", "--since", base)
    assert result.exit_code == 2
    assert "colour" in result.stderr and "pyproject.toml" in result.stderr and ":3:" in result.stderr
    # --exit-zero never hides a 2
    assert invoke("check", "articles/", "--since", base, "--exit-zero").exit_code == 2
    (repo / "pyproject.toml").write_text("[tool.consistency\n")
    result = invoke("check", "articles/", "--since", base)
    assert result.exit_code == 2 and "TOML" in result.stderr


# -- --since details ----------------------------------------------------------------------------

def test_since_counts_uncommitted_and_untracked_articles(repo):
    base = base_commit(repo)
    add_new_article(repo, commit=False)  # untracked
    result, data = check_json("articles/", "--since", base, "--isolated")
    assert data["new_articles"] == ["evening_herald"] and result.exit_code == 1
    # an ignored file is not new
    (repo / ".gitignore").write_text("articles/evening_herald.txt\n")
    result, data = check_json("articles/", "--since", base, "--isolated")
    assert result.exit_code == 0 and data["new_articles"] == []


def test_since_takes_modified_articles_and_leaves_deleted_ones(repo):
    base = base_commit(repo)
    (repo / "articles" / "radio_north.txt").write_text(
        "Valley counts the cost of the storm\n\nThe storm killed 9 people across the valley, officials said.\n")
    (repo / "articles" / "city_daily.txt").unlink()
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "edit and delete")
    result, data = check_json("articles/", "--since", base, "--isolated")
    assert data["new_articles"] == ["radio_north"]
    assert result.exit_code == 1


def test_since_uses_the_merge_base(repo):
    """Articles committed on the base branch after the branch point are not new on the branch."""
    base = base_commit(repo)
    git(repo, "checkout", "-q", "-b", "feature")
    add_new_article(repo)
    git(repo, "checkout", "-q", "main")
    (repo / "articles" / "later_on_main.txt").write_text(
        "Storm update\n\nThe storm killed 40 people, a local paper said.\n")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "main moves on")
    git(repo, "checkout", "-q", "feature")
    _, data = check_json("articles/", "--since", "main", "--isolated")
    assert data["new_articles"] == ["evening_herald"]
    assert base  # the branch point


def test_nothing_changed_since_is_exit_0_with_a_note(repo):
    result = invoke("check", "articles/", "--since", "HEAD", "--isolated")
    assert result.exit_code == 0, result.stderr
    assert "nothing to check" in result.stderr


def test_since_an_unknown_ref_is_exit_2(repo):
    result = invoke("check", "articles/", "--since", "no-such-branch", "--isolated")
    assert result.exit_code == 2
    assert "no-such-branch" in result.stderr and "fetch-depth" in result.stderr


def test_since_outside_a_repository_is_exit_2(tmp_path, monkeypatch):
    folder = tmp_path / "plain"
    folder.mkdir()
    (folder / "a.txt").write_text(BASE_ARTICLES["city_daily.txt"])
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    result = invoke("check", folder, "--since", "HEAD", "--isolated")
    assert result.exit_code == 2 and "git" in result.stderr


# -- --new ------------------------------------------------------------------------------------------

def test_new_outside_the_corpus_is_compared_with_it(repo, tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text(NEW_ARTICLE[1])
    result, data = check_json("articles/", "--new", draft, "--isolated")
    assert result.exit_code == 1
    assert data["new_articles"] == ["draft"]
    # old articles' own findings (their agreement on the toll among themselves) are context
    assert all("draft" in f["articles"] for f in data["findings"])


def test_a_revised_toll_is_an_update_that_fails_only_from_fail_on_update(repo, tmp_path):
    revised = tmp_path / "revised.txt"
    revised.write_text("Storm update\n\nThe death toll has risen to 15, the regional fire service said.\n")
    result = invoke("check", "articles/", "--new", revised, "--isolated", "--format", "github")
    assert result.exit_code == 0, result.stdout
    lines = result.stdout.splitlines()
    assert len(lines) == 1 and lines[0].startswith("::warning file=") and "title=consistency%3A update" in lines[0]
    assert invoke("check", "articles/", "--new", revised, "--isolated", "--fail-on", "update").exit_code == 1
    assert invoke("check", "articles/", "--new", revised, "--isolated", "--fail-on", "unique").exit_code == 1


def test_new_takes_every_path_after_it(repo, tmp_path):
    one, two = tmp_path / "one.txt", tmp_path / "two.txt"
    one.write_text(NEW_ARTICLE[1])
    two.write_text("Storm\n\nThe storm killed 7 people, officials said.\n")
    _, data = check_json("articles/", "--new", one, two, "--isolated")
    assert data["new_articles"] == ["one", "two"]


def test_pre_commit_invocation_takes_the_corpus_from_config(repo):
    """pre-commit runs `consistency check --new FILES...`: the corpus comes from the config."""
    (repo / "pyproject.toml").write_text('[tool.consistency]\ncorpus = ["articles"]\n')
    add_new_article(repo, commit=False)
    result = invoke("check", "--new", "articles/evening_herald.txt")
    assert result.exit_code == 1, result.stderr
    assert "1 new article(s)" in result.stderr
    # and with the corpus in the hook's args instead
    (repo / "pyproject.toml").unlink()
    result = invoke("check", "--new", "--corpus", "articles", "articles/evening_herald.txt", "--format", "json")
    assert result.exit_code == 1, result.stderr
    assert json.loads(result.stdout)["new_articles"] == ["evening_herald"]


def test_new_without_a_corpus_is_exit_2(repo):
    result = invoke("check", "--new", "articles/city_daily.txt", "--isolated")
    assert result.exit_code == 2 and "corpus" in result.stderr


def test_new_with_no_path_is_a_usage_error(repo):
    result = invoke("check", "articles/", "--new", "--isolated")
    assert result.exit_code == 2


def test_new_and_since_together_are_exit_2(repo):
    result = invoke("check", "articles/", "--new", "articles/city_daily.txt", "--since", "HEAD", "--isolated")
    assert result.exit_code == 2


def test_a_missing_new_article_is_exit_2(repo):
    result = invoke("check", "articles/", "--new", "articles/nope.txt", "--isolated")
    assert result.exit_code == 2 and "nope.txt" in result.stderr


@pytest.mark.parametrize("args, expected", [
    (["c/", "--new", "a", "b"], ["c/", "--new=a", "--new=b"]),
    (["--new", "--corpus", "c/", "a", "b"], ["--corpus", "c/", "--new=a", "--new=b"]),
    (["--new", "a", "-f", "json", "b"], ["--new=a", "-f", "json", "--new=b"]),
    (["--new", "a", "--format=json", "-q", "b"], ["--new=a", "--format=json", "-q", "--new=b"]),
    (["c/", "--new", "--", "-odd.txt"], ["c/", "--new=-odd.txt"]),
    (["c/", "--", "d/"], ["c/", "--", "d/"]),
    (["c/"], ["c/"]),
])
def test_expand_new(args, expected):
    assert expand_new(args, {"--corpus", "-f", "--format"}) == expected


# -- the hook file ------------------------------------------------------------------------------

def test_pre_commit_hook_file():
    yaml = pytest.importorskip("yaml")
    hooks = yaml.safe_load((Path(__file__).resolve().parent.parent / ".pre-commit-hooks.yaml").read_text())
    (hook,) = [h for h in hooks if h["id"] == "consistency"]
    assert hook["entry"] == "consistency check --new"
    assert hook["language"] == "python" and hook["pass_filenames"] is True
    import re
    assert re.search(hook["files"], "articles/a.md") and not re.search(hook["files"], "setup.py")


def test_the_module_runs_as_a_program(repo):
    """The real entry point, in a subprocess: exit codes survive outside the test runner."""
    base = base_commit(repo)
    add_new_article(repo)
    proc = subprocess.run([sys.executable, "-m", "consistency", "check", "articles/", "--since", base,
                           "--isolated", "--format", "github"], capture_output=True, text=True, cwd=repo)
    assert proc.returncode == 1, proc.stderr
    assert proc.stdout.startswith("::error file=articles/evening_herald.txt,line=")
