"""Pieces every generated page shares: links relative to the page, the live-status block."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .. import urls
from ..catalog import Catalog
from ..schema import Offer
from . import integrations

HOURS_SCRIPT = "assets/javascripts/atlas-hours.js"


def linker(page_path: str) -> Callable[[str], str]:
    """``link(site_path)`` → the page-relative URL (works under any sub-path)."""
    return lambda to_path: urls.relative_url(page_path, to_path)


def status_block(catalog: Catalog, offers: list[Offer], page_path: str, holiday_list: list[str]) -> dict[str, Any] | None:
    """Data and script for live "open now" statuses, or None when the hours module is absent."""
    if not integrations.has_live_hours():
        return None
    schedules = integrations.compact_schedules(catalog, offers, holiday_list)
    return {
        "data": {"holidays": holiday_list, "offers": schedules},
        "script": urls.relative_url(page_path, HOURS_SCRIPT),
    }
