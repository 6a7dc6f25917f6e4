"""pydantic's findings in German, each placed at the line and column of the offending value.

A validator that judges one field by another (``location.confidential`` decides whether
``lat`` is required) reports at the sibling with :func:`build_tools.schema.at_field`; such
errors carry ``ctx["at"]`` and are moved there.
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from ..problems import Problem
from ..yamlio import Marks, dotted_path

# German wording for pydantic's error types; {ctx} values are filled from the error context.
_MESSAGES = {
    "missing": "Pflichtfeld fehlt",
    "extra_forbidden": "unbekanntes Feld (Tippfehler?)",
    "string_type": "erwartet Text",
    "string_too_short": "darf nicht leer sein",
    "string_too_long": "zu lang (höchstens {max_length} Zeichen)",
    "string_pattern_mismatch": "hat nicht das erwartete Format ({pattern})",
    "float_parsing": "erwartet eine Zahl (mit Punkt, z. B. 50.8034)",
    "float_type": "erwartet eine Zahl",
    "finite_number": "erwartet eine endliche Zahl",
    "int_parsing": "erwartet eine ganze Zahl",
    "int_type": "erwartet eine ganze Zahl",
    "greater_than_equal": "muss mindestens {ge} sein",
    "less_than_equal": "darf höchstens {le} sein",
    "bool_parsing": "erwartet true oder false",
    "bool_type": "erwartet true oder false",
    "date_from_datetime_parsing": "erwartet ein Datum im Format JJJJ-MM-TT",
    "date_parsing": "erwartet ein Datum im Format JJJJ-MM-TT",
    "date_type": "erwartet ein Datum im Format JJJJ-MM-TT",
    "date_from_datetime_inexact": "erwartet ein Datum ohne Uhrzeit im Format JJJJ-MM-TT",
    "list_type": "erwartet eine Liste (- eintrag)",
    "dict_type": "erwartet eine Zuordnung (schlüssel: wert)",
    "model_type": "erwartet eine Zuordnung (schlüssel: wert)",
    "model_attributes_type": "erwartet eine Zuordnung (schlüssel: wert)",
    "enum": "erlaubt sind: {expected}",
    "literal_error": "erlaubt sind: {expected}",
    "too_long": "zu viele Einträge (höchstens {max_length})",
    "too_short": "zu wenige Einträge (mindestens {min_length})",
}

_FIELD_HINTS = {
    "color": "Farbe als \"#rrggbb\"",
    "need_label": "ein einziges Wort ohne Leerzeichen, Schrägstrich oder Komma (z. B. Schlafen, Duschen)",
}


def pydantic_problems(exc: ValidationError, marks: Marks, source: str, prefix: tuple = ()) -> list[Problem]:
    """Turn a pydantic error into problems placed at the offending line and column."""
    problems: dict[tuple, Problem] = {}
    errors = [(_yaml_path(err["loc"]), err) for err in exc.errors(include_url=False)]
    for loc, err in errors:
        if err["type"] == "atlas_at":
            loc = (*loc[:-1], err["ctx"]["at"])
        full = (*prefix, *loc)
        kind = err["type"]
        if kind in _TYPE_MISMATCH and any(
            len(other) > len(loc) and other[: len(loc)] == loc for other, _ in errors
        ):
            # A union (provider: text or {name: ...}) got a mapping with a bad field: the
            # field's own error tells more than "erwartet Text" from the other alternative.
            continue
        line, col = marks.of_key(full) if kind == "extra_forbidden" else marks.of_value(full)
        message = _german(err, loc)
        key = (line, col, dotted_path(full))
        # Union types (provider) report one error per alternative; keep the first, most telling.
        if key not in problems:
            problems[key] = Problem(source, line, col, dotted_path(full), message)
    return list(problems.values())


_TYPE_MISMATCH = {"string_type", "model_type", "model_attributes_type", "dict_type"}


def _yaml_path(loc: tuple) -> tuple:
    # pydantic adds union branch names ("str", "InlineProvider", "function-after[...]") to loc.
    out = []
    for part in loc:
        if isinstance(part, str) and (
            part in {"str", "InlineProvider", "list[str]"}
            or "[" in part
            or part.startswith("function-")
        ):
            continue
        out.append("from" if part == "from_" else part)
    return tuple(out)


def _german(err: dict[str, Any], loc: tuple) -> str:
    kind = err["type"]
    ctx = err.get("ctx") or {}
    if kind == "value_error":
        return str(ctx.get("error", err["msg"]))
    if kind == "atlas_at":
        return str(ctx["message"])
    if kind in ("too_long", "too_short") and isinstance(err.get("input"), str):
        kind = f"string_{kind}"  # a length limit on Annotated text reports the generic kind
    template = _MESSAGES.get(kind)
    if template is None:
        return err["msg"]
    last = loc[-1] if loc else ""
    if kind == "string_pattern_mismatch" and last in _FIELD_HINTS:
        return _FIELD_HINTS[last]
    ctx = {k: (int(v) if isinstance(v, float) and v.is_integer() else v) for k, v in ctx.items()}
    if kind in ("enum", "literal_error") and "expected" in ctx:
        ctx = {**ctx, "expected": str(ctx["expected"]).replace("' or '", "' oder '")}
    try:
        return template.format(**ctx)
    except (KeyError, IndexError):
        return template
