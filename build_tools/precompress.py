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
import os
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


def precompress(site_dir: Path, cache_dir: Path | None = None, *, paths: list[str] | None = None,
                skip: frozenset[str] = frozenset()) -> int:
    """Write ``<file>.gz`` and ``<file>.br`` beside each text file of ``site_dir`` over
    :data:`MIN_BYTES`; returns how many twins were written. A twin already there with the
    same bytes is kept. ``cache_dir``: twins made before, by content hash (hard-linked, not
    compressed again). ``paths``: only these site paths (else every file of the site);
    ``skip``: not these (their twins were made elsewhere).

    What the cache has is linked here, one file after the other (a warm build of 1,000 offers:
    2,200 twins in 0.2 s; threads only contend for the interpreter there). What must be
    compressed is compressed on two threads: zlib and the brotli encoder let go of the
    interpreter while they work, so both cores do (3,000 pages of a 1,000-offer atlas in five
    languages took 1.9 s in one for gzip alone)."""
    written = 0
    pending: list[tuple[_Twin, _Twin]] = []
    with ThreadPoolExecutor(max_workers=2) as pool:

        def make_pending() -> int:
            twins = [twin for pair in pending for twin in pair if twin.packed is None]
            list(pool.map(_Twin.make, twins))
            done = sum(twin.write() for pair in pending for twin in pair)
            pending.clear()  # their bytes go with them: a cold build holds one batch, not the site
            return done

        chosen = _text_files(site_dir) if paths is None else [p for p in paths if _is_text(p)]
        for site_path in chosen:
            if site_path in skip:
                continue
            with open(site_dir / site_path, "rb") as source:
                data = source.read()
            if len(data) < MIN_BYTES:
                continue
            digest = hashlib.sha256(data).hexdigest() if cache_dir is not None else ""
            quality = brotli_quality(site_path)
            gz = _Twin(cache_dir, digest, f"gz-{LEVEL}", data, gzip_bytes,
                       site_dir / urls.precompressed_path(site_path))
            br = _Twin(cache_dir, digest, f"br-{quality}", data, lambda raw, q=quality: brotli_bytes(raw, q),
                       site_dir / urls.precompressed_path(site_path, "br"), after=gz)
            if gz.packed is None or br.packed is None:
                pending.append((gz, br))  # written once both are known (brotli follows gzip)
                if len(pending) >= BATCH:
                    written += make_pending()
            else:
                written += gz.write() + br.write()
        return written + make_pending()


BATCH = 256
"""Files compressed together on the two threads before their twins are written."""


def _text_files(site_dir: Path) -> list[str]:
    """Site paths of the files whose suffix is in :data:`SUFFIXES`, sorted (strings: sorting
    pathlib paths was a fifth of a warm run)."""
    found = []
    for folder, dirs, names in os.walk(site_dir):
        dirs.sort()
        where = os.path.relpath(folder, site_dir).replace(os.sep, "/")
        prefix = "" if where == "." else where + "/"
        found += [prefix + name for name in names
                  if _is_text(name) and os.path.isfile(os.path.join(folder, name))]
    return sorted(found)


def _is_text(name: str) -> bool:
    return os.path.splitext(name)[1] in SUFFIXES


class _Twin:
    """One encoding of one file's bytes, bound for ``target``: from the cache when it was made
    before (:attr:`packed` set), else made by :meth:`make`. ``after``: the gzip twin, without
    whose use the brotli one is not written either (a hardly compressible file gets neither)."""

    def __init__(self, cache_dir: Path | None, digest: str, kind: str, data: bytes,
                 compress: Callable[[bytes], bytes], target: Path, after: _Twin | None = None) -> None:
        self.data, self.compress, self.target, self.after = data, compress, target, after
        self.entry: Path | None = None
        self.packed: bytes | None = None
        if cache_dir is not None:
            key = f"{digest}-{kind}-{MIN_BYTES}-{WORTH}"
            self.entry = cache_dir / key[:2] / f"{key}.{kind.split('-')[0]}"  # .gz, .br
            try:
                size = os.stat(self.entry).st_size
            except OSError:
                return
            # empty: remembered as not worth a twin; else its bytes stay on disk, linked, never read
            self.packed = _LINKED if size else b""

    def make(self) -> _Twin:
        """Compress; keep the result in the cache (empty where it is not worth a twin)."""
        packed = self.compress(self.data)
        self.packed = packed if len(packed) <= len(self.data) * WORTH else b""
        if self.entry is not None:
            _store(self.entry, self.packed)
        return self

    @property
    def useful(self) -> bool:
        return bool(self.packed) and (self.after is None or self.after.useful)

    def write(self) -> int:
        """Put the twin beside its file; 0 when the same bytes are there already, or none is useful."""
        if not self.useful:
            return 0
        if self.packed is _LINKED and self.entry is not None:
            if self.target.is_file() and (os.path.samefile(self.entry, self.target)
                                          or self.target.read_bytes() == self.entry.read_bytes()):
                return 0
            link_or_copy(self.entry, self.target)  # replaces an old twin: never a write through a link
            return 1
        if self.target.is_file() and self.target.read_bytes() == self.packed:
            return 0
        # A fresh file, never a write through: the site's assets may be hard links into the package.
        self.target.unlink(missing_ok=True)
        self.target.write_bytes(self.packed)  # type: ignore[arg-type]
        return 1


_LINKED = b"linked"
"""Stands for a twin the cache holds: what is there is linked, not read."""


def _store(entry: Path, packed: bytes) -> None:
    """Put a twin into the cache atomically (rename); a cache the disk refuses is no error."""
    with contextlib.suppress(OSError):
        write_atomic(entry, packed)
