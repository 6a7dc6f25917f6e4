"""``atlas schema``: write the JSON Schemas that editors' IDEs use for autocompletion."""

from __future__ import annotations

import argparse

from ..jsonschema_out import write_schemas
from .common import add_project_arguments, project

HELP = "JSON-Schema für Editoren schreiben (content/schema/*.schema.json)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``atlas schema``."""
    add_project_arguments(parser)


def run(args: argparse.Namespace) -> int:
    """Write the schema files and name them."""
    _, content = project(args)
    for path in write_schemas(content):
        print(path)
    return 0
