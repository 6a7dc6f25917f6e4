"""The README's editor guide, followed literally, adds a valid offer to the sample atlas.

`atlas new` writes a template whose placeholders `make check` reports, one error per field, until
the editor has replaced them (step 2 of the guide); then the check passes without warnings.
"""

from __future__ import annotations

import re
import shlex
import shutil

from build_tools.cli import main

from .commands.placeholders import PLACEHOLDER_FIELDS, error_fields, fill_placeholders
from .conftest import ROOT


def _guide_commands() -> list[list[str]]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Ein neues Angebot anlegen", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```sh\n(.*?)```", section, flags=re.S)
    return [shlex.split(line.split("#")[0]) for block in blocks for line in block.splitlines() if line.strip()]


def test_guide_adds_a_valid_offer(tmp_path, monkeypatch, capsys):
    shutil.copytree(ROOT / "content", tmp_path / "content")
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    monkeypatch.chdir(tmp_path)
    commands = _guide_commands()
    assert commands == [
        [".venv/bin/atlas", "new", "kleiderkammer-sued", "--category", "kleidung"],
        ["make", "check"],
    ]
    # `make check` runs `atlas check` (see the Makefile); run both in-process.
    assert main(commands[0][1:]) == 0
    written = tmp_path / "content" / "offers" / "kleiderkammer-sued.yml"
    capsys.readouterr()
    assert main(["check"]) == 1  # the untouched template: every placeholder is an error
    err = capsys.readouterr().err
    assert error_fields(err) == PLACEHOLDER_FIELDS, err
    assert "5 Fehler, 0 Warnungen" in err
    written.write_text(fill_placeholders(written.read_text(encoding="utf-8")), encoding="utf-8")
    assert main(["check", "--strict"]) == 0
    assert "0 Fehler, 0 Warnungen" in capsys.readouterr().err
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^check: .*\n\t\$\(ATLAS\) check$", makefile, flags=re.M)
