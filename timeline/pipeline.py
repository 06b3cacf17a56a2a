"""The library behind the commands: article files in, timelines and files out."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence

from . import annotate
from .errors import InputError
from .events import build_events, past_references
from .ingest import read_article
from .models import Article, Timeline, Timex

FIGURE_FORMATS = ("png", "svg")


def build_timeline(article: Article) -> Timeline:
    """Tag, resolve and attach events: the whole pipeline for one article."""
    timexes = annotate(article.text, article.published, named_periods=True)
    return Timeline(article, build_events(article, timexes), past_references(article, timexes))


def article_files(paths: Iterable[Path], suffixes: Sequence[str] = (".txt",),
                  recursive: bool = False) -> list[Path]:
    """The files named, a folder standing for its files with one of `suffixes` (sorted;
    with `recursive`, those in its subfolders too)."""
    files: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            found = sorted(p for p in (path.rglob("*") if recursive else path.iterdir())
                           if p.suffix in suffixes and p.is_file())
            if not found:
                raise InputError(f"{path}: no {' or '.join(suffixes)} files in this folder")
            files += found
        else:
            files.append(path)
    return files


@dataclass(frozen=True)
class Built:
    """What `build` made of one article."""

    timeline: Timeline
    written: tuple[Path, ...]


def write_outputs(tl: Timeline, out_dir: Path, formats: Sequence[str] = ("png",),
                  timelinejs: bool = False) -> tuple[Path, ...]:
    """Write <stem>.csv, the figures and optionally <stem>-timelinejs.csv, each atomically.

    If any of them cannot be written, none is left behind for this article."""
    from .render import csv, png
    from .render.atomic import atomic_write

    stem = Path(tl.article.source).stem
    files = {out_dir / f"{stem}.csv": lambda: csv.csv_bytes(tl)}
    if timelinejs:
        files[out_dir / f"{stem}-timelinejs.csv"] = lambda: csv.timelinejs_bytes(tl)
    for fmt in formats:
        files[out_dir / f"{stem}.{fmt}"] = lambda fmt=fmt: png.render(tl, fmt)
    written: list[Path] = []
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        for path, content in files.items():
            atomic_write(path, content())
            written.append(path)
    except OSError as exc:
        for path in written:
            path.unlink(missing_ok=True)
        raise InputError(f"{tl.article.source}: cannot write its files in {out_dir} "
                         f"({exc.strerror})") from None
    return tuple(written)


def build_one(path: Path, out_dir: Path, published: dt.date | None = None,
              formats: Sequence[str] = ("png",), timelinejs: bool = False) -> Built:
    """Read one article, build its timeline and write its files."""
    tl = build_timeline(read_article(path, published))
    return Built(tl, write_outputs(tl, out_dir, formats, timelinejs))


def tag_file(path: Path, dct: dt.date | None = None) -> tuple[Article, list[Timex]]:
    """The article of a .tml (TempEval-3 input) or text file and its resolved expressions."""
    if path.suffix == ".tml":
        from .timeml import read_timeml

        article = read_timeml(path)[0]
        if dct is not None:
            article = Article(article.source, article.text, dct, article.title, article.body)
    else:
        article = read_article(path, dct, option="--dct")
    return article, annotate(article.text, article.published)
