"""A content folder for the editors' desk and „Neu und geändert“: the pages fixture plus offers
that need attention (stale, odd websites, a confidential place with a street), optionally in
a Git repository with dated commits."""

from __future__ import annotations

import os
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from build_tools.config import AtlasConfig

from ..pages.conftest import FIXTURE_CONTENT

DAY = date(2026, 11, 22)
SECRET_STREET = "Geheimweg 7"

EXTRA = {
    "alter-treff": """title: Alter Treff
summary: Treffpunkt am Markt, seit Langem nicht geprüft.
category: essen
location: {street: Markt 3, postal_code: "52349", city: Musterstadt, lat: 50.8031, lon: 6.4821}
contact:
  website: http://www.alter-treff.de
last_verified: 2024-05-02
""",
    "platzhalter-beratung": """title: Platzhalter Beratung
summary: Beratung mit einer Web-Adresse, die es nicht gibt.
category: beratung
provider: {name: "=SUMME(A1:A9) e. V."}
location: {street: Markt 5, postal_code: "52349", city: Musterstadt, lat: 50.8032, lon: 6.4822, wheelchair: yes}
opening_hours: "Mo 10:00-12:00"
contact:
  phone: "02421 555111"
  website: https://www.example.com/beratung
last_verified: 2026-10-01
""",
    "schutzwohnung": f"""title: Schutzwohnung
summary: Geschützte Wohnung für Frauen, Adresse nur auf Anfrage.
category: beratung
provider: {{name: "Frauen helfen Frauen e. V.", email: schutz@frauen.musterstadt.example, phone: "02421 555998"}}
location:
  street: {SECRET_STREET}
  lat: 50.81
  lon: 6.49
  confidential: true
opening_hours: "24/7"
contact:
  phone: "02421 555997"
last_verified: 2026-09-01
""",
}


def settings(**changes) -> AtlasConfig:
    """The desk fixture's settings (five languages, so translations go missing)."""
    values = {"name": "Hilfe in Testheim", "site_url": "https://hilfe.test.example/",
              "languages": ["de", "en"], "publisher": "Stadt Testheim", **changes}
    return AtlasConfig(**values)


def make_content(root: Path) -> Path:
    """The fixture content with the extra offers, in ``root/content``."""
    content = root / "content"
    shutil.copytree(FIXTURE_CONTENT, content)
    for name, text in EXTRA.items():
        (content / "offers" / f"{name}.yml").write_text(text, encoding="utf-8")
    return content


def git(repo: Path, *args: str, day: str | None = None) -> None:
    """Run git in ``repo`` (dated commits: author and committer date ``day``)."""
    env = {**os.environ, "GIT_AUTHOR_NAME": "Redaktion", "GIT_AUTHOR_EMAIL": "r@test.example",
           "GIT_COMMITTER_NAME": "Redaktion", "GIT_COMMITTER_EMAIL": "r@test.example"}
    if day:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = f"{day}T12:00:00+00:00"
    subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """The desk content, not in a Git repository."""
    return make_content(tmp_path)


@pytest.fixture
def git_content(tmp_path: Path) -> Path:
    """The desk content in a Git repository (:func:`make_git_content`)."""
    return make_git_content(tmp_path)


def make_git_content(tmp_path: Path) -> Path:
    """The desk content in a Git repository: everything added on 2026-10-01, Tagestreff Mitte
    changed on 2026-11-03, the Alte Suppenküche (ended) last touched on 2026-11-10."""
    content = make_content(tmp_path)
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "Erste Fassung", day="2026-10-01")
    offers = content / "offers"
    path = offers / "tagestreff-mitte.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("An Feiertagen geschlossen.",
                                                               "An Feiertagen zu."), encoding="utf-8")
    git(tmp_path, "commit", "-q", "-am", "Tagestreff: Feiertage", day="2026-11-03")
    path = offers / "alte-suppenkueche.yml"
    path.write_text(path.read_text(encoding="utf-8") + "valid_until: 2026-11-09\n", encoding="utf-8")
    git(tmp_path, "commit", "-q", "-am", "Suppenküche beendet", day="2026-11-10")
    return content
