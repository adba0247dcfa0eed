"""The command line: a thin layer over :mod:`consistency.api`.

Exit codes (also in ``consistency --help`` and the README):
  0  no discrepancy found (or --exit-zero)
  1  at least one discrepancy found
  2  usage, configuration or input error (nothing could be checked), never hidden by --exit-zero
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import Optional

import typer

from consistency import __version__
from consistency.render import Format, render

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    help=(
        "Compare what several articles about one event claim: which figures and dates the sources "
        "agree on, where they contradict each other, and what only one source says.\n\n"
        "Example:\n\n"
        "    consistency check seeds/ --report report.md\n\n"
        "Exit codes: 0 no discrepancy, 1 discrepancies found, 2 usage or input error."
    ),
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"consistency {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version and exit."),
) -> None:
    """Source-consistency checker for fact-checkers."""


def write_atomically(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file and a rename: never half a file."""
    path = Path(path)
    directory = path.parent if str(path.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def fail(message: str) -> "typer.Exit":
    typer.echo(f"consistency: error: {message}", err=True)
    return typer.Exit(EXIT_ERROR)


@app.command("check")
def check_command(
    paths: list[Path] = typer.Argument(..., help="Article files (.txt, .md, .html) or folders (read recursively).",
                                       show_default=False),
    fmt: Format = typer.Option(Format.table, "--format", "-f", help="Output format on stdout (or --output)."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write the --format output to this file instead of stdout."),
    report: Optional[Path] = typer.Option(None, "--report", help="Also write the markdown discrepancy report to this file."),
    rules: list[Path] = typer.Option([], "--rules", help="A folder of extra rule files (*.toml) that extend or override the built-in ones; may be repeated."),
    exit_zero: bool = typer.Option(False, "--exit-zero", help="Exit 0 even when discrepancies are found (errors still exit 2)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No summary on stderr."),
) -> None:
    """Check articles against each other and report agreements, discrepancies and unique claims.

    Examples:

        consistency check seeds/

        consistency check coverage/ --format json --output report.json

        consistency check a.txt b.html --report discrepancies.md
    """
    from consistency.api import CheckOptions, check
    from consistency.render.table import summary_line
    from consistency.rules import RulesError

    for target in (output, report):
        if target is not None and target.is_dir():
            raise fail(f"{target} is a folder; give a file name for the output")
    try:
        result = check(paths, CheckOptions(rules_dirs=tuple(rules)))
    except RulesError as exc:
        raise fail(str(exc)) from None
    ok = [a for a in result.articles if a.status == "ok"]
    if not quiet:
        for path, reason in result.skipped:
            typer.echo(f"consistency: skipped {path}: {reason}", err=True)
    if not ok:
        raise fail("no article could be read; nothing to check (see the messages above)")
    text = render(result, fmt)
    try:
        if output is not None:
            write_atomically(output, text)
        else:
            sys.stdout.write(text)
            sys.stdout.flush()
        if report is not None:
            write_atomically(report, render(result, Format.markdown))
    except OSError as exc:
        raise fail(f"cannot write output: {exc}") from None
    if not quiet:
        typer.echo(summary_line(result), err=True)
        if report is not None:
            typer.echo(f"markdown report written to {report}", err=True)
    if result.count("discrepancy") and not exit_zero:
        raise typer.Exit(EXIT_FINDINGS)


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        typer.echo("consistency: interrupted", err=True)
        sys.exit(130)


if __name__ == "__main__":  # pragma: no cover
    main()
