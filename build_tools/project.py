"""One atlas project on disk: its ``mkdocs.yml``, the folders it names, and its validated settings.

This is the only module that knows where a project keeps things::

    mkdocs.yml                 site settings and the ``atlas`` plugin block (build_tools.config)
    content/                   offers, categories, districts … (``atlas.content_dir``)
    content/pages/             hand-written pages (``docs_dir``)
    flyers/*.yml               Wegweiser definitions
    flyers/printed-urls.txt    the ledger of printed URLs
    .cache/                    content-hash caches (flyer PDFs)

:func:`open_project` reads ``mkdocs.yml`` without MkDocs (``!ENV`` and ``!!python/name:`` tags are
tolerated, not evaluated) and validates the atlas block; every problem is a
:class:`~build_tools.problems.Problem` at ``mkdocs.yml:line:col``, all of them at once.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from .config import MOVED_OPTIONS, AtlasConfig
from .problems import Problem
from .yamlio import Marks

PLUGIN = "atlas"
FLYERS_DIR = "flyers"
LEDGER_FILE = "printed-urls.txt"
CACHE_DIR = ".cache"


@dataclass(frozen=True)
class Project:
    """Where one atlas lives and what its settings are."""

    root: Path
    settings: AtlasConfig
    config_file: Path | None = None
    docs_dir: Path | None = None
    custom_dir: Path | None = None
    """The theme's ``custom_dir``: Material overrides, and ``atlas/`` template overrides."""
    content_override: Path | None = None

    @property
    def content_dir(self) -> Path:
        """The content folder (``--content`` wins over ``atlas.content_dir``)."""
        if self.content_override is not None:
            return self.content_override
        return (self.root / self.settings.content_dir).resolve()

    @property
    def flyers_dir(self) -> Path:
        """Wegweiser definitions and the ledger."""
        return self.root / FLYERS_DIR

    @property
    def ledger_file(self) -> Path:
        """The ledger of printed URLs."""
        return self.flyers_dir / LEDGER_FILE

    @property
    def cache_dir(self) -> Path:
        """Content-hash caches (flyer PDFs): safe to delete at any time."""
        return self.root / CACHE_DIR


class _TolerantLoader(yaml.SafeLoader):
    """mkdocs.yml may hold ``!!python/name:`` and ``!ENV`` tags; we only need plain values."""


def _ignore_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> None:
    return None


_TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", _ignore_tag)
_TolerantLoader.add_multi_constructor("!", _ignore_tag)


@dataclass(frozen=True)
class SettingsFile:
    """The parsed ``mkdocs.yml``: plain data plus the position of every value and key."""

    data: dict[str, Any]
    marks: Marks
    source: str


def _marks(node: yaml.Node, path: tuple, marks: Marks) -> None:
    marks.values[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode):
                marks.keys[(*path, key.value)] = (key.start_mark.line + 1, key.start_mark.column + 1)
                _marks(value, (*path, key.value), marks)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _marks(item, (*path, index), marks)


def read_settings_file(path: Path, display: str) -> tuple[SettingsFile | None, list[Problem]]:
    """Parse ``mkdocs.yml`` with positions; a problem (not an exception) when that fails."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        return None, [Problem(display, 1, 1, "", f"nicht lesbar: {exc}")]
    loader = _TolerantLoader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        return None, [Problem(display, line, col, "", f"YAML-Syntaxfehler: {exc.problem or exc.context}")]
    finally:
        loader.dispose()
    if not isinstance(data, dict):
        return None, [Problem(display, 1, 1, "", "erwartet eine YAML-Zuordnung (schlüssel: wert)")]
    marks = Marks()
    _marks(node, (), marks)
    return SettingsFile(data, marks, display), []


def atlas_block(data: dict[str, Any]) -> tuple[dict[str, Any], tuple]:
    """The ``atlas`` plugin's options in a parsed mkdocs.yml and their path there ({} if absent)."""
    for index, entry in enumerate(data.get("plugins") or []):
        if isinstance(entry, dict) and PLUGIN in entry:
            return dict(entry[PLUGIN] or {}), ("plugins", index, PLUGIN)
        if entry == PLUGIN:
            return {}, ("plugins", index)
    if isinstance(data.get("plugins"), dict) and PLUGIN in data["plugins"]:
        return dict(data["plugins"][PLUGIN] or {}), ("plugins", PLUGIN)
    return {}, ()


def validate_settings(
    options: dict[str, Any],
    site_url: str | None = None,
    marks: Marks | None = None,
    source: str = "mkdocs.yml",
    prefix: tuple = (),
) -> tuple[AtlasConfig | None, list[Problem]]:
    """Validate the atlas options; every problem at once, placed in ``source`` where known.

    ``site_url`` (mkdocs.yml's own) fills in when ``atlas.site_url`` is not set.
    """
    from .content import pydantic_problems

    marks = marks or Marks()
    problems: list[Problem] = []
    for key, fix in MOVED_OPTIONS.items():
        if key in options:
            line, col = marks.of_key((*prefix, key))
            problems.append(Problem(source, line, col, f"{PLUGIN}.{key}", fix))
    current = {k: v for k, v in options.items() if k not in MOVED_OPTIONS}
    try:
        config = AtlasConfig.model_validate(current)
    except ValidationError as exc:
        found = pydantic_problems(exc, marks, source, prefix)
        problems += [replace(p, field=_setting_name(p.field, prefix)) for p in found]
        return None, sorted(problems)
    if problems:
        return None, sorted(problems)
    if not config.site_url and site_url:
        config = config.model_copy(update={"site_url": site_url})
    return config, []


def _setting_name(field: str, prefix: tuple) -> str:
    """``plugins[1].atlas.map.tiles`` → ``atlas.map.tiles``."""
    marker = f"{PLUGIN}."
    if marker in field:
        return PLUGIN + "." + field.split(marker, 1)[1]
    return f"{PLUGIN}.{field}" if field else PLUGIN


def open_project(
    config_file: Path | None,
    *,
    content: Path | None = None,
    site_url: str | None = None,
    options: dict[str, Any] | None = None,
) -> tuple[Project | None, list[Problem]]:
    """Read a project's mkdocs.yml and validate its settings.

    Without a mkdocs.yml the defaults apply and the current folder is the project. ``options``
    replaces the atlas block (an adapter that already holds it, e.g. the MkDocs plugin); the
    file still gives the positions for messages. ``site_url`` overrides mkdocs.yml's.
    """
    if config_file is None or not config_file.exists():
        settings = AtlasConfig(site_url=site_url) if site_url else AtlasConfig()
        return Project(Path.cwd(), settings, content_override=content), []
    from .content import display_path

    display = display_path(config_file)
    parsed, problems = read_settings_file(config_file, display)
    if parsed is None:
        return None, problems
    block, prefix = atlas_block(parsed.data)
    settings, problems = validate_settings(
        block if options is None else options,
        site_url or parsed.data.get("site_url"),
        parsed.marks, display, prefix,
    )
    if settings is None:
        return None, problems
    if site_url:
        settings = settings.model_copy(update={"site_url": site_url})
    root = config_file.resolve().parent
    theme = parsed.data.get("theme") if isinstance(parsed.data.get("theme"), dict) else {}
    custom = theme.get("custom_dir") if isinstance(theme.get("custom_dir"), str) else None
    docs = parsed.data.get("docs_dir") if isinstance(parsed.data.get("docs_dir"), str) else "docs"
    return Project(
        root=root,
        settings=settings,
        config_file=config_file.resolve(),
        docs_dir=(root / docs).resolve(),
        custom_dir=(root / custom).resolve() if custom else None,
        content_override=content.resolve() if content is not None else None,
    ), []
