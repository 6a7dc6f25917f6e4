"""Precompressed twins: ``<file>.gz`` beside every larger text file of a built site.

A static host that serves them (nginx ``gzip_static on``, Apache with a rewrite rule; see
docs/betrieb.md) sends an offer page and its stylesheets at a quarter of their size without
compressing anything per request, at the best level. Hosts that compress on their own
(GitHub Pages, Netlify, most CDNs) ignore the twins.

Deterministic: gzip level 9, no file name and mtime 0 in the header, so two builds of the
same content are byte-identical (tests/integrity). A twin is written only where it is smaller
than the file by a useful margin; files that are already compressed (images, fonts, the
search bundle's fragments) are left alone by their suffix.

With a cache folder (the project's ``.cache/gzip``) a twin is made once per content: the key is
the SHA-256 of the file's bytes, so a changed file gets a new twin and an unchanged one is
hard-linked from the cache (a warm build of 1,000 offers compresses nothing). The decision
"no twin" (hardly compressible) is remembered as an empty entry.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from . import urls
from .adapters.site_files import link_or_copy

SUFFIXES = frozenset({".html", ".css", ".js", ".json", ".geojson", ".svg", ".xml", ".txt", ".csv", ".map"})
"""Text that hosts compress: pages, stylesheets, scripts, data and exports."""
MIN_BYTES = 1024
"""Below about one kilobyte a response fits into the first packets anyway."""
LEVEL = 9
_KEY_PREFIX = f"gzip-{LEVEL}-{MIN_BYTES}-0.9\0".encode()
"""Part of every cache key: a change of level or threshold makes every entry a miss."""


def gzip_bytes(data: bytes) -> bytes:
    """``data`` gzip-compressed, the same bytes on every run (no name, mtime 0)."""
    return gzip.compress(data, LEVEL, mtime=0)


def precompress(site_dir: Path, cache_dir: Path | None = None) -> int:
    """Write ``<file>.gz`` beside each text file of ``site_dir`` over :data:`MIN_BYTES`;
    returns how many were written. A twin already there with the same bytes is kept.
    ``cache_dir``: twins made before, by content hash (hard-linked, not compressed again).

    Two threads: zlib lets go of the interpreter while it compresses, so both cores work
    (3,000 pages of a 1,000-offer atlas in five languages took 1.9 s in one)."""
    paths = [p for p in sorted(site_dir.rglob("*")) if p.suffix in SUFFIXES and p.is_file()]
    with ThreadPoolExecutor(max_workers=2) as pool:
        return sum(pool.map(lambda path: _twin(site_dir, path, cache_dir), paths))


def _twin(site_dir: Path, path: Path, cache_dir: Path | None) -> int:
    data = path.read_bytes()
    if len(data) < MIN_BYTES:
        return 0
    twin = site_dir / urls.precompressed_path(path.relative_to(site_dir).as_posix())
    entry = _entry(cache_dir, data) if cache_dir is not None else None
    if entry is not None and entry.is_file():
        if entry.stat().st_size == 0:
            return 0  # remembered: hardly compressible
        if twin.is_file() and twin.read_bytes() == entry.read_bytes():
            return 0
        link_or_copy(entry, twin)  # replaces an old twin: never a write through a link
        return 1
    packed = gzip_bytes(data)
    useful = len(packed) <= len(data) * 0.9
    if entry is not None:
        _store(entry, packed if useful else b"")
    if not useful:
        return 0  # hardly compressible: the host may send the file itself
    if twin.is_file() and twin.read_bytes() == packed:
        return 0
    # A fresh file, never a write through: the site's assets may be hard links into the package.
    twin.unlink(missing_ok=True)
    twin.write_bytes(packed)
    return 1


def _entry(cache_dir: Path, data: bytes) -> Path:
    key = hashlib.sha256(_KEY_PREFIX + data).hexdigest()
    return cache_dir / key[:2] / f"{key}.gz"


def _store(entry: Path, packed: bytes) -> None:
    """Put a twin into the cache atomically (rename); a cache the disk refuses is no error."""
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=entry.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            handle.write(packed)
        os.chmod(tmp, 0o644)  # mkstemp makes 0600; the site links these files
        os.replace(tmp, entry)
    except OSError:
        pass
