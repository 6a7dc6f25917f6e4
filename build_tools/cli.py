"""The ``atlas`` command line: a thin adapter over the stages.

Exit codes: 0 success, 1 problems in the content, 2 wrong usage.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from . import __version__
from .commands import COMMANDS


def build_parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
    """The argument parser with every subcommand; only the one ``argv`` names is imported.

    A command's module may import much of the package (``atlas build`` the whole build): the
    others stay unimported, their help text comes from :data:`COMMANDS`.
    """
    parser = argparse.ArgumentParser(
        prog="atlas", description="Angebotsatlas: Hilfeangebote als Website, Flyer und offene Daten."
    )
    parser.add_argument("--version", action="version", version=f"atlas {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="BEFEHL")
    chosen = _chosen_command(sys.argv[1:] if argv is None else argv)
    for name, help_text in COMMANDS.items():
        command = sub.add_parser(name.rstrip("_"), help=help_text, description=help_text)
        if name == chosen:
            module = importlib.import_module(f".commands.{name}", __package__)
            module.add_arguments(command)
            command.set_defaults(handler=module.run)
    return parser


def _chosen_command(argv: list[str]) -> str | None:
    """The module name of the subcommand in ``argv`` (None: none or an unknown word)."""
    for word in argv:
        if not word.startswith("-"):
            name = word if word in COMMANDS else f"{word}_"
            return name if name in COMMANDS else None
    return None


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``atlas`` console script."""
    parser = build_parser(argv)
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help(sys.stderr)
        return 2
    try:
        return int(args.handler(args) or 0)
    except KeyboardInterrupt:
        print("atlas: abgebrochen", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
