"""Put our generated files into the built site: beside MkDocs' pages, on the other core.

Once the pages are rendered, MkDocs' own page pipeline runs in one process and the second core
idles. Our files — exports, flyers, short links, embeds, the search bundle — do not pass through
that pipeline: :func:`deliver` writes and links them (and makes their precompressed twins) in a
forked process meanwhile (:class:`~build_tools.parallel.Alongside`), and the plugin waits for it
after MkDocs' last page. MkDocs still lists them (the plugin's ``WrittenAside``), so links to
them from hand-written pages are checked as before; it just does not copy them.

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
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

_NO_LINK = {errno.EXDEV, errno.EPERM, errno.EMLINK, errno.ENOTSUP, errno.EACCES}
_WORLD_READABLE = stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH


@dataclass
class Delivery:
    """What goes into the site beside MkDocs' output: bytes to write and files to link."""

    written: list[tuple[str, bytes]] = field(default_factory=list)
    """Site path and bytes (exports, short links, embeds, planning files)."""
    linked: list[tuple[str, Path]] = field(default_factory=list)
    """Site path and a file on disk (cached flyer PDFs)."""
    bundle: list[tuple[str, Path]] = field(default_factory=list)
    """The search bundle from its cache, replacing any older one below its folder."""
    bundle_dir: str = ""

    def paths(self) -> set[str]:
        """Every site path this delivery puts into the site."""
        return {path for path, _ in (*self.written, *self.linked, *self.bundle)}


def deliver(site_dir: Path, delivery: Delivery, html: Callable[[str], str],
            twins: Callable[[Path, list[str]], int] | None = None) -> int:
    """Write and link ``delivery`` into ``site_dir``; ``html`` turns each written HTML file's
    text into what is published (the CSP); ``twins(site_dir, paths)``, where given, makes the
    precompressed twins of the delivered files. Returns how many twins were written."""
    folders = sorted({os.path.dirname(site_dir / path) for path in delivery.paths()})
    for folder in folders:
        os.makedirs(folder, exist_ok=True)
    for path, data in delivery.written:
        if path.endswith(".html"):
            data = html(data.decode("utf-8")).encode("utf-8")
        _write(site_dir / path, data)
    link_into(site_dir, delivery.linked)
    if delivery.bundle:
        link_into(site_dir, delivery.bundle, replacing=delivery.bundle_dir)
    return twins(site_dir, sorted(delivery.paths())) if twins is not None else 0


def _write(target: Path, data: bytes) -> None:
    with open(target, "wb") as out:
        out.write(data)


def link_into(site_dir: Path, files: list[tuple[str, Path]], replacing: str = "") -> None:
    """Each ``(site path, file on disk)`` linked into ``site_dir``; ``replacing``: a folder of
    the site removed first (an older search bundle)."""
    if replacing:
        shutil.rmtree(site_dir / replacing, ignore_errors=True)
    for path, source in files:
        link_or_copy(source, site_dir / path)


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
