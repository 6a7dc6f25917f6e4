"""Does every printed URL still lead somewhere? Checked by ``atlas check`` and by every build."""

from __future__ import annotations

from collections.abc import Iterable

from ..catalog import Catalog
from ..problems import Problem
from ..urls import parse_path, site_path_of
from .store import LedgerEntry


def check_ledger(catalog: Catalog, entries: Iterable[LedgerEntry], shown: str) -> list[Problem]:
    """One error per recorded URL that the current content would no longer serve.

    Hand-written pages (``document``) are left to the link checker of the built site.
    """
    problems: list[Problem] = []
    aliases = {alias: o.id for o in catalog.offers for alias in o.aliases}
    site_url = catalog.config.site_url
    elsewhere = []
    for entry in entries:
        where = f"{entry.url} (gedruckt am {entry.printed.isoformat()} auf {entry.flyer})"

        def fail(message: str, _entry=entry) -> None:
            problems.append(Problem(shown, _entry.line, 1, "url", message))

        path = site_path_of(site_url, entry.url)
        if path is None:
            elsewhere.append(entry)
            continue
        kind, ident = parse_path(path)
        if kind == "offer":
            if catalog.has_offer(ident):
                offer = catalog.offer(ident)
                if (entry.category and entry.title and offer.category != entry.category
                        and offer.title != entry.title):
                    fail(f"{where}: die id {ident!r} gehörte zu „{entry.title}“ ({entry.category}) und "
                         f"wird jetzt für ein anderes Angebot („{offer.title}“) verwendet. Eine gedruckte id "
                         "darf nie wiederverwendet werden: dem neuen Angebot eine neue id geben.")
            elif ident not in aliases:
                fail(f"{where} führt ins Leere: das Angebot {ident!r} gibt es nicht mehr. Datei "
                     f"wiederherstellen und status: ended setzen, oder beim neuen Angebot "
                     f"aliases: [{ident}] eintragen.")
        elif kind == "category" and ident not in catalog.categories:
            fail(f"{where} führt ins Leere: die Kategorie {ident!r} fehlt in content/categories.yml. "
                 "Kategorie wieder aufnehmen.")
        elif kind == "district" and ident not in catalog.districts:
            fail(f"{where} führt ins Leere: der Sozialraum {ident!r} fehlt in content/districts.geojson. "
                 "Sozialraum wieder aufnehmen.")
    if elsewhere:
        # One message, not one per line: a changed site_url is one decision.
        first = elsewhere[0]
        problems.append(Problem(
            shown, first.line, 1, "url",
            f"{len(elsewhere)} gedruckte Adressen liegen nicht unter site_url {site_url!r} "
            f"(zuerst {first.url}, gedruckt am {first.printed.isoformat()} auf {first.flyer}): "
            "site_url wurde geändert? Gedruckte Adressen müssen erreichbar bleiben — auf dem alten "
            "Server weiterleiten und site_url zurücksetzen.",
        ))
    return problems
