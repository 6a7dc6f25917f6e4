"""The one Jinja environment for every page and fragment the project renders.

Templates live in the package (``site_templates/atlas/``, see :mod:`build_tools.resources`). A
project overrides any of them without forking: a file of the same name under
``<theme.custom_dir>/atlas/`` (the folder that also holds its Material overrides) comes first.

``autoescape`` is on for every template: a value from YAML reaches the page unescaped only where
Python marked it safe on purpose (sanitised Markdown, JSON made safe for ``<script>``).
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import (
    BytecodeCache,
    ChoiceLoader,
    Environment,
    FileSystemBytecodeCache,
    FileSystemLoader,
    StrictUndefined,
    select_autoescape,
)
from markupsafe import Markup

from .resources import templates_dir

OVERRIDE_FOLDER = "atlas"
"""Sub-folder of a project's ``custom_dir`` whose templates replace ours."""


def script_json(data: Any) -> Markup:
    """JSON safe inside ``<script type="application/json">``: no ``<``, ``>``, ``&`` survive."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    text = (
        text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
        .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    )
    return Markup(text)  # noqa: S704 - escaped above for the script context


class Templates:
    """The environment of one project: its overrides first, then the package's templates."""

    def __init__(self, custom_dir: Path | None = None, compiled: Path | None = None) -> None:
        folders = [templates_dir()]
        if custom_dir is not None and (Path(custom_dir) / OVERRIDE_FOLDER).is_dir():
            folders.insert(0, Path(custom_dir) / OVERRIDE_FOLDER)
        self.folders: tuple[Path, ...] = tuple(folders)
        self.env = Environment(
            loader=ChoiceLoader([FileSystemLoader(str(folder)) for folder in folders]),
            autoescape=select_autoescape(default=True, default_for_string=True),
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=False,
            bytecode_cache=compiled_templates(compiled) if compiled else None,
        )
        self.env.filters["script_json"] = script_json
        # The interface words of a language (site_templates/i18n): macros shared by pages of
        # every language take the page's words and fall back to German's.
        self.env.globals["ui_words"] = _ui_words
        # tojson (data attributes): letters as they are — Cyrillic or Arabic as \uXXXX would
        # weigh six bytes a letter; <, >, & and ' stay escaped, so it is safe in '…'
        self.env.policies["json.dumps_kwargs"] = {"sort_keys": True, "ensure_ascii": False}

    def render(self, name: str, /, **context: Any) -> str:
        """Render the template ``name`` (``offer.html``, ``planning/overview.html``)."""
        return self.env.get_template(name).render(**context)


def _ui_words(code: str = "de") -> dict[str, str]:
    from .i18n import catalogue  # late: i18n reads the package's catalogue folder

    return catalogue(code).ui


@lru_cache(maxsize=8)
def templates_for(custom_dir: str | None = None, compiled: str | None = None) -> Templates:
    """The environment for a project's ``custom_dir`` (one per build, not one per page);
    ``compiled``: the project's folder of compiled templates (:func:`compiled_templates`)."""
    return Templates(Path(custom_dir) if custom_dir else None, Path(compiled) if compiled else None)


def compiled_templates(folder: Path) -> BytecodeCache | None:
    """Jinja's cache of compiled templates in ``folder`` (keyed by each template's source, so an
    edited one is compiled anew): a build is a new process and compiled about 50 templates
    each time, 0.3 s before the first page. None where the folder cannot be made."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return FileSystemBytecodeCache(str(folder))


def render(name: str, /, **context: Any) -> str:
    """Render one of the package's templates without project overrides (tests, CLI output)."""
    return templates_for(None).render(name, **context)
