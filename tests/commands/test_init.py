"""``atlas init``: what the commands write in a new project stays out of its Git history."""

from __future__ import annotations

import subprocess

from build_tools.cli import main


def _git(project, *args: str) -> str:
    return subprocess.run(["git", "-c", "user.name=Redaktion", "-c", "user.email=redaktion@example.org",
                           *args], cwd=project, check=True, capture_output=True, text=True).stdout


def test_what_build_flyers_export_and_report_write_is_ignored_by_the_new_projects_git(tmp_path, monkeypatch):
    project = tmp_path / "hilfe-neustadt"
    assert main(["init", str(project), "--town", "Neustadt"]) == 0
    _git(project, "init", "-q")
    _git(project, "add", "-A")
    _git(project, "commit", "-q", "-m", "Neuer Atlas")
    monkeypatch.chdir(project)
    for command in (["build"], ["flyers"], ["export"], ["report"]):
        assert main(command) == 0, command
    assert (project / "planungsbericht" / "planungsbericht.pdf").is_file()
    # An editor's `git add -A` must not commit a site, PDFs or the planners' report.
    assert _git(project, "status", "--porcelain", "--untracked-files=all") == ""
