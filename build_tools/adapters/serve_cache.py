"""Reuse unchanged pages between `mkdocs serve` rebuilds.

`mkdocs serve` rebuilds the whole site after every saved file; at 1,000 offers most of that
time goes into pushing ~1,000 unchanged pages through the theme's templates again. While
serving, the plugin remembers each generated page's finished HTML under a fingerprint of its
source and of everything around it that the theme renders (mkdocs.yml, hand-written pages,
templates). A page whose fingerprint is unchanged is not handed to MkDocs again: its previous
output is written back after the build. Anything around the pages changes → everything is
rendered anew.

MkDocs-free: the plugin passes paths and strings.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path


@dataclass
class CachedPage:
    """One page's rendered output from an earlier build."""

    fingerprint: str
    dest: str
    output: str


def fingerprint(*parts: str) -> str:
    """A short digest of strings (page source, page HTML, environment)."""
    digest = hashlib.blake2b(digest_size=16)
    for part in parts:
        data = part.encode("utf-8", "surrogatepass")
        digest.update(len(data).to_bytes(8, "little"))
        digest.update(data)
    return digest.hexdigest()


def environment_fingerprint(config_file: Path | None, folders: list[Path]) -> str:
    """Everything besides a page's own source that shapes its output.

    The config file's bytes and, for every file under ``folders`` (hand-written pages, theme
    overrides, templates), its path, size and modification time.
    """
    parts = [config_file.read_text(encoding="utf-8") if config_file and config_file.is_file() else ""]
    for folder in folders:
        if not folder.is_dir():
            continue
        for root, dirs, names in os.walk(folder):
            dirs.sort()
            for name in sorted(names):
                stat = os.stat(os.path.join(root, name))
                parts.append(f"{os.path.join(root, name)}\0{stat.st_size}\0{stat.st_mtime_ns}")
    return fingerprint(*parts)


class PageCache:
    """Rendered pages of the previous serve build, valid while the environment is the same."""

    def __init__(self) -> None:
        self._environment: str | None = None
        self._pages: dict[str, CachedPage] = {}
        self._next: dict[str, CachedPage] = {}
        self.reused: list[CachedPage] = []

    def start_build(self, environment: str) -> None:
        """Begin a build; a different environment empties the cache."""
        if environment != self._environment:
            self._pages = {}
        self._environment = environment
        self._next = {}
        self.reused = []

    def reuse(self, src_uri: str, page_fingerprint: str) -> bool:
        """True (and the page is kept for writing back) when its output is known and current."""
        cached = self._pages.get(src_uri)
        if cached is None or cached.fingerprint != page_fingerprint:
            return False
        self._next[src_uri] = cached
        self.reused.append(cached)
        return True

    def remember(self, src_uri: str, page_fingerprint: str, dest: str, output: str) -> None:
        """Keep a freshly rendered page for the next build."""
        self._next[src_uri] = CachedPage(page_fingerprint, dest, output)

    def finish_build(self, site_dir: Path) -> int:
        """Write the reused pages into ``site_dir``; the pages of this build become the cache."""
        for cached in self.reused:
            target = site_dir / cached.dest
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(cached.output.encode("utf-8"))
        self._pages = self._next
        self._next = {}
        return len(self.reused)

    def abandon_build(self) -> None:
        """A build failed: forget what it rendered, keep the cache of the last good build."""
        self._next = {}
        self.reused = []
