"""The ``atlas`` command line: every command is offered, only the one that runs is imported."""

from __future__ import annotations

import subprocess
import sys

import pytest

from build_tools import cli
from build_tools.commands import COMMANDS


def _modules_after(argv: list[str]) -> set[str]:
    """The build_tools modules a fresh interpreter has imported after parsing ``argv``."""
    code = ("import sys; from build_tools import cli; cli.build_parser(sys.argv[1:]); "
            "print('\\n'.join(m for m in sys.modules if m.startswith('build_tools')))")
    done = subprocess.run([sys.executable, "-c", code, *argv], capture_output=True, text=True, check=True)
    return set(done.stdout.split())


def test_help_lists_every_command(capsys):
    with pytest.raises(SystemExit):
        cli.main(["--help"])
    listed = capsys.readouterr().out
    for name, help_text in COMMANDS.items():
        assert name.rstrip("_") in listed
        assert help_text.split()[0] in listed


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_each_command_parses_its_own_arguments(name, capsys):
    with pytest.raises(SystemExit) as exit_:
        cli.main([name.rstrip("_"), "--help"])
    assert exit_.value.code == 0
    assert f"atlas {name.rstrip('_')}" in capsys.readouterr().out


def test_only_the_chosen_command_is_imported():
    loaded = _modules_after(["check"])
    assert "build_tools.commands.check" in loaded
    others = {f"build_tools.commands.{name}" for name in COMMANDS if name != "check"}
    assert not loaded & others
    assert "build_tools.importers.hsds" not in loaded  # the importers cost ~100 ms to import


def test_help_alone_imports_no_command():
    loaded = _modules_after(["--version"])
    assert not {m for m in loaded if m.startswith("build_tools.commands.")}


def test_unknown_command_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exit_:
        cli.main(["bauen"])
    assert exit_.value.code == 2
    assert "bauen" in capsys.readouterr().err
