"""The command line: each command declares its options and calls one library function."""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated, Optional

import typer

from .errors import InputError

app = typer.Typer(
    help="Find the dates in news articles, resolve them against the publication date, "
         "and draw the events on a timeline (PNG) with a CSV beside it.",
    no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False)


def _fail(message: str) -> None:
    typer.echo(f"error: {message}", err=True)


def _date_option(value: Optional[str], option: str) -> Optional[dt.date]:
    from .ingest import parse_date_arg

    return None if value is None else parse_date_arg(value, option)


@app.command()
def build(
    paths: Annotated[Optional[list[Path]], typer.Argument(
        help="Article files (UTF-8 text) or folders of .txt files. Default: seeds/.",
        show_default=False)] = None,
    published: Annotated[Optional[str], typer.Option(
        help="Publication date YYYY-MM-DD, for articles whose header has none "
             "(overrides the header).", show_default=False)] = None,
    out: Annotated[Path, typer.Option(help="Folder for the CSV and figure files.")] = Path("outputs"),
    fmt: Annotated[str, typer.Option("--format", help="Figure formats, comma-separated: png, svg.")] = "png",
    timelinejs: Annotated[bool, typer.Option(
        "--timelinejs", help="Also write <stem>-timelinejs.csv for Knight Lab TimelineJS.")] = False,
) -> None:
    """Build the timeline of each article: <stem>.csv and <stem>.png in --out."""
    from .pipeline import FIGURE_FORMATS, article_files, build_one

    try:
        date = _date_option(published, "--published")
        formats = tuple(f.strip().lower() for f in fmt.split(",") if f.strip())
        bad = [f for f in formats if f not in FIGURE_FORMATS]
        if bad or not formats:
            raise InputError(f"invalid --format {fmt!r}: choose from {', '.join(FIGURE_FORMATS)}")
        files = article_files(paths or [Path("seeds")])
    except InputError as exc:
        _fail(str(exc))
        raise typer.Exit(2)
    failed = 0
    for path in files:
        try:
            built = build_one(path, out, date, formats, timelinejs)
        except InputError as exc:
            _fail(str(exc))
            failed += 1
            continue
        tl = built.timeline
        typer.echo(f"{path}: published {tl.article.published.isoformat()}, "
                   f"{len(tl.events)} events -> {', '.join(map(str, built.written))}")
    if failed:
        raise typer.Exit(2)


@app.command()
def tag(
    paths: Annotated[list[Path], typer.Argument(
        help="TempEval-3 .tml files (DCT + TEXT) or text articles; folders stand for their files.")],
    dct: Annotated[Optional[str], typer.Option(
        help="Publication date YYYY-MM-DD (overrides the file's own).", show_default=False)] = None,
    fmt: Annotated[str, typer.Option("--format", help="json (JSON Lines, one object per file) or timeml.")] = "json",
) -> None:
    """Tag and resolve the temporal expressions of each file (TIMEX3 values)."""
    from .pipeline import article_files, tag_file
    from .timeml import to_json_line, to_timeml

    if fmt not in ("json", "timeml"):
        _fail(f"invalid --format {fmt!r}: choose json or timeml")
        raise typer.Exit(2)
    try:
        date = _date_option(dct, "--dct")
        files = article_files(paths, (".tml", ".txt"))
    except InputError as exc:
        _fail(str(exc))
        raise typer.Exit(2)
    failed = 0
    for path in files:
        try:
            article, timexes = tag_file(path, date)
        except InputError as exc:
            _fail(f"{exc}".replace("--published", "--dct"))
            failed += 1
            continue
        typer.echo(to_json_line(article, timexes) if fmt == "json" else to_timeml(article, timexes))
    if failed:
        raise typer.Exit(2)


@app.command("eval")
def evaluate(
    gold: Annotated[list[Path], typer.Argument(help="TimeML gold files or folders of them.")],
    show_errors: Annotated[bool, typer.Option(
        "--show-errors", help="List misses, extras and wrong values, grouped by rule.")] = False,
) -> None:
    """Score the tagger on TimeML gold files the way TempEval-3 (Task A) does."""
    from .evaluate import evaluate as run, format_report

    try:
        report = run(gold)
    except InputError as exc:
        _fail(str(exc))
        raise typer.Exit(2)
    typer.echo(format_report(report, show_errors))
