"""Validate against the vendored official HSDS 3.0 compiled schemas, strictly.

As upstream's CI does, ``additionalProperties: false`` is set on every object schema, so a
misspelt or invented field is an error.
"""

from __future__ import annotations

import copy
import json
from functools import cache
from pathlib import Path

import jsonschema

HSDS = Path(__file__).resolve().parent.parent / "data" / "hsds-3.0"


def strict(schema):
    """A copy of ``schema`` with ``additionalProperties: false`` on every object with properties."""
    schema = copy.deepcopy(schema)

    def walk(node):
        if isinstance(node, dict):
            if node.get("type") == "object" and "properties" in node:
                node["additionalProperties"] = False
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(schema)
    return schema


@cache
def validator(name: str):
    """Strict validator for a compiled schema (service, organization, service_at_location)."""
    schema = strict(json.loads((HSDS / "schema" / "compiled" / f"{name}.json").read_text("utf-8")))
    cls = jsonschema.validators.validator_for(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


@cache
def sub_validator(*path: str):
    """Strict validator for a nested part of the compiled service schema (taxonomy terms)."""
    node = json.loads((HSDS / "schema" / "compiled" / "service.json").read_text("utf-8"))
    for key in path:
        node = node[key]
    schema = strict(node)
    cls = jsonschema.validators.validator_for(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


TERM_PATH = ("properties", "attributes", "items", "properties", "taxonomy_term")
TAXONOMY_PATH = (*TERM_PATH, "properties", "taxonomy_detail")


def errors(name: str, obj) -> list[str]:
    """Readable validation errors of one object (empty = valid)."""
    if name == "taxonomy_term":
        val = sub_validator(*TERM_PATH)
    elif name == "taxonomy":
        val = sub_validator(*TAXONOMY_PATH)
    else:
        val = validator(name)
    return sorted(
        f"{'/'.join(str(p) for p in e.absolute_path)}: {e.message}" for e in val.iter_errors(obj)
    )
