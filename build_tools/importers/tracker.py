"""Nothing is dropped silently: every field read is marked, every other one is reported.

A :class:`Tracked` wraps one input object. Mapping code reads fields through it; at the end
:meth:`Tracked.finish` reports each non-empty field nobody read (and :meth:`Tracked.unmapped`
reports a field that was read but could not be used) as a :class:`Unmapped` entry.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from ..schema import Offer


class ImportError_(Exception):
    """Input the importer refuses as a whole (exit 1, nothing written)."""


def valid_offer(data: dict[str, Any], where: str, needed: tuple[str, ...],
                dropped: Callable[[str, str], None]) -> dict[str, Any]:
    """``data`` checked against the offer schema: a field that still fails is reported through
    ``dropped(field, note)`` and left out; a failing field in ``needed`` (or one the schema
    misses) refuses the object, with ``where`` (file and id) in the message."""
    for _ in range(10):
        try:
            Offer.model_validate(data)
            return data
        except ValidationError as exc:
            first = exc.errors()[0]
            key = str(first["loc"][0]) if first["loc"] else ""
            if key not in data or key in needed:
                raise ImportError_(f"{where}: ergibt kein gültiges Angebot: {first['msg']}") from None
            dropped(key, f"nicht übernommen: {first['msg']}")
            data.pop(key)
    raise ImportError_(f"{where}: ergibt kein gültiges Angebot")


@dataclass(frozen=True, order=True)
class Unmapped:
    """One input field that has no place in the atlas (or could not be used)."""

    file: str
    object_id: str
    field: str
    note: str

    def format(self) -> str:
        """``file: object_id: field: note``."""
        return f"{self.file}: {self.object_id}: {self.field}: {self.note}"


@dataclass
class Report:
    """All unmapped fields of one import run, plus counts for the summary."""

    entries: list[Unmapped] = field(default_factory=list)

    def add(self, file: str, object_id: str, field_path: str, note: str) -> None:
        self.entries.append(Unmapped(file, object_id, field_path, note))

    def sorted(self) -> list[Unmapped]:
        return sorted(set(self.entries))


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {}


class Tracked:
    """One input object (dict) whose fields are read through :meth:`get`."""

    def __init__(self, data: dict[str, Any], file: str, object_id: str, path: str, report: Report):
        self.data = data
        self.file = file
        self.object_id = object_id
        self.path = path
        self.report = report
        self.used: set[str] = set()

    def _where(self, key: str) -> str:
        return f"{self.path}.{key}" if self.path else key

    def get(self, key: str, default: Any = None) -> Any:
        """The value of ``key`` (marked as used)."""
        self.used.add(key)
        value = self.data.get(key, default)
        return default if value is None else value

    def text(self, key: str) -> str | None:
        """A string field stripped, None when empty; a non-string is reported."""
        value = self.get(key)
        if value is None:
            return None
        if not isinstance(value, str):
            self.unmapped(key, f"erwartet Text, nicht {type(value).__name__}")
            return None
        return value.strip() or None

    def items(self, key: str) -> list[Tracked]:
        """The objects of a list field as tracked children (non-objects are reported)."""
        value = self.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            self.unmapped(key, "erwartet eine Liste")
            return []
        out = []
        for index, item in enumerate(value):
            if isinstance(item, dict):
                out.append(self.child(item, f"{key}[{index}]"))
            else:
                self.unmapped(f"{key}[{index}]", "erwartet ein Objekt")
        return out

    def child(self, data: dict[str, Any], path: str) -> Tracked:
        """A nested object, reported under this object's id."""
        return Tracked(data, self.file, self.object_id, self._where(path), self.report)

    def obj(self, key: str) -> Tracked | None:
        """A nested object field as tracked child."""
        value = self.get(key)
        if value is None:
            return None
        if not isinstance(value, dict):
            self.unmapped(key, "erwartet ein Objekt")
            return None
        return self.child(value, key)

    def ignore(self, *keys: str) -> None:
        """Fields that need no place (links to parents, the object's own id)."""
        self.used.update(keys)

    def unmapped(self, key: str, note: str) -> None:
        """Report a field that was read but could not be used."""
        self.used.add(key.split("[", 1)[0].split(".", 1)[0])
        self.report.add(self.file, self.object_id, self._where(key), note)

    def finish(self) -> None:
        """Report every non-empty field that was never read."""
        for key in sorted(self.data):
            if key not in self.used and not _empty(self.data[key]):
                self.report.add(self.file, self.object_id, self._where(key), "kein Feld im Atlas")
