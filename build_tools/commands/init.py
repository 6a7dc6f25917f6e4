"""``atlas init <folder>``: a new atlas project — settings, example content, pages, flyers, CI.

What is written comes from the package (``site_templates/project/``, see
:mod:`build_tools.resources`), filled in with the town's name and address. The folder must be
new or empty: nothing is ever overwritten.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from urllib.parse import urlsplit

from .. import __version__
from ..clock import build_date
from ..content import display_path
from ..jsonschema_out import write_schemas
from ..resources import project_skeleton_dir

# Names in the package that a wheel could not carry as they are (dot files).
RENAMED = {
    "gitignore": ".gitignore",
    "github-workflow.yml": ".github/workflows/atlas.yml",
    "gitlab-ci.yml": ".gitlab-ci.yml",
}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``atlas init``."""
    parser.add_argument("folder", type=Path, help="Ordner des neuen Projekts (neu oder leer)")
    parser.add_argument("--town", default="Beispielstadt", help="Name der Stadt oder des Kreises")
    parser.add_argument("--name", default=None, help="Name des Atlas (Standard: „Hilfe in <Stadt>“)")
    parser.add_argument("--site-url", default=None, metavar="URL",
                        help="öffentliche Adresse (Standard: https://hilfe.<stadt>.example/)")
    parser.add_argument("--publisher", default=None,
                        help="Herausgeber (Standard: „Stadt <Stadt>“)")


def _values(args: argparse.Namespace) -> dict[str, str]:
    slug = "".join(ch for ch in args.town.lower() if ch.isalnum()) or "stadt"
    site_url = args.site_url or f"https://hilfe.{slug}.example/"
    if not site_url.endswith("/"):
        site_url += "/"
    return {
        "town": args.town,
        "name": args.name or f"Hilfe in {args.town}",
        "site_url": site_url,
        "domain": urlsplit(site_url).hostname or f"{slug}.example",
        "publisher": args.publisher or f"Stadt {args.town}",
        "version": __version__,
        "today": build_date().isoformat(),
    }


def fill(text: str, values: dict[str, str]) -> str:
    """Replace ``{{atlas:key}}`` markers (unknown markers are a mistake in the skeleton)."""
    for key, value in values.items():
        text = text.replace("{{atlas:" + key + "}}", value)
    if "{{atlas:" in text:
        raise ValueError(f"unbekannter Platzhalter in der Vorlage: {text[text.index('{{atlas:'):][:30]}")
    return text


def run(args: argparse.Namespace) -> int:
    """Write the project; exit 1 when the folder already holds something."""
    target: Path = args.folder
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        print(f"atlas: {display_path(target)} ist nicht leer — nichts geschrieben", file=sys.stderr)
        return 1
    values = _values(args)
    skeleton = project_skeleton_dir()
    written = 0
    for source in sorted(skeleton.rglob("*")):
        if not source.is_file() or "__pycache__" in source.parts or source.suffix == ".pyc":
            continue
        relative = source.relative_to(skeleton).as_posix()
        destination = target / RENAMED.get(relative, relative)
        destination.parent.mkdir(parents=True, exist_ok=True)
        destination.write_text(fill(source.read_text(encoding="utf-8"), values), encoding="utf-8")
        written += 1
    schemas = write_schemas(target / "content")
    print(f"{display_path(target)}: {written + len(schemas)} Dateien angelegt für „{values['name']}“.\n"
          f"Weiter mit: cd {display_path(target)} && atlas check && atlas build")
    return 0
