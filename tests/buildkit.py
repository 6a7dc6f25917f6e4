"""Build pieces for tests: a project around a content folder, its inputs, the render tools,
and a fresh clone of the repository."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from pathlib import Path

from build_tools.build import Inputs, Tools, load
from build_tools.config import AtlasConfig
from build_tools.flyers.cache import PdfCache
from build_tools.pages.common import PageInputs
from build_tools.project import Project
from build_tools.templating import templates_for


def project_for(content: Path, settings: AtlasConfig, root: Path | None = None) -> Project:
    """A project whose settings are given directly (no mkdocs.yml); ``root`` holds flyers/."""
    return Project(root=root or content.parent, settings=settings, content_override=content)


def inputs_for(content: Path, settings: AtlasConfig, day: date, root: Path | None = None) -> Inputs:
    """The load phase for a content folder (raises ContentError like a build)."""
    return load(project_for(content, settings, root), day)


def tools(cache_dir: Path | None = None, fork: bool = False) -> Tools:
    """Render tools without project overrides; no PDF cache unless ``cache_dir`` is given."""
    return Tools(templates=templates_for(None), pdf_cache=PdfCache(cache_dir) if cache_dir else None,
                 fork=fork)


def page_inputs(catalog, holidays=(), flyers: frozenset[str] = frozenset()) -> PageInputs:
    """What page renderers read, for a catalog."""
    return PageInputs(catalog=catalog, templates=templates_for(None), holidays=tuple(holidays),
                      flyers=flyers)


def sample_project() -> Project:
    """The sample atlas of this repository, as ``make build`` sees it."""
    from build_tools.project import open_project

    from .conftest import ROOT

    found, problems = open_project(ROOT / "mkdocs.yml")
    assert found is not None, problems
    return found


REPOSITORY = Path(__file__).resolve().parents[1]


def fresh_clone(target: Path) -> Path:
    """The files git tracks, as they are in the working tree: what a new clone holds."""
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=REPOSITORY, capture_output=True, check=True)
    for name in listed.stdout.decode().split("\0"):
        source = REPOSITORY / name
        if name and source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    return target
