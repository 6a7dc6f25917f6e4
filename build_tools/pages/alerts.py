"""Alert banners: site-wide alerts and an offer's own dated alert, as the pages show them.

The page is static, the alert is not: every dated alert carries its first and last day, and
``atlas-alerts.js`` (deferred, no other script needed) hides it before and after its window
in the visitor's browser. Without JavaScript the banner shows with its dates ("gilt vom
1.12. bis 5.12."), so nobody misses a started alert on a page built days ago. A page with no
dated alert loads no alert script.

A page in a language tree (``/en/…``) shows an alert's translation (``translations: {en:
{text, title}}``) with its heading and dates in that language, else the German alert marked
``lang="de"``; the language comes from the page's path, so hand-written pages (German) and
generated pages take the same road.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date
from typing import Any

from .. import urls
from ..i18n import SOURCE, catalogue
from ..opening_hours.texts import short_date as short_date_in
from ..outputs import GeneratedPage
from ..schema import Alert, Offer
from ..templating import Templates
from .common import PageInputs

ALERTS_SCRIPT = urls.asset_path("javascripts/atlas-alerts.js")


def short_date(day: date, with_year: bool = False) -> str:
    """``1.12.`` (``1.12.2026`` with the year)."""
    return f"{day.day}.{day.month}." + (str(day.year) if with_year else "")


def window_text(start: date | None, end: date | None, lang: str = SOURCE) -> str:
    """``gilt vom 1.12. bis 5.12.``; years appear when the window crosses New Year (or when only
    one end is given). In another language its catalogue's words: ``valid 1 Dec to 5 Dec``."""
    years = bool(start and end and start.year != end.year)

    def day(d: date, year: bool) -> str:
        if lang == SOURCE:
            return short_date(d, year)
        return short_date_in(d, lang) + (f" {d.year}" if year else "")

    ui = catalogue(lang).ui
    if start and end:
        return ui["alert_window"].format(start=day(start, years), end=day(end, years))
    if start:
        return ui["alert_window_from"].format(start=day(start, True))
    if end:
        return ui["alert_window_until"].format(end=day(end, True))
    return ""


def alert_view(alert: Alert, lang: str = SOURCE) -> dict[str, Any]:
    """What the banner shows of one site-wide alert on a page in ``lang``: its translation, or
    the German alert with ``lang: "de"`` (the template marks it) when it has none."""
    translated = alert.translations.get(lang) if lang != SOURCE else None
    shown = lang if translated else SOURCE
    return {
        "id": alert.id,
        "level": alert.level.value,
        "heading": (translated.title or catalogue(lang).ui[f"alert_{alert.level.value}"])
        if translated else alert.heading,
        "text": translated.text if translated else alert.text,
        "lang": SOURCE if shown != lang else None,
        "start": alert.start.isoformat(),
        "end": alert.end.isoformat(),
        "dates": window_text(alert.start, alert.end, shown),
    }


def offer_alert(offer: Offer, build_date: date | None, lang: str = SOURCE) -> dict[str, Any] | None:
    """An offer's own alert with its window; None when it has none or it ended before the build.

    On a page in ``lang`` whose translation has the alert (``translations.<lang>.alert``) the
    window is in that language; else it is German, with ``lang: "de"`` for the template."""
    if not offer.alert:
        return None
    if offer.alert_until and build_date and offer.alert_until < build_date:
        return None
    dated = bool(offer.alert_from or offer.alert_until)
    translation = offer.translations.get(lang) if lang != SOURCE else None
    shown = lang if translation is not None and translation.alert else SOURCE
    return {
        "text": offer.alert,
        "dated": dated,
        "start": offer.alert_from.isoformat() if offer.alert_from else "",
        "end": offer.alert_until.isoformat() if offer.alert_until else "",
        "dates": window_text(offer.alert_from, offer.alert_until, shown),
        "lang": SOURCE if shown != lang else None,
    }


def banner(templates: Templates, page_path: str, alerts: Iterable[Alert], script: bool = False) -> str:
    """The banner HTML for ``alerts`` with the alert script (also when ``script``: the page has
    a dated alert of its own); empty when there is nothing to show or time. The page's path
    says its language."""
    lang = urls.split_language(page_path)[0]
    views = [alert_view(a, lang) for a in alerts]
    if not views and not script:
        return ""
    return templates.render(
        "alerts.html", alerts=views, script=urls.relative_url(page_path, ALERTS_SCRIPT))


def with_banner(page: GeneratedPage, inputs: PageInputs, alerts: Iterable[Alert],
                script: bool = False) -> GeneratedPage:
    """``page`` with the banner above its content (the page itself when there is none)."""
    html = banner(inputs.templates, page.path, alerts, script)
    if not html:
        return page
    return replace(page, html=html + page.html)


BANNER_MARK = "data-atlas-alerts"
"""In every page that has a banner. A page with a scope shows the site-wide alerts too, so a
page without this mark when site-wide alerts exist is one no renderer gave a banner."""


def with_site_banner(html: str, templates: Templates, page_path: str, alerts: Iterable[Alert]) -> str:
    """``html`` of a page outside the pages family (hand-written pages, /daten/, planning) with
    the site-wide ``alerts`` above it, unless it has its banner already."""
    wide = [a for a in alerts if a.site_wide]
    if not wide or BANNER_MARK in html:
        return html
    return banner(templates, page_path, wide) + html
