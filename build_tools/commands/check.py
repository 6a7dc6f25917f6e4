"""``atlas check``: validate the content and report every problem in one run."""

from __future__ import annotations

import argparse
import sys

from ..problems import format_problems
from .common import add_project_arguments, load, project

HELP = "Inhalte prüfen (Exit 0: gut, 1: Fehler im Inhalt, 2: Aufruf falsch)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``atlas check``."""
    add_project_arguments(parser)
    parser.add_argument("--format", choices=["text", "github", "json"], default="text",
                        help="Ausgabe für Menschen, GitHub-Annotationen oder JSON")
    parser.add_argument("--strict", action="store_true", help="Warnungen gelten als Fehler")


def run(args: argparse.Namespace) -> int:
    """Validate; exit 1 when there are errors (or, with --strict, warnings)."""
    if args.format == "json":
        from ..clock import build_date
        from ..content import load_catalog

        config, content = project(args)
        result = load_catalog(content, config, build_date())
        print(format_problems(result.problems, "json"))
    else:
        result = load(args, args.format)
    extra = _ledger_problems(args, result)
    if extra:
        print(format_problems(extra, args.format), file=sys.stderr if args.format == "text" else sys.stdout)
    problems = result.problems + extra
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    if args.format == "text":
        offers = len(result.catalog.offers) if result.catalog else 0
        summary = f"{errors} Fehler, {warnings} Warnungen" + (f", {offers} Angebote geprüft" if result.catalog else "")
        print(summary, file=sys.stderr)
    if errors or (args.strict and warnings):
        return 1
    return 0


def _ledger_problems(args: argparse.Namespace, result) -> list:
    """Printed-URL ledger checks, when that module is present (issue: printed links)."""
    if result.catalog is None:
        return []
    try:
        from ..ledger import check_ledger
    except ImportError:
        return []
    config, content = project(args)
    return check_ledger(result.catalog, content)
