"""The offer files' Git history: one git log call, commit dates, and what happens without Git."""

from __future__ import annotations

import stat
from datetime import date
from pathlib import Path

from build_tools.history import offer_history, parse_log

from .desk.conftest import git, make_content, make_git_content


def test_parse_log_reads_status_and_commit_day():
    text = ("\x001796279087\tZwei Änderungen\n\nM\ttafel.yml\nA\tneu.yml\nD\talt.yml\n"
            "M\tunterordner/x.yml\nM\tnotizen.txt\n\x001796000000\tMerge\n")
    changes = parse_log(text)
    assert [(c.offer_id, c.kind) for c in changes] == [("tafel", "changed"), ("neu", "new"), ("alt", "removed")]
    assert {c.day for c in changes} == {date(2026, 12, 3)}
    assert changes[0].subject == "Zwei Änderungen"


def test_history_of_a_repository(tmp_path: Path):
    git_content = make_git_content(tmp_path)
    history = offer_history(git_content)
    assert history.available
    assert history.first_seen()["tagestreff-mitte"] == date(2026, 10, 1)
    newest = history.last_changed()
    assert newest["tagestreff-mitte"].day == date(2026, 11, 3)
    assert newest["alte-suppenkueche"].subject == "Suppenküche beendet"
    assert offer_history(git_content) == history  # commit dates: the same every time


def test_removed_offer_file(tmp_path: Path):
    git_content = make_git_content(tmp_path)
    (git_content / "offers" / "streetwork.yml").unlink()
    git(git_content.parent, "commit", "-q", "-am", "Streetwork gelöscht", day="2026-11-15")
    change = offer_history(git_content).last_changed()["streetwork"]
    assert (change.kind, change.day) == ("removed", date(2026, 11, 15))


def test_no_repository(tmp_path: Path):
    history = offer_history(make_content(tmp_path))
    assert not history.available and history.changes == ()
    assert "keinem Git-Repository" in history.note


def test_no_git_program(tmp_path: Path, monkeypatch):
    content = make_content(tmp_path)
    monkeypatch.setenv("PATH", str(tmp_path / "nothing-here"))
    assert "nicht installiert" in offer_history(content).note


def test_git_that_hangs_is_given_up(tmp_path: Path, monkeypatch):
    content = make_content(tmp_path)
    tools = tmp_path / "bin"
    tools.mkdir()
    fake = tools / "git"
    fake.write_text("#!/bin/sh\nexec sleep 5\n", encoding="utf-8")
    fake.chmod(fake.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PATH", f"{tools}:/usr/bin:/bin")
    history = offer_history(content, timeout=0.3)
    assert not history.available and "nicht innerhalb von 0.3 s" in history.note
