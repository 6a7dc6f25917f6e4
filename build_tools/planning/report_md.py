"""The planning report as Markdown and as CSV files (one per table)."""

from __future__ import annotations

import csv
import io
import zipfile
from typing import TYPE_CHECKING

from .analysis import PlanningResult
from .findings import findings, need_findings
from .method import left_out, method_paragraphs, need_method_paragraphs, reach_intro
from .need_tables import indicator_sources_table, indicator_values_table, need_data_table
from .plural import said
from .tables import Table, all_tables

if TYPE_CHECKING:
    from .scenario_compare import Comparison

ZIP_DATE = (2000, 1, 1, 0, 0, 0)


def _md_cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def table_markdown(table: Table) -> str:
    """A GitHub-flavoured Markdown table with its title and note."""
    lines = [f"### {table.title}", ""]
    lines.append("| " + " | ".join(_md_cell(c) for c in table.columns) + " |")
    lines.append(
        "|" + "|".join("---:" if num else ":---" for num in table.numeric) + "|"
    )
    for row in table.rows:
        lines.append("| " + " | ".join(_md_cell(v.text) for v in row) + " |")
    if table.note:
        lines += ["", table.note]
    return "\n".join(lines) + "\n"


def need_report_tables(result: PlanningResult) -> list[Table]:
    """Need tables (all rows) and the indicator tables, when the atlas keeps indicators."""
    if result.indicators is None or not result.indicators.indicators:
        return []
    return [*[need_data_table(t) for t in result.need],
            indicator_values_table(result, result.indicators),
            indicator_sources_table(result.indicators)]


def report_tables(result: PlanningResult) -> tuple[list[Table], list[Table]]:
    """(need and indicator tables, the other tables): computed once for Markdown and CSV."""
    return need_report_tables(result), all_tables(result)


def report_markdown(result: PlanningResult, title: str,
                    tables: tuple[list[Table], list[Table]] | None = None,
                    scenario: Comparison | None = None) -> str:
    """The whole report: gaps, need against supply, tables, a scenario's before and after,
    method."""
    parts = [f"# Planungsbericht: {title}", ""]
    parts.append(
        f"{said('counted', result.open_offers)} in {said('categories_dative', len(result.categories))}, "
        f"{said('districts', len(result.districts))}." + (" " + left_out(result) if left_out(result) else "")
    )
    parts += ["", f"Erreichbarkeit — {reach_intro(result)}"]
    parts += ["", "## Lücken", ""]
    found = findings(result)
    parts += [f"- {f.text}" for f in found] or ["Keine Lücke nach den eingestellten Schwellen."]
    need, others = tables or report_tables(result)
    if need:
        parts += ["", "## Hoher Bedarf, wenig Angebot", ""]
        parts += [f"- {f.text}" for f in need_findings(result)] or [
            "Kein Sozialraum mit hohem Bedarf ist ohne oder mit wenig erreichbarem Angebot."]
    parts += ["", "## Tabellen", ""]
    parts += [table_markdown(t) for t in [*need, *others]]
    if scenario is not None:
        from .scenario_view import scenario_markdown

        parts += [scenario_markdown(scenario)]
    parts += ["## Methode", ""]
    for paragraph in method_paragraphs(result) + need_method_paragraphs(result):
        parts += [paragraph, ""]
    return "\n".join(parts).rstrip() + "\n"


def table_csv(table: Table) -> str:
    """One table as CSV (comma, UTF-8, raw machine values: ids, numbers with a point)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    columns = [c.replace("\u00a0", " ") for c in table.columns]
    if table.rows and table.rows[0][0].link:  # first column: name; add the id
        columns = [columns[0], "id", *columns[1:]]
    writer.writerow(columns)
    for row in table.rows:
        values = [_raw(v.raw) for v in row]
        if row[0].link:
            values = [row[0].text, *values]
        writer.writerow(values)
    return out.getvalue()


def _raw(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nein"
    return str(value)


def report_csv_files(result: PlanningResult,
                     tables: tuple[list[Table], list[Table]] | None = None,
                     scenario: Comparison | None = None) -> dict[str, str]:
    """File name → CSV text, one file per table (a scenario's before/after tables too)."""
    need, others = tables or report_tables(result)
    extra = scenario.tables if scenario is not None else []
    return {f"{t.slug}.csv": table_csv(t) for t in [*need, *others, *extra]}


def csv_zip(files: dict[str, str]) -> bytes:
    """Text files (CSV, Markdown) in one ZIP with fixed dates (reproducible bytes)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(files):
            info = zipfile.ZipInfo(name, ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, files[name].encode("utf-8"))
    return buffer.getvalue()
