"""``atlas check``: validate the content and report every problem in one run."""

from __future__ import annotations

import argparse
import sys

from ..clock import build_date
from ..content import display_path, load_catalog
from ..ledger import check_ledger, ledger_path
from ..problems import Problem, format_problems
from .common import add_project_arguments, project

HELP = "Inhalte prüfen (Exit 0: gut, 1: Fehler im Inhalt, 2: Aufruf falsch)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``atlas check``."""
    add_project_arguments(parser)
    parser.add_argument("--format", choices=["text", "github", "json"], default="text",
                        help="Ausgabe für Menschen, GitHub-Annotationen oder JSON")
    parser.add_argument("--strict", action="store_true", help="Warnungen gelten als Fehler")


def run(args: argparse.Namespace) -> int:
    """Validate; exit 1 when there are errors (or, with --strict, warnings)."""
    config, content = project(args)
    result = load_catalog(content, config, build_date())
    problems: list[Problem] = list(result.problems)
    if result.catalog is not None:
        # Printed URLs (flyers/printed-urls.txt beside mkdocs.yml) the content would break.
        path = ledger_path(args.config.resolve().parent)
        problems += check_ledger(result.catalog, path, display_path(path))
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    if args.format == "text":
        if problems:
            print(format_problems(problems, "text"), file=sys.stderr)
        summary = f"{errors} Fehler, {warnings} Warnungen"
        if result.catalog is not None:
            summary += f", {len(result.catalog.offers)} Angebote geprüft"
        print(summary, file=sys.stderr)
    elif args.format == "json" or problems:
        print(format_problems(problems, args.format))
    return 1 if errors or (args.strict and warnings) else 0
