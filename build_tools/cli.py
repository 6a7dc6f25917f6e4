"""The ``atlas`` command line: a thin adapter over the stages.

Exit codes: 0 success, 1 problems in the content, 2 wrong usage.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from . import __version__
from .commands import COMMANDS


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every available subcommand."""
    parser = argparse.ArgumentParser(
        prog="atlas", description="Angebotsatlas: Hilfeangebote als Website, Flyer und offene Daten."
    )
    parser.add_argument("--version", action="version", version=f"atlas {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="BEFEHL")
    for name in COMMANDS:
        module = importlib.import_module(f".commands.{name}", __package__)
        command = sub.add_parser(name.rstrip("_"), help=module.HELP, description=module.HELP)
        module.add_arguments(command)
        command.set_defaults(handler=module.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``atlas`` console script."""
    parser = build_parser()
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
