"""``atlas check``: the load phase of a build — every problem a build would refuse, in one run."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..build import inspect
from ..clock import build_date
from ..content import display_path
from ..problems import Problem, format_problems
from ..project import open_project
from ..translation_report import TranslationReport, translation_report
from ..yamlio import Marks, YamlProblem, load_yaml_file
from .common import add_project_arguments


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``atlas check``."""
    add_project_arguments(parser)
    parser.add_argument("--format", choices=["text", "github", "json"], default="text",
                        help="Ausgabe für Menschen, GitHub-Annotationen oder JSON")
    parser.add_argument("--strict", action="store_true", help="Warnungen gelten als Fehler")
    parser.add_argument("--translations", action="store_true",
                        help="je Angebot zeigen, welche Übersetzungen fehlen oder älter als der "
                             "deutsche Text sind (die Zählung je Sprache steht immer da)")


def run(args: argparse.Namespace) -> int:
    """Validate content, settings, Wegweiser, ledger and flyers; exit 1 on errors."""
    found, problems = open_project(args.config, content=args.content)
    inputs = None
    if found is not None:
        inputs, problems = inspect(found, build_date())
    errors = sum(p.severity == "error" for p in problems)
    warnings = sum(p.severity == "warning" for p in problems)
    report = None
    if inputs is not None:
        report = translation_report(inputs.catalog, inputs.settings.languages)
    # The report is information, never a finding: --strict does not count it.
    infos = _report_problems(report, inputs) if report is not None else []
    if args.format == "text":
        shown = problems + (infos[len(report.counts):] if args.translations else [])
        if shown:
            print(format_problems(shown, "text"), file=sys.stderr)
        if report is not None and report.counts:  # a German-only atlas: nothing to report
            print(report.summary(), file=sys.stderr)
        summary = f"{errors} Fehler, {warnings} Warnungen"
        if inputs is not None:
            summary += f", {len(inputs.catalog.offers)} Angebote geprüft"
        print(summary, file=sys.stderr)
    elif args.format == "json" or problems or infos:
        print(format_problems(problems + infos, args.format))
    return 1 if errors or (args.strict and warnings) else 0


def _report_problems(report: TranslationReport, inputs) -> list[Problem]:
    """The translation report as info findings, each at its offer's ``translations.<lang>``."""
    marks: dict[str, Marks | None] = {}

    def where(offer_id: str, lang: str) -> tuple[int, int]:
        source = inputs.catalog.sources.get(offer_id)
        if source not in marks:
            try:
                marks[source] = load_yaml_file(Path(source), source).marks
            except (YamlProblem, OSError, TypeError):
                marks[source] = None
        found = marks[source]
        if found is None:
            return 1, 1
        return found.of_key(("translations", lang) if lang else ("translations",))

    folder = display_path(inputs.project.content_dir / "offers")
    return report.problems(inputs.catalog.sources, where, folder)
