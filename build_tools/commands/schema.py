"""``atlas schema``: write the JSON Schemas that editors' IDEs use for autocompletion."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..field_docs import render_field_reference
from ..jsonschema_out import write_schemas
from .common import add_project_arguments, project


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``atlas schema``."""
    add_project_arguments(parser)
    parser.add_argument("--docs", type=Path, default=Path("docs/felder.md"), metavar="FILE",
                        help="Feldreferenz (Markdown) hierhin schreiben (Standard: docs/felder.md)")


def run(args: argparse.Namespace) -> int:
    """Write the schema files and name them."""
    _, content = project(args)
    for path in write_schemas(content):
        print(path)
    args.docs.parent.mkdir(parents=True, exist_ok=True)
    args.docs.write_text(render_field_reference(), encoding="utf-8")
    print(args.docs)
    return 0
