"""Copy the pinned front-end libraries from ``node_modules`` into ``site_templates/assets/vendor/``.

``make vendor`` runs ``npm ci`` (versions pinned in ``package.json`` / ``package-lock.json``) and
then ``python -m build_tools.vendor``. The copies under ``site_templates/assets/vendor/`` are
committed: they are what the site serves (``assets/vendor/...``), so a build never needs npm
or the network, and no page ever loads a library from a CDN.

Only the files a page needs are copied, each library with its licence. Source-map comments are
removed, so browsers never ask for a ``.map`` file that is not there.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

from .resources import assets_dir

ROOT = Path.cwd()
"""A maintainer's checkout (``make vendor`` runs here): where ``node_modules`` is."""
VENDOR_DIR = assets_dir() / "vendor"

_SOURCE_MAP_RE = re.compile(rb"\n?//# sourceMappingURL=\S+\s*$")


@dataclass(frozen=True)
class Library:
    """One npm package: which files go where (``source`` relative to the package folder)."""

    package: str
    version: str
    files: tuple[tuple[str, str], ...]
    """(source in the package, target in ``vendor/<package>/``) pairs."""


LIBRARIES = (
    Library(
        "leaflet",
        "1.9.4",
        (
            ("dist/leaflet.js", "leaflet.js"),
            ("dist/leaflet.css", "leaflet.css"),
            ("dist/images/layers.png", "images/layers.png"),
            ("dist/images/layers-2x.png", "images/layers-2x.png"),
            ("dist/images/marker-icon.png", "images/marker-icon.png"),
            ("dist/images/marker-icon-2x.png", "images/marker-icon-2x.png"),
            ("dist/images/marker-shadow.png", "images/marker-shadow.png"),
            ("LICENSE", "LICENSE"),
        ),
    ),
    Library(
        "leaflet.markercluster",
        "1.5.3",
        (
            ("dist/leaflet.markercluster.js", "leaflet.markercluster.js"),
            ("dist/MarkerCluster.css", "MarkerCluster.css"),
            ("MIT-LICENCE.txt", "LICENSE"),
        ),
    ),
)


class VendorError(Exception):
    """node_modules is missing or holds another version than the pinned one."""


def _check_version(package_dir: Path, lib: Library) -> None:
    manifest = package_dir / "package.json"
    if not manifest.exists():
        raise VendorError(f"{manifest} fehlt: erst `npm ci` ausführen (make vendor)")
    found = json.loads(manifest.read_text(encoding="utf-8")).get("version")
    if found != lib.version:
        raise VendorError(
            f"{lib.package} {found} in node_modules, erwartet {lib.version} (package.json prüfen)"
        )


def _clean(data: bytes, target: str) -> bytes:
    if target.endswith((".js", ".css")):
        data = _SOURCE_MAP_RE.sub(b"\n", data.rstrip() + b"\n")
        data = data.rstrip() + b"\n"
    return data


def vendor(node_modules: Path, dest: Path = VENDOR_DIR) -> list[Path]:
    """Copy every library's files from ``node_modules`` to ``dest``; returns the written files."""
    written: list[Path] = []
    for lib in LIBRARIES:
        package_dir = node_modules / lib.package
        _check_version(package_dir, lib)
        target_dir = dest / lib.package
        if target_dir.exists():
            shutil.rmtree(target_dir)
        manifest_lines = [f"{lib.package} {lib.version} (npm), copied by build_tools/vendor.py", ""]
        for source, target in lib.files:
            data = _clean((package_dir / source).read_bytes(), target)
            out = target_dir / target
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_bytes(data)
            written.append(out)
            manifest_lines.append(f"{hashlib.sha256(data).hexdigest()}  {target}")
        (target_dir / "VERSION").write_text("\n".join(manifest_lines) + "\n", encoding="utf-8")
        written.append(target_dir / "VERSION")
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--node-modules", type=Path, default=ROOT / "node_modules")
    parser.add_argument("--dest", type=Path, default=VENDOR_DIR)
    args = parser.parse_args(argv)
    try:
        files = vendor(args.node_modules, args.dest)
    except VendorError as exc:
        print(f"vendor: {exc}", file=sys.stderr)
        return 1
    for path in files:
        print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
