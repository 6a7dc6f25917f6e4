"""Read a statistics table (CSV) with the line and column of every cell, and its numbers.

The statistics office's export is taken as it comes: UTF-8 (a BOM is fine), ``;`` or ``,`` as
delimiter (the header line decides), decimal comma or point (the file decides: one comma in a
number makes it a comma file, where ``.`` may only group thousands). The marks of German
official statistics are understood: ``.`` (unknown or secret), ``x`` (locked), ``/`` (too
uncertain) and an empty cell mean "no value"; ``-`` and ``–`` mean "exactly nothing" (0).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MISSING = frozenset({"", ".", "x", "X", "/", "…", "...", "k. A.", "k.A."})
"""Cells that mean "no value" (shown as „keine Angabe“)."""
ZERO = frozenset({"-", "–", "—"})
"""Cells that mean "exactly nothing" in German official statistics."""

_SPACES = re.compile(r"(?<=\d)[ \u00a0\u202f](?=\d{3}\b)")
_POINT_NUMBER = re.compile(r"^\d+(\.\d+)?$")
_COMMA_NUMBER = re.compile(r"^(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$")


@dataclass(frozen=True)
class Cell:
    """One field of the table: its text (quotes removed) and where it starts (1-based)."""

    text: str
    line: int
    col: int


class TableError(ValueError):
    """A line that cannot be split into fields; carries the position."""

    def __init__(self, message: str, line: int, col: int):
        super().__init__(message)
        self.message, self.line, self.col = message, line, col


def delimiter_of(header: str) -> str:
    """``;`` when the header line holds one, else ``,``."""
    return ";" if ";" in header else ","


def split_line(line: str, number: int, delimiter: str) -> list[Cell]:
    """The fields of one line (RFC 4180 quoting; a quoted field may not span lines)."""
    cells: list[Cell] = []
    i, n = 0, len(line)
    while True:
        start = i
        if i < n and line[i] == '"':
            i += 1
            parts = []
            while True:
                j = line.find('"', i)
                if j < 0:
                    raise TableError("Anführungszeichen nicht geschlossen (ein Feld darf "
                                     "nicht über mehrere Zeilen gehen)", number, start + 1)
                parts.append(line[i:j])
                if j + 1 < n and line[j + 1] == '"':
                    parts.append('"')
                    i = j + 2
                    continue
                i = j + 1
                break
            if i < n and line[i] != delimiter:
                raise TableError(f"nach dem schließenden Anführungszeichen fehlt das "
                                 f"Trennzeichen {delimiter!r}", number, i + 1)
            text = "".join(parts)
        else:
            j = line.find(delimiter, i)
            j = n if j < 0 else j
            text = line[i:j]
            i = j
        cells.append(Cell(text.strip(), number, start + 1))
        if i >= n:
            return cells
        i += 1
        if i == n:
            cells.append(Cell("", number, n + 1))
            return cells


def read_rows(text: str) -> tuple[list[Cell], list[list[Cell]], str]:
    """Header cells, data rows (blank lines skipped) and the delimiter.

    Raises :class:`TableError` for a line that cannot be split.
    """
    lines = text.splitlines()
    first = next((k for k, line in enumerate(lines) if line.strip()), None)
    if first is None:
        raise TableError("die Tabelle ist leer", 1, 1)
    delimiter = delimiter_of(lines[first])
    header = split_line(lines[first], first + 1, delimiter)
    rows = [split_line(line, k + 1, delimiter) for k, line in enumerate(lines)
            if k > first and line.strip()]
    return header, rows, delimiter


def uses_decimal_comma(texts: list[str]) -> bool:
    """True when any number is written with a decimal comma (then ``.`` groups thousands)."""
    return any("," in t and _COMMA_NUMBER.match(_SPACES.sub("", t)) for t in texts)


def parse_number(text: str, comma: bool) -> float | None:
    """A cell as a number; None for "no value". Raises ValueError with a German message."""
    if text in MISSING:
        return None
    if text in ZERO:
        return 0.0
    plain = _SPACES.sub("", text)
    if comma:
        if _COMMA_NUMBER.match(plain):
            return float(plain.replace(".", "").replace(",", "."))
        if _POINT_NUMBER.match(plain):
            raise ValueError(f"{text!r}: die Datei schreibt Dezimalzahlen mit Komma, hier steht "
                             "ein Punkt (Punkte trennen hier nur Tausender: 1.234,5)")
    elif _POINT_NUMBER.match(plain):
        return float(plain)
    if plain.startswith(("-", "−")) and _POINT_NUMBER.match(plain[1:].replace(",", ".")):
        raise ValueError(f"{text!r}: negative Werte sind hier nicht möglich")
    raise ValueError(f"{text!r} ist keine Zahl: nur die Zahl ohne Einheit (14,2 oder 14.2); "
                     "unbekannt: leer lassen oder „.“")
