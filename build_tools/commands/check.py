"""``atlas check``: the load phase of a build — every problem a build would refuse, in one run."""

from __future__ import annotations

import argparse
import sys

from ..build import inspect
from ..clock import build_date
from ..problems import format_problems
from ..project import open_project
from .common import add_project_arguments


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``atlas check``."""
    add_project_arguments(parser)
    parser.add_argument("--format", choices=["text", "github", "json"], default="text",
                        help="Ausgabe für Menschen, GitHub-Annotationen oder JSON")
    parser.add_argument("--strict", action="store_true", help="Warnungen gelten als Fehler")


def run(args: argparse.Namespace) -> int:
    """Validate content, settings, Wegweiser, ledger and flyers; exit 1 on errors."""
    found, problems = open_project(args.config, content=args.content)
    inputs = None
    if found is not None:
        inputs, problems = inspect(found, build_date())
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    if args.format == "text":
        if problems:
            print(format_problems(problems, "text"), file=sys.stderr)
        summary = f"{errors} Fehler, {warnings} Warnungen"
        if inputs is not None:
            summary += f", {len(inputs.catalog.offers)} Angebote geprüft"
        print(summary, file=sys.stderr)
    elif args.format == "json" or problems:
        print(format_problems(problems, args.format))
    return 1 if errors or (args.strict and warnings) else 0
