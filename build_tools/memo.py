"""Remembering results between builds — of one long-lived process (``mkdocs serve``) and,
for pure results, of one project.

``mkdocs serve`` rebuilds the whole site after every saved file. Most inputs did not change,
so pure, expensive steps (parsing an unchanged YAML file, rendering a description's Markdown,
indexing a page for search, checking glyphs) can return what they returned last time. The
adapter owns a :class:`Memory` and passes it to every build (:func:`build_tools.build.load`,
:class:`build_tools.build.Tools`): :data:`FORGETFUL` holds nothing (checks, tests); a
:class:`StoredMemory` also keeps its tables of results keyed by their whole input (a YAML
text, a description's Markdown) in the project's cache, so the next build, in another
process, need not parse or render them again. There is no module-level switch.
"""

from __future__ import annotations

import contextlib
import hashlib
import pickle
import sys
from collections.abc import Callable, Hashable, Iterable
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any, TypeVar

from .atomic import write_atomic

T = TypeVar("T")
MAXSIZE = 16384
"""Results per table: every offer of a large atlas, bounded all the same."""


class Memory:
    """Results by table and key; nothing is kept when ``enabled`` is False."""

    def __init__(self, enabled: bool = True, maxsize: int = MAXSIZE) -> None:
        self.enabled = enabled
        self._maxsize = maxsize
        self._tables: dict[str, dict[Hashable, Any]] = {}

    def recall(self, table: str, key: Hashable | Callable[[], Hashable], make: Callable[[], T]) -> T:
        """``make()``, or what it returned last time for ``key`` in ``table``.

        ``key`` may be a callable, so that a costly key is only built while remembering.
        """
        if not self.enabled:
            return make()
        k = key() if callable(key) else key
        results = self._tables.setdefault(table, {})
        if k in results:
            self._used(table, k)
            return results[k]
        value = make()
        if len(results) >= self._maxsize:
            results.clear()
        results[k] = value
        self._used(table, k)
        return value

    def _used(self, table: str, key: Hashable) -> None:
        """Hook: ``key`` of ``table`` served this build (a stored memory keeps exactly those)."""

    def forget(self) -> None:
        """Drop everything remembered."""
        self._tables.clear()

    def share(self, name: str) -> None:
        """A forked process names its share of what is kept (only a stored memory keeps any)."""

    def save(self) -> None:
        """Keep what outlives the process (only a stored memory keeps any)."""


FORGETFUL = Memory(enabled=False)
"""For one-off builds and checks: remembers nothing, holds nothing."""


class StoredMemory(Memory):
    """A :class:`Memory` whose ``kept`` tables are read from ``folder`` and written back there.

    What is written is what this build used, so the store never holds more than one build's
    results (a deleted offer's Markdown is gone after the next build). Each process writes its
    own share (:meth:`share`), so the forked renderer's results are kept too. Every file
    carries ``version`` (:func:`code_version`): other code, another entry; an unreadable or
    foreign file is ignored. The store is the builder's own cache folder, like the PDF cache:
    pickles are read from nowhere else.
    """

    def __init__(self, folder: Path, kept: Iterable[str], version: str) -> None:
        super().__init__()
        self._folder, self._version, self._share = folder, version, "main"
        self._kept: dict[str, set[Hashable]] = {table: set() for table in kept}
        self._on_disk: dict[Path, set[Hashable]] = {}
        """The keys each file holds: a share used exactly those is not written again."""
        for table in self._kept:
            for path in sorted(folder.glob(f"{table}-*.pickle")):
                entries = self._read(path)
                self._on_disk[path] = set(entries)
                self._tables.setdefault(table, {}).update(entries)

    def _read(self, path: Path) -> dict[Hashable, Any]:
        try:
            stamp, entries = pickle.loads(path.read_bytes())
        except Exception:  # noqa: BLE001 - a broken or foreign cache file is only a cold start
            return {}
        return entries if stamp == self._version and isinstance(entries, dict) else {}

    def _used(self, table: str, key: Hashable) -> None:
        if table in self._kept:
            self._kept[table].add(key)

    def share(self, name: str) -> None:
        """From now on this process keeps its own share ``name`` (a forked renderer)."""
        self._share = name
        for used in self._kept.values():
            used.clear()

    def save(self) -> None:
        """Write what this process used, one file per table (not again when the file holds
        exactly that: 1,000 offers' YAML is 9 MB); a disk that refuses is no error."""
        for table, used in self._kept.items():
            results = self._tables.get(table, {})
            entries = {key: results[key] for key in used if key in results}
            path = self._folder / f"{table}-{self._share}.pickle"
            if self._on_disk.get(path) == set(entries):
                continue
            with contextlib.suppress(OSError):
                write_atomic(path, pickle.dumps((self._version, entries), pickle.HIGHEST_PROTOCOL))
                self._on_disk[path] = set(entries)

    def forget(self) -> None:
        super().forget()
        for used in self._kept.values():
            used.clear()


def code_version(package: Path, libraries: Iterable[str], data: Iterable[Path] = ()) -> str:
    """A digest of the package's Python sources, the ``libraries``' versions, Python's and the
    names and sizes of the files in the ``data`` folders (fonts): what stored results depend
    on besides their input."""
    digest = hashlib.sha256(sys.version.encode())
    for name in libraries:
        with contextlib.suppress(PackageNotFoundError):
            digest.update(f"{name}={version(name)}".encode())
    for source in sorted(package.rglob("*.py")):
        digest.update(source.relative_to(package).as_posix().encode() + b"\0" + source.read_bytes())
    for folder in data:
        for file in sorted(folder.rglob("*")):
            digest.update(f"{file.relative_to(folder).as_posix()}={file.stat().st_size}".encode())
    return digest.hexdigest()
