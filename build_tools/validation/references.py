"""Cross-file references of offers: ids, categories, target groups, provider, related, aliases.

Every reference is checked in every file that parsed, valid or not, so one run lists them all.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..problems import Problem
from ..urls import RESERVED_IDS
from .facts import OfferFacts
from .import_marks import MISSING_CATEGORY
from .report import id_path, problem_at


def _known(names: Iterable[str]) -> str:
    listed = list(names)
    shown = ", ".join(listed[:20]) + (" …" if len(listed) > 20 else "")
    return shown or "—"


def check_references(
    files: list[OfferFacts], categories: dict, groups: dict, districts: dict, orgs: Iterable[str]
) -> list[Problem]:
    """Problems with ids and references across all offer files (errors).

    ``orgs`` are the ids of the organization files (valid or not).
    """
    orgs = set(orgs)
    problems: list[Problem] = []
    ids = {f.id for f in files if f.id}
    first_file: dict[str, str] = {}
    alias_owner: dict[str, str] = {}
    for item in files:
        loaded = item.loaded

        def err(path: tuple, message: str, _loaded=loaded) -> None:
            problems.append(problem_at(_loaded, path, message))

        if item.id in RESERVED_IDS:
            err(id_path(loaded), f"die id {item.id!r} ist reserviert; bitte eine andere wählen")
        if item.id and item.id in first_file:
            err(id_path(loaded), f"die id {item.id!r} gibt es schon in {first_file[item.id]}")
        elif item.id:
            first_file[item.id] = item.source
        if item.category and item.category not in categories and item.category != MISSING_CATEGORY:
            err(("category",), f"unbekannte Kategorie {item.category!r}; bekannt: {_known(categories)}")
        for i, cat in item.also_categories:
            if cat not in categories:
                err(("also_categories", i), f"unbekannte Kategorie {cat!r}; bekannt: {_known(categories)}")
        for i, group in item.target_groups:
            if group not in groups:
                err(("target_groups", i), f"unbekannte Zielgruppe {group!r}; bekannt: {_known(groups)}")
        if item.provider and item.provider not in orgs:
            err(("provider",), f"unbekannter Träger {item.provider!r}: Datei content/organizations/"
                f"{item.provider}.yml fehlt (für einen Namen ohne eigene Datei: provider: {{name: ...}})")
        for i, rel in item.related:
            if rel == item.id:
                err(("related", i), "ein Angebot kann nicht auf sich selbst verweisen")
            elif rel not in ids:
                err(("related", i), f"unbekanntes Angebot {rel!r}: id eines Angebots aus content/offers/ angeben")
        for i, alias in item.aliases:
            if alias in ids:
                err(("aliases", i), f"der alte Name {alias!r} ist die id eines bestehenden Angebots")
            elif alias in alias_owner:
                err(("aliases", i), f"der alte Name {alias!r} steht schon bei {alias_owner[alias]}")
            else:
                alias_owner[alias] = item.source
        for i, district in item.service_area:
            if districts and district not in districts:
                err(("service_area", i), f"unbekannter Sozialraum {district!r}; bekannt: {_known(districts)}")
        place = item.place
        if place and place.district and districts and place.district not in districts:
            err(("location", "district"),
                f"unbekannter Sozialraum {place.district!r}; bekannt: {_known(districts)}")
    return problems
