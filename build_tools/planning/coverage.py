"""Coverage: how many open offers of each category each district has."""

from __future__ import annotations

from dataclasses import dataclass

from ..catalog import District, districts_of
from ..schema import Offer


@dataclass(frozen=True)
class Cell:
    """One cell of the district × category matrix."""

    count: int
    per_10k: float | None
    """Offers per 10,000 inhabitants (None when the population is unknown or zero)."""


def offer_categories(offer: Offer) -> list[str]:
    """Main and additional categories of an offer, each once."""
    return list(dict.fromkeys([offer.category, *offer.also_categories]))


def coverage_matrix(
    offers: list[Offer], districts: dict[str, District], categories: list[str]
) -> dict[tuple[str, str], Cell]:
    """(district id, category id) → cell. An offer counts in its location's district and in
    every district of its service area; confidential offers count like any other."""
    counts = {(d, c): 0 for d in districts for c in categories}
    for offer in offers:
        for district_id in districts_of(offer):
            for category_id in offer_categories(offer):
                key = (district_id, category_id)
                if key in counts:
                    counts[key] += 1
    return {key: Cell(n, per_10k(n, districts[key[0]].population)) for key, n in counts.items()}


def per_10k(count: int, population: int | None) -> float | None:
    """Offers per 10,000 inhabitants."""
    if not population:
        return None
    return count * 10_000 / population
