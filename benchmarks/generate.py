"""Synthetic content for benchmarks: ``generate(out_dir, offers, districts, seed)``.

The generator lives in :mod:`build_tools.synthetic` so that the installed ``atlas generate``
command can use it; this module re-exports it for benchmark scripts::

    from benchmarks.generate import generate
    generate("benchmarks/work/content-10k", offers=10_000, districts=100, seed=1)

or from the shell: ``python -m benchmarks.generate --offers 10000 --out DIR``.
"""

from __future__ import annotations

import sys

from build_tools.synthetic import generate

__all__ = ["generate"]

if __name__ == "__main__":  # pragma: no cover - thin wrapper over the CLI command
    from build_tools.cli import main

    sys.exit(main(["generate", *sys.argv[1:]]))
