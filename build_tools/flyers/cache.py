"""A content-hash cache for flyer PDFs: unchanged offers reuse their PDFs.

The key covers everything that can change the bytes: the printed facts (an ``OfferSheet`` or
``CollectionData``), the print options, the renderer's own source files and the fonts. PDFs are
deterministic (``invariant=1``), so a cached PDF is byte-identical to a fresh one.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..atomic import write_atomic
from . import fonts

_HERE = Path(__file__).resolve().parent


@lru_cache(maxsize=1)
def renderer_fingerprint() -> str:
    """Hash of the flyer code and the embedded fonts (a change invalidates every entry)."""
    digest = hashlib.sha256()
    for path in sorted(_HERE.glob("*.py")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    for path in fonts.font_files():
        stat = path.stat()
        digest.update(f"{path.name}:{stat.st_size}".encode())
    import reportlab

    digest.update(reportlab.Version.encode())
    return digest.hexdigest()


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if hasattr(value, "wkb_hex"):  # shapely geometry (town map)
        return value.wkb_hex
    return value


def cache_key(kind: str, payload: Any, options: Any) -> str:
    """The content hash of one flyer.

    ReportLab's ``invariant`` mode dates a PDF from ``SOURCE_DATE_EPOCH`` when it is set, so the
    variable is part of the key: a reproducible build never takes a PDF made without it.
    """
    blob = json.dumps(
        [renderer_fingerprint(), kind, _plain(payload), _plain(options),
         os.environ.get("SOURCE_DATE_EPOCH", "")],
        sort_keys=True, ensure_ascii=False, default=str,
    )
    return hashlib.sha256(blob.encode()).hexdigest()


class PdfCache:
    """Files ``<dir>/<key[:2]>/<key>.pdf``; writes are atomic (rename)."""

    def __init__(self, folder: str | Path | None):
        self.folder = Path(folder) if folder else None

    def _path(self, key: str) -> Path:
        assert self.folder is not None
        return self.folder / key[:2] / f"{key}.pdf"

    def get(self, key: str) -> bytes | None:
        """The cached PDF, or None."""
        if self.folder is None:
            return None
        try:
            return self._path(key).read_bytes()
        except OSError:
            return None

    def path_of(self, key: str) -> Path | None:
        """Where the cached PDF lies, or None when it is not cached."""
        if self.folder is None:
            return None
        path = self._path(key)
        return path if path.is_file() else None

    def put(self, key: str, data: bytes) -> Path | None:
        """Store a PDF; its path, or None when the cache is off or the disk refuses."""
        if self.folder is None:
            return None
        path = self._path(key)
        try:
            write_atomic(path, data)
        except OSError:
            return None
        return path
