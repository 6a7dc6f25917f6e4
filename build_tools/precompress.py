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
"""

from __future__ import annotations

import gzip
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import brotli

from . import urls

SUFFIXES = frozenset({".html", ".css", ".js", ".json", ".geojson", ".svg", ".xml", ".txt", ".csv", ".map"})
"""Text that hosts compress: pages, stylesheets, scripts, data and exports."""
MIN_BYTES = 1024
"""Below about one kilobyte a response fits into the first packets anyway."""
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


def precompress(site_dir: Path) -> int:
    """Write ``<file>.gz`` and ``<file>.br`` beside each text file of ``site_dir`` over
    :data:`MIN_BYTES`; returns how many twins were written. A twin already there with the
    same bytes is kept.

    Two threads: zlib and the brotli encoder let go of the interpreter while they compress,
    so both cores work (3,000 pages of a 1,000-offer atlas in five languages took 1.9 s in
    one for gzip alone)."""
    paths = [p for p in sorted(site_dir.rglob("*")) if p.suffix in SUFFIXES and p.is_file()]
    with ThreadPoolExecutor(max_workers=2) as pool:
        return sum(pool.map(lambda path: _twins(site_dir, path), paths))


def _twins(site_dir: Path, path: Path) -> int:
    data = path.read_bytes()
    if len(data) < MIN_BYTES:
        return 0
    site_path = path.relative_to(site_dir).as_posix()
    packed = gzip_bytes(data)
    if len(packed) > len(data) * WORTH:
        return 0  # hardly compressible: the host may send the file itself
    written = _write(site_dir / urls.precompressed_path(site_path), packed)
    squeezed = brotli_bytes(data, brotli_quality(site_path))
    if len(squeezed) <= len(data) * WORTH:
        written += _write(site_dir / urls.precompressed_path(site_path, "br"), squeezed)
    return written


def _write(twin: Path, packed: bytes) -> int:
    if twin.is_file() and twin.read_bytes() == packed:
        return 0
    # A fresh file, never a write through: the site's assets may be hard links into the package.
    twin.unlink(missing_ok=True)
    twin.write_bytes(packed)
    return 1
