"""The Pagefind run: search records in, the search bundle (``pagefind/…``) out.

Pagefind's binary comes from the ``pagefind-bin`` package (nothing is downloaded). The records
go to it through its service protocol (:mod:`.service`), in the order given: page numbers, and
so the whole index, follow our order, not a file system's. :meth:`IndexRun.start` returns at
once; the binary works on the second core while MkDocs renders the pages, and
:meth:`IndexRun.files` waits for it. Pagefind 1.5.2 lists filters in a random order; that one
file is put in order (:mod:`.canonical`), so the same records give the same bundle, byte for
byte (tested).

Only what the JavaScript API needs is kept: ``pagefind.js``, the entry file, the WebAssembly
of each indexed language, the metadata, index, fragment and filter chunks — not Pagefind's
ready-made interfaces, its playground, or its web worker (``atlas-search.js`` searches on the
page: 12 KB less on a first search).
"""

from __future__ import annotations

import json
import os
import re
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .. import urls
from .canonical import canonical_bundle
from .service import ServiceError, index_pages

_KEEP = re.compile(
    r"^(pagefind\.js|pagefind-entry\.json|pagefind\.[\w-]+\.pf_meta"
    r"|(index|fragment|filter)/[\w-]+\.pf_(index|fragment|filter))$"
)


INDEX_CHUNK = 2000
"""Word locations per index chunk (Pagefind: 20,000). A search loads the chunks its words are in:
smaller chunks, fewer bytes for a first search (5,000 offers, "Dusche": 11 KB instead of 35 KB)."""


class SearchIndexError(RuntimeError):
    """Pagefind failed; the message carries what it said."""


def executable() -> Path:
    """The Pagefind binary shipped in the ``pagefind-bin`` wheel."""
    from pagefind_bin import get_executable

    return Path(get_executable())


@dataclass(frozen=True)
class Record:
    """One document for the index: the site path it stands for and its HTML."""

    path: str
    html: str


@dataclass
class IndexRun:
    """One Pagefind run over a set of records, in a thread: start, then collect the files."""

    records: tuple[Record, ...]
    then: Callable[[list[tuple[str, bytes]]], None] | None = None
    """Called in the run's thread with the files (the adapter writes them there, while MkDocs
    still renders: a thousand small files take a second on some disks)."""
    _thread: threading.Thread | None = None
    _result: list[tuple[str, bytes]] = field(default_factory=list)
    _error: BaseException | None = None

    def start(self) -> IndexRun:
        """Start indexing in the background (no records: nothing to run)."""
        if self.records:
            self._thread = threading.Thread(target=self._run, name="atlas-search-index", daemon=True)
            self._thread.start()
        return self

    def _run(self) -> None:
        try:
            pages = [("/" + record.path, record.html) for record in self.records]
            env = {**os.environ, "PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE": str(INDEX_CHUNK)}
            self._result = bundle_files(dict(index_pages(executable(), pages, env=env)))
            if self.then is not None:
                self.then(self._result)
        except BaseException as exc:  # handed to the caller of files()
            self._error = exc

    def files(self) -> list[tuple[str, bytes]]:
        """Wait for Pagefind; ``(site path, bytes)`` of every bundle file, sorted by path."""
        if self._thread is not None:
            self._thread.join()
        if self._error is not None:
            if isinstance(self._error, (ServiceError, OSError)):
                raise SearchIndexError(f"Suchindex: {self._error}") from self._error
            raise self._error
        return self._result

    def close(self) -> None:
        """Wait for a run still going (a service process ends with its answers)."""
        if self._thread is not None:
            self._thread.join()


def bundle_files(output: dict[str, bytes]) -> list[tuple[str, bytes]]:
    """The files of the JavaScript API from everything Pagefind wrote, in a fixed order."""
    output = canonical_bundle(output)
    entry = json.loads(output["pagefind-entry.json"])
    # a language without a stemmer (Ukrainian in Pagefind 1.5.2: "wasm": null) loads "unknown"
    wasm = {f"wasm.{lang.get('wasm') or 'unknown'}.pagefind" for lang in entry.get("languages", {}).values()}
    return sorted((urls.search_bundle_path(name), data) for name, data in output.items()
                  if _KEEP.match(name) or name in wasm)


def build_bundle(records: Iterable[Record]) -> list[tuple[str, bytes]]:
    """Index ``records`` and wait: the bundle files (for tools and tests outside a build)."""
    return IndexRun(tuple(records)).start().files()
