"""Errors are data: one :class:`Problem` per mistake, formatted for people, CI or machines."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Literal

Severity = Literal["error", "warning", "info"]
"""``info`` is a report, not a finding to fix (the translation report of ``atlas check``)."""


@dataclass(frozen=True, order=True)
class Problem:
    """One finding in one file, with the position an editor needs to fix it."""

    file: str
    line: int
    col: int
    field: str
    message: str
    severity: Severity = "error"

    def format_text(self) -> str:
        """``file:line:col: severity: field: message`` — the form editors and IDEs understand.

        File names, field names and messages can carry an editor's text (an unknown key, a bad
        value); control and bidi characters in them are shown escaped, so a key with a line
        break cannot forge a second finding and an ESC cannot repaint the terminal.
        """
        where = f"{_visible(self.field)}: " if self.field else ""
        return (
            f"{_visible(self.file)}:{self.line}:{self.col}: {self.severity}: "
            f"{where}{_visible(self.message)}"
        )

    def format_github(self) -> str:
        """A GitHub Actions workflow command, so the finding shows on the changed line."""
        kind = {"error": "error", "info": "notice"}.get(self.severity, "warning")
        where = f"{_visible(self.field)}: " if self.field else ""
        text = _github_escape(f"{where}{_visible(self.message)}")
        file = _github_escape_property(_visible(self.file))
        return f"::{kind} file={file},line={self.line},col={self.col}::{text}"


class ContentError(Exception):
    """Raised by adapters when content has errors; carries every problem found."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = sorted(problems)
        super().__init__(format_problems(self.problems, "text"))

    def __reduce__(self):  # pickles with its problems (raised in a forked build process)
        return (type(self), (self.problems,))


_INVISIBLE_RE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]"
)


def _visible(text: str) -> str:
    """Show control, bidi and line-break characters as ``\\uXXXX`` (one finding, one line)."""
    return _INVISIBLE_RE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _github_escape(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _github_escape_property(text: str) -> str:
    return _github_escape(text).replace(":", "%3A").replace(",", "%2C")


def format_problems(problems: Iterable[Problem], fmt: str = "text") -> str:
    """Format problems as ``text``, ``github`` or ``json`` (sorted by file and position)."""
    items = sorted(problems)
    if fmt == "json":
        return json.dumps([asdict(p) for p in items], ensure_ascii=False, indent=2)
    if fmt == "github":
        return "\n".join(p.format_github() for p in items)
    return "\n".join(p.format_text() for p in items)
