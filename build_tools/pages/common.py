"""What every page renderer shares: the facts of one build, relative links, the live-status block."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from .. import urls
from ..catalog import Catalog
from ..indicators import IndicatorSet
from ..memo import FORGETFUL, Memory
from ..opening_hours import hours_data
from ..opening_hours.texts import status_words
from ..schema import Offer
from ..security.sanitize import render_markdown
from ..templating import Templates

HOURS_SCRIPT = urls.asset_path("javascripts/atlas-hours.js")


@dataclass(frozen=True)
class PageInputs:
    """The facts page renderers read besides an offer or a category."""

    catalog: Catalog
    templates: Templates
    holidays: tuple[date, ...] = ()
    flyers: frozenset[str] = frozenset()
    """Site paths of the flyers this build makes (offer pages link exactly these)."""
    memory: Memory = FORGETFUL
    """What ``mkdocs serve`` remembers between builds (Markdown of unchanged descriptions)."""
    indicators: IndicatorSet | None = None
    """Indicators per district (the district pages' profiles), None when the atlas keeps none."""

    def markdown(self, text: str | None) -> str:
        """An editor's Markdown as safe HTML (remembered between serve builds)."""
        return self.memory.recall("markdown", text, lambda: render_markdown(text))


def linker(page_path: str) -> Callable[[str], str]:
    """``link(site_path)`` → the page-relative URL (works under any sub-path)."""
    return lambda to_path: urls.relative_url(page_path, to_path)


SCRIPT_LANGUAGES = ("de", "en")
"""Languages whose status words ``atlas-hours.js`` carries itself; a page in any other
language carries its words in the data (``texts.status_words``)."""


def status_block(offers: Iterable[Offer], page_path: str, holidays: Iterable[date],
                 lang: str = "de") -> dict[str, Any]:
    """Data and script for live "open now" statuses (``atlas-hours.js`` reads the data)."""
    data = hours_data(offers, holidays)
    if lang not in SCRIPT_LANGUAGES:
        data["lang"], data["words"] = lang, status_words(lang)
    return {"data": data, "script": urls.relative_url(page_path, HOURS_SCRIPT)}
