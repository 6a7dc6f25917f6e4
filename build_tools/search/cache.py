"""Search bundles remembered by the hash of their records: a warm build runs no Pagefind.

Pagefind's output depends on nothing but the records (in their order), its own version, the
chunk size and our post-processing (:mod:`.bundle`, :mod:`.canonical`); the bundle is
deterministic (tested), so a bundle made before from the same key is the bundle a fresh run
would make. An entry is a folder ``<dir>/<key>/`` holding the bundle's files under their site
paths and a manifest; the site gets hard links to them (:func:`~build_tools.adapters.site_files.link_or_copy`).
A changed record, a Pagefind upgrade or a change of our search code gives another key.

Only the last :data:`KEEP` bundles stay: an atlas is rebuilt from a handful of states at a time
(a branch, a preview); older entries are removed when a new one is stored.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Iterable
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from .bundle import INDEX_CHUNK, Record

KEEP = 3
"""Bundles kept (the newest by the time they were stored)."""
MANIFEST = "files.json"
_HERE = Path(__file__).resolve().parent


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """Hash of what turns records into a bundle besides the records: Pagefind's version, the
    chunk size and the search package's own code."""
    digest = hashlib.sha256()
    try:
        digest.update(metadata.version("pagefind-bin").encode())
    except metadata.PackageNotFoundError:
        digest.update(b"pagefind-bin: unknown")
    digest.update(str(INDEX_CHUNK).encode())
    for path in sorted(_HERE.glob("*.py")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def bundle_key(records: Iterable[Record]) -> str:
    """The content hash of the bundle ``records`` make (their order counts: it numbers pages)."""
    digest = hashlib.sha256(code_fingerprint().encode())
    for record in records:
        for part in (record.path, record.html):
            data = part.encode("utf-8")
            digest.update(len(data).to_bytes(8, "big"))
            digest.update(data)
    return digest.hexdigest()


class BundleCache:
    """``<folder>/<key>/`` per bundle; entries appear by rename, complete or not at all."""

    def __init__(self, folder: str | Path) -> None:
        self.folder = Path(folder)

    def get(self, key: str) -> list[tuple[str, Path]] | None:
        """``(site path, file in the cache)`` of every file of the bundle, or None."""
        entry = self.folder / key
        try:
            paths = json.loads((entry / MANIFEST).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        found = [(path, entry / path) for path in paths]
        if not all(file.is_file() for _, file in found):
            return None
        return found

    def put(self, key: str, files: list[tuple[str, bytes]]) -> list[tuple[str, Path]] | None:
        """Store a bundle; where its files now lie (None when the disk refuses: no error)."""
        entry = self.folder / key
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            staging = Path(tempfile.mkdtemp(prefix=f".{key[:12]}-", dir=self.folder))
            for folder in sorted({(staging / path).parent for path, _ in files}):
                folder.mkdir(parents=True, exist_ok=True)
            for path, data in files:
                (staging / path).write_bytes(data)
                os.chmod(staging / path, 0o644)  # the site links these files
            (staging / MANIFEST).write_text(json.dumps([path for path, _ in files]), encoding="utf-8")
            os.chmod(staging, 0o755)
            try:
                os.rename(staging, entry)
            except OSError:  # stored by another build meanwhile: the same bytes
                shutil.rmtree(staging, ignore_errors=True)
        except OSError:
            return None
        self._prune(keep=entry)
        return self.get(key)

    def _prune(self, keep: Path) -> None:
        entries = [p for p in self.folder.iterdir() if p.is_dir() and not p.name.startswith(".")]
        entries.sort(key=lambda p: (p.stat().st_mtime_ns, p.name), reverse=True)
        for old in [p for p in entries if p != keep][KEEP - 1:]:
            shutil.rmtree(old, ignore_errors=True)
