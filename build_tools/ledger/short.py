"""Short links of QR codes: which offer each ``q/<code>/`` leads to, and codes that collide.

Every offer id — ended ones too, their page is a tombstone — and every alias has a code
(:func:`build_tools.urls.short_code`). The code of an alias leads to the offer that now holds
the alias, so a printed code keeps working after a rename, exactly like the printed URL.
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import urls
from ..catalog import Catalog
from ..problems import Problem


@dataclass(frozen=True)
class ShortTarget:
    """Where one short code leads."""

    code: str
    name: str
    """The id or alias the code was derived from."""
    offer_id: str
    """The offer the code leads to (``name`` itself, or the offer holding the alias)."""
    via_alias: bool = False


def _names(catalog: Catalog) -> list[ShortTarget]:
    """Ids first, then aliases: on a collision the id keeps its code."""
    found = [ShortTarget(urls.short_code(o.id), o.id, o.id) for o in catalog.offers]
    found += [ShortTarget(urls.short_code(alias), alias, o.id, True)
              for o in catalog.offers for alias in sorted(o.aliases)]
    return found


def short_targets(catalog: Catalog) -> dict[str, ShortTarget]:
    """Code → where it leads, for every offer id and alias of the catalog."""
    targets: dict[str, ShortTarget] = {}
    for target in _names(catalog):
        targets.setdefault(target.code, target)
    return targets


def short_link_problems(catalog: Catalog) -> list[Problem]:
    """An error for every id or alias whose code another one already has (naming both files).

    With seven base32 characters (35 bits) this practically never happens; when it does, the
    offer not yet printed needs another id. Two files holding the *same* name (an alias that is
    another offer's id) are the content validation's business, not reported again here.
    """
    first: dict[str, ShortTarget] = {}
    problems = []
    for target in _names(catalog):
        other = first.setdefault(target.code, target)
        if other.name == target.name:
            continue
        where = catalog.sources.get(target.offer_id, target.offer_id)
        there = catalog.sources.get(other.offer_id, other.offer_id)
        kind = "der alte Name" if target.via_alias else "die id"
        problems.append(Problem(
            where, 1, 1, "aliases" if target.via_alias else "id",
            f"{kind} {target.name!r} ergibt denselben Kurzlink {urls.short_path(target.code)} für "
            f"QR-Codes wie {other.name!r} in {there}. Dem Angebot, dessen Flyer noch nicht "
            "gedruckt sind, eine andere id geben (gedruckte ids nie ändern).",
        ))
    return problems
