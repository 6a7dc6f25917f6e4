"""JSON Schemas for editors' IDEs, derived from :mod:`build_tools.schema` (never hand-written).

Sample files start with ``# yaml-language-server: $schema=../schema/offer.schema.json`` so that
VS Code and other editors complete field names and show the German descriptions.
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from .schema import Offer, Organization

SCHEMA_DIR = "schema"
SCHEMAS: dict[str, type[BaseModel]] = {
    "offer.schema.json": Offer,
    "organization.schema.json": Organization,
}


def json_schema(model: type[BaseModel]) -> dict:
    """The JSON Schema (draft 2020-12) of one model, with a German title."""
    schema = model.model_json_schema(mode="validation", by_alias=True)
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}


def render_schemas() -> dict[str, str]:
    """File name → JSON text of every schema, stable byte for byte."""
    return {
        name: json.dumps(json_schema(model), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
        for name, model in SCHEMAS.items()
    }


def write_schemas(content_dir: Path) -> list[Path]:
    """Write the schemas into ``content_dir/schema/``; returns the paths written."""
    folder = content_dir / SCHEMA_DIR
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in render_schemas().items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
