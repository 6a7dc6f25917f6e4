"""The Wegweiser's town map draws the streets of the town's OSM extract (issue 22, point 6):
the sample ships ``content/musterstadt.osm``, so its booklet's map page shows the main streets
(white lines with a casing, seen in the pixels along a street the extract names), the names of
a few of them clear of every marker, and the station; a booklet without an extract shows none.
"""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from reportlab.lib.units import mm
from shapely.geometry import LineString, box

from build_tools.build import inspect
from build_tools.clock import build_date
from build_tools.flyers.collection import CollectionFlyer, render_collection
from build_tools.flyers.page import Metadata, PrintOptions, Sheet
from build_tools.flyers.pen import Pen
from build_tools.flyers.townmap import MapStyle, TownMap
from build_tools.planning.travel.network import main_street_lines

from ..buildkit import sample_project
from .pdfcheck import render, text

SLUG = "hilfe-bei-wohnungslosigkeit"
DPI = 200


@pytest.fixture(scope="module")
def sample():
    inputs, problems = inspect(sample_project(), build_date())
    assert inputs is not None, problems
    assert inputs.network is not None  # content/musterstadt.osm
    job = next(j for j in inputs.flyers.jobs if j.path == f"flyers/{SLUG}.pdf")
    return inputs, job.payload, inputs.flyers.options


def _map_page(pdf: bytes) -> int:
    """The overview map's page (its title is „Stadtplan“ alone)."""
    import pypdfium2 as pdfium

    for index, page in enumerate(pdfium.PdfDocument(pdf)):
        if page.get_textpage().get_text_range().startswith("Stadtplan\r\n"):
            return index
    raise AssertionError("no map page")


def _overview(data, options):
    """The booklet's overview map drawn alone on a page: (drawing, PDF, map, origin in pt)."""
    flyer = CollectionFlyer(data, options)
    points = flyer._map_points()
    townmap = flyer._overview(points)
    doc = Sheet(105, 148, PrintOptions(site_url="https://x.example/"), Metadata("t", "a"))
    origin = (7 * mm, 20 * mm)
    drawing = townmap.draw(doc.canvas, *origin, doc.ink, Pen(doc.canvas, "de", doc.ink),
                           MapStyle(4.4 * mm))
    return drawing, doc.finish(), townmap, origin


def _brightness_along(pdf: bytes, townmap: TownMap, origin, points) -> np.ndarray:
    """Grey value (0–255) of the rendered page at each lon/lat point."""
    image = np.asarray(render(pdf, 0, DPI).convert("L"), dtype=float)
    height = image.shape[0]
    values = []
    for lon, lat in points:
        x, y = townmap.xy(lon, lat)
        px = (origin[0] + x) / 72 * DPI
        py = height - (origin[1] + y) / 72 * DPI
        values.append(image[int(round(py)), int(round(px))])
    return np.array(values)


def test_the_booklet_gets_the_extracts_streets(sample):
    _, data, _ = sample
    streets = data.streets
    assert streets is not None
    kinds = {s.kind for s in streets.main}
    assert {"primary", "secondary", "tertiary", "motorway"} <= kinds
    assert {"Bonner Straße", "Nordstraße", "Ring"} <= {s.name for s in streets.main}
    assert not streets.minor.is_empty
    assert "Musterstadt Bahnhof" in {name for name, _, _ in streets.landmarks}


def test_the_map_page_shows_main_streets_and_their_names(sample):
    inputs, data, options = sample
    pdf = render_collection(data, options)
    page = text(pdf, _map_page(pdf))
    named = [s for s in ("Bonner Straße", "Aachener Straße", "Rölsdorfer Straße", "Nordstraße",
                         "Kreuzauer Straße") if s in page]
    assert len(named) >= 2, page
    bare = render_collection(dataclasses.replace(data, streets=None), options)
    assert not any(s in text(bare, _map_page(bare)) for s in named)


def test_pixels_along_a_main_street_are_the_street(sample):
    """Along the Bonner Straße (points from the extract, away from markers) the page is the
    street's white line; without the extract the same pixels are the district's grey tint."""
    inputs, data, options = sample
    drawing, pdf, townmap, origin = _overview(data, options)
    west, south, east, north = (-180, -90, 180, 90)
    (street,) = [s for s in main_street_lines(inputs.network, (west, south, east, north))
                 if s.name == "Bonner Straße"]
    line = LineString(street.points)
    samples = [line.interpolate(f, normalized=True) for f in np.linspace(0.1, 0.95, 120)]
    clear = []
    covered = [box(*m.box(2)) for m in drawing.markers] + [
        box(*b) for _, b in drawing.labels + drawing.landmarks] + [
        area for _, area in drawing.streets]
    for p in samples:
        x, y = townmap.xy(p.x, p.y)
        here = box(x - 1, y - 1, x + 1, y + 1)
        inside = 2 < x < townmap.width - 2 and 2 < y < townmap.height - 2
        if inside and not any(here.intersects(c) for c in covered):
            clear.append((p.x, p.y))
    assert len(clear) >= 15
    with_streets = _brightness_along(pdf, townmap, origin, clear)
    _, bare_pdf, bare_map, _ = _overview(dataclasses.replace(data, streets=None), options)
    without = _brightness_along(bare_pdf, bare_map, origin, clear)
    assert np.mean(with_streets >= 250) >= 0.8, with_streets  # the white inner line
    assert np.mean(without >= 250) <= 0.2, without  # the district's tint (242) or a border


def test_street_names_and_landmarks_keep_clear_of_markers(sample):
    _, data, options = sample
    drawing, _, _, _ = _overview(data, options)
    assert drawing.streets, "no street name placed"
    shapes = [(name, area) for name, area in drawing.streets]
    shapes += [(name, box(*label)) for name, label in drawing.landmarks]
    for name, area in shapes:
        for marker in drawing.markers:
            assert not area.intersects(box(*marker.box())), (name, marker.numbers)
    for name, label in drawing.labels:  # district names avoid street names too
        for street, area in drawing.streets:
            assert not box(*label).intersects(area) or box(*label).touches(area), (name, street)


def test_atlas_flyers_draws_the_same_streets_as_the_build(sample, tmp_path):
    """``atlas flyers`` plans again from the loaded inputs: its booklet has the streets too and
    is the build's booklet, byte for byte."""
    import shutil

    from build_tools.cli import main
    from build_tools.flyers.plan import render_job

    inputs, data, options = sample
    definitions = tmp_path / "defs"
    definitions.mkdir()
    shutil.copy(inputs.project.flyers_dir / f"{SLUG}.yml", definitions)
    out = tmp_path / "out"
    code = main(["flyers", "--config", str(inputs.project.config_file), "--out", str(out),
                 "--definitions", str(definitions), "--jobs", "1", "--no-cache"])
    assert code == 0
    job = next(j for j in inputs.flyers.jobs if j.path == f"flyers/{SLUG}.pdf")
    assert (out / f"{SLUG}.pdf").read_bytes() == render_job(job, options)
