"""Write files so that readers see either the old contents or the new, never half of them."""
from __future__ import annotations

import errno
import os
import secrets
import shutil
from pathlib import Path


_NEW_FILE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)


def atomic_write(files: dict[Path, bytes]) -> None:
    """Write each `data` to its path: all of them or, on any error, none.

    Every new content goes to a temporary file in its folder, flushed and fsynced; only
    when all are written are they moved over their paths with `os.replace` (atomic on
    POSIX and Windows). A file already there is first given a second name, so that if a
    later move fails the earlier ones are undone. On an error the temporary
    files are removed, the existing files are as they were, and the error names the path
    it concerns.
    """
    files = {Path(path): data for path, data in files.items()}
    for path in files:
        if path.is_dir():                # os.replace cannot put a file over a folder
            raise IsADirectoryError(errno.EISDIR, "a folder is in the way", str(path))
    temps: dict[Path, Path] = {}
    kept: dict[Path, Path] = {}          # path -> its earlier content, set aside
    done: list[Path] = []
    try:
        for path, data in files.items():
            temps[path] = _aside(path)
            try:
                fd = os.open(temps[path], _NEW_FILE, 0o666)
                with os.fdopen(fd, "wb") as f:
                    f.write(data)
                    f.flush()
                    os.fsync(f.fileno())
            except OSError as exc:
                raise OSError(exc.errno, exc.strerror, str(path)) from None
        for path, tmp in temps.items():
            try:
                if path.exists():
                    kept[path] = _aside(path)
                    _keep(path, kept[path])
                os.replace(tmp, path)
            except OSError as exc:
                raise OSError(exc.errno, exc.strerror, str(path)) from None
            done.append(path)
    except BaseException:
        for path in reversed(done):      # undo the moves made, as far as the system lets us
            try:
                if path in kept:
                    os.replace(kept.pop(path), path)
                else:
                    path.unlink(missing_ok=True)
            except OSError:
                pass
        for aside in [*kept.values(), *temps.values()]:
            try:
                aside.unlink(missing_ok=True)
            except OSError:
                pass
        raise
    for old in kept.values():
        old.unlink(missing_ok=True)
    for folder in {path.parent for path in files}:
        _fsync_dir(folder)


def _keep(path: Path, copy: Path) -> None:
    """A second name for `path`'s content (a hard link, else a copy); `path` stays."""
    try:
        os.link(path, copy)
    except OSError:
        shutil.copy2(path, copy)


def _aside(path: Path) -> Path:
    """A fresh hidden name beside `path`."""
    return path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")


def _fsync_dir(folder: Path) -> None:
    """Persist the renames themselves; a no-op where folders cannot be opened (Windows)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
