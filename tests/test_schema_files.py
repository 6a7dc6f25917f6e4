"""The checked-in JSON Schemas and the field reference are derived from the schema: never stale."""

from build_tools.field_docs import render_field_reference
from build_tools.jsonschema_out import render_schemas

from .conftest import CONTENT, ROOT


def test_json_schemas_are_current():
    for name, text in render_schemas(CONTENT).items():
        path = CONTENT / "schema" / name
        assert path.read_text(encoding="utf-8") == text, f"{path} is stale: run `atlas schema`"


def test_field_reference_is_current():
    path = ROOT / "docs" / "felder.md"
    assert path.read_text(encoding="utf-8") == render_field_reference(), "run `atlas schema`"


def test_every_field_has_a_german_description():
    import json

    for name, text in render_schemas(CONTENT).items():
        schema = json.loads(text)
        for model in [schema, *schema.get("$defs", {}).values()]:
            for field, info in model.get("properties", {}).items():
                assert info.get("description"), f"{name}: {field} has no description"
