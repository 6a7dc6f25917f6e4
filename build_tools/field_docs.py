"""The field reference for editors (docs/felder.md), derived from the schema like the JSON Schema."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from .schema import (
    Access,
    Address,
    Alert,
    Contact,
    Location,
    Offer,
    Organization,
    Season,
    Translation,
)

SECTIONS: list[tuple[str, type[BaseModel]]] = [
    ("Angebot (oberste Ebene)", Offer),
    ("location — fester Ort", Location),
    ("contact — Kontakt", Contact),
    ("access — Zugang", Access),
    ("season — Saison", Season),
    ("translations.<sprache> — Übersetzung", Translation),
    ("Träger (eine Datei in content/organizations/)", Organization),
    ("address — Anschrift des Trägers", Address),
    ("Hinweis für die ganze Website (eine Datei in content/alerts/)", Alert),
]
LONG_LIST = 8
"""Enumerations longer than this (language and country codes) are shown as "Code"."""


def _type_name(info: dict[str, Any]) -> str:
    if info.get("format") == "date":
        return "Datum JJJJ-MM-TT"
    if "type" in info and not ("enum" in info and info["type"] == "string"):
        kind = info["type"]
        if kind == "array":
            return "Liste"
        return {"string": "Text", "number": "Zahl", "integer": "ganze Zahl",
                "boolean": "true/false", "object": "Zuordnung"}.get(kind, kind)
    if "enum" in info:
        if len(info["enum"]) > LONG_LIST:
            return "Code"
        return " / ".join(str(v) for v in info["enum"])
    if "$ref" in info:
        return "Zuordnung"
    options = info.get("anyOf") or info.get("oneOf")
    if options:
        names = [_type_name(o) for o in options if o.get("type") != "null"]
        return " oder ".join(dict.fromkeys(names))
    return "—"


def render_field_reference() -> str:
    """Markdown tables, one per model, with each field's type, whether required, and description."""
    lines = [
        "# Felder eines Angebots",
        "",
        "Erzeugt aus `build_tools/schema.py` mit `atlas schema` — nicht von Hand ändern.",
        "Wie man die Felder ausfüllt (Anführungszeichen, Platzhalter, geschützte Orte, Kosten, "
        "Sprachen, Postleitzahlen im Ausland): [redaktion.md](redaktion.md); Öffnungszeiten: "
        "[opening-hours.md](opening-hours.md).",
        "",
    ]
    for heading, model in SECTIONS:
        schema = model.model_json_schema(by_alias=True)
        defs = schema.get("$defs", {})
        required = set(schema.get("required", []))
        lines += [f"## {heading}", "", "| Feld | Art | Pflicht | Bedeutung |", "| --- | --- | --- | --- |"]
        for name, info in schema["properties"].items():
            ref = info.get("$ref", "")
            if ref:
                info = {**defs.get(ref.split("/")[-1], {}), **info}
            description = (info.get("description") or "").replace("|", "\\|").replace("\n", " ")
            lines.append(
                f"| `{name}` | {_type_name(info)} | {'ja' if name in required else 'nein'} | {description} |"
            )
        lines.append("")
    return "\n".join(lines)
