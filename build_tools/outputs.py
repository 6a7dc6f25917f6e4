"""What renderers hand to the driver and the adapters: pages and files, as plain values.

A renderer family (see :data:`build_tools.build.FAMILIES`) returns a :class:`Contribution`.
Adapters (the MkDocs plugin, ``atlas flyers``) turn pages into virtual files and write files
into the output folder; renderers never touch the disk.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


@dataclass
class GeneratedPage:
    """A page for the site.

    ``path`` is the site path from :mod:`build_tools.urls` (``angebote/tafel-nord/``);
    ``html`` is the page body — already escaped and sanitised by the renderer;
    ``meta`` is front matter for the theme (``template``, ``robots``, ``hide``);
    ``search`` is the page's search record (:mod:`build_tools.search.records`), None for pages
    the search never finds.
    """

    path: str
    title: str
    html: str
    meta: dict[str, Any] = field(default_factory=dict)
    markdown: str | None = None
    """Optional Markdown source instead of ``html`` (for pages the theme should render)."""
    search: str | None = None
    """The HTML document the search index reads for this page (None: not in the search)."""


@dataclass
class GeneratedFile:
    """A file copied verbatim into the site (``daten/angebote.csv``, ``flyers/x-karte.pdf``).

    Its bytes are in ``data``, or on disk at ``source`` (cached flyer PDFs: at 10,000 offers
    holding 20,000 PDFs in memory would cost ~900 MB), or still to be made: ``make()`` returns
    them and ``key`` is their content hash. The driver makes deferred files (in parallel, through
    the PDF cache) before adapters see them; :meth:`read` gives the bytes in every case.
    """

    path: str
    data: bytes = b""
    source: str | None = None
    make: Callable[[], bytes] | None = None
    key: str | None = None

    @property
    def deferred(self) -> bool:
        """True while the bytes are still to be made."""
        return self.make is not None and self.source is None and not self.data

    def read(self) -> bytes:
        """The file's bytes (read from ``source``, or made now when deferred)."""
        if self.source is not None:
            with open(self.source, "rb") as handle:
                return handle.read()
        if self.deferred:
            assert self.make is not None
            return self.make()
        return self.data


@dataclass
class Contribution:
    """Pages and files one renderer family adds to a build."""

    pages: list[GeneratedPage] = field(default_factory=list)
    files: list[GeneratedFile] = field(default_factory=list)
    fragments: dict[str, str] = field(default_factory=dict)
    """Marker name → HTML that replaces ``<!-- atlas:NAME -->`` in hand-written pages (the
    privacy page's map paragraph, written from the actual settings)."""

    def extend(self, other: Contribution) -> None:
        """Add another contribution's pages, files and fragments to this one."""
        self.pages.extend(other.pages)
        self.files.extend(other.files)
        self.fragments.update(other.fragments)
