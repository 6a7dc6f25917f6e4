"""Reading and appending the ledger file (plain text, one printed URL per line, diff-friendly)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..problems import Problem

HEADER = (
    "# Gedruckte Adressen — nie löschen, nur ergänzen (atlas flyers --record).\n"
    "# Datum\tURL\tFlyer\tKategorie\tTitel\n"
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

    def to_line(self) -> str:
        """The entry as one tab-separated line (tabs and newlines in values become spaces)."""
        fields = [self.printed.isoformat(), self.url, self.flyer, self.category, self.title]
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
            problems.append(Problem(display, number, 1, "", "erwartet: Datum<TAB>URL<TAB>Flyer[<TAB>Kategorie<TAB>Titel]"))
            continue
        try:
            printed = date.fromisoformat(fields[0].strip())
        except ValueError:
            problems.append(Problem(display, number, 1, "", f"ungültiges Datum {fields[0]!r} (JJJJ-MM-TT)"))
            continue
        padded = [*fields, "", ""]
        entries.append(
            LedgerEntry(printed, fields[1].strip(), fields[2].strip(), padded[3].strip(), padded[4].strip(), number)
        )
    return entries, problems


def append_entries(path: Path, entries: Iterable[LedgerEntry]) -> int:
    """Append entries not yet recorded (same URL and flyer); returns how many were added."""
    existing, _ = read_ledger(path, str(path))
    known = {(e.url, e.flyer) for e in existing}
    new = []
    for entry in entries:
        if (entry.url, entry.flyer) not in known:
            known.add((entry.url, entry.flyer))
            new.append(entry)
    if not new:
        return 0
    path.parent.mkdir(parents=True, exist_ok=True)
    prefix = "" if path.exists() and path.stat().st_size else HEADER
    with path.open("a", encoding="utf-8") as handle:
        handle.write(prefix + "".join(e.to_line() + "\n" for e in new))
    return len(new)
