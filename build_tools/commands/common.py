"""Options and steps shared by subcommands: where the project is and loading its content."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..clock import build_date
from ..config import AtlasConfig, ConfigProblem, load_config
from ..content import LoadResult, load_catalog
from ..problems import format_problems


def add_project_arguments(parser: argparse.ArgumentParser) -> None:
    """``--config`` and ``--content``: every command that reads content takes them."""
    parser.add_argument(
        "--config", type=Path, default=Path("mkdocs.yml"), metavar="FILE",
        help="mkdocs.yml with the atlas settings (Standard: ./mkdocs.yml)",
    )
    parser.add_argument(
        "--content", type=Path, default=None, metavar="DIR",
        help="Inhaltsordner (Standard: content_dir aus mkdocs.yml, sonst ./content)",
    )


def project(args: argparse.Namespace) -> tuple[AtlasConfig, Path]:
    """The atlas settings and the content folder the arguments point at."""
    try:
        config, root = load_config(args.config)
    except ConfigProblem as exc:
        raise SystemExit(_usage_error(str(exc))) from None
    content = args.content if args.content is not None else root / config.content_dir
    return config, content


def load(args: argparse.Namespace, fmt: str = "text", strict: bool = False) -> LoadResult:
    """Load the content and print its problems to stderr (text) or stdout (github/json)."""
    config, content = project(args)
    result = load_catalog(content, config, build_date())
    if result.problems:
        out = sys.stdout if fmt in ("github", "json") else sys.stderr
        print(format_problems(result.problems, fmt), file=out)
    return result


def _usage_error(message: str) -> int:
    print(f"atlas: {message}", file=sys.stderr)
    return 2
