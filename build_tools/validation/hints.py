"""Warnings about values that are valid but probably not what the editor meant.

* ``languages: [de, no]``: ``no`` is Norwegian — or "none" written in English.
* e-mail and web addresses ending in a likely typo (``.con``, ``.dee``); ``http://`` websites.
* unquoted text followed by `` #``: YAML reads the rest of the line as a comment
  (``title: Kleiderkammer #2 Süd`` becomes "Kleiderkammer"). A comment after two or more
  spaces, or after a single word such as ``active`` or a number, is taken as deliberate.
"""

from __future__ import annotations

import re
from typing import Any

from ..problems import Problem
from ..schema import _ID_RE
from ..yamlio import LoadedYaml, dotted_path
from .report import problem_at
from .web import tld_typo, url_host

# (path to a mapping, key) of the address fields in offers and organizations.
_EMAILS = (("contact", "email"), ("provider", "email"), ("email",))
_WEBSITES = (("contact", "website"), ("provider", "website"), ("website",))
_DELIBERATE = re.compile(r"[+-]?\d[\d.:-]*")


def check_hints(loaded: LoadedYaml) -> list[Problem]:
    """Warnings for one parsed file (offer or organization)."""
    data = loaded.data
    if not isinstance(data, dict):
        return []
    problems = _language_hints(loaded) + _address_hints(loaded) + comment_hints(loaded)
    return problems


def _get(data: Any, path: tuple) -> Any:
    for key in path:
        if not isinstance(data, dict):
            return None
        data = data.get(key)
    return data


def _language_hints(loaded: LoadedYaml) -> list[Problem]:
    languages = loaded.data.get("languages")
    if not isinstance(languages, list):
        return []
    return [
        problem_at(loaded, ("languages", i),
                   "„no“ ist der Sprachcode für Norwegisch: wenn keine Fremdsprache gemeint ist, "
                   "den Eintrag löschen (Deutsch allein: languages: [de])", "warning")
        for i, code in enumerate(languages) if isinstance(code, str) and code.strip() == "no"
    ]


def _address_hints(loaded: LoadedYaml) -> list[Problem]:
    problems: list[Problem] = []
    for path in _EMAILS:
        value = _get(loaded.data, path)
        if isinstance(value, str) and "@" in value:
            meant = tld_typo(value.rsplit("@", 1)[1])
            if meant:
                problems.append(problem_at(loaded, path, _typo(value, meant), "warning"))
    for path in _WEBSITES:
        value = _get(loaded.data, path)
        if not isinstance(value, str) or "://" not in value:
            continue
        meant = tld_typo(url_host(value.strip()))
        if meant:
            problems.append(problem_at(loaded, path, _typo(value, meant), "warning"))
        if value.strip().startswith("http://"):
            problems.append(problem_at(
                loaded, path,
                "unverschlüsselte Adresse (http://): wenn die Seite auch mit https:// erreichbar "
                "ist, https:// schreiben", "warning"))
    return problems


def _typo(value: str, meant: str) -> str:
    ending = value.strip().rstrip("/").rsplit(".", 1)[-1].split("/")[0]
    return f"die Endung „.{ending}“ in {value.strip()!r} sieht nach einem Tippfehler aus: „.{meant}“?"


def comment_hints(loaded: LoadedYaml) -> list[Problem]:
    """Plain text whose line goes on with `` #``: the rest was read as a comment."""
    if " #" not in loaded.text:
        return []
    lines = loaded.text.splitlines()
    problems: list[Problem] = []
    for path, (line, col) in loaded.marks.values.items():
        value = _get(loaded.data, path) if path else None
        if not isinstance(value, str) or not value or line > len(lines):
            continue
        text = lines[line - 1]
        if text[col - 1 : col] in ('"', "'", "|", ">", ""):
            continue
        rest = text[col - 1 :]
        cut = rest.find(" #")
        if cut <= 0 or rest[:cut] != value or rest[cut - 1] in " \t":
            continue
        if _ID_RE.fullmatch(value) or _DELIBERATE.fullmatch(value):
            continue
        key = path[-1] if isinstance(path[-1], str) else dotted_path(path[:-1])
        whole = rest[: len(rest.rstrip())].replace('"', '\\"')
        problems.append(problem_at(
            loaded, path,
            f"nach {value!r} wurde „{rest[cut + 1:].strip()[:40]}“ als Kommentar gelesen (YAML: "
            f"„ #“ beginnt einen Kommentar): den ganzen Text in Anführungszeichen setzen, z. B. "
            f"{key}: \"{whole[:80]}\"",
            "warning"))
    return problems
