"""The editors' guide shows what the renderer really prints, and every example parses."""

from __future__ import annotations

import re
from pathlib import Path

from build_tools.opening_hours import describe_hours, parse_hours

DOC = Path(__file__).resolve().parents[2] / "docs" / "opening-hours.md"
ROW = re.compile(r"^\| `([^`]+)`(?: oder `[^`]+`)? \| [^|]+ \| ([^|]*) \|$")


def test_every_table_example_renders_as_documented():
    rows = [ROW.match(line) for line in DOC.read_text(encoding="utf-8").splitlines()]
    rows = [m for m in rows if m]
    assert len(rows) >= 15
    for match in rows:
        text, shown = match.group(1), match.group(2).strip()
        parse_hours(text)
        if shown:
            assert "; ".join(describe_hours(text)) == shown, text
