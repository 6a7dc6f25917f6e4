"""Put files that already exist on disk (cached flyer PDFs) into the built site.

A hard link costs a directory entry; a copy writes the bytes again. At 10,000 offers a build
would otherwise write 20,000 PDFs (~900 MB) that are already in the cache, and under
`mkdocs serve` it would do so after every saved file. The cache replaces its files by rename,
never in place, so a linked site file never changes after the build. Where a link is not
possible (another file system, a file system without links) the file is copied.
"""

from __future__ import annotations

import errno
import os
import shutil
import stat
from pathlib import Path

_NO_LINK = {errno.EXDEV, errno.EPERM, errno.EMLINK, errno.ENOTSUP, errno.EACCES}
_WORLD_READABLE = stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH


def link_or_copy(source: Path, target: Path) -> None:
    """Make ``target`` a hard link to ``source`` (a copy where linking fails); replaces ``target``.

    A source that others may not read is copied: a link shares its permissions, and a web
    server must read every file of the site.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.exists() or target.is_symlink():
        target.unlink()
    if source.stat().st_mode & _WORLD_READABLE == _WORLD_READABLE:
        try:
            os.link(source, target)
            return
        except OSError as exc:
            if exc.errno not in _NO_LINK:
                raise
    shutil.copyfile(source, target)
