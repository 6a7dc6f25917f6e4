"""Reading and appending the ledger file (plain text, one printed URL per line, diff-friendly).

Columns: date, URL, flyer file, category, title and — since QR codes carry short links — the
address the flyer's QR code encodes (``…/q/<code>/``). The last three are optional: lines
written before a column existed stay valid as they are.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..problems import Problem

HEADER = (
    "# Gedruckte Adressen — nie löschen, nur ergänzen (atlas flyers --record).\n"
    "# Datum\tURL\tFlyer\tKategorie\tTitel\tQR-Code\n"
)


@dataclass(frozen=True)
class LedgerEntry:
    """One URL that went to print."""

    printed: date
    url: str
    flyer: str
    category: str = ""
    title: str = ""
    line: int = 0
    qr: str = ""
    """What the flyer's QR code encodes when that is not ``url``: the short link."""

    def to_line(self) -> str:
        """The entry as one tab-separated line (tabs and newlines in values become spaces)."""
        fields = [self.printed.isoformat(), self.url, self.flyer, self.category, self.title]
        if self.qr:
            fields.append(self.qr)
        return "\t".join(f.replace("\t", " ").replace("\n", " ") for f in fields)


def read_ledger(path: Path, display: str) -> tuple[list[LedgerEntry], list[Problem]]:
    """All entries of the ledger (none when the file does not exist) and format problems."""
    if not path.exists():
        return [], []
    entries: list[LedgerEntry] = []
    problems: list[Problem] = []
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return [], [Problem(display, 1, 1, "", f"nicht lesbar: {exc}")]
    for number, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip() or raw.startswith("#"):
            continue
        fields = raw.split("\t")
        if len(fields) < 3:
            problems.append(Problem(display, number, 1, "", "erwartet: Datum<TAB>URL<TAB>Flyer[<TAB>Kategorie<TAB>Titel<TAB>QR-Code]"))
            continue
        try:
            printed = date.fromisoformat(fields[0].strip())
        except ValueError:
            problems.append(Problem(display, number, 1, "", f"ungültiges Datum {fields[0]!r} (JJJJ-MM-TT)"))
            continue
        padded = [f.strip() for f in [*fields, "", "", ""]]
        entries.append(LedgerEntry(printed, padded[1], padded[2], padded[3], padded[4], number,
                                   qr=padded[5]))
    return entries, problems


def append_entries(path: Path, entries: Iterable[LedgerEntry]) -> int:
    """Append entries not yet recorded (same URL, flyer and QR code); returns how many were added.

    A flyer recorded before its code carried a short link is recorded once more with it.
    """
    existing, _ = read_ledger(path, str(path))
    known = {(e.url, e.flyer, e.qr) for e in existing}
    new = []
    for entry in entries:
        if (entry.url, entry.flyer, entry.qr) not in known:
            known.add((entry.url, entry.flyer, entry.qr))
            new.append(entry)
    if not new:
        return 0
    path.parent.mkdir(parents=True, exist_ok=True)
    prefix = "" if path.exists() and path.stat().st_size else HEADER
    with path.open("a", encoding="utf-8") as handle:
        handle.write(prefix + "".join(e.to_line() + "\n" for e in new))
    return len(new)
