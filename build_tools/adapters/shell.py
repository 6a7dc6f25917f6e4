"""Offer pages filled into one rendered shell instead of rendering the theme once per page.

Every offer page of a language tree sits at the same depth (``angebote/<id>/``), so what the
theme puts around its content — header, navigation, relative asset URLs, scripts — is the same
on each. Only a few slots differ: the title, the meta description, the canonical URL, the
``hreflang`` alternates and the content. The theme's template is rendered once per *group*
(pages whose meta decides the template's branches alike: language, robots, number and
languages of the alternates …) with markers in the slots; each page is then the shell with its
own values put in, transformed exactly as the template transformed the marker (as it is,
``striptags`` or escaped: a probe ``&amp;`` in every marker tells which).

A group's shell is trusted only once it gave, for the first :data:`PROVEN_PAGES` pages of
the group, the very bytes the template renders for them; otherwise (a ``custom_dir`` override
that prints something page-specific we do not slot, say) the group's pages are rendered
through the template one by one, as before. ``ATLAS_PAGE_SHELL=off`` renders every page
through the template (the test that proves both ways equal uses it).
"""

from __future__ import annotations

import copy
import json
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape

SHELL_PAGES = frozenset({"offer", "tombstone"})
"""``meta.atlas_page`` of the pages filled into a shell (thousands of them, all one depth)."""
FILLED_TEMPLATE = "atlas_filled.html"
"""The template MkDocs renders for a shelled page: it prints the filled page as it is."""
PROVEN_PAGES = 2
"""Pages of a group rendered both ways and compared before its shell is trusted."""
SWITCH = "ATLAS_PAGE_SHELL"

_OPEN, _CLOSE = "\ue000", "\ue001"  # private-use characters: never in a theme's template
_PROBE = "&amp;"
_H1 = "\x3ch1"
"""Material adds the page title as a heading when the content has none (``content.html``)."""
_SLOT = re.compile(f"{_OPEN}([a-z0-9_]+)(&amp;amp;|&amp;|&)(?:{_H1})?{_CLOSE}")
_TRANSFORMS: dict[str, Callable[[str], str]] = {
    "&amp;": lambda value: value,
    "&": lambda value: str(Markup(value).striptags()),  # Jinja's striptags filter
    "&amp;amp;": lambda value: str(escape(value)),  # Jinja's e filter
}


def enabled() -> bool:
    """False when ``ATLAS_PAGE_SHELL=off`` asks for the theme's per-page pipeline."""
    return os.environ.get(SWITCH, "on").strip().lower() not in {"off", "0", "no", "false"}


def marker(name: str, h1: bool = False) -> str:
    """The marker that stands for slot ``name`` in a shell; ``h1``: it holds what the theme
    looks for to tell whether the content has its own heading."""
    return f"{_OPEN}{name}{_PROBE}{_H1 if h1 else ''}{_CLOSE}"


@dataclass(frozen=True)
class Shell:
    """A rendered page cut at its slots: ``parts[0] slot[0] parts[1] … parts[-1]``."""

    parts: tuple[str, ...]
    slots: tuple[tuple[str, Callable[[str], str]], ...]

    def fill(self, values: dict[str, str]) -> str:
        """The page with ``values`` in its slots (each transformed as the template did)."""
        out = [self.parts[0]]
        for (name, transform), part in zip(self.slots, self.parts[1:], strict=True):
            out.append(transform(values[name]))
            out.append(part)
        return "".join(out)


def cut(rendered: str, names: set[str]) -> Shell | None:
    """The shell of a page rendered with markers; None when a marker came out in a form we
    cannot reproduce (or a slot's value went somewhere unmarked)."""
    parts: list[str] = []
    slots: list[tuple[str, Callable[[str], str]]] = []
    position = 0
    for match in _SLOT.finditer(rendered):
        if match.group(1) not in names:
            return None
        parts.append(rendered[position:match.start()])
        slots.append((match.group(1), _TRANSFORMS[match.group(2)]))
        position = match.end()
    parts.append(rendered[position:])
    if any(_OPEN in part or _CLOSE in part for part in parts):
        return None
    return Shell(tuple(parts), tuple(slots))


def group_key(page: Any, template: str) -> str | None:
    """Pages with the same key render the same shell; None for pages never shelled."""
    meta = page.meta or {}
    if meta.get("atlas_page") not in SHELL_PAGES:
        return None
    shape = {key: value for key, value in meta.items() if key not in ("title", "description")}
    shape["atlas_alternates"] = [alt.get("lang") for alt in meta.get("atlas_alternates") or []]
    shape["_present"] = [bool(meta.get("title")), bool(meta.get("description")),
                         page.canonical_url is not None]
    shape["_depth"] = page.url.count("/")
    shape["_h1"] = _H1 in (page.content or "")
    shape["_template"] = template
    return json.dumps(shape, sort_keys=True, default=str)


def slot_values(page: Any) -> dict[str, str]:
    """The page's own value of every slot."""
    meta = page.meta or {}
    values = {"title": str(meta.get("title") or ""), "description": str(meta.get("description") or ""),
              "canonical": page.canonical_url or "", "content": page.content or ""}
    for index, alt in enumerate(meta.get("atlas_alternates") or []):
        values[f"alt{index}"] = str(alt.get("href", ""))
    return values


def marked_page(page: Any) -> Any:
    """A copy of ``page`` whose slots hold markers (the same url, so relative links agree)."""
    shell = copy.copy(page)
    meta = dict(page.meta or {})
    if meta.get("title"):
        meta["title"] = marker("title")
    if meta.get("description"):
        meta["description"] = marker("description")
    if meta.get("atlas_alternates"):
        meta["atlas_alternates"] = [{**alt, "href": marker(f"alt{index}")}
                                    for index, alt in enumerate(meta["atlas_alternates"])]
    shell.meta = meta
    if page.canonical_url is not None:
        shell.canonical_url = marker("canonical")
    shell.content = marker("content", h1=_H1 in (page.content or ""))
    return shell


class ShellRenderer:
    """Renders the shelled pages of one build: one theme render per group (plus the proofs)."""

    def __init__(self) -> None:
        self._shells: dict[str, Shell | None] = {}
        self._proven: dict[str, int] = {}
        self.filled = 0
        self.rendered = 0

    def render(self, template: Any, context: dict[str, Any], key: str) -> str:
        """The page of ``context`` as ``template`` renders it, from the group's shell where it
        is proven to give the same bytes."""
        page = context["page"]
        if key not in self._shells:
            rendered = template.render({**context, "page": marked_page(page)})
            self._shells[key] = cut(rendered, set(slot_values(page)))
            self._proven[key] = 0
        shell = self._shells[key]
        if shell is None:
            self.rendered += 1
            return template.render(context)
        values = slot_values(page)
        if self._proven[key] < PROVEN_PAGES:
            direct = template.render(context)
            self.rendered += 1
            if shell.fill(values) != direct:
                self._shells[key] = None
                return direct
            self._proven[key] += 1
            return direct
        self.filled += 1
        return shell.fill(values)
