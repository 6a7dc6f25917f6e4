"""``atlas report``: the planning figures as Markdown, CSV (one file per table) and PDF."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..content import display_path
from .common import add_project_arguments, load

FORMATS = ("md", "csv", "pdf")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``atlas report``."""
    parser.add_argument(
        "--format", action="append", choices=FORMATS, default=None, dest="formats",
        help="md, csv oder pdf; mehrfach angeben möglich (Standard: alle drei)",
    )
    parser.add_argument(
        "--out", type=Path, default=Path("planungsbericht"), metavar="DIR",
        help="Zielordner (Standard: ./planungsbericht)",
    )
    parser.add_argument(
        "--scenario", type=Path, default=None, metavar="FILE",
        help="Szenario (YAML: ein Angebot zieht um, schließt, öffnet, ändert Öffnungszeiten): "
        "Vorher/Nachher ausgeben und in den Bericht aufnehmen (Standard: planning.scenario "
        "aus mkdocs.yml, wenn gesetzt)",
    )
    add_project_arguments(parser)


def run(args: argparse.Namespace) -> int:
    """Load the content, compute the figures once, write the chosen formats."""
    from ..planning.analysis import analyse
    from ..planning.report_md import report_csv_files, report_markdown
    from ..planning.report_pdf import ReportError, report_pdf
    from ..templating import templates_for

    inputs, _ = load(args)
    if inputs is None:
        return 1
    catalog = inputs.catalog
    if not catalog.districts:
        print("atlas: keine Sozialräume (content/districts.geojson fehlt oder ist leer)",
              file=sys.stderr)
        return 1
    figures = analyse(catalog, inputs.settings.planning, inputs.population, inputs.indicators,
                      inputs.network, inputs.transit, holidays=inputs.holidays)
    scenario = inputs.scenario
    if args.scenario is not None:
        scenario = _load_scenario(args.scenario, inputs)
        if scenario is None:
            return 1
    comparison = None
    if scenario is not None:
        from ..planning.scenario_compare import compare
        from ..planning.scenario_view import scenario_markdown

        comparison = compare(catalog, scenario, figures, inputs.population, inputs.indicators,
                             inputs.network, inputs.transit, holidays=inputs.holidays)
        if args.scenario is not None:  # asked for: the before and after on the terminal too
            print(scenario_markdown(comparison, "#"))
    title = inputs.settings.name
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    formats = args.formats or list(FORMATS)
    if "md" in formats:
        target = out / "planungsbericht.md"
        target.write_text(report_markdown(figures, title, scenario=comparison), encoding="utf-8")
        written.append(target)
    if "csv" in formats:
        for name, text in sorted(report_csv_files(figures, scenario=comparison).items()):
            target = out / name
            target.write_text(text, encoding="utf-8")
            written.append(target)
    if "pdf" in formats:
        target = out / "planungsbericht.pdf"
        custom_dir = inputs.project.custom_dir
        templates = templates_for(str(custom_dir) if custom_dir else None)
        try:
            target.write_bytes(report_pdf(figures, title, catalog.build_date, templates,
                                           comparison))
        except ReportError as error:
            print(f"atlas: Planungsbericht (PDF): {error}", file=sys.stderr)
            return 1
        written.append(target)
    for path in written:
        print(display_path(path))
    return 0


def _load_scenario(path: Path, inputs):
    """The scenario file given on the command line; its problems on stderr (None: errors)."""
    from ..planning.scenario import load_scenario
    from ..problems import format_problems

    if not path.is_file():
        print(f"atlas: Szenario-Datei fehlt: {display_path(path)}", file=sys.stderr)
        return None
    content = inputs.project.content_dir.resolve()
    inside = path.resolve().is_relative_to(content)
    scenario, problems = load_scenario(path, inputs.catalog, display_path(path), committed=inside)
    if problems:
        print(format_problems(problems, "text"), file=sys.stderr)
    return scenario
