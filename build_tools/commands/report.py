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
                      inputs.network, inputs.transit)
    title = inputs.settings.name
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    formats = args.formats or list(FORMATS)
    if "md" in formats:
        target = out / "planungsbericht.md"
        target.write_text(report_markdown(figures, title), encoding="utf-8")
        written.append(target)
    if "csv" in formats:
        for name, text in sorted(report_csv_files(figures).items()):
            target = out / name
            target.write_text(text, encoding="utf-8")
            written.append(target)
    if "pdf" in formats:
        target = out / "planungsbericht.pdf"
        custom_dir = inputs.project.custom_dir
        templates = templates_for(str(custom_dir) if custom_dir else None)
        try:
            target.write_bytes(report_pdf(figures, title, catalog.build_date, templates))
        except ReportError as error:
            print(f"atlas: Planungsbericht (PDF): {error}", file=sys.stderr)
            return 1
        written.append(target)
    for path in written:
        print(display_path(path))
    return 0
