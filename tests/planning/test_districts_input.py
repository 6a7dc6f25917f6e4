"""District polygons as the planning section receives them: holes, parts, invalid shapes."""

from __future__ import annotations

import json

from build_tools.geo import load_districts


def feature(district_id, geometry, population=1000):
    return {"type": "Feature", "properties": {"id": district_id, "name": district_id.title(),
                                              "population": population},
            "geometry": geometry}


def write(tmp_path, *features):
    path = tmp_path / "districts.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": list(features)}),
                    encoding="utf-8")
    return path


def test_hole_and_multipolygon_load(tmp_path):
    outer = [[6.40, 50.80], [6.44, 50.80], [6.44, 50.83], [6.40, 50.83], [6.40, 50.80]]
    hole = [[6.41, 50.81], [6.42, 50.81], [6.42, 50.82], [6.41, 50.82], [6.41, 50.81]]
    far = [[6.50, 50.80], [6.51, 50.80], [6.51, 50.81], [6.50, 50.81], [6.50, 50.80]]
    path = write(
        tmp_path,
        feature("ring", {"type": "Polygon", "coordinates": [outer, hole]}),
        feature("zwei", {"type": "MultiPolygon", "coordinates": [[hole], [far]]}),
    )
    districts, problems = load_districts(path, "districts.geojson")
    assert problems == []
    assert len(districts["ring"].geometry.interiors) == 1
    assert len(districts["zwei"].geometry.geoms) == 2
    assert districts["ring"].population == 1000


def test_invalid_polygon_is_a_content_error_naming_the_district(tmp_path):
    bowtie = [[6.40, 50.80], [6.44, 50.83], [6.44, 50.80], [6.40, 50.83], [6.40, 50.80]]
    path = write(tmp_path, feature("schleife", {"type": "Polygon", "coordinates": [bowtie]}))
    districts, problems = load_districts(path, "districts.geojson")
    assert districts == {}
    assert len(problems) == 1
    assert "'schleife'" in problems[0].message and "ungültiges Polygon" in problems[0].message
    assert problems[0].severity == "error"
