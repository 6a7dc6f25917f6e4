"""Opening hours in OpenStreetMap syntax (the subset help offers need).

Interface used by validation: :func:`parse_hours` returns a schedule or raises
:class:`HoursError` with the 0-based ``offset`` of the offending token in the string.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass
class HoursError(Exception):
    """A problem inside an opening_hours string, at ``offset`` (0-based)."""

    offset: int
    message: str
    hint: str = ""

    def __str__(self) -> str:
        return self.message + (f" ({self.hint})" if self.hint else "")


_ALLOWED = re.compile(r"[A-Za-z0-9:,;\-\[\] /+\"'.äöüÄÖÜß]*")


def parse_hours(text: str) -> str:
    """Placeholder until the full parser lands: checks the character set only."""
    match = _ALLOWED.match(text)
    if match and match.end() != len(text):
        raise HoursError(match.end(), f"unerwartetes Zeichen {text[match.end()]!r}")
    return text
