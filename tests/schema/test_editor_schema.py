"""The editor schema catches mistakes in the IDE: the real yaml-language-server (npm) validates
broken files against the checked-in content/schema/*.json and flags every marked line; the
sample's own files get no complaint at all (a schema that cried wolf would be switched off).

Each file in ``fixtures/`` marks the lines that must be flagged with a trailing ``# FEHLER``.
A missing ``node`` or ``npm ci`` fails the test: it never skips.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ..conftest import CONTENT
from .lsp import Server, ToolMissing, command

FIXTURES = sorted((Path(__file__).parent / "fixtures").glob("*.yml"))
SAMPLE = sorted((CONTENT / "offers").glob("*.yml")) + sorted((CONTENT / "organizations").glob("*.yml"))
MARK = "# FEHLER"


def _marked_lines(path: Path) -> set[int]:
    """0-based numbers of the lines that carry the mark."""
    return {i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines()) if MARK in line}


@pytest.fixture(scope="module")
def diagnostics(tmp_path_factory) -> dict[Path, list[dict]]:
    try:
        command()
    except ToolMissing as exc:
        pytest.fail(str(exc))
    with Server(tmp_path_factory.mktemp("lsp")) as server:
        return server.diagnose([*FIXTURES, *SAMPLE])


def test_there_are_enough_broken_files():
    assert len(FIXTURES) >= 20
    assert all(_marked_lines(path) for path in FIXTURES)


@pytest.mark.parametrize("path", FIXTURES, ids=[p.stem for p in FIXTURES])
def test_each_broken_file_is_flagged_where_marked(diagnostics, path):
    found = diagnostics[path]
    lines = {d["range"]["start"]["line"] for d in found if d.get("severity", 1) <= 2}
    assert _marked_lines(path) <= lines, found
    assert lines <= _marked_lines(path), f"unexpected complaints: {found}"


def test_the_sample_is_clean(diagnostics):
    complaints = {path.name: found for path, found in diagnostics.items()
                  if path in SAMPLE and found}
    assert complaints == {}
