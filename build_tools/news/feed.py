"""The Atom 1.0 feed ``/neu.xml`` (RFC 4287) of the events on „Neu und geändert“.

Atom needs absolute, permanent ids: the feed is made only when the atlas knows its
``site_url``. An entry's id is its offer's page URL with the kind and day, so a reader shows an
offer again when it changes again, and never twice for the same change. Times are the events'
days at midnight UTC (Git's commit day, or the offer's own date): no clock is read.
"""

from __future__ import annotations

from datetime import date

from .. import urls
from ..catalog import Catalog
from ..templating import Templates
from .changes import Event


def feed_xml(catalog: Catalog, events: list[Event], templates: Templates) -> bytes | None:
    """The feed's bytes (UTF-8), or None without ``site_url``."""
    site_url = catalog.config.site_url
    if not site_url:
        return None
    newest = events[0].day if events else catalog.build_date or date(1970, 1, 1)
    entries = [
        {
            "id": f"{urls.absolute_url(site_url, urls.offer_path(e.offer.id or ''))}#{e.kind}-{e.day.isoformat()}",
            "title": f"{e.word}: {e.offer.title}",
            "href": urls.absolute_url(site_url, urls.offer_path(e.offer.id or "")),
            "updated": _stamp(e.day),
            "kind": e.kind,
            "summary": e.offer.summary,
            "category": catalog.category_label(e.offer.category),
            "category_id": e.offer.category,
            "word": e.word,
        }
        for e in events
    ]
    text = templates.render(
        "feed.xml",
        title=f"{catalog.config.name}: neu und geändert",
        feed_id=urls.absolute_url(site_url, urls.feed_path()),
        self_href=urls.absolute_url(site_url, urls.feed_path()),
        page_href=urls.absolute_url(site_url, urls.changes_path()),
        updated=_stamp(newest),
        author=catalog.config.publisher or catalog.config.name,
        entries=entries,
    )
    return text.encode("utf-8")


def _stamp(day: date) -> str:
    return f"{day.isoformat()}T00:00:00Z"
