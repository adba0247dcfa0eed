"""Writing output files safely: a temporary file in the same folder, then a rename."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path


def write_atomically(path: Path | str, text: str | Iterable[str]) -> None:
    """Write ``text`` (a string or its pieces) to ``path`` through a temporary file and a
    rename: never half a file."""
    path = Path(path)
    directory = path.parent if str(path.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            # mkstemp makes the file private (0600); give it the mode the file had, or the usual one.
            try:
                mode = os.stat(path).st_mode & 0o777
            except OSError:
                mode = 0o666 & ~_umask()
            if hasattr(os, "fchmod"):
                os.fchmod(handle.fileno(), mode)
            if isinstance(text, str):
                handle.write(text)
            else:
                for piece in text:
                    handle.write(piece)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
