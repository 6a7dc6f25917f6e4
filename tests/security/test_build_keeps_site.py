"""A bad offer stops the build with its error; the previous site/ stays exactly as it was."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from build_tools.cli import main
from tests.corpus.harness import Case, all_cases, make_content, working_directory

from .conftest import make_project

BY_NAME = {case.name: case for case in all_cases()}


def _snapshot(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*")) if p.is_file()
    }


def test_bad_offer_stops_build_and_keeps_previous_site(tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795305600")  # 2026-11-22, the corpus day
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    content = make_content(tmp_path)
    site = tmp_path / "site"
    args = ["build", "--config", str(make_project(tmp_path)), "--site-dir", str(site)]
    assert main(args) == 0
    before = _snapshot(site)
    assert "angebote/nachbar/index.html" in before
    capsys.readouterr()

    broken: list[Case] = [BY_NAME["anchor.yml"], BY_NAME["bad-contact.yml"], BY_NAME["latin1.yml"]]
    for case in broken:
        case.install(content / "offers")
    assert main(args) == 1
    err = capsys.readouterr().err
    for case in broken:
        for line in case.expected_lines():
            # The build names each problem by file name, line, column and message.
            tail = line.split(f"content/offers/{case.name}", 1)[1]
            assert f"{case.name}{tail}" in err, line
    assert _snapshot(site) == before, "the previous site/ was changed by a failed build"
    staging = [p.name for p in tmp_path.iterdir() if p.name.startswith(".site")]
    assert staging == [], "the failed build left its staging folder behind"

    # atlas check lists every file's problems in the same run.
    with working_directory(tmp_path):
        assert main(["check", "--config", "none.yml", "--content", "content"]) == 1
    lines = capsys.readouterr().err.splitlines()
    expected = sorted(line for case in broken for line in case.expected_lines())
    assert lines[:-1] == expected
