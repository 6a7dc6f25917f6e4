"""Alert banners: site-wide alerts and an offer's own dated alert, as the pages show them.

The page is static, the alert is not: every dated alert carries its first and last day, and
``atlas-alerts.js`` (deferred, no other script needed) hides it before and after its window
in the visitor's browser. Without JavaScript the banner shows with its dates ("gilt vom
1.12. bis 5.12."), so nobody misses a started alert on a page built days ago. A page with no
dated alert loads no alert script.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date
from typing import Any

from .. import urls
from ..outputs import GeneratedPage
from ..schema import Alert, Offer
from ..templating import Templates
from .common import PageInputs

ALERTS_SCRIPT = urls.asset_path("javascripts/atlas-alerts.js")


def short_date(day: date, with_year: bool = False) -> str:
    """``1.12.`` (``1.12.2026`` with the year)."""
    return f"{day.day}.{day.month}." + (str(day.year) if with_year else "")


def window_text(start: date | None, end: date | None) -> str:
    """``gilt vom 1.12. bis 5.12.``; years appear when the window crosses New Year."""
    years = bool(start and end and start.year != end.year)
    if start and end:
        return f"gilt vom {short_date(start, years)} bis {short_date(end, years)}"
    if start:
        return f"gilt ab {short_date(start, True)}"
    if end:
        return f"gilt bis {short_date(end, True)}"
    return ""


def alert_view(alert: Alert) -> dict[str, Any]:
    """What the banner shows of one site-wide alert."""
    return {
        "id": alert.id,
        "level": alert.level.value,
        "heading": alert.heading,
        "text": alert.text,
        "start": alert.start.isoformat(),
        "end": alert.end.isoformat(),
        "dates": window_text(alert.start, alert.end),
    }


def offer_alert(offer: Offer, build_date: date | None) -> dict[str, Any] | None:
    """An offer's own alert with its window; None when it has none or it ended before the build."""
    if not offer.alert:
        return None
    if offer.alert_until and build_date and offer.alert_until < build_date:
        return None
    dated = bool(offer.alert_from or offer.alert_until)
    return {
        "text": offer.alert,
        "dated": dated,
        "start": offer.alert_from.isoformat() if offer.alert_from else "",
        "end": offer.alert_until.isoformat() if offer.alert_until else "",
        "dates": window_text(offer.alert_from, offer.alert_until),
    }


def banner(templates: Templates, page_path: str, alerts: Iterable[Alert], script: bool = False) -> str:
    """The banner HTML for ``alerts`` with the alert script (also when ``script``: the page has
    a dated alert of its own); empty when there is nothing to show or time."""
    views = [alert_view(a) for a in alerts]
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
