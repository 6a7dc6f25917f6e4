"""``atlas fix``: write the mechanical fixes of ``opening_hours`` into the offer files.

Shows a diff first; ``--yes`` writes. Only the characters of the fixes change — comments,
quoting, order and every other byte of a file stay as they are. Values that do not parse are
left for ``atlas check`` (their fix is a decision, not a mechanical rewrite).
"""

from __future__ import annotations

import argparse
import difflib
import sys

import yaml

from ..content import display_path
from ..opening_hours import HoursError
from ..opening_hours.fixes import fix_summary, hours_fixes
from ..yamlio import YamlProblem, read_text_file
from .common import add_project_arguments, project


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``atlas fix``."""
    add_project_arguments(parser)
    parser.add_argument("--yes", action="store_true", help="Änderungen schreiben (sonst nur anzeigen)")


def run(args: argparse.Namespace) -> int:
    """Show (and with ``--yes`` write) the fixes; exit 0, or 1 when a file could not be read."""
    _, content = project(args)
    offers = content / "offers"
    changed, failed = 0, 0
    for path in sorted(offers.glob("*.yml")) if offers.is_dir() else []:
        shown = display_path(path)
        try:
            text = read_text_file(path, shown)
        except YamlProblem as exc:
            print(exc.problem.format_text(), file=sys.stderr)
            failed += 1
            continue
        fixed, note = fix_text(text)
        if fixed == text:
            continue
        changed += 1
        sys.stdout.writelines(difflib.unified_diff(
            text.splitlines(keepends=True), fixed.splitlines(keepends=True), shown, shown))
        print(f"{shown}: {note}", file=sys.stderr)
        if args.yes:
            path.write_bytes(fixed.encode("utf-8"))
    if not changed:
        print("Nichts zu korrigieren.", file=sys.stderr)
    elif args.yes:
        print(f"{changed} Dateien korrigiert. Weiter mit: atlas check", file=sys.stderr)
    else:
        print(f"{changed} Dateien würden korrigiert. Schreiben mit: atlas fix --yes", file=sys.stderr)
    return 1 if failed else 0


def fix_text(text: str) -> tuple[str, str]:
    """The file ``text`` with its ``opening_hours`` fixed, and what changed (German)."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return text, ""
    if not isinstance(root, yaml.MappingNode):
        return text, ""
    for key, value in root.value:
        if key.value != "opening_hours" or not isinstance(value, yaml.ScalarNode):
            continue
        try:
            fixes = hours_fixes(value.value.strip())
        except HoursError:
            return text, ""
        lead = len(value.value) - len(value.value.lstrip())
        positions = source_positions(text, value)
        if not fixes or positions is None:
            return text, ""
        out = text
        for fix in sorted(fixes, reverse=True):
            start = positions[fix.offset + lead]
            end = positions[fix.offset + lead + len(fix.old) - 1] + 1
            if text[start:end] != fix.old:
                return text, ""  # an escape inside the fix: leave it to the editor
            out = out[:start] + fix.new + out[end:]
        return out, fix_summary(fixes, limit=10)
    return text, ""


def source_positions(text: str, node: yaml.ScalarNode) -> list[int] | None:
    """For each character of the scalar's value, its index in ``text`` (None: spans lines)."""
    start, end = node.start_mark.index, node.end_mark.index
    raw = text[start:end]
    if "\n" in raw.rstrip("\n"):
        return None
    positions: list[int] = []
    if node.style in ("'", '"'):
        i = start + 1
        while i < end - 1:
            if node.style == "'" and text.startswith("''", i) or node.style == '"' and text[i] == "\\":
                positions.append(i)
                i += 2
            else:
                positions.append(i)
                i += 1
    else:
        positions = list(range(start, end))
    return positions if len(positions) == len(node.value) else None

