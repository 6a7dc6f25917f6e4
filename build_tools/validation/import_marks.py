"""What an import left for the editor: ``category: kategorie-fehlt`` is an error naming the fix.

The importers write :data:`~build_tools.importers.merge.MISSING_CATEGORY` when no mapping fits a
service, instead of a silent default. ``build_tools.content`` runs :func:`check_import_marks`
after the reference checks (which then leave the marker to this check).
"""

from __future__ import annotations

from ..problems import Problem
from .facts import OfferFacts
from .report import problem_at

MISSING_CATEGORY = "kategorie-fehlt"


def check_import_marks(files: list[OfferFacts], categories: dict) -> list[Problem]:
    """An error for every offer whose main category is still the import's marker."""
    known = ", ".join(list(categories)[:12]) or "—"
    return [
        problem_at(item.loaded, ("category",),
                   f"Kategorie fehlt (der Import konnte keine zuordnen): eine id aus content/categories.yml "
                   f"eintragen ({known}) oder den Begriff der Quelle in content/import/hsds-mapping.yml "
                   "bzw. osm-mapping.yml zuordnen und neu importieren")
        for item in files if item.category == MISSING_CATEGORY
    ]
