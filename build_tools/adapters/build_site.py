"""Run the MkDocs build into a temporary folder and swap it in only on success.

A build that fails, or is killed, leaves the previous site byte for byte as it was. Staging
folders carry the builder's process id, so the next build can clear what a killed one left.
"""

from __future__ import annotations

import ctypes
import os
import re
import shutil
import tempfile
from pathlib import Path
from typing import Any

_RENAME_EXCHANGE = 2  # linux/fs.h


def build_into(cfg: Any, target: Path) -> None:
    """Build ``cfg`` (a loaded MkDocs config) into ``target`` atomically.

    Raises MkDocs' ``Abort`` (or any build error) and leaves ``target`` untouched on failure.
    """
    from mkdocs.commands.build import build

    target = target.resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_staging(target)
    staging = Path(tempfile.mkdtemp(prefix=f".site-{target.name}-{os.getpid()}-", dir=target.parent))
    try:
        cfg.site_dir = str(staging)
        build(cfg)
        swap_in(staging, target)
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)


def remove_stale_staging(target: Path) -> None:
    """Delete staging folders beside ``target`` whose build process no longer runs."""
    pattern = re.compile(rf"^\.site-{re.escape(target.name)}-(\d+)-")
    for sibling in target.parent.iterdir():
        match = pattern.match(sibling.name)
        if match and sibling.is_dir() and not _alive(int(match.group(1))):
            shutil.rmtree(sibling, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _exchange(a: Path, b: Path) -> bool:
    """Swap two directories in one atomic step (Linux ``renameat2``); False where unsupported."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd = -100
    result = renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), _RENAME_EXCHANGE)
    return result == 0


def swap_in(staging: Path, target: Path) -> None:
    """Replace ``target`` by ``staging``; the old tree is removed afterwards.

    Where the system can exchange two directories atomically there is no moment without a
    site; elsewhere two renames leave a gap of microseconds.
    """
    os.chmod(staging, 0o755)  # mkdtemp makes 0700; a web server must read the site
    if target.exists() and _exchange(staging, target):
        shutil.rmtree(staging, ignore_errors=True)  # now holds the previous site
        return
    old = None
    if target.exists():
        old = Path(tempfile.mkdtemp(prefix=f".site-{target.name}-{os.getpid()}-old-", dir=target.parent))
        os.rmdir(old)
        os.replace(target, old)
    os.replace(staging, target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
