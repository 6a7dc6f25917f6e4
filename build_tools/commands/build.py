"""``atlas build``: the MkDocs build for people and scripts, atomic.

The site is built into a temporary folder beside the target and swapped in only when the build
succeeded, so a broken build never leaves a half-written ``site/`` on the server.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
from pathlib import Path

from ..problems import format_problems
from ..project import open_project
from .common import add_project_arguments


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``atlas build``."""
    add_project_arguments(parser)
    parser.add_argument("--site-dir", type=Path, default=None, metavar="DIR",
                        help="Zielordner (Standard: site_dir aus mkdocs.yml, sonst ./site)")
    parser.add_argument("--site-url", default=None, metavar="URL",
                        help="öffentliche Adresse der Website (für QR-Codes und Metadaten)")
    parser.add_argument("--no-strict", action="store_true",
                        help="Warnungen von MkDocs nicht als Fehler werten")
    parser.add_argument("-v", "--verbose", action="store_true", help="ausführliche Ausgabe")


class _Formatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return f"{record.levelname:<8} {record.getMessage()}"


def _setup_logging(verbose: bool) -> logging.Handler:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_Formatter())
    handler.setLevel(logging.DEBUG if verbose else logging.WARNING)
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG if verbose else logging.INFO)
    logger.propagate = False
    return handler


def run(args: argparse.Namespace) -> int:
    """Build the site; exit 1 on content errors or (strict) MkDocs warnings."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError

    from ..adapters.build_site import build_into

    config_file = args.config
    if not config_file.exists():
        print(f"atlas: {config_file} fehlt", file=sys.stderr)
        return 2
    # The atlas settings first, exactly as `atlas check` reads them (same messages).
    project, problems = open_project(config_file, content=args.content, site_url=args.site_url)
    if project is None:
        print(format_problems(problems, "text"), file=sys.stderr)
        print(f"atlas: Build abgebrochen; Einstellungen in {config_file} prüfen", file=sys.stderr)
        return 1
    handler = _setup_logging(args.verbose)
    started = time.perf_counter()
    try:
        try:
            cfg = load_config(config_file=str(config_file), site_url=args.site_url)
        except (ConfigurationError, Abort) as exc:
            print(f"atlas: {config_file}: {exc}", file=sys.stderr)
            return 2
        if args.no_strict:
            cfg.strict = False
        if args.content is not None:
            cfg.plugins["atlas"].config["content_dir"] = str(args.content.resolve())
        target = Path(args.site_dir) if args.site_dir else Path(cfg.site_dir)
        # As `mkdocs build` does: plugins that live across builds (ours, under `mkdocs serve`)
        # learn that this is a one-off build, even in a process that served before.
        cfg.plugins.on_startup(command="build", dirty=False)
        try:
            build_into(cfg, target)
        except (Abort, ConfigurationError) as exc:
            # MkDocs has already logged the reason; its "Aborted with a BuildError!" adds nothing.
            reason = "" if "Aborted with" in str(exc) else f" – {exc}"
            print(f"atlas: Build abgebrochen{reason}; {target} bleibt unverändert", file=sys.stderr)
            return 1
        finally:
            cfg.plugins.on_shutdown()
    finally:
        logging.getLogger("mkdocs").removeHandler(handler)
    seconds = time.perf_counter() - started
    print(f"Website gebaut: {target} ({seconds:.1f} s)", file=sys.stderr)
    return 0
