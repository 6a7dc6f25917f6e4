"""A site's worth of output from the valid hostile corpus, rendered once per session."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from build_tools.build import render
from build_tools.catalog import Catalog
from build_tools.config import AtlasConfig
from build_tools.outputs import Contribution
from tests.buildkit import inputs_for, tools
from tests.corpus.harness import TODAY, Case, all_cases, make_content, working_directory

SITE_URL = "https://atlas.example/"


def valid_hostile_cases() -> list[Case]:
    """The hostile files that are valid offers: they must render, and render inert."""
    return [c for c in all_cases() if c.valid and c.group == "hostile"]


@dataclass
class HostileRender:
    root: Path
    catalog: Catalog
    contribution: Contribution
    cases: list[Case]


@pytest.fixture(scope="session")
def hostile_render(tmp_path_factory: pytest.TempPathFactory) -> HostileRender:
    root = tmp_path_factory.mktemp("hostile")
    cases = valid_hostile_cases()
    make_content(root, *cases)
    with working_directory(root):
        settings = AtlasConfig(site_url=SITE_URL, flyers=False)
        inputs = inputs_for(Path("content"), settings, TODAY, root)
        contribution = render(inputs, tools())
    return HostileRender(root, inputs.catalog, contribution, cases)


def make_project(root: Path) -> Path:
    """``root/mkdocs.yml``: the sample's settings, but the project (content, flyers, printed-URL
    ledger) is ``root`` itself. Returns the config path."""
    import yaml

    repo = Path(__file__).resolve().parents[2]
    config = yaml.safe_load((repo / "mkdocs.yml").read_text(encoding="utf-8"))
    for entry in config["plugins"]:
        if isinstance(entry, dict) and "atlas" in entry:
            entry["atlas"]["content_dir"] = "content"
            # the sample's committed scenario lives in the sample's content folder only
            entry["atlas"].get("planning", {}).pop("scenario", None)
    config["docs_dir"] = str(repo / "content" / "pages")
    config["site_dir"] = str(root / "site")
    path = root / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path
