"""Where imported data comes from, and the credit its licence asks for.

``atlas import osm`` writes ``content/import/sources.yml`` (:mod:`.importers.attribution`);
the load phase reads it into :attr:`Catalog.credits`. An offer whose ``source`` starts with
``osm:`` shows the credit on its page, and ``/daten/`` names every source its datasets hold.
OpenStreetMap data is under the Open Database License: the credit "© OpenStreetMap-Mitwirkende"
with a link to the copyright page, and open data derived from it stays under the ODbL.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .problems import Problem
from .yamlio import YamlProblem, load_yaml_file

SOURCES_FILE = Path("import") / "sources.yml"
FIELDS = ("text", "url", "license", "license_url")


@dataclass(frozen=True)
class Credit:
    """The credit one source asks for."""

    key: str
    text: str
    url: str
    license: str
    license_url: str
    imported: str | None = None
    data_as_of: str | None = None


OSM = Credit(
    "osm", "© OpenStreetMap-Mitwirkende", "https://www.openstreetmap.org/copyright",
    "Open Database License (ODbL) 1.0", "https://opendatacommons.org/licenses/odbl/1-0/",
)
KNOWN = {OSM.key: OSM}
"""Sources whose credit we know even when ``sources.yml`` is missing (an offer keeps its source)."""


def load_credits(content_dir: Path, display: str) -> tuple[dict[str, Credit], list[Problem]]:
    """The credits recorded in ``content/import/sources.yml`` and every problem with the file.

    ``display`` names the file in messages. No file: no recorded credits (known sources such as
    OpenStreetMap are still credited through :func:`credit_for`)."""
    path = content_dir / SOURCES_FILE
    if not path.is_file():
        return {}, []
    try:
        loaded = load_yaml_file(path, display)
    except YamlProblem as exc:
        return {}, [exc.problem]
    if loaded.data is None:
        return {}, []
    if not isinstance(loaded.data, dict):
        return {}, [Problem(display, 1, 1, "", "erwartet je Quelle einen Eintrag (osm: {text: …, "
                            "url: …, license: …}); die Datei schreibt „atlas import osm“ neu")]
    found: dict[str, Credit] = {}
    problems: list[Problem] = []
    for key, entry in loaded.data.items():
        missing = [f for f in FIELDS[:3] if not isinstance(entry, dict) or not isinstance(entry.get(f), str)]
        if missing:
            line, col = loaded.marks.of_key((key,))
            problems.append(Problem(display, line, col, str(key), "es fehlt " + ", ".join(missing)
                                    + ": die Namensnennung kann so nicht erscheinen; „atlas import "
                                    "osm“ erneut ausführen oder ergänzen"))
            continue
        found[str(key)] = Credit(
            str(key), entry["text"], entry["url"], entry["license"], str(entry.get("license_url") or ""),
            _text(entry.get("imported")), _text(entry.get("data_as_of")),
        )
    return found, problems


def _text(value: object) -> str | None:
    return None if value is None else str(value)


def credit_for(source: str | None, credits: dict[str, Credit]) -> Credit | None:
    """The credit an offer with ``source`` must show (``osm:node/1`` → OpenStreetMap)."""
    if not source or ":" not in source:
        return None
    kind = source.split(":", 1)[0]
    return credits.get(kind) or KNOWN.get(kind)
