"""Write imported offers and organizations as YAML, all or nothing.

Files are first written into a staging folder beside the target; only when every file is
written do they move into place (the whole folder is renamed when the target is new). An
existing file is never overwritten: the import stops before writing anything.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

import yaml

OFFER_HEADER = "# yaml-language-server: $schema=../schema/offer.schema.json\n"
ORG_HEADER = "# yaml-language-server: $schema=../schema/organization.schema.json\n"


class _Dumper(yaml.SafeDumper):
    """Block style, long lines kept, dates as plain ``YYYY-MM-DD``."""


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)
_Dumper.add_representer(date, lambda d, v: d.represent_scalar("tag:yaml.org,2002:timestamp", v.isoformat()))


def to_yaml(header: str, data: dict[str, Any]) -> str:
    """One YAML document with the schema comment first."""
    body = yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True,
                     default_flow_style=False, width=100)
    return header + body


def write_all(offers: dict[str, dict[str, Any]], organizations: dict[str, dict[str, Any]],
              offers_dir: Path, orgs_dir: Path) -> list[Path]:
    """Write every file or none; returns the written paths. Raises FileExistsError."""
    plan = [(offers_dir / f"{oid}.yml", to_yaml(OFFER_HEADER, data)) for oid, data in sorted(offers.items())]
    plan += [(orgs_dir / f"{oid}.yml", to_yaml(ORG_HEADER, data)) for oid, data in sorted(organizations.items())]
    existing = [str(path) for path, _ in plan if path.exists()]
    if existing:
        raise FileExistsError("gibt es schon (nichts geschrieben): " + ", ".join(existing[:10])
                              + (" …" if len(existing) > 10 else ""))
    parent = offers_dir.parent
    parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".atlas-import-", dir=parent))
    try:
        staged: dict[Path, list[tuple[Path, Path]]] = {}
        for path, text in plan:
            moves = staged.setdefault(path.parent, [])
            folder = staging / str(list(staged).index(path.parent))
            folder.mkdir(exist_ok=True)
            temp = folder / path.name
            temp.write_text(text, encoding="utf-8")
            moves.append((temp, path))
        for target_dir, moves in staged.items():
            if not target_dir.exists():
                target_dir.parent.mkdir(parents=True, exist_ok=True)
                shutil.move(str(moves[0][0].parent), str(target_dir))  # a rename on one disk
            else:
                for temp, final in moves:
                    shutil.move(str(temp), str(final))
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return [path for path, _ in plan]


def write_files(files: dict[Path, str]) -> list[Path]:
    """Write (or replace) every file or none: each is first written beside its target, then
    every one is moved into place. Returns the paths, sorted."""
    temps: list[tuple[Path, Path]] = []
    try:
        for path, text in sorted(files.items()):
            path.parent.mkdir(parents=True, exist_ok=True)
            temp = path.with_name(f".atlas-import-{path.name}.tmp")
            temp.write_text(text, encoding="utf-8")
            temps.append((temp, path))
        for temp, path in temps:
            os.replace(temp, path)
    finally:
        for temp, _ in temps:
            temp.unlink(missing_ok=True)
    return sorted(files)
