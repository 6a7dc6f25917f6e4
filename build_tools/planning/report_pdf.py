"""The printable planning report for a council committee: a tagged PDF/UA-1, set by Typst.

Order: one page with the most important gaps and a map; the table of contents; all gaps; need
against supply (per category and need indicator a map beside its ranked table); coverage;
reachability per category (map and table); times; the indicators (small maps, values,
sources); the method in plain German at the end. Every page says "Seite x von y".

What the report says is computed in :mod:`.report_content`; how it looks is the template
``planning/report.typ`` (package data, replaceable under ``<custom_dir>/atlas/``). The Typst
compiler comes inside the ``typst`` wheel and writes PDF/UA-1: document title, language ``de``,
a structure tree with headings, table of contents, tables with header cells and figures with
alt texts, XMP metadata that names the standard. Fonts are the package's own (DejaVu Sans), no
system font is looked at, and the date inside the PDF is the build date: same inputs, same
bytes.
"""

from __future__ import annotations

import hashlib
import json
import os
from datetime import UTC, date, datetime, time
from pathlib import Path

from ..memo import FORGETFUL, Memory
from ..problems import Problem
from ..resources import fonts_dir
from ..templating import Templates, templates_for
from .analysis import PlanningResult
from .report_content import report_content
from .typst_run import TypstFailed, compile_pdf

TEMPLATE = "planning/report.typ"
STANDARDS = ["ua-1"]


class ReportError(RuntimeError):
    """Typst refused the report (a broken template override, a PDF/UA rule it broke)."""

    def __init__(self, template: Path, message: str):
        self.template = template
        self.message = message
        super().__init__(f"{template}: {message}")

    def problem(self) -> Problem:
        """The refusal as a finding in the template, the form every build error takes."""
        return Problem(str(self.template), 1, 1, "planning/report.typ",
                       f"Typst setzt den Planungsbericht nicht: {self.message} — Vorlage "
                       "korrigieren oder aus theme.custom_dir entfernen")


def template_path(templates: Templates | None = None) -> Path:
    """The report template: the project's override first, then the package's."""
    for folder in (templates or templates_for(None)).folders:
        path = folder / TEMPLATE
        if path.is_file():
            return path
    raise ReportError(Path(TEMPLATE), "die Vorlage fehlt in der Installation: Paket neu installieren")


def pdf_timestamp(day: date | None) -> int:
    """Seconds since 1970 for the PDF's dates: ``SOURCE_DATE_EPOCH``, else the build date."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return int(epoch)
    if day is None:
        return 0
    return int(datetime.combine(day, time(0), UTC).timestamp())


def compile_report(content: dict, templates: Templates | None = None,
                   day: date | None = None, memory: Memory = FORGETFUL) -> bytes:
    """The PDF of ``content`` (as :func:`report_content` makes it) through the template.

    A Typst error or warning (a broken override, a font it cannot find, a PDF/UA rule the
    template breaks) is a :class:`ReportError` naming the template: a report that might look
    wrong is not published quietly. ``memory``: where a build keeps the PDF for the same
    content, template files and fonts (a warm build sets nothing, 0.4 s)."""
    path = template_path(templates)
    data = json.dumps(content, ensure_ascii=False, separators=(",", ":"))
    arguments = {"input": str(path), "root": str(path.parent), "format": "pdf",
                 "pdf_standards": STANDARDS, "font_paths": [str(fonts_dir())],
                 "ignore_system_fonts": True, "sys_inputs": {"data": data},
                 "timestamp": pdf_timestamp(day)}
    try:
        pdf, warnings = memory.recall("typst", lambda: _typst_key(arguments),
                                      lambda: compile_pdf(**arguments))
    except TypstFailed as error:
        raise ReportError(path, str(error)) from error
    if warnings:
        raise ReportError(path, "; ".join(warnings))
    return pdf


def _typst_key(arguments: dict) -> tuple[str, str]:
    """What Typst's PDF depends on: its arguments and the bytes of every file it may read
    (the template's folder, the fonts)."""
    digest = hashlib.sha256()
    for folder in (Path(arguments["root"]), *map(Path, arguments["font_paths"])):
        for file in sorted(folder.rglob("*")):
            if file.is_file():
                digest.update(file.as_posix().encode() + b"\0" + file.read_bytes())
    return json.dumps(arguments, sort_keys=True), digest.hexdigest()


def report_pdf(result: PlanningResult, title: str, day: date | None = None,
               templates: Templates | None = None, scenario=None, memory: Memory = FORGETFUL) -> bytes:
    """The planning report as PDF bytes (``templates``: the project's, for its overrides;
    ``scenario``: a :class:`~.scenario_compare.Comparison` to show before and after;
    ``memory``: see :func:`compile_report`)."""
    return compile_report(report_content(result, title, day, templates, scenario), templates,
                          day, memory)
