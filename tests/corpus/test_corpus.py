"""The broken and hostile corpus: every case gives exactly its declared outcome, never a traceback.

Each case runs alone against the small fixture (``load_catalog``), and a few through
``atlas check`` in every output format; one run with all cases together shows that every
file's problems are collected in the same run.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from build_tools.cli import main
from build_tools.config import AtlasConfig
from build_tools.content import load_catalog

from .harness import (
    TODAY,
    Case,
    all_cases,
    committed_files,
    make_content,
    manifest,
    working_directory,
)

CASES = all_cases()
BY_NAME = {case.name: case for case in CASES}


def _run(root: Path) -> tuple[object, list[str]]:
    with working_directory(root):
        result = load_catalog(Path("content"), AtlasConfig(), TODAY)
    return result, [p.format_text() for p in result.problems]


def test_corpus_is_complete() -> None:
    """Every committed file has a manifest entry and the other way round; sizes as promised."""
    data = manifest()
    for group, names in committed_files().items():
        assert names == set(data[group]), f"{group}/ and expected.yml disagree"
    from .generated import RECIPES

    assert set(RECIPES) == set(data["generated"])
    assert len(data["broken"]) >= 40
    assert len(data["hostile"]) + len(data["generated"]) >= 60


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case, tmp_path: Path) -> None:
    make_content(tmp_path, case)
    result, lines = _run(tmp_path)
    if case.valid:
        assert lines == [], "a valid case produced problems"
        assert result.catalog is not None
        assert result.catalog.has_offer(Path(case.name).stem)
    else:
        assert lines == case.expected_lines()
        errors = [p for p in result.problems if p.severity == "error"]
        assert (result.catalog is None) == bool(errors)


def test_all_cases_in_one_run(tmp_path: Path) -> None:
    """One broken file never hides another: every case's own problems appear in one run."""
    cases = [c for c in CASES if c.name != "categories-broken"]  # it replaces the categories
    make_content(tmp_path, *cases)
    _, lines = _run(tmp_path)
    seen = set(lines)
    for case in cases:
        own = [line for line in case.expected_lines() if not line.startswith("content/offers/")
               or line.startswith(f"content/offers/{case.name}:")]
        if case.name in ("alias-taken.yml", "duplicate-id.yml"):
            continue  # cross-file findings: which file comes first depends on the neighbours
        missing = [line for line in own if line not in seen]
        assert not missing, f"{case.id}: missing in the combined run"


# --- atlas check: formats and exit codes -----------------------------------------------------


def _check(tmp_path: Path, capsys, *args: str) -> tuple[int, str, str]:
    with working_directory(tmp_path):
        code = main(["check", "--config", "missing-mkdocs.yml", "--content", "content", *args])
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture
def frozen_today(monkeypatch: pytest.MonkeyPatch) -> None:
    """atlas check judges dates against SOURCE_DATE_EPOCH: pin it to the corpus day."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795305600")  # 2026-11-22 00:00 UTC


def test_check_clean_exits_0(tmp_path: Path, capsys, frozen_today) -> None:
    make_content(tmp_path, BY_NAME["xss-title.yml"])
    code, out, err = _check(tmp_path, capsys)
    assert code == 0
    assert err.strip() == "0 Fehler, 0 Warnungen, 2 Angebote geprüft"


def test_check_text_lists_every_file(tmp_path: Path, capsys, frozen_today) -> None:
    cases = [BY_NAME[n] for n in ("anchor.yml", "bad-contact.yml", "warn-old-verified.yml")]
    make_content(tmp_path, *cases)
    code, out, err = _check(tmp_path, capsys)
    assert code == 1
    expected = sorted(line for case in cases for line in case.expected_lines())
    # Both files hold "Tafel" at the same point: together they are a copy (a cross-file finding).
    copy = ("content/offers/warn-old-verified.yml:1:8: warning: title: gleicher Titel und gleiche "
            "Adresse wie content/offers/bad-contact.yml: eine Kopie? Eine der Dateien löschen (ihre "
            "id unter aliases: der anderen eintragen) oder Titel bzw. Adresse unterscheiden")
    assert err.splitlines() == [*sorted([*expected, copy]), "4 Fehler, 2 Warnungen"]


def test_check_github_format(tmp_path: Path, capsys, frozen_today) -> None:
    make_content(tmp_path, BY_NAME["duplicate-key.yml"])
    code, out, _ = _check(tmp_path, capsys, "--format", "github")
    assert code == 1
    assert out.splitlines() == [
        "::error file=content/offers/duplicate-key.yml,line=4,col=1::"
        "title: Schlüssel 'title' steht doppelt (zuerst in Zeile 1)"
    ]


def test_check_json_format(tmp_path: Path, capsys, frozen_today) -> None:
    make_content(tmp_path, BY_NAME["lat-out-of-range.yml"])
    code, out, _ = _check(tmp_path, capsys, "--format", "json")
    assert code == 1
    assert json.loads(out) == [
        {"file": "content/offers/lat-out-of-range.yml", "line": 4, "col": 17,
         "field": "location.lat", "message": "darf höchstens 90 sein", "severity": "error"},
        {"file": "content/offers/lat-out-of-range.yml", "line": 4, "col": 26,
         "field": "location.lon", "message": "muss mindestens -180 sein", "severity": "error"},
    ]


def test_check_warnings_exit_0_unless_strict(tmp_path: Path, capsys, frozen_today) -> None:
    make_content(tmp_path, BY_NAME["warn-valid-until-past.yml"])
    code, _, err = _check(tmp_path, capsys)
    assert code == 0
    assert "warning: valid_until: abgelaufen" in err
    code, _, _ = _check(tmp_path, capsys, "--strict")
    assert code == 1


def test_check_forged_file_name_stays_one_line(tmp_path: Path, capsys, frozen_today) -> None:
    make_content(tmp_path, BY_NAME["x\nforged.yml:1:1: error: gefälscht.yml"])
    code, _, err = _check(tmp_path, capsys)
    assert code == 1
    assert len(err.splitlines()) == 2  # one finding, one summary line


@pytest.mark.parametrize("args", [["--format", "xml"], ["--no-such-option"]])
def test_check_usage_error_exits_2(tmp_path: Path, capsys, args: list[str]) -> None:
    make_content(tmp_path)
    with pytest.raises(SystemExit) as exc:
        _check(tmp_path, capsys, *args)
    assert exc.value.code == 2


def test_check_broken_settings_are_problems_with_a_position(tmp_path: Path, capsys) -> None:
    make_content(tmp_path)
    (tmp_path / "mkdocs.yml").write_text("plugins:\n  - atlas:\n      review_months: nie\n")
    with working_directory(tmp_path):
        code = main(["check", "--config", "mkdocs.yml"])
    assert code == 1
    err = capsys.readouterr().err
    assert "mkdocs.yml:3:22: error: atlas.review_months: erwartet eine ganze Zahl" in err, err
