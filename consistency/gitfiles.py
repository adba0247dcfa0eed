"""The articles added or changed since a git commit (``check --since REF``).

For each repository that holds a corpus path, git is run in that repository:

* ``git merge-base REF HEAD``: the point where the current branch left REF, so that articles
  changed on REF's side after that point (other people's work) are not taken for new ones;
* ``git diff --name-only --diff-filter=AMR <merge-base> -- CORPUS``: added, modified and renamed
  files between that point and the working tree (committed or not);
* ``git ls-files --others --exclude-standard -- CORPUS``: untracked files that are not ignored,
  so a new article counts before it is ``git add``-ed (in CI the checkout has none).

Deleted files are not subjects; only article files (.txt, .md, .html ...) are kept.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from consistency.articles import ARTICLE_SUFFIXES


class GitError(Exception):
    """git could not tell what changed: not a repository, an unknown ref, git missing ..."""


def _git(root: Path, *args: str) -> str:
    if shutil.which("git") is None:
        raise GitError("git is not installed (needed for --since)")
    env = dict(os.environ, GIT_OPTIONAL_LOCKS="0", LC_ALL="C")
    proc = subprocess.run(["git", "--literal-pathspecs", "-C", str(root), *args],
                          capture_output=True, text=True, env=env, encoding="utf-8", errors="surrogateescape")
    if proc.returncode != 0:
        raise GitError(proc.stderr.strip() or f"git {' '.join(args)} failed with exit code {proc.returncode}")
    return proc.stdout


def repo_root(path: Path) -> Path:
    folder = path if path.is_dir() else path.parent
    try:
        return Path(_git(folder, "rev-parse", "--show-toplevel").strip()).resolve()
    except GitError as exc:
        raise GitError(f"{path} is not in a git repository (needed for --since): {exc}") from None


def changed_articles(paths: list[Path], ref: str) -> list[Path]:
    """Article files under ``paths`` added, modified or renamed since ``ref`` (absolute, sorted)."""
    if not ref or ref.startswith("-"):
        raise GitError(f"--since needs a commit, branch or tag, not {ref!r}")
    groups: dict[Path, list[str]] = {}
    for p in paths:
        p = Path(p)
        if not p.exists():
            raise GitError(f"{p}: no such file or folder")
        root = repo_root(p)
        groups.setdefault(root, []).append(os.path.relpath(p.resolve(), root))
    found: set[Path] = set()
    for root, specs in groups.items():
        try:
            _git(root, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{ref}^{{commit}}")
        except GitError:
            raise GitError(
                f"--since {ref}: no such commit in {root}; in a CI checkout, fetch the history "
                "(actions/checkout with fetch-depth: 0)") from None
        try:
            base = _git(root, "merge-base", "--end-of-options", ref, "HEAD").strip()
        except GitError as exc:
            raise GitError(f"--since {ref}: no common ancestor with HEAD in {root} "
                           f"(a shallow clone? fetch with fetch-depth: 0): {exc}") from None
        diff = _git(root, "diff", "--name-only", "-z", "--diff-filter=AMR", base, "--", *specs)
        untracked = _git(root, "ls-files", "--others", "--exclude-standard", "-z", "--", *specs)
        for name in (diff + untracked).split("\0"):
            if not name:
                continue
            path = root / name
            if path.suffix.lower() in ARTICLE_SUFFIXES and path.is_file():
                found.add(path.resolve())
    return sorted(found)
