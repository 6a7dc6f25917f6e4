"""The last gate before writing: every generated path is safe and portable."""

import pytest

from build_tools.adapters.site_build import check_output_paths
from build_tools.outputs import Contribution, GeneratedFile, GeneratedPage
from build_tools.security.paths import UnsafePath


@pytest.mark.parametrize("path", ["../x.pdf", "/etc/x", "flyers/CON.pdf", "daten/ta\u0430fel.csv", "a\\b"])
def test_unsafe_file_paths_are_refused(path):
    with pytest.raises(UnsafePath):
        check_output_paths(Contribution(files=[GeneratedFile(path, b"")]))


def test_case_collisions_are_refused():
    pages = [GeneratedPage("angebote/tafel/", "T", "")]
    files = [GeneratedFile("angebote/Tafel.md", b"")]
    with pytest.raises(UnsafePath, match="Groß-/Kleinschreibung"):
        check_output_paths(Contribution(pages=pages, files=files))


def test_ordinary_paths_pass():
    check_output_paths(Contribution(
        pages=[GeneratedPage("angebote/tafel/", "T", ""), GeneratedPage("", "Start", "")],
        files=[GeneratedFile("flyers/tafel-karte.pdf", b""), GeneratedFile("daten/hsds/services.json", b"")],
    ))
