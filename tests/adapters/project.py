"""A throwaway project (mkdocs.yml like the sample's) around a content folder, for builds in tests."""

from __future__ import annotations

from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "pages" / "fixtures" / "content"


def write_project(tmp: Path, content: Path = FIXTURE, map_options: dict | None = None, **atlas_options) -> Path:
    """Write ``tmp/mkdocs.yml`` pointing at ``content``; returns its path."""
    sample = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    sample["docs_dir"] = str(content / "pages")
    for entry in sample["plugins"]:
        if isinstance(entry, dict) and "atlas" in entry:
            entry["atlas"]["content_dir"] = str(content)
            if content.resolve() != (ROOT / "content").resolve():
                # the sample's committed scenario lives in its own content folder only
                entry["atlas"].get("planning", {}).pop("scenario", None)
            entry["atlas"].update(atlas_options)
            entry["atlas"].setdefault("map", {}).update(map_options or {})
    path = tmp / "mkdocs.yml"
    path.write_text(yaml.safe_dump(sample, allow_unicode=True), encoding="utf-8")
    return path
