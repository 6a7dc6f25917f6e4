"""Options and steps shared by subcommands: where the project is, its settings, its inputs."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..build import Inputs, inspect
from ..clock import build_date
from ..config import AtlasConfig
from ..problems import Problem, format_problems
from ..project import Project, open_project


def add_project_arguments(parser: argparse.ArgumentParser) -> None:
    """``--config`` and ``--content``: every command that reads content takes them."""
    parser.add_argument(
        "--config", type=Path, default=Path("mkdocs.yml"), metavar="FILE",
        help="mkdocs.yml mit den Einstellungen des Atlas (Standard: ./mkdocs.yml)",
    )
    parser.add_argument(
        "--content", type=Path, default=None, metavar="DIR",
        help="Inhaltsordner (Standard: content_dir aus mkdocs.yml, sonst ./content)",
    )


def open_from(args: argparse.Namespace, site_url: str | None = None) -> Project:
    """The project the arguments point at; settings problems end the command (exit 1)."""
    found, problems = open_project(args.config, content=args.content, site_url=site_url)
    if found is None:
        print(format_problems(problems, "text"), file=sys.stderr)
        raise SystemExit(1)
    return found


def project(args: argparse.Namespace) -> tuple[AtlasConfig, Path]:
    """The atlas settings and the content folder the arguments point at."""
    found = open_from(args)
    return found.settings, found.content_dir


def load(args: argparse.Namespace, fmt: str = "text", site_url: str | None = None
         ) -> tuple[Inputs | None, list[Problem]]:
    """The load phase of a build (the same checks as ``atlas check``); problems are printed to
    stderr (text) or stdout (github/json). Inputs are None when there are errors."""
    found = open_from(args, site_url)
    inputs, problems = inspect(found, build_date())
    if problems:
        out = sys.stdout if fmt in ("github", "json") else sys.stderr
        print(format_problems(problems, fmt), file=out)
    if any(p.severity == "error" for p in problems):
        return None, problems
    return inputs, problems
