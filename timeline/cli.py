"""The command line: each command declares its options and calls one library function."""
from __future__ import annotations

import datetime as dt
import os
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Optional

import typer

from .errors import InputError

app = typer.Typer(
    help="Find the dates in news articles, resolve them against the publication date, "
         "and draw the events on a timeline (PNG) with a CSV beside it.",
    no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False,
    rich_markup_mode=None)


class _OutputError(Exception):
    """Standard output cannot be written (a full disk; a closed pipe is Click's)."""


def main() -> None:
    """The `timeline` command: `app`, with an output that cannot be written, or any other
    system error, reported in one line with exit code 2. (Click itself ends quietly, with
    exit code 1, when the reader of a pipe goes away.)"""
    try:
        app(prog_name="timeline")
    except _OutputError as exc:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())   # nothing more to flush
        _fail(f"cannot write the output ({exc})")
        sys.exit(2)
    except OSError as exc:
        _fail(f"{exc.filename}: {exc.strerror}" if exc.filename else str(exc))
        sys.exit(2)


def _fail(message: str) -> None:
    typer.echo(f"error: {message}", err=True)


def _out(text: str) -> None:
    try:
        typer.echo(text)
    except BrokenPipeError:
        raise                           # the reader has gone: Click ends quietly
    except OSError as exc:
        raise _OutputError(exc.strerror) from None


@contextmanager
def _exit_on_bad_input():
    """Bad input ends the command with its message and exit code 2, never a traceback."""
    try:
        yield
    except InputError as exc:
        _fail(str(exc))
        raise typer.Exit(2)


def _each(files, work) -> None:
    """Run `work` on each file; a bad one is reported and the others go on. Exit 2 if any was bad."""
    failed = 0
    for path in files:
        try:
            work(path)
        except InputError as exc:
            _fail(str(exc))
            failed += 1
    if failed:
        raise typer.Exit(2)


def _date_option(value: Optional[str], option: str) -> Optional[dt.date]:
    from .ingest import parse_date_arg

    return None if value is None else parse_date_arg(value, option)


@app.command()
def build(
    paths: Annotated[Optional[list[Path]], typer.Argument(
        help="Article files (UTF-8 text) or folders of .txt files. Default: seeds/.",
        metavar="ARTICLES", show_default=False, readable=False)] = None,
    published: Annotated[Optional[str], typer.Option(
        help="Publication date for articles whose header gives none (a header date "
             "wins).", metavar="YYYY-MM-DD", show_default=False)] = None,
    out: Annotated[Path, typer.Option(
        help="Folder for the CSV and figure files.", metavar="DIR")] = Path("outputs"),
    fmt: Annotated[str, typer.Option("--format", help="Figure formats, comma-separated: png, svg.",
                                     metavar="png,svg")] = "png",
    timelinejs: Annotated[bool, typer.Option(
        "--timelinejs", help="Also write <stem>-timelinejs.csv for Knight Lab TimelineJS.")] = False,
) -> None:
    """Build the timeline of each article: <stem>.csv and <stem>.png in --out."""
    from .pipeline import FIGURE_FORMATS, article_files, build_one, check_outputs

    with _exit_on_bad_input():
        date = _date_option(published, "--published")
        formats = tuple(f.strip().lower() for f in fmt.split(",") if f.strip())
        if not formats or any(f not in FIGURE_FORMATS for f in formats):
            raise InputError(f"invalid --format {fmt!r}: choose from {', '.join(FIGURE_FORMATS)}")
        if out.exists() and not out.is_dir():
            raise InputError(f"--out {out}: is a file, not a folder")
        if not paths and not Path("seeds").is_dir():
            raise InputError("no articles given and no seeds/ folder here: name the files to build")
        files = article_files(paths or [Path("seeds")])
        check_outputs(files, out, formats, timelinejs)

    def one(path: Path) -> None:
        built = build_one(path, out, date, formats, timelinejs)
        events, vague = len(built.timeline.events), len(built.timeline.vague)
        also = f" (and {vague} undated)" if vague else ""
        article = built.timeline.article
        _out(f"{path}: published {article.published.isoformat()} (from {article.dated_by}), "
                   f"{events} event{'s' * (events != 1)}{also} -> {', '.join(map(str, built.written))}")

    _each(files, one)


@app.command()
def tag(
    paths: Annotated[list[Path], typer.Argument(
        help="TempEval-3 .tml files (DCT + TEXT) or text articles; folders stand for their files.",
        metavar="FILES", readable=False)],
    dct: Annotated[Optional[str], typer.Option(
        help="Publication date (overrides the file's own).", metavar="YYYY-MM-DD",
        show_default=False)] = None,
    fmt: Annotated[str, typer.Option("--format", help="json (JSON Lines, one object per file) or timeml.",
                                     metavar="json|timeml")] = "json",
) -> None:
    """Tag and resolve the temporal expressions of each file (TIMEX3 values)."""
    from .pipeline import article_files, tag_file
    from .timeml import to_json_line, to_timeml

    fmt = fmt.lower()
    with _exit_on_bad_input():
        if fmt not in ("json", "timeml"):
            raise InputError(f"invalid --format {fmt!r}: choose json or timeml")
        date = _date_option(dct, "--dct")
        files = article_files(paths, (".tml", ".txt"))

    def one(path: Path) -> None:
        article, timexes = tag_file(path, date)
        _out(to_json_line(article, timexes) if fmt == "json" else to_timeml(article, timexes))

    _each(files, one)


@app.command("eval")
def evaluate(
    gold: Annotated[list[Path], typer.Argument(help="TimeML gold files or folders of them.", metavar="GOLD",
                                               readable=False)],
    show_errors: Annotated[bool, typer.Option(
        "--show-errors", help="List misses, extras and wrong values, grouped by rule.")] = False,
    examples: Annotated[int, typer.Option(
        help="With --show-errors, the examples shown in each group (0: all of them).",
        metavar="N", min=0)] = 5,
) -> None:
    """Score the tagger on TimeML gold files the way TempEval-3 (Task A) does."""
    from .evaluate import evaluate as run, format_report

    with _exit_on_bad_input():
        report = run(gold)
        if not report.gold:
            raise InputError("the gold files hold no TIMEX3 annotation (besides the DCT): nothing to score")
    _out(format_report(report, show_errors, examples or None))
