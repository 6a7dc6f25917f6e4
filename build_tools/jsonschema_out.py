"""JSON Schemas for editors' IDEs, derived from :mod:`build_tools.schema` (never hand-written).

Sample files start with ``# yaml-language-server: $schema=../schema/offer.schema.json`` so that
VS Code and other editors complete field names, show the German descriptions and flag
mistakes while typing. The value lists of ``category``, ``target_groups``, districts
(``location.district``, ``service_area``) come from the content folder, so ``atlas schema``
must run again when categories, target groups or districts change (a test compares the
checked-in files with a fresh rendering).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from .geo import load_districts
from .languages import TRANSLATION_LANGUAGES
from .schema import Alert, Offer, Organization
from .yamlio import YamlProblem, load_yaml_file

SCHEMA_DIR = "schema"
SCHEMAS: dict[str, type[BaseModel]] = {
    "offer.schema.json": Offer,
    "organization.schema.json": Organization,
    "alert.schema.json": Alert,
}


def content_values(content_dir: Path | None) -> dict[str, list[str]]:
    """The ids editors may use, read from the content: categories, target groups, districts.

    A list that cannot be read (missing or broken file) is left out: the schema then accepts
    any id there, and ``atlas check`` reports the broken file.
    """
    if content_dir is None:
        return {}
    values: dict[str, list[str]] = {}
    for key, name in (("categories", "categories.yml"), ("target_groups", "target_groups.yml")):
        ids = _list_ids(content_dir / name)
        if ids:
            values[key] = ids
    districts, problems = load_districts(content_dir / "districts.geojson", "districts.geojson")
    if districts and not problems:
        values["districts"] = sorted(districts)
    return values


def _list_ids(path: Path) -> list[str]:
    try:
        data = load_yaml_file(path, path.name).data
    except (YamlProblem, OSError):
        return []
    if not isinstance(data, list):
        return []
    return sorted({str(item["id"]) for item in data if isinstance(item, dict) and item.get("id")})


def _restrict(node: dict[str, Any], values: list[str]) -> None:
    """Add ``enum`` to the string part of ``node`` (directly, in ``anyOf`` or in ``items``)."""
    if node.get("type") == "string":
        node["enum"] = values
    elif node.get("type") == "array" and isinstance(node.get("items"), dict):
        _restrict(node["items"], values)
    for option in node.get("anyOf", []):
        _restrict(option, values)


def json_schema(model: type[BaseModel], values: dict[str, list[str]] | None = None) -> dict:
    """The JSON Schema (draft 2020-12) of one model, with the content's value lists."""
    schema = model.model_json_schema(mode="validation", by_alias=True)
    values = values or {}
    if model is Offer:
        props = schema["properties"]
        for field, key in (("category", "categories"), ("also_categories", "categories"),
                           ("target_groups", "target_groups"), ("service_area", "districts")):
            if key in values:
                _restrict(props[field], values[key])
        if "districts" in values:
            _restrict(schema["$defs"]["Location"]["properties"]["district"], values["districts"])
        props["translations"]["propertyNames"] = {"enum": list(TRANSLATION_LANGUAGES)}
    if model is Alert:  # offer ids are left open: the schema must not change with every offer
        props = schema["properties"]
        for field, key in (("categories", "categories"), ("districts", "districts")):
            if key in values:
                _restrict(props[field], values[key])
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}


def render_schemas(content_dir: Path | None = None) -> dict[str, str]:
    """File name → JSON text of every schema, stable byte for byte."""
    values = content_values(content_dir)
    return {
        name: json.dumps(json_schema(model, values), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
        for name, model in SCHEMAS.items()
    }


def write_schemas(content_dir: Path) -> list[Path]:
    """Write the schemas into ``content_dir/schema/``; returns the paths written."""
    folder = content_dir / SCHEMA_DIR
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in render_schemas(content_dir).items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
