"""The ``atlas`` MkDocs plugin: a thin adapter from the catalog to MkDocs' virtual files.

Nothing is written into ``docs_dir``: every generated page and file is a ``File.generated``.
Pages hand over finished, escaped HTML; :meth:`on_page_content` puts it in place, so MkDocs'
Markdown never touches it. Works under MkDocs 1.6 and ProperDocs (same plugin API).

Generated pages are indexed for search by :mod:`build_tools.search_index` (the theme's own
indexer is told to skip them) and merged into the theme's index after the build. Under
`mkdocs serve` the plugin lives across rebuilds and reuses unchanged pages (:mod:`.serve_cache`).
"""

from __future__ import annotations

import gc
import json
import logging
from html import escape as html_escape
from pathlib import Path
from typing import Any

import yaml
from mkdocs.config import config_options
from mkdocs.config.base import BaseConfigOption
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files

from .. import memo, urls
from ..clock import build_date
from ..config import AtlasConfig, ConfigProblem, make_config
from ..content import display_path
from ..ledger import ledger_path
from ..outputs import BuildContext, GeneratedPage
from ..pages.assets import THEME_BUNDLE, asset_sources, without_cdn
from ..problems import ContentError, format_problems
from ..search_index import page_entries
from ..security.csp import apply_csp
from ..security.paths import UnsafePath
from . import site_build
from .search_merge import merge_entries
from .serve_cache import PageCache, environment_fingerprint, fingerprint
from .site_files import link_or_copy

log = logging.getLogger("mkdocs.plugins.atlas")


_HTML_META = ("title", "description")
# Search entries by page; remembered only under `mkdocs serve` (build_tools.memo).
_SEARCH_ENTRIES = memo.Memo()


class _Passthrough(BaseConfigOption):
    """Accept any value; :func:`make_config` (pydantic) validates the whole block at once."""

    def run_validation(self, value: object) -> object:
        return value


def _config_scheme() -> tuple[tuple[str, BaseConfigOption], ...]:
    # Derived from the one declaration of the settings, so MkDocs never calls an option unknown.
    return tuple((name, config_options.Optional(_Passthrough())) for name in AtlasConfig.model_fields)


class AtlasPlugin(BasePlugin):
    """Loads the catalog, adds every generated page and file, applies the CSP."""

    config_scheme = _config_scheme()
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.atlas: AtlasConfig | None = None
        self.content_dir: Path | None = None
        self._html: dict[str, str] = {}
        self._search: list[dict[str, str]] = []
        self._on_disk: list[tuple[Path, str]] = []
        self._serving = False
        self._cache = PageCache()
        self._fingerprints: dict[str, str] = {}

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Defining on_startup keeps this plugin alive across `mkdocs serve` rebuilds.
        self._serving = command == "serve"
        memo.enable(self._serving)

    def on_shutdown(self) -> None:
        memo.enable(False)

    # -- configuration ---------------------------------------------------------------------
    def on_config(self, config: Any) -> Any:
        options = {k: v for k, v in dict(self.config).items() if v is not None}
        try:
            self.atlas = make_config(options, config.site_url)
        except ConfigProblem as exc:
            raise PluginError(str(exc)) from None
        root = Path(config.config_file_path).parent if config.config_file_path else Path.cwd()
        self.content_dir = (root / self.atlas.content_dir).resolve()
        extra = config.extra
        extra["atlas"] = {
            "name": self.atlas.name,
            "sample_data": self.atlas.sample_data,
            "publisher": self.atlas.publisher or "",
        }
        return config

    # -- files -----------------------------------------------------------------------------
    def on_files(self, files: Files, config: Any) -> Files:
        assert self.atlas is not None and self.content_dir is not None
        try:
            catalog, problems = site_build.load(self.content_dir, self.atlas, build_date())
        except ContentError as exc:
            raise PluginError(
                f"{len(exc.problems)} Fehler im Inhalt:\n" + format_problems(exc.problems, "text")
            ) from None
        if problems:
            # Content warnings (e.g. "not checked for 12 months") are `atlas check`'s business;
            # they must not turn a --strict site build red the day a date passes.
            log.info("Hinweise zum Inhalt:\n%s", format_problems(problems, "text"))
        root = Path(config.config_file_path or ".").parent
        ledger = ledger_path(root)
        ctx = BuildContext(
            site_url=self.atlas.site_url,
            flyers=self.atlas.flyers,
            cache_dir=str(root / ".cache"),
            extra={
                "content_dir": str(self.content_dir),
                "ledger_path": str(ledger),
                "ledger_display": display_path(ledger),
            },
        )
        self._on_disk = []
        # The catalog lives for the whole build: keep it out of the cyclic GC's scans
        # (5,000 offers: 84 s → 75 s). Unfrozen after the build, so `serve` does not leak.
        gc.freeze()
        try:
            contribution = site_build.collect(catalog, ctx)
        except ContentError as exc:  # e.g. a printed URL that this content would break
            raise PluginError(
                f"{len(exc.problems)} Fehler:\n" + format_problems(exc.problems, "text")
            ) from None
        except (ConfigProblem, UnsafePath) as exc:  # a renderer's settings, or an unsafe path
            raise PluginError(str(exc)) from None
        self._add_pages(files, config, contribution.pages)
        for site_path, source in asset_sources():
            _replace(files, File.generated(config, site_path, abs_src_path=str(source)))
        for generated in contribution.files:
            if generated.source is not None:  # on disk already (cached flyer PDFs): linked after the build
                old = files.get_file_from_path(generated.path)
                if old is not None:
                    files.remove(old)
                self._on_disk.append((Path(generated.source), generated.path))
                continue
            data = generated.data
            if generated.path.endswith(".html"):  # alias redirect pages: same policy as pages
                data = self._apply_csp(data.decode("utf-8")).encode("utf-8")
            _replace(files, File.generated(config, generated.path, content=data))
        for theme_file in list(files):
            if theme_file.src_uri.endswith(".map") and theme_file.generated_by is None:
                files.remove(theme_file)  # the theme's source maps: debugging aids, CDN names inside
            elif THEME_BUNDLE.match(theme_file.src_uri) and theme_file.abs_src_path:
                text = Path(theme_file.abs_src_path).read_text(encoding="utf-8")
                _replace(files, File.generated(config, theme_file.src_uri, content=without_cdn(text)))
        return files

    def _add_pages(self, files: Files, config: Any, pages: list[GeneratedPage]) -> None:
        """Hand the pages to MkDocs; note their search entries; while serving, skip unchanged ones."""
        self._html = {}
        self._search = []
        self._fingerprints = {}
        in_nav = _nav_sources(config.nav)
        if self._serving:
            self._cache.start_build(self._environment(config))
        for page in pages:
            src_uri = urls.src_for_path(page.path)
            if page.markdown is None and not _search_excluded(page.meta):
                self._search.extend(self._entries(config, src_uri, page))
            if self._serving and src_uri not in in_nav:  # nav pages: always rendered
                digest = fingerprint(page.title, json.dumps(page.meta, sort_keys=True, default=str),
                                     page.markdown or "", page.html)
                if self._cache.reuse(src_uri, digest):
                    continue
                self._fingerprints[src_uri] = digest
            _replace(files, self._page_file(config, src_uri, page))

    def _page_file(self, config: Any, src_uri: str, page: GeneratedPage) -> File:
        meta = {"title": page.title, **page.meta}
        # Material's templates print page.title and page.meta.description without escaping
        # (<title>, header, search results, <meta content="…">): escape them here, once.
        for key in _HTML_META:
            if isinstance(meta.get(key), str):
                meta[key] = html_escape(meta[key], quote=True)
        if page.markdown is None and not _search_excluded(page.meta):
            meta["search"] = {**(meta.get("search") or {}), "exclude": True}  # indexed by us
        front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=True)
        body = page.markdown if page.markdown is not None else ""
        if page.markdown is None:
            self._html[src_uri] = page.html
        return File.generated(config, src_uri, content=f"---\n{front}---\n\n{body}")

    def _entries(self, config: Any, src_uri: str, page: GeneratedPage) -> list[dict[str, str]]:
        url = File(src_uri, None, config.site_dir, config.use_directory_urls).url
        location = "" if url in (".", "./") else url
        title = html_escape(page.title, quote=True)  # as Material shows page titles: escaped once
        return _SEARCH_ENTRIES.get(lambda: fingerprint(location, title, page.html),
                                   lambda: page_entries(location, title, page.html))

    def _environment(self, config: Any) -> str:
        config_file = Path(config.config_file_path) if config.config_file_path else None
        folders = [Path(config.docs_dir), Path(__file__).resolve().parents[2] / "site_templates"]
        custom_dir = config.theme.custom_dir
        if custom_dir:
            folders.append(Path(custom_dir))
        return environment_fingerprint(config_file, folders)

    # -- pages -----------------------------------------------------------------------------
    def on_page_content(self, html: str, page: Any, config: Any, files: Files) -> str:
        return self._html.get(page.file.src_uri, html)

    def on_post_page(self, output: str, page: Any, config: Any) -> str:
        output = self._apply_csp(output)
        digest = self._fingerprints.get(page.file.src_uri)
        if digest is not None:
            self._cache.remember(page.file.src_uri, digest, page.file.dest_uri, output)
        return output

    def on_post_template(self, output_content: str, template_name: str, config: Any) -> str:
        return self._apply_csp(output_content) if template_name.endswith(".html") else output_content

    def _apply_csp(self, html: str) -> str:
        if self.atlas is None:
            return html
        return apply_csp(html, self.atlas.map.tiles)

    @event_priority(-100)  # after the theme's search plugin has written its index
    def on_post_build(self, config: Any) -> None:
        site_dir = Path(config.site_dir)
        for source, path in self._on_disk:
            link_or_copy(source, site_dir / path)
        self._on_disk = []
        if self._serving:
            reused = self._cache.finish_build(site_dir)
            if reused:
                log.info("atlas: %d unveränderte Seiten aus dem letzten Durchlauf übernommen", reused)
        merge_entries(site_dir, self._search)
        self._search = []
        gc.unfreeze()

    def on_build_error(self, error: Exception) -> None:
        self._cache.abandon_build()
        gc.unfreeze()

    # -- serve -----------------------------------------------------------------------------
    def on_serve(self, server: Any, config: Any, builder: Any) -> Any:
        if self.content_dir is not None:
            server.watch(str(self.content_dir))
        root = Path(__file__).resolve().parents[2] / "site_templates"
        if root.is_dir():
            server.watch(str(root))
        return server


def _nav_sources(nav: Any) -> set[str]:
    """Source paths named in mkdocs.yml's ``nav`` (strings anywhere in its nested lists/dicts)."""
    found: set[str] = set()
    stack = [nav]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            found.add(item)
        elif isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return found


def _search_excluded(meta: dict[str, Any]) -> bool:
    return bool((meta.get("search") or {}).get("exclude"))


def _replace(files: Files, new: File) -> None:
    """Add ``new``, dropping a file with the same source or destination (generated wins)."""
    old = files.get_file_from_path(new.src_uri)
    if old is not None:
        log.debug("atlas: %s ersetzt die Datei aus docs_dir", new.src_uri)
        files.remove(old)
    files.append(new)
