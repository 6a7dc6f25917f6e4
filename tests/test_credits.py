"""``content/import/sources.yml``: the credits read at load, a broken file is a finding."""

from __future__ import annotations

from build_tools.credits import OSM, credit_for, load_credits


def _write(tmp_path, text):
    (tmp_path / "import").mkdir()
    (tmp_path / "import" / "sources.yml").write_text(text, encoding="utf-8")


def test_no_file_no_recorded_credit_but_osm_is_still_credited(tmp_path):
    assert load_credits(tmp_path, "sources.yml") == ({}, [])
    assert credit_for("osm:way/12", {}) == OSM
    assert credit_for("hsds:abc", {}) is None and credit_for(None, {}) is None


def test_an_entry_without_licence_is_reported_at_its_line(tmp_path):
    _write(tmp_path, "osm:\n  text: x\n  url: https://example.org/\nanderes:\n  text: y\n  url: u\n  license: L\n")
    credits, problems = load_credits(tmp_path, "content/import/sources.yml")
    assert list(credits) == ["anderes"]
    [problem] = problems
    assert (problem.file, problem.line, problem.field) == ("content/import/sources.yml", 1, "osm")
    assert "es fehlt license" in problem.message


def test_broken_yaml_is_a_finding_not_a_traceback(tmp_path):
    _write(tmp_path, "osm: [\n")
    credits, problems = load_credits(tmp_path, "sources.yml")
    assert credits == {} and problems and problems[0].file == "sources.yml"
