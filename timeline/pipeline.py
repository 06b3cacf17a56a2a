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
    with `recursive`, those in its subfolders too); a file named twice comes once."""
    files: list[Path] = []
    for path in map(Path, paths):
        try:
            folder = path.is_dir()
        except OSError:                 # a name too long: reading it will say so
            folder = False
        if folder:
            found = sorted(p for p in (path.rglob("*") if recursive else path.iterdir())
                           if p.suffix.lower() in suffixes and p.is_file())
            if not found:
                raise InputError(f"{path}: no {' or '.join(suffixes)} files in this folder")
            files += found
        else:
            files.append(path)
    unique: dict[Path, Path] = {}   # "a" and "a/story.txt"
    for path in files:
        unique.setdefault(_real(path), path)
    return list(unique.values())


def _real(path: Path) -> Path:
    """The path with its links resolved; as given if it cannot be (a symlink loop: reading
    it will say so)."""
    try:
        return Path(path).resolve()
    except (OSError, RuntimeError):
        return Path(path).absolute()


@dataclass(frozen=True)
class Built:
    """What `build` made of one article."""

    timeline: Timeline
    written: tuple[Path, ...]


def output_paths(source: Path, out_dir: Path, formats: Sequence[str] = ("png",),
                 timelinejs: bool = False) -> list[Path]:
    """The files `build` writes for an article: <stem>.csv, [<stem>-timelinejs.csv,] figures."""
    stem = Path(source).stem
    return [out_dir / f"{stem}.csv", *([out_dir / f"{stem}-timelinejs.csv"] if timelinejs else []),
            *(out_dir / f"{stem}.{fmt}" for fmt in formats)]


def check_outputs(files: Sequence[Path], out_dir: Path, formats: Sequence[str] = ("png",),
                  timelinejs: bool = False) -> None:
    """Refuse a build in which two articles would write the same files, or one would
    overwrite an article."""
    inputs = {_real(f): f for f in files}
    writers: dict[Path, Path] = {}
    for source in files:
        for path in output_paths(source, out_dir, formats, timelinejs):
            target = _real(path)
            if target in inputs:
                raise InputError(f"{source}: its output {path} would overwrite the article {inputs[target]}")
            if target in writers:
                raise InputError(f"{writers[target]} and {source} would both write {path}: "
                                 "build them into different --out folders")
            writers[target] = source


def write_outputs(tl: Timeline, out_dir: Path, formats: Sequence[str] = ("png",),
                  timelinejs: bool = False) -> tuple[Path, ...]:
    """Write <stem>.csv, the figures and optionally <stem>-timelinejs.csv: all of them or,
    if any cannot be written, none, leaving this article's earlier files as they were."""
    from .render import csv, png
    from .render.atomic import atomic_write

    paths = output_paths(tl.article.source, out_dir, formats, timelinejs)
    try:
        contents = [csv.csv_bytes(tl), *([csv.timelinejs_bytes(tl)] if timelinejs else []),
                    *(png.render(tl, fmt) for fmt in formats)]
        out_dir.mkdir(parents=True, exist_ok=True)
        atomic_write(dict(zip(paths, contents)))
    except OSError as exc:
        where = exc.filename or out_dir
        raise InputError(f"{tl.article.source}: cannot write {where} ({exc.strerror})") from None
    return tuple(paths)


def build_one(path: Path, out_dir: Path, published: dt.date | None = None,
              formats: Sequence[str] = ("png",), timelinejs: bool = False) -> Built:
    """Read one article, build its timeline and write its files."""
    tl = build_timeline(read_article(path, published, header_first=True))
    return Built(tl, write_outputs(tl, out_dir, formats, timelinejs))


def tag_file(path: Path, dct: dt.date | None = None) -> tuple[Article, list[Timex]]:
    """The article of a .tml (TempEval-3 input) or text file and its resolved expressions."""
    if path.suffix == ".tml":
        from .timeml import read_timeml

        article = read_timeml(path, dct)[0]
    else:
        article = read_article(path, dct, option="--dct")
    return article, annotate(article.text, article.published)
