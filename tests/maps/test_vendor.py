"""The vendored Leaflet copies: pinned versions, licences kept, files as the manifest says."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from build_tools import vendor

ROOT = Path(__file__).resolve().parents[2]


def test_package_json_pins_exactly_what_vendor_copies():
    pins = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))["dependencies"]
    assert pins == {lib.package: lib.version for lib in vendor.LIBRARIES}
    lock = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))["packages"]
    for lib in vendor.LIBRARIES:
        entry = lock[f"node_modules/{lib.package}"]
        assert entry["version"] == lib.version
        assert entry["integrity"].startswith("sha512-")


@pytest.mark.parametrize("lib", vendor.LIBRARIES, ids=lambda lib: lib.package)
def test_vendored_files_match_their_manifest(lib):
    folder = vendor.VENDOR_DIR / lib.package
    lines = (folder / "VERSION").read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith(f"{lib.package} {lib.version} ")
    listed = {}
    for line in lines[2:]:
        digest, name = line.split("  ", 1)
        listed[name] = digest
    assert set(listed) == {target for _, target in lib.files}
    assert "LICENSE" in listed
    for name, digest in listed.items():
        assert hashlib.sha256((folder / name).read_bytes()).hexdigest() == digest, name
    for name in listed:
        if name.endswith((".js", ".css")):
            assert b"sourceMappingURL" not in (folder / name).read_bytes()


def test_vendor_script_reproduces_the_committed_copies(tmp_path):
    node_modules = ROOT / "node_modules"
    assert (node_modules / "leaflet" / "package.json").exists(), (
        "node_modules fehlt: make test installiert die npm-Pakete (npm ci)")
    vendor.vendor(node_modules, tmp_path)
    for lib in vendor.LIBRARIES:
        for _, target in lib.files:
            assert (tmp_path / lib.package / target).read_bytes() == (
                vendor.VENDOR_DIR / lib.package / target
            ).read_bytes()


def test_vendor_refuses_another_version(tmp_path):
    fake = tmp_path / "node_modules" / "leaflet"
    fake.mkdir(parents=True)
    (fake / "package.json").write_text('{"version": "2.0.0"}', encoding="utf-8")
    with pytest.raises(vendor.VendorError, match="erwartet 1.9.4"):
        vendor.vendor(tmp_path / "node_modules", tmp_path / "out")
