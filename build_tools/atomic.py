"""Files written whole or not at all: a reader (a web server, a Git checkout, a build linking a
cached file into the site) never sees half of one."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomic(path: Path, data: bytes, mode: int = 0o644) -> None:
    """Write ``data`` to ``path`` through a temporary file beside it and a rename.

    ``mode``: the file's permissions (``mkstemp`` makes 0600; sites link cached files, so they
    must be readable by the web server). The folder is created; an ``OSError`` is the caller's
    to judge (a cache the disk refuses is no error, a feed the editor asked for is)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
