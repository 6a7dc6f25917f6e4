"""The module map in build_tools/__init__.py and the README's architecture match the code."""

from __future__ import annotations

import pkgutil

import build_tools

from .conftest import ROOT


def test_every_module_is_on_the_map():
    doc = build_tools.__doc__ or ""
    names = [m.name for m in pkgutil.iter_modules(build_tools.__path__)]
    missing = [name for name in names if f":mod:`.{name}`" not in doc]
    assert missing == [], f"in build_tools/__init__.py nachtragen: {missing}"
    stale = [part.split("`")[0] for part in doc.split(":mod:`.")[1:]]
    assert [name for name in stale if name not in names] == []


def test_the_readme_describes_the_two_phases():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Aufbau", 1)[1].split("\n## ", 1)[0]
    assert "build_tools/build.py" in section
    for step in ("load(project)", "render(inputs, tools)", "atlas check"):
        assert step in section
