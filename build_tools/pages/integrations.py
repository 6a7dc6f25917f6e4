"""Other helpers' modules the pages use when present: opening hours, maps.

Each call degrades to something useful when the module is not built yet (no map, the raw
opening_hours text), so pages never wait for a sibling feature.
"""

from __future__ import annotations

import importlib
from datetime import date
from types import ModuleType
from typing import Any

from ..catalog import Catalog
from ..outputs import BuildContext
from ..schema import Offer


def _module(name: str) -> ModuleType | None:
    try:
        return importlib.import_module(name)
    except ImportError as exc:
        if exc.name and name.startswith(exc.name):
            return None  # that feature has not been built yet
        raise


def _hours() -> ModuleType | None:
    module = _module("build_tools.opening_hours")
    return module if module and hasattr(module, "describe_hours") else None


def _maps() -> ModuleType | None:
    module = _module("build_tools.maps")
    return module if module and hasattr(module, "overview_map_html") else None


def hours_lines(text: str | None) -> list[str]:
    """The weekly table lines for an opening_hours string (German), without JavaScript."""
    if not text:
        return []
    module = _hours()
    if module is None:
        return [text]
    try:
        return list(module.describe_hours(text, "de"))
    except Exception:  # a describer gap must not break a page; the raw text still informs
        return [text]


def has_live_hours() -> bool:
    """True when the hours module (and its JS) can compute live statuses."""
    module = _hours()
    return bool(module and hasattr(module, "compact_schedule"))


def holidays(catalog: Catalog) -> list[str]:
    """Public holidays (ISO dates) of the build year and the next, for the status script."""
    module = _hours()
    if module is None or not hasattr(module, "holiday_dates"):
        return []
    year = (catalog.build_date or date.today()).year
    return sorted(str(d) for d in module.holiday_dates(catalog.config.holidays_state, [year, year + 1]))


def compact_schedules(catalog: Catalog, offers: list[Offer], holiday_list: list[str]) -> dict[str, Any]:
    """Compact schedules of ``offers`` for the status script (offers without hours left out)."""
    module = _hours()
    if module is None or not hasattr(module, "compact_schedule"):
        return {}
    out: dict[str, Any] = {}
    for offer in offers:
        if not offer.opening_hours and offer.status == "active":
            continue
        try:
            out[offer.id] = module.compact_schedule(offer, holiday_list)
        except Exception:  # one odd schedule must not cost the page its statuses
            continue
    return out


def hours_jsonld(offer: Offer, holiday_list: list[str]) -> list[dict[str, Any]]:
    """schema.org openingHoursSpecification entries, when the hours module offers them."""
    module = _hours()
    if module is None or not offer.opening_hours or not hasattr(module, "opening_hours_jsonld"):
        return []
    try:
        return list(module.opening_hours_jsonld(module.compact_schedule(offer, holiday_list)))
    except Exception:
        return []


def offer_map(catalog: Catalog, offer: Offer, page_path: str, ctx: BuildContext) -> str:
    """Small map for one offer page ('' without the maps module)."""
    module = _maps()
    return module.offer_map_html(catalog, offer, page_path, ctx) if module else ""


def overview_map(catalog: Catalog, page_path: str, ctx: BuildContext) -> str:
    """The whole atlas map ('' without the maps module)."""
    module = _maps()
    return module.overview_map_html(catalog, page_path, ctx) if module else ""


def category_map(catalog: Catalog, category_id: str, page_path: str, ctx: BuildContext) -> str:
    """Map of one category ('' without the maps module)."""
    module = _maps()
    return module.category_map_html(catalog, category_id, page_path, ctx) if module else ""


def district_map(catalog: Catalog, district_id: str, page_path: str, ctx: BuildContext) -> str:
    """Map of one district with its polygon ('' without the maps module)."""
    module = _maps()
    return module.district_map_html(catalog, district_id, page_path, ctx) if module else ""
