"""What renderers hand to adapters: pages and files, as plain values.

Each renderer family has a ``site`` module with ``contribute(catalog, context) -> Contribution``.
The MkDocs plugin (and any other adapter: a plain writer, ProperDocs, Zensical) turns pages into
virtual files and writes files into the output folder. Renderers never touch the disk.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class GeneratedPage:
    """A page for the site.

    ``path`` is the site path from :mod:`build_tools.urls` (``angebote/tafel-nord/``);
    ``html`` is the page body — already escaped and sanitised by the renderer;
    ``meta`` is front matter for the theme (``template``, ``robots``, ``search``, ``hide``).
    """

    path: str
    title: str
    html: str
    meta: dict[str, Any] = field(default_factory=dict)
    markdown: str | None = None
    """Optional Markdown source instead of ``html`` (for pages the theme should render)."""


@dataclass
class GeneratedFile:
    """A file copied verbatim into the site (``daten/angebote.csv``, ``flyers/x-karte.pdf``).

    Either ``data`` holds the bytes, or ``source`` names a file on disk with them (cached flyer
    PDFs: at 10,000 offers holding 20,000 PDFs in memory would cost ~900 MB). Adapters copy a
    ``source``; :meth:`read` gives the bytes either way.
    """

    path: str
    data: bytes = b""
    source: str | None = None

    def read(self) -> bytes:
        """The file's bytes (read from ``source`` when there is one)."""
        if self.source is not None:
            with open(self.source, "rb") as handle:
                return handle.read()
        return self.data


@dataclass
class Contribution:
    """Pages and files one renderer family adds to a build."""

    pages: list[GeneratedPage] = field(default_factory=list)
    files: list[GeneratedFile] = field(default_factory=list)

    def extend(self, other: Contribution) -> None:
        """Add another contribution's pages and files to this one."""
        self.pages.extend(other.pages)
        self.files.extend(other.files)


@dataclass
class BuildContext:
    """Facts about the build that renderers may need besides the catalog."""

    site_url: str | None = None
    language: str = "de"
    flyers: bool = True
    cache_dir: str | None = None
    """Where renderers may keep a content-hash cache (flyer PDFs); None disables it."""
    extra: dict[str, Any] = field(default_factory=dict)


# Renderer families the adapters ask, in order (each module has ``contribute``).
SITE_CONTRIBUTORS = [
    "build_tools.pages.site",
    "build_tools.maps.site",
    "build_tools.flyers.site",
    "build_tools.exports.site",
    "build_tools.planning.site",
    "build_tools.ledger.site",
]
