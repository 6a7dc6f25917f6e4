"""``atlas export``: write the open data (GeoJSON, CSV, HSDS) without building the site."""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from ..content import display_path
from ..exports.data_page import human_size
from ..exports.site import export_files
from ..security.paths import safe_join
from .common import add_project_arguments, load


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``atlas export``."""
    parser.add_argument(
        "--out", type=Path, default=Path("site") / "daten", metavar="DIR",
        help="Zielordner (Standard: site/daten)",
    )
    add_project_arguments(parser)


def write_tree(files: dict[str, bytes], out: Path) -> None:
    """Write ``files`` below ``out``: first into a temporary folder beside it, then each file
    is moved into place, so a failure never leaves half-written files."""
    out.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".atlas-export-", dir=out.parent))
    try:
        for name, data in files.items():
            target = safe_join(staging, name)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        for name in files:
            final = out / name
            final.parent.mkdir(parents=True, exist_ok=True)
            os.replace(staging / name, final)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def run(args: argparse.Namespace) -> int:
    """Load the content; on errors write nothing and exit 1."""
    started = time.perf_counter()
    inputs, _ = load(args)
    if inputs is None:
        print("atlas: Inhalte fehlerhaft — keine Daten geschrieben", file=sys.stderr)
        return 1
    files = export_files(inputs.catalog, inputs.indicators)
    write_tree(files, args.out)
    for name, data in files.items():
        print(f"{display_path(args.out / name)}  {human_size(len(data))}")
    elapsed = time.perf_counter() - started
    print(f"{len(files)} Dateien, {len(inputs.catalog.offers)} Angebote, {elapsed:.2f} s",
          file=sys.stderr)
    return 0
