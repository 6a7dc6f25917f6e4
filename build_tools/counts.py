"""How many offers the atlas holds, in one definition for every page that prints a number.

The home page, the map page, the A–Z list, the data page and the planning pages used to count
on their own (49 listed, 43 on the map, 48 in planning) without saying why they differ. The
public pages now take every figure from :func:`offer_counts`; a page that shows a smaller
number names the difference in words next to it ("49 Angebote, davon 43 mit festem Ort auf der
Karte. Nur in der Liste: 5 ohne festen Ort …, 1 mit geschützter Adresse."). The planning pages
count by their own stated rule (:mod:`build_tools.planning.season`) and explain their
difference from :attr:`OfferCounts.listed`.

Definitions (each offer once, whatever its number of categories):

- *listed*: every offer not ended — what lists, search and the data downloads hold,
  temporarily closed ones included (they say so on their page);
- *on the map*: listed offers with a public place (:func:`build_tools.catalog.is_public_location`);
  the rest are *without a fixed place* (mobile: street work, the cold-weather bus) or
  *protected* (a confidential address);
- *paused*: listed but temporarily closed;
- *ended*: kept as a tombstone page, listed nowhere.

Pure: reads the catalog, never the clock.
"""

from __future__ import annotations

from dataclasses import dataclass

from .catalog import Catalog, is_public_location
from .schema import Status


@dataclass(frozen=True)
class OfferCounts:
    """The atlas' offers, counted once each."""

    listed: int
    """Not ended: lists, search, downloads."""
    on_map: int
    """Listed offers with a public place: the markers of the overview map."""
    without_place: int
    """Listed, but no fixed place (mobile offers): on no map."""
    protected: int
    """Listed, with a confidential place: on no map, counted everywhere else."""
    paused: int
    """Listed, temporarily closed."""
    ended: int
    """Ended: a tombstone page, listed nowhere."""

    @property
    def off_map(self) -> int:
        """Listed offers the map cannot show (without a fixed place or protected)."""
        return self.without_place + self.protected


def offer_counts(catalog: Catalog) -> OfferCounts:
    """The atlas' offers by the definitions of this module."""
    listed = catalog.published
    return OfferCounts(
        listed=len(listed),
        on_map=sum(1 for o in listed if is_public_location(o)),
        without_place=sum(1 for o in listed if o.location is None),
        protected=sum(1 for o in listed if o.location is not None and not is_public_location(o)),
        paused=sum(1 for o in listed if o.status == Status.temporarily_closed),
        ended=len(catalog.ended),
    )
