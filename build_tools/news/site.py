"""The news family: „Neu und geändert“ (``/neu/``), the Atom feed (``/neu.xml``), the widgets."""

from __future__ import annotations

from itertools import groupby
from typing import TYPE_CHECKING, Any

from .. import urls
from ..catalog import Catalog
from ..outputs import Contribution, GeneratedFile, GeneratedPage
from ..pages.site import page_inputs
from ..pages.views import german_date
from .changes import Event, events, source_of
from .feed import feed_xml
from .widgets import widget_pages

if TYPE_CHECKING:
    from ..build import Inputs, Tools


def render(inputs: Inputs, tools: Tools) -> Contribution:
    """The changes page, the feed (with a ``site_url``) and every widget page."""
    catalog = inputs.catalog
    found = events(catalog, inputs.history)
    feed = feed_xml(catalog, found, tools.templates)
    path = urls.changes_path()
    html = tools.templates.render(
        "changes.html",
        days=[{"date": german_date(day), "iso": day.isoformat(),
               "events": [_entry(catalog, e, path) for e in members]}
              for day, members in groupby(found, key=lambda e: e.day)],
        source=source_of(inputs.history.available and bool(inputs.history.changes)),
        history_note=inputs.history.note,
        feed_href=urls.relative_url(path, urls.feed_path()) if feed is not None else "",
    )
    meta = {"atlas_page": "changes", "hide": ["toc"],
            "description": "Neue, geänderte und beendete Hilfsangebote mit Datum"}
    if feed is not None:
        meta["atlas_feed"] = urls.feed_path()
    result = Contribution(pages=[GeneratedPage(path=path, title="Neu und geändert", html=html, meta=meta)])
    if feed is not None:
        result.files.append(GeneratedFile(urls.feed_path(), feed))
    result.pages += widget_pages(page_inputs(inputs, tools))
    return result


def _entry(catalog: Catalog, event: Event, page_path: str) -> dict[str, Any]:
    """What the page shows of one event (an ended offer links its tombstone page)."""
    offer = event.offer
    return {"kind": event.kind, "word": event.word, "title": offer.title, "summary": offer.summary,
            "category": catalog.category_label(offer.category), "category_id": offer.category,
            "href": urls.relative_url(page_path, urls.offer_path(offer.id or ""))}
