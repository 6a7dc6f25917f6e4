"""Where the package's own files are: templates, theme overrides, assets, fonts, the project skeleton.

They ship as package data of :mod:`site_templates` and are found through
:func:`importlib.resources.files`, never by walking up from a source file, so an atlas builds the
same from a checkout, an editable install or a wheel installed anywhere. MkDocs and ReportLab
need real folders and files, so a package that is not unpacked on disk (a zip import) is refused
with a message instead of a traceback later.
"""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files
from pathlib import Path

PACKAGE = "site_templates"


class MissingResource(RuntimeError):
    """The installation lacks a file the package ships (a broken or zipped install)."""


@lru_cache(maxsize=1)
def package_dir() -> Path:
    """The folder of :mod:`site_templates` on disk."""
    root = files(PACKAGE)
    path = Path(str(root))
    if not path.is_dir():
        raise MissingResource(
            f"Die Vorlagen von Angebotsatlas ({PACKAGE}) liegen nicht als Ordner vor ({root}): "
            "das Paket mit pip neu installieren (nicht als ZIP)"
        )
    return path


def _folder(name: str) -> Path:
    path = package_dir() / name
    if not path.is_dir():
        raise MissingResource(f"Ordner {name}/ fehlt in der Installation ({path}): Paket neu installieren")
    return path


def templates_dir() -> Path:
    """Jinja templates of generated pages (``site_templates/atlas/``)."""
    return _folder("atlas")


def overrides_dir() -> Path:
    """Material theme overrides (``site_templates/overrides/``)."""
    return _folder("overrides")


def assets_dir() -> Path:
    """Files published at ``assets/`` (``site_templates/assets/``)."""
    return _folder("assets")


def fonts_dir() -> Path:
    """The flyers' TrueType fonts (``site_templates/fonts/``)."""
    return _folder("fonts")


def project_skeleton_dir() -> Path:
    """What ``atlas init`` copies into a new project (``site_templates/project/``)."""
    return _folder("project")


def catalogues_dir() -> Path:
    """The UI string catalogues, one YAML file per language (``i18n/de.yml``)."""
    return _folder("i18n")
