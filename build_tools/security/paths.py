"""Output paths that cannot leave ``site/``: one check for every writer.

Ids are already restricted by the schema (``a–z``, ``0–9``, ``-``), but writers also build paths
from slugs, file names and configuration. :func:`safe_join` is the last gate before the disk:
it refuses anything that could climb out of the output folder or mean something else on another
file system (Windows device names, trailing dots, case-only differences, look-alike letters).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path

_WINDOWS_DEVICES = re.compile(
    r"^(con|prn|aux|nul|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$", re.IGNORECASE
)
_WINDOWS_FORBIDDEN = set('<>:"|?*')


class UnsafePath(ValueError):
    """A relative output path that is not allowed; the message says why (German)."""


def check_relative(relpath: str) -> str:
    """Return ``relpath`` unchanged if it is a safe, portable relative path; else raise."""
    if not isinstance(relpath, str) or not relpath:
        raise UnsafePath("leerer Pfad")
    if "\x00" in relpath:
        raise UnsafePath(f"NUL-Zeichen im Pfad {relpath!r}")
    if "\\" in relpath:
        raise UnsafePath(f"Backslash im Pfad {relpath!r}")
    if relpath.startswith("/") or re.match(r"^[A-Za-z]:", relpath):
        raise UnsafePath(f"absoluter Pfad {relpath!r}")
    if unicodedata.normalize("NFC", relpath) != relpath:
        raise UnsafePath(f"Pfad {relpath!r} ist nicht Unicode-normalisiert (NFC)")
    if not relpath.isascii():
        # Every site path comes from the URL authority and is ASCII; anything else could be a
        # look-alike ("tаfel" with a Cyrillic а) of a real page.
        raise UnsafePath(f"Pfad {relpath!r} enthält Zeichen außerhalb von ASCII")
    for segment in relpath.rstrip("/").split("/"):
        if segment in ("", ".", ".."):
            raise UnsafePath(f"Pfadteil {segment!r} in {relpath!r} ist nicht erlaubt")
        if any(ord(c) < 32 or ord(c) == 127 or c in _WINDOWS_FORBIDDEN for c in segment):
            raise UnsafePath(f"unzulässiges Zeichen in {relpath!r}")
        if segment[-1] in ". ":
            raise UnsafePath(f"Pfadteil {segment!r} endet mit Punkt oder Leerzeichen")
        if _WINDOWS_DEVICES.match(segment):
            raise UnsafePath(f"Pfadteil {segment!r} ist ein Windows-Gerätename")
    return relpath


def safe_join(root: Path | str, relpath: str) -> Path:
    """``root / relpath`` after :func:`check_relative`, guaranteed to stay inside ``root``.

    Symlinks already present under ``root`` are resolved, so a link pointing outside is refused
    as well.
    """
    check_relative(relpath)
    base = Path(root).resolve()
    target = (base / relpath).resolve()
    if target != base and not target.is_relative_to(base):
        raise UnsafePath(f"Pfad {relpath!r} führt aus dem Zielordner heraus")
    return target


def case_collisions(paths: Iterable[str]) -> list[tuple[str, ...]]:
    """Groups of distinct paths that name the same file on a case-insensitive file system.

    macOS and Windows fold case (and macOS normalises Unicode), so ``Tafel/`` and ``tafel/``
    would overwrite each other there. Each group is sorted; the list is sorted too.
    """
    groups: dict[str, set[str]] = {}
    for path in paths:
        key = unicodedata.normalize("NFC", path).casefold().rstrip("/")
        groups.setdefault(key, set()).add(path)
    return sorted(tuple(sorted(group)) for group in groups.values() if len(group) > 1)
