"""One helper all checks share: a :class:`Problem` at the position of a field path in a file."""

from __future__ import annotations

from ..problems import Problem, Severity
from ..yamlio import LoadedYaml, dotted_path


def problem_at(loaded: LoadedYaml, path: tuple, message: str, severity: Severity = "error") -> Problem:
    """A finding at the value of ``path`` (or its nearest ancestor that exists) in ``loaded``."""
    line, col = loaded.marks.of_value(path)
    return Problem(loaded.source, line, col, dotted_path(path), message, severity)


def id_path(loaded: LoadedYaml) -> tuple:
    """Where an offer's id is reported: its ``id:`` value, else the top of the file."""
    data = loaded.data
    return ("id",) if isinstance(data, dict) and "id" in data else ()
