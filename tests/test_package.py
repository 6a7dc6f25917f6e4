"""The tool as a municipality installs it: a wheel in a fresh virtual environment, far from any
checkout, then ``atlas init``, ``atlas check`` and ``atlas build`` in a new project folder.

No network: the wheel is built with the test environment's setuptools, and the fresh
environment borrows the already installed dependencies through a ``.pth`` line — only
``angebotsatlas`` itself comes from the wheel (the test proves that ``build_tools`` is imported
from the new environment, not from this checkout).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest
import yaml

from build_tools import __version__

from .conftest import ROOT
from .htmlquery import parse

pytestmark = pytest.mark.slow

SOURCES = ("pyproject.toml", "README.md", "build_tools", "site_templates")


def _run(args: list[str], cwd: Path, env: dict[str, str] | None = None) -> str:
    done = subprocess.run(args, cwd=cwd, capture_output=True, text=True, env=env, timeout=600)
    assert done.returncode == 0, f"{' '.join(map(str, args))}\n{done.stdout}\n{done.stderr}"
    return done.stdout + done.stderr


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """``dist/angebotsatlas-<version>-py3-none-any.whl`` built from a copy of the sources."""
    src = tmp_path_factory.mktemp("src")
    for name in SOURCES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, src / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copy(source, src / name)
    dist = src / "dist"
    _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
          "-w", str(dist), str(src)], cwd=src)
    (found,) = dist.glob("angebotsatlas-*.whl")
    return found


def test_the_wheel_carries_templates_assets_fonts_and_the_project_skeleton(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    assert f"angebotsatlas-{__version__}.dist-info/METADATA" in names
    for needed in ("site_templates/atlas/offer.html", "site_templates/overrides/main.html",
                   "site_templates/assets/javascripts/atlas-hours.js",
                   "site_templates/assets/vendor/leaflet/leaflet.js",
                   "site_templates/fonts/DejaVuSans.ttf", "site_templates/project/mkdocs.yml",
                   "site_templates/project/github-workflow.yml"):
        assert needed in names, needed
    assert not [n for n in names if "__pycache__" in n]


def test_installed_wheel_inits_checks_and_builds_a_new_atlas(wheel, tmp_path):
    venv = tmp_path / "venv"
    _run([sys.executable, "-m", "venv", "--without-pip", str(venv)], cwd=tmp_path)
    python = venv / "bin" / "python"
    _run([sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "-q",
          str(wheel)], cwd=tmp_path)
    # The dependencies (MkDocs, Material, ReportLab …) come from the test environment.
    new_site = Path(_run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                         cwd=tmp_path).strip())
    (new_site / "borrowed-dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    work = tmp_path / "rathaus"
    work.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env.update(PATH=f"{venv / 'bin'}:{env.get('PATH', '')}", NO_MKDOCS_2_WARNING="1")
    where = _run([str(python), "-c", "import build_tools, site_templates; "
                  "print(build_tools.__file__); print(site_templates.__file__)"], cwd=work, env=env)
    assert str(ROOT) not in where and all(str(venv) in line for line in where.split())
    atlas = str(venv / "bin" / "atlas")
    _run([atlas, "init", "hilfe-neustadt", "--town", "Neustadt",
          "--site-url", "https://www.kreis-neustadt.example/kreishaus/amt/amt51/hilfe/"], cwd=work, env=env)
    project = work / "hilfe-neustadt"
    github = yaml.safe_load((project / ".github" / "workflows" / "atlas.yml").read_text())
    steps = github["jobs"]["check-and-build"]["steps"]
    assert any(f'angebotsatlas=={__version__}' in step.get("run", "") for step in steps)
    cached = [step["with"] for step in steps if step.get("uses", "").startswith("actions/cache@")]
    assert cached == [{"path": ".cache", "key": f"atlas-{__version__}-${{{{ github.sha }}}}",
                       "restore-keys": f"atlas-{__version__}-"}]  # warm builds: the caches kept
    gitlab = yaml.safe_load((project / ".gitlab-ci.yml").read_text())
    assert f'angebotsatlas=={__version__}' in " ".join(gitlab["atlas"]["script"])
    assert gitlab["atlas"]["cache"] == {"key": f"atlas-{__version__}", "paths": [".cache/"]}
    checked = _run([atlas, "check"], cwd=project, env=env)
    assert "0 Fehler, 0 Warnungen, 3 Angebote geprüft" in checked
    _run([atlas, "build"], cwd=project, env=env)
    page = project / "site" / "angebote" / "notunterkunft-mitte" / "index.html"
    tree = parse(page.read_text(encoding="utf-8"))
    assert tree.find("h1").text.strip() == "Notunterkunft Mitte"
    assert '<html lang="de"' in page.read_text(encoding="utf-8")
    assert (project / "site" / "assets" / "stylesheets" / "atlas.css").is_file()
    assert (project / "site" / "flyers" / "notunterkunft-mitte-karte.pdf").is_file()
    assert (project / "site" / "flyers" / "wegweiser.pdf").is_file()


def test_init_refuses_a_folder_that_holds_something(tmp_path, capsys):
    from build_tools.cli import main

    (tmp_path / "alt.txt").write_text("x")
    assert main(["init", str(tmp_path)]) == 1
    assert "nicht leer" in capsys.readouterr().err


def test_the_readme_tells_a_town_these_steps():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Ein eigener Atlas für Ihre Stadt", 1)[1].split("\n## ", 1)[0]
    block = section.split("```sh\n", 1)[1].split("```", 1)[0]
    steps = [line.split("#")[0].strip() for line in block.splitlines()]
    assert steps[0] == "pip wheel --no-deps -w dist ."
    assert f"pip install dist/angebotsatlas-{__version__}-py3-none-any.whl" in steps[1]
    assert "atlas init hilfe-neustadt --town Neustadt --site-url" in steps[2]
    assert "atlas check" in steps[3] and "atlas build" in steps[3]
