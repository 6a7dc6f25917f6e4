"""Output paths: nothing can address a file outside site/ or collide on other file systems."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from build_tools.security.paths import UnsafePath, case_collisions, check_relative, safe_join


@pytest.mark.parametrize(
    "relpath",
    ["angebote/tafel-nord/index.html", "flyers/tafel-nord-karte.pdf", "daten/hsds/services.json",
     "angebote/tafel-nord/", "a"],
)
def test_ordinary_paths_pass(tmp_path: Path, relpath: str) -> None:
    assert safe_join(tmp_path, relpath) == (tmp_path / relpath).resolve()


@pytest.mark.parametrize(
    ("relpath", "reason"),
    [
        ("", "leer"),
        ("../etc/passwd", "'..'"),
        ("angebote/../../x", "'..'"),
        ("angebote/./x", "'.'"),
        ("angebote//x", "''"),
        ("/etc/passwd", "absolut"),
        ("C:/Windows/win.ini", "absolut"),
        ("c:x", "absolut"),
        ("angebote\\..\\x", "Backslash"),
        ("x\x00.html", "NUL"),
        ("con/index.html", "Gerätename"),
        ("flyers/NUL.pdf", "Gerätename"),
        ("angebote/com1/", "Gerätename"),
        ("lpt9.txt", "Gerätename"),
        ("com¹", "ASCII"),  # refused before the device check
        ("angebote/tafel./", "Punkt"),
        ("angebote/tafel /", "Punkt"),
        ("angebote/t<a>fel", "Zeichen"),
        ("angebote/ta:fel", "Zeichen"),
        ("angebote/x\x1b[31m", "Zeichen"),
        ("angebote/tаfel/", "ASCII"),  # Cyrillic а
        ("angebote/ｔａｆｅｌ/", "ASCII"),
        ("angebote/cafe\u0301/", "NFC"),
    ],
)
def test_unsafe_paths_are_refused(tmp_path: Path, relpath: str, reason: str) -> None:
    with pytest.raises(UnsafePath) as exc:
        safe_join(tmp_path, relpath)
    assert reason in str(exc.value)


def test_symlink_inside_the_root_cannot_lead_out(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    os.symlink(tmp_path, site / "angebote")
    with pytest.raises(UnsafePath, match="Zielordner"):
        safe_join(site, "angebote/x.html")


def test_check_relative_returns_the_path() -> None:
    assert check_relative("kategorien/essen/") == "kategorien/essen/"


def test_case_collisions() -> None:
    paths = ["angebote/tafel/", "angebote/Tafel/", "angebote/TAFEL/", "angebote/nord/",
             "flyers/a.pdf", "flyers/A.PDF", "straße", "STRASSE", "daten/x.csv"]
    assert case_collisions(paths) == [
        ("STRASSE", "straße"),
        ("angebote/TAFEL/", "angebote/Tafel/", "angebote/tafel/"),
        ("flyers/A.PDF", "flyers/a.pdf"),
    ]
    assert case_collisions(["a", "b", "a"]) == []
