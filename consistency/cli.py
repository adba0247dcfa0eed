"""The command line: a thin layer over :mod:`consistency.api` and the modules beside it.

Exit codes (also in ``consistency --help`` and the README):
  0  nothing at or above the --fail-on threshold (or --exit-zero)
  1  findings at or above --fail-on (discrepancy by default; update; unique)
  2  usage, configuration or input error (or an internal error), never hidden by --exit-zero
"""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Optional

import typer
from typer.core import TyperCommand

from consistency import __version__
from consistency.output import write_atomically  # noqa: F401 - re-exported for callers of the old place
from consistency.policy import DEFAULT_FAIL_ON, EXIT_ERROR, EXIT_FINDINGS, EXIT_OK  # noqa: F401
from consistency.render import Format, render, render_chunks
from consistency.render.escape import plain

EXIT_CODES_HELP = (
    "Exit codes: 0 nothing at or above --fail-on; 1 findings at or above --fail-on "
    "(discrepancy by default; 'update' also fails on updates, 'unique' on any unique claim too); "
    "2 usage, configuration or input error, or a crash (--exit-zero never hides it)."
)

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    help=(
        "Compare what several articles about one event claim: which figures and dates the sources "
        "agree on, where they contradict each other, and what only one source says.\n\n"
        "Examples:\n\n"
        "    consistency check seeds/ --report report.md\n\n"
        "    consistency check articles/ --since origin/main --format github\n\n"
        f"{EXIT_CODES_HELP}\n\n"
        "Settings can also come from [tool.consistency] in pyproject.toml or from consistency.toml "
        "(see `consistency check --help`)."
    ),
)
rules_app = typer.Typer(
    no_args_is_help=True,
    rich_markup_mode=None,
    help=(
        "Inspect the rule files (the vocabulary the engine knows): list them, validate them, run "
        "their examples.\n\nExamples:\n\n    consistency rules list\n\n    consistency rules check --rules my-rules/"
    ),
)
app.add_typer(rules_app, name="rules")


class FailOn(str, Enum):
    discrepancy = "discrepancy"
    update = "update"
    unique = "unique"


class ExtractFormat(str, Enum):
    table = "table"
    json = "json"


class EngineName(str, Enum):
    local = "local"
    dask = "dask"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"consistency {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version and exit."),
) -> None:
    """Source-consistency checker for fact-checkers."""


def fail(message: str) -> "typer.Exit":
    typer.echo(f"consistency: error: {plain(message)}", err=True)
    return typer.Exit(EXIT_ERROR)


def note(message: str, quiet: bool = False) -> None:
    if not quiet:
        typer.echo(f"consistency: {plain(message)}", err=True)


# -- `--new PATH...`: the paths after --new are new articles -----------------------------
def expand_new(args: list[str], takes_value: set[str]) -> list[str]:
    """Rewrite ``--new a b`` as ``--new=a --new=b``: every positional path after a bare ``--new``
    is a new article (options may stand between them); paths before it are the corpus.

    So ``check corpus/ --new a.txt b.txt`` and pre-commit's ``check --new [args] FILES...`` both
    read as meant."""
    out: list[str] = []
    tail: list[str] = []
    collecting = seen_bare = False
    count = 0
    i = 0
    after_dashes = False
    while i < len(args):
        tok = args[i]
        if after_dashes:
            if collecting:
                out.append(f"--new={tok}")
                count += 1
            else:
                tail.append(tok)
        elif tok == "--":
            after_dashes = True
        elif tok == "--new":
            collecting = seen_bare = True
        elif tok.startswith("--new="):
            collecting = True
            out.append(tok)
            count += 1
        elif tok.startswith("--"):
            out.append(tok)
            if "=" not in tok and tok in takes_value and i + 1 < len(args):
                out.append(args[i + 1])
                i += 1
        elif tok.startswith("-") and len(tok) > 1:
            out.append(tok)
            if len(tok) == 2 and tok in takes_value and i + 1 < len(args):
                out.append(args[i + 1])
                i += 1
        elif collecting:
            out.append(f"--new={tok}")
            count += 1
        else:
            out.append(tok)
        i += 1
    if seen_bare and count == 0 and not {"--help", "-h"} & set(args):
        raise typer.BadParameter("give the new articles after --new (--new PATH...)", param_hint="'--new'")
    return out + (["--", *tail] if tail else [])


class NewPathsCommand(TyperCommand):
    """A command whose ``--new`` takes every path that follows it."""

    def parse_args(self, ctx, args):  # noqa: ANN001, ANN201
        takes_value = set()
        for param in self.params:
            if getattr(param, "param_type_name", "") == "option" and not getattr(param, "is_flag", False) \
                    and not getattr(param, "count", False):
                takes_value.update(param.opts)
        return super().parse_args(ctx, expand_new(list(args), takes_value))


# -- shared option helpers -------------------------------------------------------------------
CONFIG_HELP = "Read settings from this file ([tool.consistency] of a pyproject.toml, or a consistency.toml)."
ISOLATED_HELP = "Ignore configuration files."
RULES_HELP = "A folder of extra rule files (*.toml) that extend or override the built-in ones; may be repeated."


def _load_config(config: Optional[Path], isolated: bool):  # noqa: ANN202
    from consistency.config import ConfigError, load_config

    try:
        return load_config(config, isolated=isolated)
    except ConfigError as exc:
        raise fail(str(exc)) from None


def _check_options(cfg, rules: list[Path], max_bytes: Optional[int], owner_min_score: Optional[float],  # noqa: ANN001
                   new: tuple[Path, ...] | None = None, **engine):  # noqa: ANN003 - jobs, cache, engine, scheduler
    from consistency.api import CheckOptions
    from consistency.articles import DEFAULT_MAX_BYTES
    from consistency.config import pick

    return CheckOptions(
        rules_dirs=tuple(pick(rules, cfg.rules, ())),
        max_bytes=pick(max_bytes, cfg.max_bytes, DEFAULT_MAX_BYTES),
        owner_min_score=pick(owner_min_score, cfg.owner_min_score, 90.0),
        new=new,
        **engine,
    )


def _rules_error(exc: Exception) -> "typer.Exit":
    from consistency.locate import with_line

    return fail(with_line(str(exc)))


def _run_check(paths, options, quiet: bool):  # noqa: ANN001, ANN202
    """Run the library with a progress bar on a terminal; errors exit 2."""
    from consistency.api import check
    from consistency.progress import progress_for
    from consistency.rules import RulesError

    bar = progress_for(quiet=quiet)
    try:
        return check(paths, options, progress=bar)
    except RulesError as exc:
        raise _rules_error(exc) from None
    finally:
        if bar:
            bar.close()


def _corpus(paths: list[Path], corpus: list[Path], cfg) -> list[Path]:  # noqa: ANN001
    given = [*paths, *corpus]
    if given:
        return given
    return list(cfg.corpus or [])


ALLOW_IN_CORPUS_HELP = ("Allow writing the output inside a corpus folder (refused by default: the next run would "
                        "read a report there as an article, or the output would overwrite one).")


def _refuse_output_in_corpus(targets: list[Optional[Path]], inputs: list[Path], allow: bool) -> None:
    """Exit 2 when an output file would land inside the articles being checked."""
    if allow:
        return
    for target in targets:
        if target is None:
            continue
        where = _inside(Path(target), inputs)
        if where is not None:
            raise fail(f"{target} is inside the corpus ({where}): the next run would read it as an article, or it "
                       "would overwrite one. Write it outside the corpus, or give --allow-output-in-corpus")


def _inside(target: Path, inputs: list[Path]) -> Optional[Path]:
    try:
        resolved = target.resolve()
    except (OSError, RuntimeError):
        return None
    for given in inputs:
        try:
            root = Path(given).resolve()
        except (OSError, RuntimeError):
            continue
        if resolved == root or (root.is_dir() and resolved.is_relative_to(root)):
            return Path(given)
    return None


def _input_notes(result, quiet: bool) -> None:  # noqa: ANN001
    """What was noticed about the articles that were read (encoding guessed, NUL bytes, front
    matter ignored, an id changed ...), one line each, path first."""
    for a in result.articles:
        if a.status == "ok":
            for text in a.notes:
                note(f"note: {a.path}: {text}", quiet)


# -- check ------------------------------------------------------------------------------------
@app.command("check", cls=NewPathsCommand)
def check_command(
    paths: list[Path] = typer.Argument(None, metavar="CORPUS",
                                       help="Article files (.txt, .md, .html) or folders (read recursively). "
                                            "Default: `corpus` of the configuration file.", show_default=False),
    new: list[Path] = typer.Option(None, "--new", metavar="PATH...",
                                   help="The paths after --new are new articles: they are compared with the whole "
                                        "corpus, and only findings that involve one of them are reported.",
                                   show_default=False),
    since: Optional[str] = typer.Option(None, "--since", metavar="GIT-REF",
                                        help="The new articles are those of the corpus added, changed or renamed "
                                             "since the branch left GIT-REF (git merge-base), committed or not, "
                                             "plus untracked ones; git runs in the corpus's repository."),
    corpus: list[Path] = typer.Option([], "--corpus", metavar="PATH",
                                      help="Add a corpus path (for pre-commit's `args`, where CORPUS cannot "
                                           "come first); may be repeated."),
    fmt: Optional[Format] = typer.Option(None, "--format", "-f",
                                         help="Output format: table (default), markdown, json, jsonl, csv, "
                                              "github (workflow annotations), sarif.", show_default=False),
    output: Optional[Path] = typer.Option(None, "--output", "-o", metavar="FILE", help="Write the --format output to this file instead of stdout."),
    report: Optional[Path] = typer.Option(None, "--report", metavar="FILE", help="Also write the markdown discrepancy report to this file."),
    rules: list[Path] = typer.Option([], "--rules", metavar="DIR", help=RULES_HELP),
    baseline: Optional[Path] = typer.Option(None, "--baseline", metavar="FILE",
                                            help="Suppress the findings this baseline file accepts and report its "
                                                 "stale entries (see `consistency baseline`)."),
    fail_on: Optional[FailOn] = typer.Option(None, "--fail-on",
                                             help="Exit 1 on findings of this verdict or a graver one "
                                                  "(discrepancy > update > unique). Default: discrepancy.",
                                             show_default=False),
    exit_zero: Optional[bool] = typer.Option(None, "--exit-zero/--no-exit-zero",
                                             help="Exit 0 even when findings fail the run (errors still exit 2).",
                                             show_default=False),
    max_bytes: Optional[int] = typer.Option(None, "--max-bytes", min=1, metavar="BYTES",
                                            help="Skip article files larger than this (default 5 MiB)."),
    owner_min_score: Optional[float] = typer.Option(None, "--owner-min-score", min=0, max=100, metavar="SCORE",
                                                    help="How alike (rapidfuzz, 0-100) two organisation names must "
                                                         "be to count as one (default 90)."),
    config: Optional[Path] = typer.Option(None, "--config", metavar="FILE", help=CONFIG_HELP),
    isolated: bool = typer.Option(False, "--isolated", help=ISOLATED_HELP),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Show which rules produced each claim."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No summary, notes or progress bar on stderr."),
    allow_output_in_corpus: bool = typer.Option(False, "--allow-output-in-corpus", help=ALLOW_IN_CORPUS_HELP),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", min=1, metavar="N",
                                       help="Processes that read and extract articles (default: one per core)."),
    cache: Optional[Path] = typer.Option(None, "--cache", metavar="DIR",
                                         help="Keep extracted articles in DIR and reuse them while the file, the "
                                              "rules and the version are unchanged (default: no cache)."),
    engine: EngineName = typer.Option(EngineName.local, "--engine",
                                      help="local (this machine, --jobs processes) or dask (a Dask cluster; "
                                           "needs the dask extra)."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", metavar="ADDRESS",
                                            help="With --engine dask: the scheduler (tcp://host:8786); default a "
                                                 "local cluster for the run."),
) -> None:
    """Check articles against each other and report agreements, discrepancies and unique claims.

    The report goes to stdout (or --output), the summary to stderr. Settings not given here come
    from [tool.consistency] in pyproject.toml or consistency.toml (the nearest one at or above the
    current folder, or --config FILE): corpus, rules, fail_on, format, baseline, max_bytes,
    exit_zero, owner_min_score.

    Examples:

    \b
        consistency check seeds/
        consistency check coverage/ --format json --output report.json
        consistency check corpus/ --new drafts/today.md --fail-on update
        consistency check articles/ --since origin/main --format github --baseline consistency-baseline.json

    Exit codes: 0 nothing at or above --fail-on; 1 findings at or above --fail-on; 2 usage,
    configuration or input error (--exit-zero never hides it).
    """
    from consistency.baseline import BaselineError, apply as apply_baseline, load as load_baseline
    from consistency.config import pick
    from consistency.gitfiles import GitError, changed_articles
    from consistency.policy import exit_code
    from consistency.render.table import summary_line

    cfg = _load_config(config, isolated)
    fmt = Format(pick(fmt.value if fmt else None, cfg.format, "table"))
    fail_on_value = pick(fail_on.value if fail_on else None, cfg.fail_on, DEFAULT_FAIL_ON)
    exit_zero = bool(pick(exit_zero, cfg.exit_zero, False))
    for target in (output, report):
        if target is not None and target.is_dir():
            raise fail(f"{target} is a folder; give a file name for the output")
    if new and since:
        raise fail("give --new or --since, not both")
    corpus_paths = _corpus(paths or [], corpus, cfg)
    if not corpus_paths:
        raise fail("no articles to check: give CORPUS paths, --corpus, or set `corpus` in [tool.consistency]")

    _refuse_output_in_corpus([output, report], [*corpus_paths, *(new or [])], allow_output_in_corpus)
    new_paths: tuple[Path, ...] | None = tuple(new) if new else None
    if since is not None:
        try:
            new_paths = tuple(changed_articles(corpus_paths, since))
        except GitError as exc:
            raise fail(str(exc)) from None
    baseline_path = pick(baseline, cfg.baseline, None)
    accepted = None
    if baseline_path is not None:
        try:
            accepted = load_baseline(baseline_path)
        except BaselineError as exc:
            raise fail(str(exc)) from None

    if scheduler and engine != EngineName.dask:
        raise fail("--scheduler needs --engine dask")
    if engine == EngineName.dask:
        import importlib.util

        if importlib.util.find_spec("distributed") is None:
            raise fail("--engine dask needs dask and distributed: pip install 'consistency[dask]'")
    options = _check_options(cfg, rules, max_bytes, owner_min_score, new_paths, jobs=jobs, cache=cache,
                             engine=engine.value, scheduler=scheduler, all_context=accepted is not None)
    result = _run_check(corpus_paths, options, quiet)
    for line in result.run_notes:
        note(line, quiet)
    for path, reason in result.skipped:
        note(f"skipped {path}: {reason}", quiet)
    _input_notes(result, quiet)
    ok = [a for a in result.articles if a.status == "ok"]
    if result.new_articles == ():
        if result.problems:
            raise fail("none of the new articles could be read; nothing to check (see the messages above)")
        note(f"no article added or changed since {since}; nothing to check" if since is not None
             else "no new article; nothing to check", quiet)
    elif not ok:
        raise fail("no article could be read; nothing to check (see the messages above)")
    elif result.new_articles is not None and not any(a.id in result.new_articles for a in ok):
        raise fail("none of the new articles could be read; nothing to check (see the messages above)")

    if accepted is not None:
        apply_baseline(result, accepted)
    # JSON and JSON lines come in pieces: a report of millions of claims is never one string.
    pieces = render_chunks(result, fmt, verbose=verbose, fail_on=fail_on_value)
    try:
        if output is not None:
            write_atomically(output, pieces)
        else:
            for piece in pieces:
                sys.stdout.write(piece)
            sys.stdout.flush()
        if report is not None:
            write_atomically(report, render(result, Format.markdown, verbose=verbose))
        if fmt == Format.github:
            from consistency.render.github import write_step_summary

            written = write_step_summary(result, verbose=verbose)
            if written:
                note(f"markdown report appended to the job summary ({written})", quiet)
    except OSError as exc:
        raise fail(f"cannot write output: {exc}") from None
    if not quiet:
        typer.echo(summary_line(result), err=True)
        if result.baseline and result.baseline["stale"]:
            stale = result.baseline["stale"]
            note(f"{len(stale)} baseline entr{'y' if len(stale) == 1 else 'ies'} no longer found (stale): "
                 f"{', '.join(stale)}; update the file with `consistency baseline`")
        if report is not None:
            typer.echo(f"markdown report written to {report}", err=True)
    raise typer.Exit(exit_code(result.findings, fail_on_value, exit_zero=exit_zero))


# -- baseline -------------------------------------------------------------------------------
@app.command("baseline")
def baseline_command(
    paths: list[Path] = typer.Argument(None, metavar="CORPUS",
                                       help="Article files or folders. Default: `corpus` of the configuration file.",
                                       show_default=False),
    output: Optional[Path] = typer.Option(None, "--output", "-o", metavar="FILE",
                                          help="The baseline file to write. Default: `baseline` of the "
                                               "configuration file, else consistency-baseline.json."),
    fail_on: Optional[FailOn] = typer.Option(None, "--fail-on",
                                             help="Record findings of this verdict or a graver one (as in check). "
                                                  "Default: discrepancy.", show_default=False),
    rules: list[Path] = typer.Option([], "--rules", metavar="DIR", help=RULES_HELP),
    max_bytes: Optional[int] = typer.Option(None, "--max-bytes", min=1, metavar="BYTES", help="Skip article files larger than this."),
    owner_min_score: Optional[float] = typer.Option(None, "--owner-min-score", min=0, max=100, metavar="SCORE",
                                                    help="As in check."),
    config: Optional[Path] = typer.Option(None, "--config", metavar="FILE", help=CONFIG_HELP),
    isolated: bool = typer.Option(False, "--isolated", help=ISOLATED_HELP),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No summary on stderr."),
    allow_output_in_corpus: bool = typer.Option(False, "--allow-output-in-corpus", help=ALLOW_IN_CORPUS_HELP),
) -> None:
    """Write the current findings to a baseline file, so that `check --baseline` accepts them.

    Each finding that can fail a run (at or above --fail-on) becomes one entry keyed by its
    fingerprint (its verdict, topic, articles, claim texts and readings; not line numbers), with
    "status": "accepted" and empty "reason" and "reviewer" for a person to fill in. Entries are
    sorted by fingerprint. Rewriting an existing file keeps the status, reason and reviewer of the
    entries still found and drops the others. The file is written atomically.

    Examples:

    \b
        consistency baseline articles/
        consistency baseline articles/ -o review/accepted.json --fail-on update
    """
    from consistency.baseline import DEFAULT_FILE, BaselineError, build, dumps, load
    from consistency.config import pick

    cfg = _load_config(config, isolated)
    fail_on_value = pick(fail_on.value if fail_on else None, cfg.fail_on, DEFAULT_FAIL_ON)
    target = Path(pick(output, cfg.baseline, DEFAULT_FILE))
    if target.is_dir():
        raise fail(f"{target} is a folder; give a file name for the baseline")
    corpus_paths = _corpus(paths or [], [], cfg)
    if not corpus_paths:
        raise fail("no articles: give CORPUS paths or set `corpus` in [tool.consistency]")
    _refuse_output_in_corpus([target], corpus_paths, allow_output_in_corpus)
    previous = None
    if target.exists():
        try:
            previous = load(target)
        except BaselineError as exc:
            raise fail(f"{exc} (not overwritten)") from None
    result = _run_check(corpus_paths, _check_options(cfg, rules, max_bytes, owner_min_score), quiet)
    for path, reason in result.skipped:
        note(f"skipped {path}: {reason}", quiet)
    _input_notes(result, quiet)
    if not any(a.status == "ok" for a in result.articles):
        raise fail("no article could be read; no baseline written")
    baseline, counts = build(result, fail_on_value, previous)
    try:
        write_atomically(target, dumps(baseline))
    except OSError as exc:
        raise fail(f"cannot write {target}: {exc}") from None
    message = f"wrote {counts['entries']} finding(s) to {target}"
    if previous is not None:
        message += f" (kept the review of {counts['kept']}, dropped {counts['dropped']} no longer found)"
    note(message, quiet)


# -- extract --------------------------------------------------------------------------------
@app.command("extract")
def extract_command(
    file: Path = typer.Argument(..., metavar="FILE", help="One article file (.txt, .md, .html).", show_default=False),
    fmt: ExtractFormat = typer.Option(ExtractFormat.table, "--format", "-f", help="table or json."),
    rules: list[Path] = typer.Option([], "--rules", metavar="DIR", help=RULES_HELP),
    max_bytes: Optional[int] = typer.Option(None, "--max-bytes", min=1, metavar="BYTES", help="Refuse files larger than this."),
    config: Optional[Path] = typer.Option(None, "--config", metavar="FILE", help=CONFIG_HELP),
    isolated: bool = typer.Option(False, "--isolated", help=ISOLATED_HELP),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Show which rules produced each claim."),
) -> None:
    """List the claims the rules find in one article: what `check` compares.

    Examples:

    \b
        consistency extract seeds/000_a20873ce5d048145.txt
        consistency extract story.html --format json --verbose
    """
    from consistency.render.claims import render_claims_json, render_claims_table

    cfg = _load_config(config, isolated)
    if not file.exists():
        raise fail(f"{file}: no such file")
    if file.is_dir():
        raise fail(f"{file} is a folder; `extract` reads one article (use `check` for folders)")
    result = _run_check([file], _check_options(cfg, rules, max_bytes, None), True)
    skipped = result.skipped
    if skipped:
        raise fail(f"{skipped[0][0]}: {skipped[0][1]}")
    text = render_claims_json(result, verbose=verbose) if fmt == ExtractFormat.json \
        else render_claims_table(result, verbose=verbose)
    sys.stdout.write(text)


# -- rules ----------------------------------------------------------------------------------
def _rules_dirs(rules: list[Path], config: Optional[Path], isolated: bool) -> tuple[Path, ...]:
    from consistency.config import pick

    cfg = _load_config(config, isolated)
    dirs = tuple(pick(rules, cfg.rules, ()))
    for d in dirs:
        if not Path(d).is_dir():
            raise fail(f"{d}: rules folder does not exist")
    return dirs


@rules_app.command("list")
def rules_list_command(
    rules: list[Path] = typer.Option([], "--rules", metavar="DIR", help=RULES_HELP),
    config: Optional[Path] = typer.Option(None, "--config", metavar="FILE", help=CONFIG_HELP),
    isolated: bool = typer.Option(False, "--isolated", help=ISOLATED_HELP),
) -> None:
    """List the rule files in force: name, what it holds, the file(s) it comes from, its examples.

    Examples:

    \b
        consistency rules list
        consistency rules list --rules my-rules/
    """
    from tabulate import tabulate

    from consistency.rule_tools import list_rule_files
    from consistency.rules import RulesError

    try:
        files = list_rule_files(_rules_dirs(rules, config, isolated))
    except RulesError as exc:
        raise _rules_error(exc) from None
    rows = [[f.name, f.description, "\n".join(str(p) for p in f.paths), f.examples] for f in files]
    sys.stdout.write(tabulate(rows, headers=["name", "holds", "file(s)", "examples"], tablefmt="simple") + "\n")


@rules_app.command("check")
def rules_check_command(
    rules: list[Path] = typer.Option([], "--rules", metavar="DIR", help=RULES_HELP),
    config: Optional[Path] = typer.Option(None, "--config", metavar="FILE", help=CONFIG_HELP),
    isolated: bool = typer.Option(False, "--isolated", help=ISOLATED_HELP),
) -> None:
    """Validate the rule files: TOML syntax, [meta], examples, regular expressions. Each problem is
    printed as file:line: message. Exit 1 when there is any.

    Examples:

    \b
        consistency rules check
        consistency rules check --rules my-rules/
    """
    from consistency.rule_tools import check_rule_files

    checked, problems = check_rule_files(_rules_dirs(rules, config, isolated))
    for problem in problems:
        typer.echo(problem)
    if problems:
        typer.echo(f"{len(problems)} problem(s) in {checked} rule file(s)", err=True)
        raise typer.Exit(EXIT_FINDINGS)
    typer.echo(f"{checked} rule file(s) OK", err=True)


@rules_app.command("test")
def rules_test_command(
    names: list[str] = typer.Argument(None, metavar="NAME", help="Only these rule files (e.g. qualifiers).",
                                      show_default=False),
    rules: list[Path] = typer.Option([], "--rules", metavar="DIR", help=RULES_HELP),
    config: Optional[Path] = typer.Option(None, "--config", metavar="FILE", help=CONFIG_HELP),
    isolated: bool = typer.Option(False, "--isolated", help=ISOLATED_HELP),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Also list the examples that pass."),
) -> None:
    """Run the [[examples]] of the rule files through the pipeline. Exit 1 when one fails.

    Examples:

    \b
        consistency rules test
        consistency rules test qualifiers numbers --rules my-rules/
    """
    from consistency.rule_examples import run_examples
    from consistency.rules import RulesError, load_rules

    try:
        loaded = load_rules(_rules_dirs(rules, config, isolated))
    except RulesError as exc:
        raise _rules_error(exc) from None
    unknown = [n for n in names or [] if n not in loaded.data]
    if unknown:
        raise fail(f"no rule file named {', '.join(unknown)} (see `consistency rules list`)")
    results = run_examples(loaded, list(names or []))
    failed = [r for r in results if not r.ok]
    for r in results:
        if not r.ok:
            typer.echo(f"FAIL {r.example.label} ({r.example.where}): {plain(r.example.example.get('text', ''))[:70]}")
            for failure in r.failures:
                typer.echo("     " + failure.replace("\n", "\n     "))
        elif verbose:
            typer.echo(f"ok   {r.example.label} ({r.example.where})")
    typer.echo(f"{len(results) - len(failed)} passed, {len(failed)} failed", err=True)
    if failed:
        raise typer.Exit(EXIT_FINDINGS)


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        typer.echo("consistency: interrupted", err=True)
        sys.exit(130)
    except Exception:  # noqa: BLE001 - a crash must not exit 1, which means "findings"
        import traceback

        traceback.print_exc()
        typer.echo("consistency: internal error (a bug in consistency; please report it with the traceback "
                   "above)", err=True)
        sys.exit(EXIT_ERROR)


if __name__ == "__main__":  # pragma: no cover
    main()
