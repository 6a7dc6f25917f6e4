"""Run the MkDocs build into a temporary folder and swap it in only on success."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import Any


def build_into(cfg: Any, target: Path) -> None:
    """Build ``cfg`` (a loaded MkDocs config) into ``target`` atomically.

    Raises MkDocs' ``Abort`` (or any build error) and leaves ``target`` untouched on failure.
    """
    from mkdocs.commands.build import build

    target = target.resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".site-{target.name}-", dir=target.parent))
    try:
        cfg.site_dir = str(staging)
        build(cfg)
        swap_in(staging, target)
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)


def swap_in(staging: Path, target: Path) -> None:
    """Replace ``target`` by ``staging`` with two renames (the old tree is removed afterwards)."""
    os.chmod(staging, 0o755)  # mkdtemp makes 0700; a web server must read the site
    old = None
    if target.exists():
        old = Path(tempfile.mkdtemp(prefix=f".site-{target.name}-old-", dir=target.parent))
        os.rmdir(old)
        os.replace(target, old)
    os.replace(staging, target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
