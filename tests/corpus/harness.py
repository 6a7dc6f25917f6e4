"""Shared by the corpus tests, the browser XSS test and the benchmark: one case → one content tree.

A content tree is the small fixture (``fixture/``: categories, target groups, districts, one
organization, one valid neighbour offer) plus exactly one corpus case in ``offers/``.
"""

from __future__ import annotations

import os
import shutil
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml

from build_tools.yamlio import load_yaml_file

from .generated import RECIPES

HERE = Path(__file__).resolve().parent
FIXTURE = HERE / "fixture"
MANIFEST = HERE / "expected.yml"
TODAY = date(2026, 11, 22)
FOLDERS = ("broken", "hostile")


@dataclass(frozen=True)
class Case:
    """One corpus entry and its declared outcome."""

    group: str  # broken, hostile or generated
    name: str
    expected: dict

    @property
    def id(self) -> str:
        return f"{self.group}/{self.name}".encode("unicode_escape").decode("ascii")

    @property
    def valid(self) -> bool:
        return bool(self.expected.get("valid"))

    def expected_lines(self) -> list[str]:
        """Full ``file:line:col: …`` lines; ``12:3: …`` is short for this case's own file."""
        own = f"content/offers/{self.name}"
        return [
            f"{own}:{line}" if line[:1].isdigit() else line
            for line in self.expected.get("problems", [])
        ]

    def install(self, offers: Path) -> None:
        """Put this case into ``offers`` (copy, or run its generator recipe)."""
        if self.group == "generated":
            RECIPES[self.name](offers, self.name)
        else:
            shutil.copyfile(HERE / self.group / self.name, offers / self.name)


def manifest() -> dict:
    with MANIFEST.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def all_cases() -> list[Case]:
    data = manifest()
    return [
        Case(group, name, expected or {})
        for group in (*FOLDERS, "generated")
        for name, expected in sorted((data.get(group) or {}).items())
    ]


def make_content(root: Path, *cases: Case) -> Path:
    """``root/content`` = fixture + the given cases; returns the content folder."""
    content = root / "content"
    shutil.copytree(FIXTURE, content, symlinks=True)
    for case in cases:
        case.install(content / "offers")
    return content


@contextmanager
def working_directory(path: Path):
    """Run with ``path`` as the working directory (messages show paths relative to it)."""
    before = Path.cwd()
    os.chdir(path)
    try:
        yield
    finally:
        os.chdir(before)


def committed_files() -> dict[str, set[str]]:
    """Every committed corpus file, per folder (each must have a manifest entry)."""
    return {group: {p.name for p in (HERE / group).iterdir() if p.is_file()} for group in FOLDERS}


def payload_yaml(name: str) -> dict:
    """The data of a committed case, read by the atlas loader (every scalar as text)."""
    for group in FOLDERS:
        path = HERE / group / name
        if path.exists():
            return load_yaml_file(path).data
    raise FileNotFoundError(name)
