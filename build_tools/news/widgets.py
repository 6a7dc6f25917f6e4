"""Widget pages for partner websites: one category's or one district's offers in an iframe.

``/einbetten/kategorie/<id>/`` and ``/einbetten/sozialraum/<id>/``: no header, navigation or
theme bundle (the template ``atlas_widget.html``), the live "open now" status from
``atlas-hours.js``, every link opening the full page in the whole window (``target="_top"``),
nothing loaded from anywhere but the atlas itself. ``noindex`` and left out of the search and
the sitemap: the widget is a view of pages that are indexed already.
"""

from __future__ import annotations

from .. import urls
from ..outputs import GeneratedPage
from ..pages import views
from ..pages.common import PageInputs, status_block

WIDGET_META = {"template": "atlas_widget.html", "robots": "noindex", "atlas_page": "widget",
               "atlas_sitemap": False, "atlas_theme_js": False}
WIDGET_CSS = urls.asset_path("stylesheets/atlas-widget.css")


def widget_pages(facts: PageInputs) -> list[GeneratedPage]:
    """One widget page per category and per district, in the catalog's order."""
    catalog = facts.catalog
    pages = [_widget(facts, "category", cat.id, cat.label, catalog.in_category(cat.id), urls.category_path(cat.id))
             for cat in catalog.categories.values()]
    pages += [_widget(facts, "district", d.id, d.name, catalog.in_district(d.id), urls.district_path(d.id))
              for d in sorted(catalog.districts.values(), key=lambda d: views.sort_key(d.name))]
    return pages


def _widget(facts: PageInputs, kind: str, ident: str, label: str, offers: list, full_path: str) -> GeneratedPage:
    path = urls.embed_path(kind, ident)
    offers = views.sorted_offers(offers)
    html = facts.templates.render(
        "widget.html",
        label=label,
        kind="Kategorie" if kind == "category" else "Sozialraum",
        entries=[views.list_entry(facts.catalog, o, path) for o in offers],
        status=status_block(offers, path, facts.holidays) if offers else None,
        full_href=urls.relative_url(path, full_path),
        home_href=urls.relative_url(path, ""),
        atlas=facts.catalog.config.name,
    )
    meta = {**WIDGET_META, "atlas_widget_css": WIDGET_CSS}
    return GeneratedPage(path=path, title=f"{label} – {facts.catalog.config.name}", html=html, meta=meta)
