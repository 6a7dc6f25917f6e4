"""Corpus cases that cannot sensibly be committed: written into the offers folder at test time.

Each recipe takes the offers folder and the case name and creates that entry (a file, a link, a
pipe, a folder). Expected outcomes live in ``expected.yml`` under ``generated:`` like all others.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

VALID = (
    "title: Gültig\n"
    "summary: Ein gültiges Angebot.\n"
    "category: essen\n"
    "location: {lat: 50.8, lon: 6.5}\n"
    "last_verified: 2026-10-01\n"
)
ERROR_ON_LINE_3 = VALID.replace("category: essen", "category: unbekannt")
MB = 1024 * 1024
LIMIT = 256 * 1024


def _bytes(data: bytes) -> Callable[[Path, str], None]:
    def write(folder: Path, name: str) -> None:
        (folder / name).write_bytes(data)

    return write


def _symlink(target: str) -> Callable[[Path, str], None]:
    def link(folder: Path, name: str) -> None:
        os.symlink(target, folder / name)

    return link


def _fifo(folder: Path, name: str) -> None:
    os.mkfifo(folder / name)


def _directory(folder: Path, name: str) -> None:
    (folder / name).mkdir()
    (folder / name / "inner.yml").write_text(VALID, encoding="utf-8")


def _padded_to(size: int) -> bytes:
    data = VALID.encode()
    comment = b"# " + b"x" * (size - len(data) - 3) + b"\n"
    return data + comment


def _beside(relpath: str, text: str) -> Callable[[Path, str], None]:
    """Write (or overwrite) a reference-data file beside offers/ instead of an offer."""

    def write(folder: Path, name: str) -> None:
        target = folder.parent / relpath
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")

    return write


RECIPES: dict[str, Callable[[Path, str], None]] = {
    # Reference data can be broken too; its problems come in the same run.
    "organization-broken": _beside(
        "organizations/verein.yml",
        "name: \"\"\nwebsite: javascript:alert(1)\nphone: [1]\nfax: 0\n",
    ),
    "categories-broken": _beside(
        "categories.yml",
        "- {id: essen, label: Essen, color: '#b34700'}\n"
        "- {id: essen, label: Doppelt, color: '#123456'}\n"
        "- {id: rot, label: Rot, color: rot}\n"
        "- {id: Beratung, label: '<b>x</b>', color: '#5d4037'}\n",
    ),
    # Size limits: a 10 MB string, one byte over the cap, exactly the cap (still fine).
    "huge-string-10mb.yml": _bytes(b"title: " + b"A" * (10 * MB) + b"\n"),
    "one-byte-over-limit.yml": _bytes(_padded_to(LIMIT + 1)),
    "exactly-at-limit.yml": _bytes(_padded_to(LIMIT)),
    "description-200kb.yml": _bytes(
        VALID.encode() + b"description: " + b"Lorem ipsum " * 17000 + b"\n"
    ),
    "deep-flow-10000.yml": _bytes(b"title: " + b"[" * 10000 + b"]" * 10000 + b"\n"),
    "many-unknown-keys.yml": _bytes(
        VALID.encode() + b"".join(b"k%d: x\n" % i for i in range(3))
    ),
    # Encodings.
    "latin1.yml": _bytes(VALID.replace("Gültig", "Straße").encode("latin-1")),
    "latin1-line3.yml": _bytes(
        VALID.encode() + "hours_note: Mittwochs geöffnet\n".encode("latin-1")
    ),
    "cp1252-quotes.yml": _bytes(
        VALID.replace("Gültig", "Gut").replace("Ein gültiges", "Ein „gutes“").encode("cp1252")
    ),
    "utf16.yml": _bytes(VALID.encode("utf-16")),
    "bom.yml": _bytes(b"\xef\xbb\xbf" + VALID.encode()),
    "bom-only.yml": _bytes(b"\xef\xbb\xbf"),
    "bom-crlf-error.yml": _bytes(b"\xef\xbb\xbf" + ERROR_ON_LINE_3.replace("\n", "\r\n").encode()),
    "crlf.yml": _bytes(VALID.replace("\n", "\r\n").encode()),
    "crlf-error.yml": _bytes(ERROR_ON_LINE_3.replace("\n", "\r\n").encode()),
    "cr-only-error.yml": _bytes(ERROR_ON_LINE_3.replace("\n", "\r").encode()),
    # Raw invisible characters (escaped forms are committed files).
    "raw-nul.yml": _bytes(VALID.encode() + b"hours_note: a\x00b\n"),
    "raw-bell.yml": _bytes(VALID.encode() + b"hours_note: Klingel\x07\n"),
    "raw-rtl-override.yml": _bytes(
        VALID.replace("title: Gültig", "title: Tafel \u202egnp.exe").encode()
    ),
    "raw-line-separator.yml": _bytes(
        VALID.replace("summary: Ein", "summary: Ein\u2028zweite Zeile").encode()
    ),
    "raw-bom-inside.yml": _bytes(VALID.replace("title: Gültig", "title: Gül\ufefftig").encode()),
    # Things that are not regular files inside content/offers/.
    "symlink-out.yml": _symlink("/etc/passwd"),
    "symlink-inside.yml": _symlink("../categories.yml"),
    "symlink-dangling.yml": _symlink("/nonexistent/offer.yml"),
    "fifo.yml": _fifo,
    "directory.yml": _directory,
    # Files an editor put where nothing reads them: warnings, never silence.
    "tafel.YML": _bytes(VALID.encode()),
    "archiv": _directory,
    "tafel.yml.bak": _bytes(VALID.encode()),
    # A file name that tries to forge a second finding in the text output.
    "x\nforged.yml:1:1: error: gefälscht.yml": _bytes(VALID.encode()),
}
