"""The `mkdocs serve` reload path: build once, edit one offer, build again in the same process.

Prints the seconds of the second build (what an editor waits for after saving a file).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config


def main(config_file: str) -> int:
    config = load_config(config_file)
    config.plugins.on_startup(command="serve", dirty=False)
    build(config)
    offers = sorted((Path(config_file).parent / "content" / "offers").glob("*.yml"))
    text = offers[0].read_text(encoding="utf-8")
    offers[0].write_text(text.replace("\n# reload\n", "") if "\n# reload\n" in text else text + "\n# reload\n", encoding="utf-8")
    start = time.perf_counter()
    config = load_config(config_file)
    build(config)
    print(f"reload build: {time.perf_counter() - start:.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1]))
