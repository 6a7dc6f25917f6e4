"""The planning pages as HTML bodies: overview, coverage, reachability, times.

Every value is escaped here; tables are complete without script, ``atlas-sort.js`` only adds
sorting buttons to their headers.
"""

from __future__ import annotations

from html import escape

from ..outputs import GeneratedPage
from ..urls import planning_path, relative_url
from .analysis import PlanningResult
from .findings import findings
from .method import method_paragraphs
from .numbers import fmt_km, fmt_number
from .svg_map import category_map
from .tables import Table, coverage_tables, reach_table, time_table

NUMBER_ATTR = ' data-type="number"'
SORT_SCRIPT = "assets/javascripts/atlas-sort.js"
COVERAGE = planning_path() + "versorgung/"
REACH = planning_path() + "erreichbarkeit/"
TIMES = planning_path() + "zeiten/"
DOWNLOADS = {
    "planungsbericht.pdf": "Bericht als PDF (für den Ausschuss)",
    "planungsbericht.zip": "Alle Tabellen als CSV und der Bericht als Markdown (ZIP)",
}


def table_html(table: Table, page: str, caption_level: str = "h3") -> str:
    """A sortable ``<table>``; zero and flagged cells carry text markers and classes.

    The table has no class, so the theme styles it like any Markdown table (Material only
    styles ``table:not([class])``); ``data-atlas-sort`` marks it for ``atlas-sort.js``.
    """
    head = "".join(
        f'<th scope="col"{NUMBER_ATTR if num else ""}>{escape(col)}</th>'
        for col, num in zip(table.columns, table.numeric, strict=True)
    )
    body = []
    for row in table.rows:
        cells = []
        for index, value in enumerate(row):
            classes = [c for c, on in (("atlas-zero", value.zero), ("atlas-flag", value.flag)) if on]
            attrs = f' class="{" ".join(classes)}"' if classes else ""
            if value.sort is not None:
                attrs += f' data-sort-value="{escape(value.sort)}"'
            text = escape(value.text)
            if value.link:
                text = f'<a href="{escape(relative_url(page, value.link))}">{text}</a>'
            tag = "th" if index == 0 else "td"
            scope = ' scope="row"' if index == 0 else ""
            cells.append(f"<{tag}{scope}{attrs}>{text}</{tag}>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    note = f'<p class="atlas-table-note">{escape(table.note)}</p>' if table.note else ""
    return (
        f'<{caption_level} id="{escape(table.slug)}">{escape(table.title)}</{caption_level}>'
        f'<div class="atlas-table-wrap"><table data-atlas-sort="">'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table></div>{note}"
    )


def _script(page: str) -> str:
    return f'<script src="{escape(relative_url(page, SORT_SCRIPT))}" defer></script>'


def _nav(page: str) -> str:
    links = [
        (planning_path(), "Übersicht"), (COVERAGE, "Versorgung"),
        (REACH, "Erreichbarkeit"), (TIMES, "Zeiten"),
    ]
    items = []
    for path, label in links:
        current = ' aria-current="page"' if path == page else ""
        items.append(f'<li><a href="{escape(relative_url(page, path))}"{current}>{label}</a></li>')
    return f'<nav aria-label="Planung" class="atlas-planning-nav"><ul>{"".join(items)}</ul></nav>'


def overview_html(result: PlanningResult, downloads: bool) -> str:
    """The planning start page: key figures, the gaps in words, links."""
    page = planning_path()
    found = findings(result)
    parts = [
        _nav(page),
        '<p class="atlas-planning-intro">Zahlen für die Sozialplanung: Versorgung, '
        "Erreichbarkeit und Öffnungszeiten der offenen Angebote je Sozialraum. Vertrauliche "
        "Angebote (z. B. Schutzeinrichtungen) zählen mit, erscheinen aber auf keiner Karte.</p>",
        "<ul class=\"atlas-key-figures\">",
        f"<li>{result.open_offers} offene Angebote</li>",
        f"<li>{len(result.districts)} Sozialräume</li>",
        f"<li>{len(result.categories)} Kategorien</li>",
    ]
    if result.has_population:
        total = sum(d.population or 0 for d in result.districts)
        parts.append(f"<li>{escape(fmt_number(total, 0))} Einwohner</li>")
    parts.append("</ul>")
    if not result.districts:
        parts.append(
            "<p>Es sind keine Sozialräume angelegt (content/districts.geojson fehlt oder ist "
            "leer): Versorgung und Erreichbarkeit bleiben leer, die Zeiten gelten.</p>"
        )
    parts.append('<h2 id="luecken">Lücken</h2>')
    if found:
        parts.append("<ul class=\"atlas-findings\">")
        parts += [
            f'<li class="atlas-finding-{escape(f.kind)}">{escape(f.text)}</li>' for f in found
        ]
        parts.append("</ul>")
    else:
        parts.append("<p>Keine Lücke nach den eingestellten Schwellen.</p>")
    if not result.hours_parsed:
        parts.append("<p>Öffnungszeiten konnten nicht ausgewertet werden.</p>")
    parts.append(
        '<h2 id="teile">Teile</h2><ul>'
        f'<li><a href="{escape(relative_url(page, COVERAGE))}">Versorgung</a>: Angebote je '
        "Sozialraum und Kategorie, mit Karten</li>"
        f'<li><a href="{escape(relative_url(page, REACH))}">Erreichbarkeit</a>: Flächenanteil '
        "innerhalb von "
        + escape(", ".join(fmt_km(d) for d in result.settings.distances_m))
        + " Luftlinie, Entfernung und Gehzeit zum nächsten Angebot</li>"
        f'<li><a href="{escape(relative_url(page, TIMES))}">Zeiten</a>: Stunden je Woche, '
        "sonntags, feiertags, abends</li></ul>"
    )
    if downloads:
        parts.append('<h2 id="downloads">Herunterladen</h2><ul>')
        parts += [
            f'<li><a href="{escape(name)}">{escape(label)}</a></li>'
            for name, label in DOWNLOADS.items()
        ]
        parts.append("</ul>")
    parts.append(_method_html(result))
    return "".join(parts)


def _method_html(result: PlanningResult) -> str:
    return '<h2 id="methode">Methode</h2>' + "".join(
        f"<p>{escape(p)}</p>" for p in method_paragraphs(result)
    )


def coverage_html(result: PlanningResult) -> str:
    """Matrix tables, then one choropleth map per category."""
    page = COVERAGE
    parts = [_nav(page)]
    parts += [table_html(t, page, "h2") for t in coverage_tables(result)]
    parts.append('<h2 id="karten">Karten je Kategorie</h2>')
    for category_id, label in result.categories:
        parts.append(
            f'<figure class="atlas-map-figure" id="karte-{escape(category_id)}">'
            f"{category_map(result, category_id, label)}"
            f"<figcaption>{escape(label)}: Angebote"
            f"{' je 10.000 Einwohner' if result.has_population else ''} je Sozialraum "
            "(schraffiert: keins). Zahlen in der Tabelle oben.</figcaption></figure>"
        )
    parts.append(_script(page))
    return "".join(parts)


def reach_html(result: PlanningResult) -> str:
    """One reachability table per category."""
    page = REACH
    s = result.settings
    parts = [
        _nav(page),
        f"<p>Gehzeit geschätzt mit {escape(fmt_number(s.walking_speed_kmh, 1))} km/h und "
        f"Umwegfaktor {escape(fmt_number(s.detour_factor, 2))} auf die Luftlinie. Markiert "
        "sind Sozialräume, deren Mitte weiter als die Schwelle der Kategorie vom nächsten "
        "offenen Angebot entfernt ist.</p>",
        '<nav aria-label="Kategorien"><ul class="atlas-planning-categories">'
        + "".join(
            f'<li><a href="#erreichbarkeit-{escape(c)}">{escape(label)}</a></li>'
            for c, label in result.categories
        )
        + "</ul></nav>",
    ]
    parts += [table_html(reach_table(result, c, label), page, "h2") for c, label in result.categories]
    parts.append(_script(page))
    return "".join(parts)


def times_html(result: PlanningResult) -> str:
    """The time-coverage table."""
    page = TIMES
    parts = [_nav(page), table_html(time_table(result), page, "h2")]
    if not result.hours_parsed:
        parts.append("<p>Öffnungszeiten konnten nicht ausgewertet werden.</p>")
    parts.append(_script(page))
    return "".join(parts)


def planning_pages(result: PlanningResult, downloads: bool = True) -> list[GeneratedPage]:
    """The four planning pages, noindex and out of the search unless configured otherwise."""

    def meta() -> dict:
        out: dict = {"search": {"exclude": True}}
        if result.settings.noindex:
            out["robots"] = "noindex"
        return out

    return [
        GeneratedPage(planning_path(), "Planung", overview_html(result, downloads), meta()),
        GeneratedPage(COVERAGE, "Planung: Versorgung", coverage_html(result), meta()),
        GeneratedPage(REACH, "Planung: Erreichbarkeit", reach_html(result), meta()),
        GeneratedPage(TIMES, "Planung: Zeiten", times_html(result), meta()),
    ]
