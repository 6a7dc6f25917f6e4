"""Reading HSDS input: files or a folder of JSON, with limits, and telling objects apart.

Input that cannot be used raises :class:`~.tracker.ImportError_` with the file and position.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .tracker import ImportError_

MAX_FILE_BYTES = 100_000_000
MAX_TOTAL_BYTES = 300_000_000
MAX_FILES = 2000
MAX_OBJECTS = 50_000
_SERVICE_KEYS = {"service_at_locations", "assured_date", "fees_description", "eligibility_description",
                 "application_process", "interpretation_services", "service_areas", "program_id"}
SKIP_STEMS = {"datapackage", "taxonomies", "taxonomy_terms", "taxonomy", "taxonomy_term"}

def read_inputs(path: Path) -> list[tuple[str, Any]]:
    """Parsed JSON of a file or of every ``*.json`` in a folder (name, data)."""
    if path.is_dir():
        files = sorted(p for p in path.rglob("*.json") if p.is_file())
        if not files:
            raise ImportError_(f"{path}: keine .json-Dateien gefunden")
    elif path.is_file():
        files = [path]
    else:
        raise ImportError_(f"{path}: Datei oder Ordner nicht gefunden")
    if len(files) > MAX_FILES:
        raise ImportError_(f"{path}: zu viele Dateien ({len(files)}, höchstens {MAX_FILES})")
    total, out = 0, []
    for file in files:
        size = file.stat().st_size
        total += size
        if size > MAX_FILE_BYTES:
            raise ImportError_(f"{file}: zu groß ({size} Bytes, höchstens {MAX_FILE_BYTES})")
        if total > MAX_TOTAL_BYTES:
            raise ImportError_(f"{path}: Eingabe zu groß (mehr als {MAX_TOTAL_BYTES} Bytes)")
        try:
            data = json.loads(file.read_bytes().decode("utf-8-sig"))
        except UnicodeDecodeError:
            raise ImportError_(f"{file}: keine UTF-8-Textdatei") from None
        except json.JSONDecodeError as exc:
            raise ImportError_(f"{file}:{exc.lineno}:{exc.colno}: kein gültiges JSON: {exc.msg}") from None
        except RecursionError:
            raise ImportError_(f"{file}: JSON zu tief verschachtelt") from None
        out.append((str(file), data))
    return out


def classify(obj: dict[str, Any]) -> str:
    """Which HSDS object a dict is: service, organization, service_at_location, or skip kinds."""
    if "resources" in obj:
        return "datapackage"
    if "status" in obj or _SERVICE_KEYS & set(obj):
        return "service"
    if "taxonomy_id" in obj or "term_uri" in obj or "taxonomy" in obj or "taxonomy_detail" in obj:
        return "taxonomy_term"
    if "location" in obj or ("service_id" in obj and "location_id" in obj) or "service" in obj:
        return "service_at_location"
    if "location_type" in obj:
        return "location"
    if "name" in obj and ("version" in obj or "uri" in obj) and "website" not in obj and "services" not in obj:
        return "taxonomy"
    if "name" in obj:
        return "organization"
    return "unknown"


def object_id(obj: dict[str, Any], file: str, where: str) -> str:
    value = obj.get("id")
    if not isinstance(value, str) or not value.strip():
        raise ImportError_(f"{file}: {where}: Objekt ohne id (jedes HSDS-Objekt braucht eine id)")
    return value.strip()


