"""Re-import as a merge: what an editor changed since the last import stays, and is reported.

The values each import wrote are kept per source in a state file beside the mapping,
``content/import/<format>-state.json`` (``{"osm:node/123": {"id": ..., "fields": {...}}}``):
a visible, diffable file in the repository, so a reviewer sees what the last import said, and
the offer files carry nothing but ``source:``. For every field (one level deep: ``location.street``):

* the file still holds what the last import wrote → the new import value is taken;
* the editor changed it → the file's value stays, and the report names field, both values;
* an object the source no longer has is reported, never deleted (the editor decides, printed
  URLs and the ledger stay safe); an offer file the editor deleted is not brought back.

:func:`plan_merge` computes everything without touching the disk; :func:`write_merge` writes
(all files into a staging folder first, then moved — like :mod:`.writer`).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from .writer import OFFER_HEADER, to_yaml, write_files

MISSING_CATEGORY = "kategorie-fehlt"
"""The category an import writes when it knows none: ``atlas check`` refuses it (no such
category), the file says why in a comment."""
_MISSING_NOTE = f"category: {MISSING_CATEGORY}  # Kategorie fehlt: eine id aus content/categories.yml eintragen"


@dataclass
class Incoming:
    """One record of the new import: its source key, the id it would get, its offer data."""

    source: str
    id: str
    data: dict[str, Any]
    label: str = ""


@dataclass
class MergePlan:
    """What a merge would do: files to write (path → text), the state, the report lines."""

    files: dict[Path, str] = field(default_factory=dict)
    state: dict[str, Any] = field(default_factory=dict)
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    gone: list[str] = field(default_factory=list)
    not_restored: list[str] = field(default_factory=list)
    unchanged: int = 0

    def report(self) -> list[str]:
        """The report for people, one line each, grouped."""
        lines = [f"neu: {line}" for line in self.added]
        lines += [f"aktualisiert: {line}" for line in self.updated]
        lines += [f"von der Redaktion geändert, behalten: {line}" for line in self.kept]
        lines += [f"in der Quelle nicht mehr vorhanden (nicht gelöscht, bitte prüfen): {line}" for line in self.gone]
        lines += [f"von der Redaktion gelöscht, nicht neu angelegt: {line}" for line in self.not_restored]
        return lines

    def summary(self) -> str:
        """One sentence with the counts."""
        return (f"{len(self.added)} neu, {len(self.updated)} aktualisiert, {self.unchanged} unverändert, "
                f"{len(self.kept)} Änderungen der Redaktion behalten, {len(self.gone)} in der Quelle entfernt")


def state_path(content: Path, fmt: str) -> Path:
    """Where the state of imports of ``fmt`` (``osm``, ``hsds``) lives."""
    return content / "import" / f"{fmt}-state.json"


def read_state(path: Path) -> dict[str, Any]:
    """The state file's records (empty when there is none yet)."""
    if not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data.get("records", {}) if isinstance(data, dict) else {}


def flatten(data: dict[str, Any]) -> dict[str, Any]:
    """``{"location": {"lat": 1}}`` → ``{"location.lat": 1}`` (one level), JSON-comparable."""
    out: dict[str, Any] = {}
    for key, value in data.items():
        if isinstance(value, dict) and key in ("location", "contact", "access"):
            for sub, inner in value.items():
                out[f"{key}.{sub}"] = _plain(inner)
        else:
            out[key] = _plain(value)
    return out


def unflatten(flat: dict[str, Any], order: list[str]) -> dict[str, Any]:
    """The inverse of :func:`flatten`, top-level keys in ``order`` first."""
    out: dict[str, Any] = {}
    for key in sorted(flat, key=lambda k: (order.index(k.split(".")[0]) if k.split(".")[0] in order else 99, k)):
        value = flat[key]
        if value is None:
            continue
        head, _, sub = key.partition(".")
        if sub:
            out.setdefault(head, {})[sub] = value
        else:
            out[head] = value
    return out


def _plain(value: Any) -> Any:
    return json.loads(json.dumps(value, default=_default, ensure_ascii=False))


def _default(value: Any) -> str:
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(type(value).__name__)


def existing_sources(offers_dir: Path) -> dict[str, tuple[Path, dict[str, Any]]]:
    """``source:`` of every offer file → (path, its data). Files that do not load are skipped."""
    found: dict[str, tuple[Path, dict[str, Any]]] = {}
    for path in sorted(offers_dir.glob("*.yml")) if offers_dir.is_dir() else []:
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (OSError, yaml.YAMLError, UnicodeDecodeError):
            continue
        if isinstance(data, dict) and isinstance(data.get("source"), str):
            found[data["source"]] = (path, data)
    return found


def plan_merge(incoming: list[Incoming], offers_dir: Path, state: dict[str, Any], prefix: str,
               order: list[str]) -> MergePlan:
    """Merge ``incoming`` with the offer files and the last import's ``state``.

    ``prefix``: the sources this importer owns (``osm:``, ``hsds:``); only their records can be
    reported as gone."""
    plan = MergePlan(state={k: v for k, v in state.items()})
    current = existing_sources(offers_dir)
    taken = {p.stem for p in offers_dir.glob("*.y*ml")} if offers_dir.is_dir() else set()
    seen: set[str] = set()
    for record in incoming:
        seen.add(record.source)
        new = flatten(record.data)
        last = state.get(record.source)
        if record.source in current:
            path, data = current[record.source]
            plan.state[record.source] = {"id": path.stem, "fields": new}
            _merge_one(plan, path, flatten(data), (last or {}).get("fields", {}), new, order)
            continue
        if last is not None:
            plan.not_restored.append(f"{last.get('id')}.yml ({record.source}, {record.label})")
            continue
        offer_id = _free_id(record.id, taken)
        taken.add(offer_id)
        path = offers_dir / f"{offer_id}.yml"
        plan.files[path] = offer_text(record.data)
        plan.state[record.source] = {"id": offer_id, "fields": new}
        plan.added.append(f"{path.name} ({record.source}, {record.label})")
    for source, last in sorted(state.items()):
        if source.startswith(prefix) and source not in seen:
            where = current[source][0].name if source in current else f"{last.get('id')}.yml (Datei fehlt)"
            plan.gone.append(f"{where} ({source})")
    return plan


def _merge_one(plan: MergePlan, path: Path, mine: dict[str, Any], last: dict[str, Any],
               new: dict[str, Any], order: list[str]) -> None:
    result = dict(mine)
    changed: list[str] = []
    for key in sorted(set(new) | set(last)):
        before, theirs, ours = last.get(key), new.get(key), mine.get(key)
        if theirs == before and key in last:
            continue  # the source did not change it
        if ours == before or (key not in last and key not in mine):
            if ours != theirs:
                result[key] = theirs
                changed.append(key)
        elif ours != theirs:
            plan.kept.append(f"{path.name}: {key}: Redaktion {_shown(ours)}, Quelle {_shown(theirs)}")
    if changed:
        plan.files[path] = offer_text(unflatten(result, order))
        plan.updated.append(f"{path.name}: " + ", ".join(changed))
    else:
        plan.unchanged += 1


def _shown(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 60 else text[:59] + "…"


def _free_id(wanted: str, taken: set[str]) -> str:
    candidate, n = wanted, 2
    while candidate in taken:
        candidate, n = f"{wanted[:36].rstrip('-')}-{n}", n + 1
    return candidate


def offer_text(data: dict[str, Any]) -> str:
    """One offer file; a missing category carries its comment."""
    text = to_yaml(OFFER_HEADER, data)
    return re.sub(rf"^category: {MISSING_CATEGORY}$", _MISSING_NOTE, text, flags=re.MULTILINE)


def state_text(records: dict[str, Any], about: dict[str, Any]) -> str:
    """The state file: what it is, then the records sorted by source."""
    return json.dumps({"about": about, "records": dict(sorted(records.items()))},
                      ensure_ascii=False, indent=1, sort_keys=False) + "\n"


def write_merge(plan: MergePlan, extra: dict[Path, str]) -> list[Path]:
    """Write the plan's files and ``extra`` (state, attribution): all or nothing."""
    return write_files({**plan.files, **extra})
