"""Write files so that readers see either the old contents or the new, never half of them."""
from __future__ import annotations

import errno
import os
import secrets
from pathlib import Path


def atomic_write(files: dict[Path, bytes]) -> None:
    """Write each `data` to its path: all of them, or, on any error, none.

    Every new content goes to a temporary file in its folder, flushed and fsynced; only
    when all are written are they moved over their paths with `os.replace` (atomic on
    POSIX and Windows). On an error the temporary files are removed and the existing
    files are left untouched; the error names the path it concerns.
    """
    for path in files:
        if Path(path).is_dir():          # os.replace cannot put a file over a folder
            raise IsADirectoryError(errno.EISDIR, "a folder is in the way", str(path))
    temps: dict[Path, Path] = {}
    try:
        for path, data in files.items():
            path = Path(path)
            tmp = temps[path] = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
            try:
                fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
                with os.fdopen(fd, "wb") as f:
                    f.write(data)
                    f.flush()
                    os.fsync(f.fileno())
            except OSError as exc:
                raise OSError(exc.errno, exc.strerror, str(path)) from None
        for path, tmp in temps.items():
            os.replace(tmp, path)
    except BaseException:
        for tmp in temps.values():
            tmp.unlink(missing_ok=True)
        raise
    for folder in {path.parent for path in temps}:
        _fsync_dir(folder)


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
