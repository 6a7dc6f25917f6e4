"""Where offers are: districts from coordinates, the atlas region, swapped coordinates,
confidential places, and copies of one offer under two names.

Valid offers without a ``district`` get the one their coordinates lie in (the model is
completed here, as before), so pages and planning see it.
"""

from __future__ import annotations

from ..config import AtlasConfig
from ..geo import DistrictLocator
from ..problems import Problem
from ..schema import COARSE_DIGITS
from .facts import OfferFacts, Place
from .report import problem_at


def check_places(files: list[OfferFacts], districts: dict, config: AtlasConfig) -> list[Problem]:
    """Location problems of every offer file (and the district of valid offers filled in)."""
    problems: list[Problem] = []
    locator = DistrictLocator(districts)
    for item in files:
        data = item.loaded.data
        if data.get("location") is None and not data.get("service_area"):
            problems.append(problem_at(item.loaded, (), "Ort fehlt: location (fester Ort) oder "
                                       "service_area (Liste der Sozialräume) angeben"))
        if item.place is not None:
            problems += _check_place(item, item.place, districts, locator, config)
    return problems


def _check_place(item: OfferFacts, place: Place, districts: dict, locator: DistrictLocator,
                 config: AtlasConfig) -> list[Problem]:
    found: list[Problem] = []

    def at(path: tuple, message: str, severity: str = "error") -> None:
        found.append(problem_at(item.loaded, ("location", *path), message, severity))  # type: ignore[arg-type]

    if place.confidential and place.street:
        at(("street",), "die Adresse eines geschützten Orts steht für immer in der Git-Geschichte "
           "dieser Datei: street löschen (veröffentlicht wird sie ohnehin nie)", "warning")
    if not place.has_point:
        return found
    lat, lon = place.lat, place.lon
    region = config.region
    if not region.contains(lat, lon) and region.contains(lon, lat):  # type: ignore[arg-type]
        at(("lat",), f"lat und lon sind vertauscht: ({lat}, {lon}) liegt außerhalb des "
           f"Atlas-Gebiets, umgekehrt darin — lat: {lon} und lon: {lat} schreiben")
        return found
    if not region.contains(lat, lon):  # type: ignore[arg-type]
        at(("lat",), "Koordinaten liegen außerhalb des Atlas-Gebiets (atlas.region in mkdocs.yml): "
           "Breite (lat) und Länge (lon) prüfen", "warning")
    coarse = place.confidential and place.decimals <= COARSE_DIGITS
    if place.confidential and not coarse:
        at(("lat",), "genaue Koordinaten eines geschützten Orts stehen für immer in der "
           "Git-Geschichte dieser Datei: lat und lon löschen (district genügt) oder auf "
           f"{COARSE_DIGITS} Nachkommastellen runden", "warning")
    district = locator.locate(lat, lon)
    if place.district is not None:
        if district and district != place.district and place.district in districts and not coarse:
            at(("district",), f"die Koordinaten liegen in {district!r}, nicht in "
               f"{place.district!r}: Sozialraum oder Koordinaten prüfen", "warning")
        return found
    offer = item.offer
    if offer is not None and offer.location is not None:
        offer.location.district = district
    if districts and district is None and region.contains(lat, lon):  # type: ignore[arg-type]
        at(("lat",), "die Koordinaten liegen in keinem Sozialraum aus content/districts.geojson: "
           "Koordinaten prüfen oder location.district angeben", "warning")
    return found


def check_copies(files: list[OfferFacts]) -> list[Problem]:
    """A warning on each file with the same title and address as an earlier one (a copy)."""
    problems: list[Problem] = []
    seen: dict[tuple, str] = {}
    for item in files:
        key = _copy_key(item)
        if key is None:
            continue
        if key in seen:
            problems.append(problem_at(
                item.loaded, ("title",),
                f"gleicher Titel und gleiche Adresse wie {seen[key]}: eine Kopie? Eine der Dateien "
                "löschen (ihre id unter aliases: der anderen eintragen) oder Titel bzw. Adresse "
                "unterscheiden",
                "warning",
            ))
        else:
            seen[key] = item.source
    return problems


def _copy_key(item: OfferFacts) -> tuple | None:
    place = item.place
    if not item.title or place is None or item.status == "ended":
        return None
    title = " ".join(item.title.casefold().split())
    if place.street:
        return (title, " ".join(place.street.casefold().split()), place.postal_code,
                (place.city or "").casefold())
    if place.has_point:
        return (title, round(place.lat, 5), round(place.lon, 5))  # type: ignore[arg-type]
    return None
