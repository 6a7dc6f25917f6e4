"""New, changed and ended offers with their dates, newest first.

With Git history (``Inputs.history``) an offer is *new* on the day its file was added, *changed*
on the day of its newest later commit, *ended* on the day of the commit that set it ended (its
newest change; the page stays as a tombstone). Without Git the offers' own dates stand in: a
*changed* event on ``last_verified`` (the day the editor last confirmed the entry), *new* on
``valid_from`` when it has one, *ended* on ``valid_until`` or ``last_verified``. Dates only,
no "now": the same commit gives the same list.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import PurePath

from ..catalog import Catalog
from ..history import History
from ..schema import Offer, Status

MAX_EVENTS = 60
"""Entries on the page and in the feed (a feed reader needs the recent ones only)."""
KIND_WORDS = {"new": "Neu", "changed": "Geändert", "ended": "Beendet"}


@dataclass(frozen=True)
class Event:
    """One offer's news: new, changed or ended on a day."""

    day: date
    kind: str
    offer: Offer

    @property
    def word(self) -> str:
        """``Neu``, ``Geändert`` or ``Beendet``."""
        return KIND_WORDS[self.kind]


def events(catalog: Catalog, history: History, limit: int = MAX_EVENTS) -> list[Event]:
    """The newest ``limit`` events, newest first (ties: ended, new, changed; then by id)."""
    found = _from_git(catalog, history) if history.available and history.changes else _from_dates(catalog)
    order = {"ended": 0, "new": 1, "changed": 2}
    found.sort(key=lambda e: (-e.day.toordinal(), order[e.kind], e.offer.id or ""))
    return found[:limit]


def source_of(history_available: bool) -> str:
    """Where the dates come from, in a sentence for the page."""
    if history_available:
        return "Die Daten stammen aus der Versionsgeschichte der Angebotsdateien (Tag des Commits)."
    return ("Ohne Versionsgeschichte gilt als Datum einer Änderung der Tag der letzten Prüfung "
            "(last_verified), als Beginn „gilt ab“ und als Ende „gilt bis“.")


def _stems(catalog: Catalog) -> dict[str, Offer]:
    return {PurePath(source).stem: catalog.offer(offer_id) for offer_id, source in catalog.sources.items()
            if catalog.has_offer(offer_id)}


def _from_git(catalog: Catalog, history: History) -> list[Event]:
    by_stem = _stems(catalog)
    added = history.first_seen()
    newest = history.last_changed()
    out: list[Event] = []
    for stem, offer in sorted(by_stem.items()):
        last = newest.get(stem)
        if last is None:  # not committed yet: nothing Git can date
            continue
        if offer.status == Status.ended:
            out.append(Event(last.day, "ended", offer))
            continue
        born = added.get(stem)
        if born is not None:
            out.append(Event(born, "new", offer))
        if born is None or last.day > born:
            out.append(Event(last.day, "changed", offer))
    return out


def _from_dates(catalog: Catalog) -> list[Event]:
    out: list[Event] = []
    for offer in catalog.offers:
        if offer.status == Status.ended:
            out.append(Event(offer.valid_until or offer.last_verified, "ended", offer))
            continue
        if offer.valid_from is not None:
            out.append(Event(offer.valid_from, "new", offer))
        out.append(Event(offer.last_verified, "changed", offer))
    return out
