"""Errors are data: one :class:`Problem` per mistake, formatted for people, CI or machines."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Literal

Severity = Literal["error", "warning"]


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
        """``file:line:col: severity: field: message`` — the form editors and IDEs understand."""
        where = f"{self.field}: " if self.field else ""
        return f"{self.file}:{self.line}:{self.col}: {self.severity}: {where}{self.message}"

    def format_github(self) -> str:
        """A GitHub Actions workflow command, so the finding shows on the changed line."""
        kind = "error" if self.severity == "error" else "warning"
        where = f"{self.field}: " if self.field else ""
        text = _github_escape(f"{where}{self.message}")
        file = _github_escape_property(self.file)
        return f"::{kind} file={file},line={self.line},col={self.col}::{text}"


class ContentError(Exception):
    """Raised by adapters when content has errors; carries every problem found."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = sorted(problems)
        super().__init__(format_problems(self.problems, "text"))


def _github_escape(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _github_escape_property(text: str) -> str:
    return _github_escape(text).replace(":", "%3A").replace(",", "%2C")


def has_errors(problems: Iterable[Problem], strict: bool = False) -> bool:
    """True when any problem is an error (or, with ``strict``, any problem at all)."""
    return any(p.severity == "error" or strict for p in problems)


def format_problems(problems: Iterable[Problem], fmt: str = "text") -> str:
    """Format problems as ``text``, ``github`` or ``json`` (sorted by file and position)."""
    items = sorted(problems)
    if fmt == "json":
        return json.dumps([asdict(p) for p in items], ensure_ascii=False, indent=2)
    if fmt == "github":
        return "\n".join(p.format_github() for p in items)
    return "\n".join(p.format_text() for p in items)
