"""Precompressed twins: ``<file>.gz`` and ``<file>.br`` beside every larger text file of a
built site.

A static host that serves them (nginx ``gzip_static``/``brotli_static``, Apache with a rewrite
rule, Caddy ``precompressed br gzip``; see docs/hosting.md) sends an offer page and its
stylesheets at a quarter to a fifth of their size without compressing anything per request,
at the best level. Hosts that compress on their own (GitHub Pages, Netlify, most CDNs) ignore
the twins.

Deterministic: gzip level 9 with no file name and mtime 0 in the header; brotli has no header
fields that vary, and the encoder is deterministic for a given quality and window. Two builds
of the same content are byte-identical (tests/integrity). A twin is written only where it is
smaller than the file by a useful margin; files that are already compressed (images, fonts,
the search bundle's fragments) are left alone by their suffix.

With a cache folder (the project's ``.cache/gzip``) a twin is made once per content and
encoding: the key is the SHA-256 of the file's bytes with the encoding and its settings, so a
changed file gets a new twin and an unchanged one is hard-linked from the cache (a warm build
of 1,000 offers compresses nothing). The decision "no twin" (hardly compressible) is
remembered as an empty entry.
"""

from __future__ import annotations

import contextlib
import gzip
import hashlib
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import brotli

from . import urls
from .adapters.site_files import link_or_copy
from .atomic import write_atomic

SUFFIXES = frozenset({".html", ".css", ".js", ".json", ".geojson", ".svg", ".xml", ".txt", ".csv", ".map"})
"""Text that hosts compress: pages, stylesheets, scripts, data and exports."""
MIN_BYTES = 1400
"""Below this a response, headers included, fits into the first packet or two anyway, and a
twin saves a few hundred bytes at the cost of two more files: the short-link redirect pages
(about 1.2 KB each, one per offer) get none."""
LEVEL = 9
BROTLI_SHARED = 11
"""Brotli quality for the shared stylesheets and scripts below ``assets/``: few files that
every first visit loads. Measured on the sample's offer pages (20 KB each): quality 11 is
13.5 % smaller than gzip -9 but takes about 40 ms a file against gzip's 2.6 ms."""
BROTLI_PAGES = 6
"""Brotli quality for everything else (pages, data): about gzip's cost (2.5 ms an offer page)
and still 5 % smaller. Quality 11 on every page would add a minute of CPU to a 1,000-offer
atlas in five languages."""
WORTH = 0.9
"""A twin must be below this share of the file, or the host may as well send the file."""


def gzip_bytes(data: bytes) -> bytes:
    """``data`` gzip-compressed, the same bytes on every run (no name, mtime 0)."""
    return gzip.compress(data, LEVEL, mtime=0)


def brotli_bytes(data: bytes, quality: int = BROTLI_SHARED) -> bytes:
    """``data`` brotli-compressed at ``quality`` (text mode), the same bytes on every run."""
    return brotli.compress(data, mode=brotli.MODE_TEXT, quality=quality)


def brotli_quality(site_path: str) -> int:
    """The brotli quality for the file at ``site_path`` (:data:`BROTLI_SHARED` for assets)."""
    return BROTLI_SHARED if site_path.startswith(urls.asset_path("")) else BROTLI_PAGES


def precompress(site_dir: Path, cache_dir: Path | None = None) -> int:
    """Write ``<file>.gz`` and ``<file>.br`` beside each text file of ``site_dir`` over
    :data:`MIN_BYTES`; returns how many twins were written. A twin already there with the
    same bytes is kept. ``cache_dir``: twins made before, by content hash (hard-linked, not
    compressed again).

    Two threads: zlib and the brotli encoder let go of the interpreter while they compress,
    so both cores work (3,000 pages of a 1,000-offer atlas in five languages took 1.9 s in
    one for gzip alone)."""
    paths = [p for p in sorted(site_dir.rglob("*")) if p.suffix in SUFFIXES and p.is_file()]
    with ThreadPoolExecutor(max_workers=2) as pool:
        return sum(pool.map(lambda path: _twins(site_dir, path, cache_dir), paths))


def _twins(site_dir: Path, path: Path, cache_dir: Path | None) -> int:
    data = path.read_bytes()
    if len(data) < MIN_BYTES:
        return 0
    site_path = path.relative_to(site_dir).as_posix()
    gz = _Twin(cache_dir, f"gz-{LEVEL}", data, gzip_bytes)
    if not gz.useful:
        return 0  # hardly compressible: the host may send the file itself
    written = gz.write(site_dir / urls.precompressed_path(site_path))
    quality = brotli_quality(site_path)
    br = _Twin(cache_dir, f"br-{quality}", data, lambda raw: brotli_bytes(raw, quality))
    if br.useful:
        written += br.write(site_dir / urls.precompressed_path(site_path, "br"))
    return written


class _Twin:
    """One encoding of one file's bytes: from the cache when it was made before."""

    def __init__(self, cache_dir: Path | None, kind: str, data: bytes,
                 compress: Callable[[bytes], bytes]) -> None:
        self.entry: Path | None = None
        if cache_dir is not None:
            key = hashlib.sha256(f"{kind}-{MIN_BYTES}-{WORTH}\0".encode() + data).hexdigest()
            self.entry = cache_dir / key[:2] / f"{key}.{kind.split('-')[0]}"  # .gz, .br
        if self.entry is not None and self.entry.is_file():
            self.packed = self.entry.read_bytes()  # empty: remembered as not worth a twin
            self.useful = bool(self.packed)
            self.cached = True
            return
        self.packed = compress(data)
        self.useful = len(self.packed) <= len(data) * WORTH
        self.cached = False
        if self.entry is not None:
            _store(self.entry, self.packed if self.useful else b"")

    def write(self, twin: Path) -> int:
        """Put the twin beside its file; 0 when the same bytes are there already."""
        if twin.is_file() and twin.read_bytes() == self.packed:
            return 0
        if self.cached and self.entry is not None:
            link_or_copy(self.entry, twin)  # replaces an old twin: never a write through a link
            return 1
        # A fresh file, never a write through: the site's assets may be hard links into the package.
        twin.unlink(missing_ok=True)
        twin.write_bytes(self.packed)
        return 1


def _store(entry: Path, packed: bytes) -> None:
    """Put a twin into the cache atomically (rename); a cache the disk refuses is no error."""
    with contextlib.suppress(OSError):
        write_atomic(entry, packed)
