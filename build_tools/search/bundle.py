"""The Pagefind run: search records in, the search bundle (``pagefind/…``) out.

Pagefind's binary comes from the ``pagefind-bin`` package (nothing is downloaded). The records
are written as a little site of their own (``angebote/<id>/index.html``) into a temporary
folder, and ``pagefind --site`` indexes it there, so result URLs are the offers' site paths.
:meth:`IndexRun.start` returns at once: the binary works on the second core while MkDocs
renders the pages; :meth:`IndexRun.files` waits for it and hands back the bundle.

Only what the JavaScript API needs is kept: ``pagefind.js``, its worker, the entry file,
the WebAssembly of each indexed language, the metadata, index, fragment and filter chunks —
not Pagefind's ready-made interfaces or its playground. The same records give the same files,
byte for byte (tested).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .. import urls

_KEEP = re.compile(
    r"^(pagefind\.js|pagefind-worker\.js|pagefind-entry\.json|pagefind\.[\w-]+\.pf_meta"
    r"|(index|fragment|filter)/[\w-]+\.pf_(index|fragment|filter))$"
)


class SearchIndexError(RuntimeError):
    """Pagefind failed; the message carries what it printed."""


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
    """One Pagefind run over a set of records (start, then collect the files)."""

    records: tuple[Record, ...]
    _folder: Path | None = None
    _process: subprocess.Popen | None = None
    _log: list[str] = field(default_factory=list)

    def start(self) -> IndexRun:
        """Write the records and start Pagefind in the background (no records: nothing to run)."""
        if not self.records:
            return self
        self._folder = Path(tempfile.mkdtemp(prefix="atlas-search-"))
        site = self._folder / "site"
        for record in self.records:
            target = site / record.path / "index.html"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(record.html, encoding="utf-8")
        site.mkdir(exist_ok=True)
        self._process = subprocess.Popen(
            [str(executable()), "--site", str(site), "--output-path", str(self._folder / "out"),
             "--silent"],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
        )
        return self

    def files(self) -> list[tuple[str, bytes]]:
        """Wait for Pagefind; ``(site path, bytes)`` of every bundle file, sorted by path."""
        if not self.records:
            return []
        if self._process is None or self._folder is None:
            raise SearchIndexError("Pagefind wurde nicht gestartet")
        output, _ = self._process.communicate()
        try:
            if self._process.returncode != 0:
                raise SearchIndexError(f"Pagefind ist fehlgeschlagen ({self._process.returncode}):\n"
                                  + output.decode("utf-8", "replace"))
            return _bundle(self._folder / "out")
        finally:
            self.close()

    def close(self) -> None:
        """Stop Pagefind if it still runs and remove the temporary folder."""
        if self._process is not None and self._process.poll() is None:
            self._process.kill()
            self._process.wait()
        if self._folder is not None:
            shutil.rmtree(self._folder, ignore_errors=True)
            self._folder = None


def _bundle(out: Path) -> list[tuple[str, bytes]]:
    """The files of the JavaScript API from Pagefind's output folder."""
    entry = json.loads((out / "pagefind-entry.json").read_text(encoding="utf-8"))
    wasm = {f"wasm.{lang['wasm']}.pagefind" for lang in entry.get("languages", {}).values()
            if lang.get("wasm")}
    found = []
    for file in sorted(out.rglob("*")):
        name = file.relative_to(out).as_posix()
        if file.is_file() and (_KEEP.match(name) or name in wasm):
            found.append((urls.search_bundle_path(name), file.read_bytes()))
    return found


def build_bundle(records: Iterable[Record]) -> list[tuple[str, bytes]]:
    """Index ``records`` and wait: the bundle files (for tools and tests outside a build)."""
    return IndexRun(tuple(records)).start().files()
