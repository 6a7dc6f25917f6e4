"""The ``atlas`` MkDocs plugin: the adapter from the two-phase build to MkDocs' virtual files.

:mod:`build_tools.build` loads and renders; this module only hands the result to MkDocs.
Nothing is written into ``docs_dir``: every generated page and file is a ``File.generated``.
Pages hand over finished, escaped HTML; :meth:`on_page_content` puts it in place, so MkDocs'
Markdown never touches it. Works under MkDocs 1.6 and ProperDocs (same plugin API).

The package's Material overrides and stylesheets are added here, behind the project's own
``custom_dir``, so a project's ``mkdocs.yml`` needs nothing but ``theme: material`` and the plugin.

Under ``mkdocs serve`` the plugin lives across rebuilds: QR codes and the printed-URL checks keep
the published ``site_url`` (not the preview address), unchanged pages are reused
(:mod:`.serve_cache`), a content error becomes a page in the browser instead of a stuck preview
(:mod:`.preview`), and the preview reloads itself after each rebuild.

Search: the pages' search records go to Pagefind (:mod:`build_tools.search.bundle`) as soon as
the pages are rendered; the binary indexes them on the second core while MkDocs writes the
site, and the bundle lands in ``pagefind/`` after the build. Only the search page may compile
WebAssembly (its policy allows ``'wasm-unsafe-eval'``).
"""

from __future__ import annotations

import gc
import json
import logging
import shutil
from functools import partial
from html import escape as html_escape
from pathlib import Path
from typing import Any

from mkdocs.config import config_options
from mkdocs.config.base import BaseConfigOption
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from .. import build, capacity, resources, urls
from ..clock import build_date
from ..config import AtlasConfig
from ..i18n import catalogue
from ..memo import FORGETFUL, Memory
from ..outputs import Contribution, GeneratedPage
from ..pages import handwritten
from ..pages.alerts import with_site_banner
from ..pages.assets import STYLESHEETS, THEME_BUNDLE, asset_sources, shipped_css, without_cdn
from ..pages.not_found import not_found_context
from ..pages.privacy import fill_fragments
from ..pages.tree_nav import tree_nav, tree_versions
from ..parallel import Alongside
from ..precompress import precompress
from ..problems import ContentError, Problem, format_problems
from ..project import Project, open_project
from ..schema import Alert
from ..search.bundle import IndexRun, Record, SearchIndexError
from ..search.cache import BundleCache, bundle_key
from ..security.csp import apply_csp
from ..security.paths import UnsafePath
from ..templating import Templates, compiled_templates
from . import preview, shell
from .serve_cache import PageCache, environment_fingerprint, fingerprint
from .site_files import Delivery, deliver, link_into

log = logging.getLogger("mkdocs.plugins.atlas")

_HTML_META = ("title", "description")
_THEME_SEARCH = ("assets/javascripts/lunr/", "assets/javascripts/workers/search.")
"""Material's own search (lunr and its worker), which no page loads without its search plugin."""
FRAME_KEYS = ("sample_label", "sample_text", "footer_label", "footer_imprint", "footer_privacy",
              "footer_accessibility", "footer_easy_language", "footer_open_data")
"""Catalogue texts of the frame around a language tree's page (main.html, copyright.html)."""


class _Passthrough(BaseConfigOption):
    """Accept any value; :func:`~build_tools.project.validate_settings` checks the whole block."""

    def run_validation(self, value: object) -> object:
        return value


def _config_scheme() -> tuple[tuple[str, BaseConfigOption], ...]:
    # Derived from the one declaration of the settings, so MkDocs never calls an option unknown;
    # options of earlier versions pass too, so that the settings check can say where they went.
    from ..config import MOVED_OPTIONS

    names = [*AtlasConfig.model_fields, *MOVED_OPTIONS]
    return tuple((name, config_options.Optional(_Passthrough())) for name in names)


class AtlasPlugin(BasePlugin):
    """Loads and renders the atlas, adds every generated page and file, applies the CSP."""

    config_scheme = _config_scheme()
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.project: Project | None = None
        self._problems: list[Problem] = []
        self._html: dict[str, str] = {}
        self._fragments: dict[str, str] = {}
        self._index_run: IndexRun | None = None
        self._bundle: tuple[str, list[tuple[str, bytes]]] | None = None
        self._index_digest = ""
        self._cached_bundle: list[tuple[str, Path]] | None = None
        # every language tree's search page runs Pagefind's WebAssembly (the CSP allows it there)
        self._search_srcs = {urls.src_for_path(urls.language_path(code, urls.search_path()))
                             for code in (urls.SOURCE_LANGUAGE, *sorted(urls.tree_languages()))}
        self._delivery: Alongside[int] | None = None
        self._delivered: frozenset[str] = frozenset()
        """Site paths our files were delivered to (:meth:`_deliver`), their twins with them."""
        self._serving = False
        self._cache = PageCache()
        self._fingerprints: dict[str, str] = {}
        self._built_paths: set[str] = set()
        self._memory: Memory = FORGETFUL
        self._gc_threshold: tuple[int, ...] = gc.get_threshold()
        self._alerts: list[Alert] = []
        """Alerts of the last good build: hand-written pages get the site-wide ones."""
        self._connect: frozenset[str] = frozenset()
        """Origins of the atlas' capacity files: what a page's connect-src may name."""
        self._templates: Templates | None = None
        self._env: Any = None
        self._nav: Any = None
        self._titles: dict[str, str] = {}
        """Site path → title (escaped as in the page's meta) of every generated page of the
        build, reused ones too: the trees' navigation must not lose a page the cache kept."""
        self._shells: shell.ShellRenderer | None = None
        self._shell_templates: dict[str, str | None] = {}
        self._sources: set[str] = set()
        """Shelled pages (:mod:`.shell`) → the template they would have been rendered with."""

    @property
    def atlas(self) -> AtlasConfig | None:
        """The validated settings (None until configured, or when they have errors)."""
        return self.project.settings if self.project else None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Defining on_startup keeps this plugin alive across `mkdocs serve` rebuilds: then it
        # owns what is remembered between them (build_tools.memo).
        self._serving = command == "serve"
        self._memory = FORGETFUL

    def on_shutdown(self) -> None:
        self._memory = FORGETFUL

    # -- configuration ---------------------------------------------------------------------
    def on_config(self, config: Any) -> Any:
        options = {k: v for k, v in dict(self.config).items() if v is not None}
        config_file = Path(config.config_file_path) if config.config_file_path else None
        # The preview serves at localhost, but QR codes and printed URLs keep the published
        # address from mkdocs.yml; a build (atlas build --site-url) says which one it means.
        site_url = None if self._serving else config.site_url
        self.project, self._problems = open_project(config_file, options=options, site_url=site_url)
        if self.project is None and not self._serving:
            raise PluginError(_problem_text(self._problems))
        _add_theme_parts(config)
        if "material/search" in config.plugins or "search" in config.plugins:
            # Projects made before the Pagefind search still list Material's plugin: it only
            # costs build time now (its box is gone from the header, its files from the site).
            log.info("atlas: das search-Plugin in mkdocs.yml wird nicht mehr gebraucht "
                     "(die Suche baut das atlas-Plugin) und kann entfernt werden")
        if self.project is not None:
            config.extra["atlas"] = {
                "name": self.project.settings.name,
                "sample_data": self.project.settings.sample_data,
                "publisher": self.project.settings.publisher or "",
                "search": urls.search_path(),
                # the header's search link on a page of a language tree: that tree's search
                "search_in": {code: {"path": urls.language_path(code, urls.search_path()),
                                     "label": catalogue(code).ui["search"]}
                              for code in self.project.settings.languages
                              if code in urls.tree_languages()},
                # the sample banner and the footer on a page of a language tree, in its words
                "frame_in": {code: {key: catalogue(code).ui[key] for key in FRAME_KEYS}
                             for code in self.project.settings.languages
                             if code in urls.tree_languages()},
                "not_found": not_found_context(self.project.settings),
            }
        return config

    # -- files -----------------------------------------------------------------------------
    def on_files(self, files: Files, config: Any) -> Files:
        contribution = self._render()
        if contribution is None:  # content or settings errors while serving: show them
            contribution = preview.error_pages(self._problems, self._paths_to_cover())
            preview.quiet_validation(config)
        self._built_paths = {page.path for page in contribution.pages}
        self._sources = {f.src_uri for f in files if f.is_documentation_page()}
        self._fragments = contribution.fragments
        self._start_index(contribution.pages, Path(config.site_dir))
        self._add_pages(files, config, contribution.pages)
        for site_path, source in asset_sources():
            if site_path.endswith(".css"):
                _replace(files, File.generated(config, site_path, content=shipped_css(source)))
            else:
                _replace(files, File.generated(config, site_path, abs_src_path=str(source)))
        delivery = Delivery(bundle_dir=urls.search_bundle_path())
        for generated in contribution.files:
            if generated.source is not None:  # on disk already (cached flyer PDFs): linked
                old = files.get_file_from_path(generated.path)
                if old is not None:
                    files.remove(old)
                delivery.linked.append((generated.path, Path(generated.source)))
            else:
                delivery.written.append((generated.path, generated.data))
                _replace(files, WrittenAside.generated(config, generated.path, content=generated.data))
        delivery.bundle = self._cached_bundle or []  # the search bundle the cache had
        self._deliver(Path(config.site_dir), delivery)
        for theme_file in list(files):
            if theme_file.src_uri.endswith(".map") and theme_file.generated_by is None:
                files.remove(theme_file)  # the theme's source maps: debugging aids, CDN names inside
            elif theme_file.src_uri.startswith(_THEME_SEARCH) and theme_file.generated_by is None:
                files.remove(theme_file)  # Material's lunr search: Pagefind replaced it
            elif THEME_BUNDLE.match(theme_file.src_uri) and theme_file.abs_src_path:
                text = Path(theme_file.abs_src_path).read_text(encoding="utf-8")
                _replace(files, File.generated(config, theme_file.src_uri, content=without_cdn(text)))
        return files

    def _deliver(self, site_dir: Path, delivery: Delivery) -> None:
        """Our files into the site in a forked process while MkDocs renders the pages
        (:mod:`.site_files`); their twins too, except while serving."""
        cache = self.project.cache_dir / "gzip" if self.project else None

        def twins(site: Path, paths: list[str]) -> int:
            return precompress(site, cache, paths=paths)

        # alias redirect pages and the other HTML files: the same policy as pages
        work = partial(deliver, site_dir, delivery, self._apply_csp, None if self._serving else twins)
        self._delivered = frozenset(delivery.paths())
        self._delivery = Alongside(work)

    def _render(self) -> Contribution | None:
        """Load and render; problems raise (a build) or come back as None (the preview)."""
        self._alerts = []
        self._connect = frozenset()
        if self.project is None:
            return None
        # The catalog lives for the whole build: keep it out of the cyclic GC's scans
        # (5,000 offers: 84 s → 75 s). Unfrozen after the build, so `serve` does not leak.
        gc.freeze()
        # A build makes millions of small objects that live to its end (pages, contexts): the
        # young generation is scanned a hundred times less often (1,000 offers: CPU 0.92 ×,
        # five alternating pairs); restored after the build.
        self._gc_threshold = gc.get_threshold()
        gc.set_threshold(GC_YOUNG, *self._gc_threshold[1:])
        if not (self._serving and self._memory.enabled):
            self._memory = build.stored_memory(self.project)  # serve: one for all its builds
        try:
            inputs = build.load(self.project, build_date(), self._memory)
            if inputs.warnings:
                # Content warnings (e.g. "not checked for 12 months") are `atlas check`'s
                # business; they must not turn a --strict site build red the day a date passes.
                log.info("Hinweise zum Inhalt:\n%s", format_problems(inputs.warnings, "text"))
            tools = build.Tools.for_project(self.project, memory=self._memory)
            contribution = build.render(inputs, tools)
            self._alerts, self._templates = list(inputs.catalog.alerts), tools.templates
            self._connect = capacity.origins(list(inputs.catalog.offers), inputs.catalog.config)
            stats = tools.flyer_stats
            if stats:
                log.info("Flyer: %d erzeugt, %d aus dem Cache", stats["rendered"], stats["cached"])
        except ContentError as exc:
            self._problems = exc.problems
        except UnsafePath as exc:
            self._problems = [Problem("", 1, 1, "", str(exc))]
        else:
            self._problems = []
            return contribution
        if not self._serving:
            raise PluginError(_problem_text(self._problems))
        preview.report(self._problems)
        return None

    def _paths_to_cover(self) -> list[str]:
        """Pages an editor may have open when the content breaks: all of the last good build."""
        found = set(self._built_paths) | {""}
        if self.project is not None:
            offers = self.project.content_dir / "offers"
            if offers.is_dir():
                found |= {urls.offer_path(p.stem) for p in offers.glob("*.yml") if not p.name.startswith(".")}
        return sorted(found)

    def _start_index(self, pages: list[GeneratedPage], site_dir: Path) -> None:
        """Start Pagefind over the pages' search records; it works, and its files are written,
        while MkDocs renders (MkDocs has cleaned ``site_dir`` already and never writes ``pagefind/``).

        Records a bundle was made from before need no run at all: while serving the bundle of
        the last build is kept in memory; otherwise it comes from the project's cache
        (:mod:`build_tools.search.cache`, keyed by the records' hash) and is linked after the build.
        """
        self._close_index()
        records = tuple(Record(page.path, page.search) for page in pages if page.search is not None)
        digest = bundle_key(records)
        if self._bundle is not None and self._bundle[0] == digest:
            return
        self._bundle = None
        self._index_digest = digest
        cache = BundleCache(self.project.cache_dir / "search") if self.project and records else None
        self._cached_bundle = cache.get(digest) if cache else None
        if self._cached_bundle is not None:
            return

        def then(files: list[tuple[str, bytes]]) -> None:  # in Pagefind's thread
            stored = cache.put(digest, files) if cache else None
            if stored is None:
                _write_bundle(site_dir, files)
            else:
                link_into(site_dir, stored, replacing=urls.search_bundle_path())

        self._index_run = IndexRun(records, then=then).start()

    def _finish_index(self, site_dir: Path) -> None:
        """Wait for Pagefind (its thread has written the bundle); a kept bundle is written here."""
        if self._index_run is not None:
            run, self._index_run = self._index_run, None
            try:
                files = run.files()
            except SearchIndexError as exc:
                if not self._serving:
                    raise PluginError(str(exc)) from exc
                log.error("atlas: %s", exc)  # the preview goes on without search
                return
            self._bundle = (self._index_digest, files) if self._serving else None
            count = len(files)
        elif self._cached_bundle is not None:  # from the cache: delivered with our files
            linked, self._cached_bundle = self._cached_bundle, None
            if self._serving:
                self._bundle = (self._index_digest, [(path, file.read_bytes()) for path, file in linked])
            log.info("atlas: Suchindex mit %d Dateien aus dem Cache übernommen", len(linked))
            return
        elif self._bundle is not None:
            files = self._bundle[1]
            _write_bundle(site_dir, files)
            count = len(files)
        else:
            return
        log.info("atlas: Suchindex mit %d Dateien geschrieben", count)

    def _close_index(self) -> None:
        if self._index_run is not None:
            self._index_run.close()
            self._index_run = None

    def _add_pages(self, files: Files, config: Any, pages: list[GeneratedPage]) -> None:
        """Hand the pages to MkDocs; while serving, skip unchanged ones."""
        self._html = {}
        self._fingerprints = {}
        self._shells = shell.ShellRenderer() if shell.enabled() else None
        self._shell_templates = {}
        in_nav = _nav_sources(config.nav)
        self._titles = {page.path: html_escape(page.title, quote=True) for page in pages}
        if self._serving:
            self._cache.start_build(self._environment(config))
        for page in pages:
            src_uri = urls.src_for_path(page.path)
            if self._serving and src_uri not in in_nav:  # nav pages: always rendered
                digest = fingerprint(page.title, json.dumps(page.meta, sort_keys=True, default=str),
                                     page.markdown or "", page.html)
                if self._cache.reuse(src_uri, digest):
                    continue
                self._fingerprints[src_uri] = digest
            file = self._page_file(config, src_uri, page)
            _replace(files, file)
            if page.markdown is None and src_uri not in in_nav:  # nav pages get their nav title
                HtmlPage(None, file, config)

    def _page_file(self, config: Any, src_uri: str, page: GeneratedPage) -> File:
        meta = {"title": page.title, **page.meta}
        # Material's templates print page.title and page.meta.description without escaping
        # (<title>, header, search results, <meta content="…">): escape them here, once.
        for key in _HTML_META:
            if isinstance(meta.get(key), str):
                meta[key] = html_escape(meta[key], quote=True)
        # JSON is YAML (a flow mapping MkDocs' front-matter reader takes as it is) and 40 × faster
        # to write than yaml.safe_dump: 3 s of a 1,000-offer build with five languages.
        front = json.dumps(meta, ensure_ascii=False, sort_keys=True, separators=(", ", ": "),
                           default=str) + "\n"
        body = page.markdown if page.markdown is not None else ""
        if page.markdown is None:
            self._html[src_uri] = page.html
        return File.generated(config, src_uri, content=f"---\n{front}---\n\n{body}")

    def _environment(self, config: Any) -> str:
        config_file = Path(config.config_file_path) if config.config_file_path else None
        folders = [Path(config.docs_dir), resources.package_dir()]
        if config.theme.custom_dir:
            folders.append(Path(config.theme.custom_dir))
        return environment_fingerprint(config_file, folders)

    # -- pages -----------------------------------------------------------------------------
    def on_page_content(self, html: str, page: Any, config: Any, files: Files) -> str:
        generated = self._html.get(page.file.src_uri)
        html = generated if generated is not None else fill_fragments(html, self._fragments)
        if generated is None:
            html = self._with_translations(html, page)
        if self._alerts and self._templates is not None:  # site-wide alerts on every page
            html = with_site_banner(html, self._templates, page.url, self._alerts)
        if (generated is not None and self._shells is not None
                and page.meta.get("atlas_page") in shell.SHELL_PAGES):
            # MkDocs picks the template before on_page_context: the shelled page's template
            # prints what on_page_context fills in; its own is remembered and restored there.
            self._shell_templates[page.file.src_uri] = page.meta.get("template")
            page.meta["template"] = shell.FILLED_TEMPLATE
        return html

    def _with_translations(self, html: str, page: Any) -> str:
        """A hand-written page that exists in further languages: its meta (language,
        alternates) and its language switch below the heading."""
        found = handwritten.split_source(page.file.src_uri)
        if found is None or self._templates is None or self.project is None:
            return html
        lang, name = found
        present = handwritten.page_languages(name, self._sources,
                                             list(self.project.settings.languages))
        if len(present) < 2 or lang not in present:
            return html
        page.meta.update(handwritten.handwritten_meta(page.meta, lang, name, present,
                                                      self.project.settings.site_url))
        switch = self._templates.render("handwritten_switch.html",
                                        **handwritten.switch_context(lang, name, present))
        head, sep, rest = html.partition("</h1>")
        return head + sep + switch + rest if sep else switch + html

    def on_nav(self, nav: Any, config: Any, files: Files) -> Any:
        self._nav = nav
        return nav

    def on_env(self, env: Any, config: Any, files: Files) -> Any:
        self._env = env
        if self.project is not None and env.bytecode_cache is None:
            env.bytecode_cache = compiled_templates(self.project.cache_dir / "jinja")  # the theme's too
        atlas = config.extra.get("atlas")
        if atlas is not None and self.project is not None and self._nav is not None:
            # Every page has been read by now (on_env comes after), so the trees' titles are
            # known; generated pages count even when `serve` reused them (they are not in files).
            pages = [*self._titles.items(), *((f.page.url, f.page.title or "")
                                              for f in files.documentation_pages() if f.page is not None)]
            atlas["nav_in"] = {code: tree_nav(self._nav.items, code, tree_versions(pages, code),
                                              catalogue(code).ui["nav_home"], catalogue(code).ui["german"])
                               for code in self.project.settings.languages
                               if code in urls.tree_languages()}
        return env

    def on_page_context(self, context: Any, page: Any, config: Any, nav: Any) -> Any:
        if self._shells is None or page.file.src_uri not in self._shell_templates:
            return context
        own = self._shell_templates.pop(page.file.src_uri)
        if own is None:
            del page.meta["template"]
        else:
            page.meta["template"] = own
        template_name = own or "main.html"
        template = self._env.get_template(template_name)
        key = shell.group_key(page, template_name)
        context["atlas_filled"] = (self._shells.render(template, context, key) if key is not None
                                   else template.render(context))
        return context

    def on_post_page(self, output: str, page: Any, config: Any) -> str:
        if self._serving:
            output = preview.with_reloader(output, page.file.dest_uri)
        output = self._apply_csp(output, wasm=page.file.src_uri in self._search_srcs)
        digest = self._fingerprints.get(page.file.src_uri)
        if digest is not None:
            self._cache.remember(page.file.src_uri, digest, page.file.dest_uri, output)
        return output

    def on_post_template(self, output_content: str, template_name: str, config: Any) -> str:
        return self._apply_csp(output_content) if template_name.endswith(".html") else output_content

    def _apply_csp(self, html: str, wasm: bool = False) -> str:
        tiles = self.atlas.map.tiles if self.atlas is not None else ""
        return apply_csp(html, tiles, wasm=wasm, connect=self._connect)

    @event_priority(-100)  # after every other plugin has written its files
    def on_post_build(self, config: Any) -> None:
        site_dir = Path(config.site_dir)
        self._wait_for_delivery(site_dir)
        if self._serving:
            reused = self._cache.finish_build(site_dir)
            if reused:
                log.info("atlas: %d unveränderte Seiten aus dem letzten Durchlauf übernommen", reused)
        if self._shells is not None:
            log.info("atlas: %d Seiten in ihre Hülle gefüllt, %d einzeln gerendert",
                     self._shells.filled, self._shells.rendered)
        self._finish_index(site_dir)
        if not self._serving:
            # Last, so every page, asset and search file is there; the preview needs none.
            # (our files' twins came with them: see _deliver)
            precompress(site_dir, self.project.cache_dir / "gzip" if self.project else None,
                        skip=self._delivered)
        _unfreeze(self._gc_threshold)

    def _wait_for_delivery(self, site_dir: Path) -> None:
        delivery, self._delivery = self._delivery, None
        if delivery is None:
            return
        try:
            delivery.result()
        except OSError as exc:  # a full disk, no permission: the build's error, said plainly
            path = Path(exc.filename or site_dir)
            shown = path.relative_to(site_dir).as_posix() if path.is_relative_to(site_dir) else str(path)
            raise PluginError(f"{shown}: Datei der Website nicht geschrieben: {exc.strerror or exc}") from exc

    def on_build_error(self, error: Exception) -> None:
        if self._delivery is not None:
            self._delivery.cancel()
            self._delivery = None
        self._close_index()
        self._cache.abandon_build()
        _unfreeze(self._gc_threshold)

    # -- serve -----------------------------------------------------------------------------
    def on_serve(self, server: Any, config: Any, builder: Any) -> Any:
        if self.project is not None:
            for folder in (self.project.content_dir, self.project.flyers_dir):
                if folder.is_dir():
                    server.watch(str(folder))
        server.watch(str(resources.package_dir()))
        return server


GC_YOUNG = 100_000
"""Allocations before the cyclic GC scans the young generation during a build (Python: 700)."""


def _unfreeze(threshold: tuple[int, ...]) -> None:
    """The collector as it was before the build."""
    gc.unfreeze()
    gc.set_threshold(*threshold)


def _add_theme_parts(config: Any) -> None:
    """Our Material overrides behind the project's ``custom_dir``; our stylesheets after the theme's."""
    ours = str(resources.overrides_dir())
    dirs = config.theme.dirs
    if ours not in dirs:
        dirs.insert(1 if config.theme.custom_dir else 0, ours)
    for sheet in STYLESHEETS:
        if sheet not in config.extra_css:
            config.extra_css.append(sheet)


def _write_bundle(site_dir: Path, files: list[tuple[str, bytes]]) -> None:
    """The search bundle into ``site_dir/pagefind/`` (an older one replaced): folders made once."""
    shutil.rmtree(site_dir / urls.search_bundle_path(), ignore_errors=True)
    for folder in sorted({(site_dir / path).parent for path, _ in files}):
        folder.mkdir(parents=True, exist_ok=True)
    for path, data in files:
        with open(site_dir / path, "wb") as handle:
            handle.write(data)


class HtmlPage(Page):
    """A page we rendered to HTML ourselves (it comes in at ``on_page_content``): its Markdown
    body is empty, so MkDocs' Markdown instance with every extension, made anew for each page,
    is not made for it (1,000 offer pages: 0.2 s of the page pipeline)."""

    def render(self, config: Any, files: Files) -> None:
        if self.markdown is None or self.markdown.strip():
            super().render(config, files)
            return
        # what Page.render makes of an empty body
        self.content, self.toc, self._title_from_render = "", get_toc([]), None
        self.present_anchor_ids = set()
        self.links_to_anchors = {}


class WrittenAside(File):
    """A file of ours that MkDocs lists (links to it are checked) but does not copy: the
    delivery puts it into the site (:mod:`.site_files`)."""

    def copy_file(self, dirty: bool = False) -> None:  # noqa: ARG002 - MkDocs' signature
        return None


def _problem_text(problems: list[Problem]) -> str:
    return f"{len(problems)} Fehler:\n" + format_problems(problems, "text")


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


def _replace(files: Files, new: File) -> None:
    """Add ``new``, dropping a file with the same source or destination (generated wins)."""
    old = files.get_file_from_path(new.src_uri)
    if old is not None:
        log.debug("atlas: %s ersetzt die Datei aus docs_dir", new.src_uri)
        files.remove(old)
    files.append(new)
