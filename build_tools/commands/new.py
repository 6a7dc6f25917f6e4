"""``atlas new <id>``: write a commented template for a new offer (never overwrites).

An id that another file already uses — as its ``id:`` or as one of its ``aliases`` (an old
address that redirects there) — is refused, naming that file.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..clock import build_date
from ..content import display_path
from ..offer_template import offer_template
from ..schema import _ID_RE, ID_RULE
from ..yamlio import YamlProblem, load_yaml_file
from .common import add_project_arguments, project


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``atlas new``."""
    parser.add_argument("id", help="id des Angebots, z. B. tafel-nord (wird der Dateiname)")
    parser.add_argument("--category", default=None, help="Kategorie-id (Standard: die erste)")
    add_project_arguments(parser)


def run(args: argparse.Namespace) -> int:
    """Write content/offers/<id>.yml unless it exists or the id is taken elsewhere."""
    if not _ID_RE.match(args.id):
        length = f" (hat {len(args.id)})" if len(args.id) > 64 else ""
        print(f"atlas: {args.id!r} ist keine gültige id: {ID_RULE}{length}", file=sys.stderr)
        return 2
    _, content = project(args)
    category = args.category or _first_category(content)
    target = content / "offers" / f"{args.id}.yml"
    if target.exists():
        print(f"atlas: {display_path(target)} gibt es schon — nichts überschrieben", file=sys.stderr)
        return 1
    taken = id_taken(content / "offers", args.id)
    if taken:
        print(f"atlas: {taken} — bitte eine andere id wählen; nichts angelegt", file=sys.stderr)
        return 1
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(target, "x", encoding="utf-8") as handle:
        handle.write(offer_template(args.id, category, build_date()))
    print(f"{display_path(target)} angelegt. Platzhalter ersetzen, Felder ausfüllen, dann: atlas check")
    return 0


def id_taken(offers: Path, offer_id: str) -> str | None:
    """Which file already uses ``offer_id`` (as ``id:`` or in ``aliases``), in German; or None."""
    if not offers.is_dir():
        return None
    for path in sorted(offers.glob("*.yml")):
        try:
            loaded = load_yaml_file(path, display_path(path))
        except YamlProblem:
            continue  # `atlas check` reports the broken file
        data = loaded.data if isinstance(loaded.data, dict) else {}
        if data.get("id") == offer_id:
            line, _ = loaded.marks.of_value(("id",))
            return f"{offer_id!r} ist schon die id in {loaded.source}:{line}"
        aliases = data.get("aliases")
        if isinstance(aliases, list) and offer_id in aliases:
            line, _ = loaded.marks.of_value(("aliases", aliases.index(offer_id)))
            return (f"{offer_id!r} ist ein alter Name (aliases) des Angebots in "
                    f"{loaded.source}:{line} und leitet dorthin weiter")
    return None


def _first_category(content) -> str:
    import yaml

    try:
        data = yaml.safe_load((content / "categories.yml").read_text(encoding="utf-8"))
        return str(data[0]["id"])
    except Exception:  # any unreadable file: the template still needs some value
        return "beratung"
