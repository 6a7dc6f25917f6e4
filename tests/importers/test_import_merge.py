"""``atlas import osm`` and the hardened ``atlas import hsds`` on real-shaped exports: mapping,
HTML, duplicates, merge on re-import, deletion reported; then ``atlas check`` and a build."""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pytest
import yaml

from build_tools.cli import main
from build_tools.credits import credit_for, load_credits
from build_tools.importers.osm_input import read_export
from tests.adapters.project import write_project

HERE = Path(__file__).parent / "fixtures"
ROOT = HERE.parents[2]
ATLAS = ROOT / "tests" / "pages" / "fixtures" / "content"


@pytest.fixture
def content(tmp_path, monkeypatch):
    target = tmp_path / "content"
    shutil.copytree(ATLAS, target, ignore=shutil.ignore_patterns("offers", "organizations"))
    (target / "offers").mkdir()
    (target / "organizations").mkdir()
    shutil.copytree(ROOT / "content" / "import", target / "import")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795305600")  # 2026-11-22
    return target


def _run(*argv: str, capsys) -> tuple[int, str]:
    code = main(list(argv))
    return code, capsys.readouterr().err


def _osm(content: Path, name: str, capsys, *extra: str) -> tuple[int, str]:
    return _run("import", "osm", str(HERE / "osm" / name), "--out", str(content / "offers"),
                "--content", str(content), *extra, capsys=capsys)


def _offer(content: Path, name: str) -> dict:
    return yaml.safe_load((content / "offers" / name).read_text(encoding="utf-8"))


def test_readers_agree_on_geojson_and_overpass_json():
    geo = {o.source: o for o in read_export(HERE / "osm" / "export-1.geojson").objects}
    over = {o.source: o for o in read_export(HERE / "osm" / "overpass.json").objects}
    assert set(over) == {"osm:node/2190534511", "osm:way/318865274"}  # skeleton nodes have no tags
    assert over["osm:way/318865274"].lat == pytest.approx(50.80405)
    assert geo["osm:way/318865274"].lat == pytest.approx(50.80405, abs=1e-4)  # inside the polygon
    assert read_export(HERE / "osm" / "overpass.json").timestamp == "2026-11-20T10:14:00Z"


def test_osm_import_maps_tags_and_records_the_source(content, capsys):
    code, err = _osm(content, "export-1.geojson", capsys, "--dry-run")
    assert code == 0, err
    assert not list((content / "offers").iterdir())  # a dry run writes nothing
    assert "Probelauf, nichts geschrieben: 5 neu" in err
    code, err = _osm(content, "export-1.geojson", capsys)
    assert code == 0, err
    assert "1 Objekte ohne passende Regel" in err and "1 per skip ausgelassen" in err
    names = sorted(p.name for p in (content / "offers").iterdir())
    assert names == ["notschlafstelle-nord.yml", "oeffentliche-toilette.yml", "tafel-musterstadt.yml",
                     "trinkwasser-kaiserplatz.yml", "trinkwasser.yml"]
    toilet = _offer(content, "oeffentliche-toilette.yml")
    assert toilet["category"] == "hygiene" and toilet["source"] == "osm:way/318865274"
    assert toilet["opening_hours"] == "Mo-Fr 08:00-18:00; Sa 09:00-14:00"  # 8:00 written canonically
    assert toilet["costs"] == "free" and toilet["provider"] == {"name": "Stadt Musterstadt"}
    assert toilet["location"]["street"] == "Markt 1" and toilet["location"]["postal_code"] == "52349"
    assert _offer(content, "notschlafstelle-nord.yml")["contact"]["email"] == "info@notschlafstelle-höfen.example"
    assert _offer(content, "tafel-musterstadt.yml")["opening_hours"] == "Tu,Th 10:00-12:30; Dec 24-26 off"
    assert _offer(content, "trinkwasser.yml")["last_verified"].isoformat() == "2026-06-02"  # check_date
    credits, problems = load_credits(content, "sources.yml")
    assert problems == []
    credit = credit_for("osm:node/1", credits)
    assert credit is not None and credit.text == "© OpenStreetMap-Mitwirkende"
    assert credit.license == "Open Database License (ODbL) 1.0" and credit.data_as_of == "2026-11-20T10:15:02Z"
    state = json.loads((content / "import" / "osm-state.json").read_text(encoding="utf-8"))
    assert state["records"]["osm:way/318865274"]["id"] == "oeffentliche-toilette"


def test_osm_reimport_keeps_editors_changes_and_reports_deletions(content, capsys):
    assert _osm(content, "export-1.geojson", capsys)[0] == 0
    water = content / "offers" / "trinkwasser.yml"
    water.write_text(water.read_text(encoding="utf-8").replace("title: Trinkwasser", "title: Trinkbrunnen am Markt"),
                     encoding="utf-8")
    toilet = content / "offers" / "oeffentliche-toilette.yml"
    toilet.write_text(toilet.read_text(encoding="utf-8").replace("summary: Öffentliche Toilette.",
                                                                 "summary: Toilette im Rathaus, mit Wickeltisch."),
                      encoding="utf-8")
    (content / "offers" / "notschlafstelle-nord.yml").unlink()  # the editor removed it
    code, err = _osm(content, "export-2.geojson", capsys)
    assert code == 0, err
    assert "aktualisiert: oeffentliche-toilette.yml: opening_hours" in err
    assert ('von der Redaktion geändert, behalten: trinkwasser.yml: title: Redaktion "Trinkbrunnen am Markt", '
            'Quelle "Trinkwasser"') not in err  # the source did not change the title: nothing to tell
    assert "in der Quelle nicht mehr vorhanden (nicht gelöscht, bitte prüfen): tafel-musterstadt.yml (osm:node/5812273381)" in err
    assert "von der Redaktion gelöscht, nicht neu angelegt: notschlafstelle-nord.yml" in err
    assert "neu: trinkwasser-stadtpark.yml (osm:node/8100000003" in err
    assert _offer(content, "trinkwasser.yml")["title"] == "Trinkbrunnen am Markt"
    merged = _offer(content, "oeffentliche-toilette.yml")
    assert merged["summary"] == "Toilette im Rathaus, mit Wickeltisch."  # the editor's change stays
    assert merged["opening_hours"] == "Mo-Fr 08:00-18:00; Sa 09:00-13:00"  # the source's change arrives
    assert (content / "offers" / "tafel-musterstadt.yml").exists()  # never deleted
    assert not (content / "offers" / "notschlafstelle-nord.yml").exists()


def test_osm_conflict_is_reported_with_both_values(content, capsys):
    assert _osm(content, "export-1.geojson", capsys)[0] == 0
    toilet = content / "offers" / "oeffentliche-toilette.yml"
    text = toilet.read_text(encoding="utf-8").replace("Sa 09:00-14:00", "Sa 10:00-14:00")
    toilet.write_text(text, encoding="utf-8")
    code, err = _osm(content, "export-2.geojson", capsys)
    assert code == 0, err
    assert ('von der Redaktion geändert, behalten: oeffentliche-toilette.yml: opening_hours: Redaktion '
            '"Mo-Fr 08:00-18:00; Sa 10:00-14:00", Quelle "Mo-Fr 08:00-18:00; Sa 09:00-13:00"') in err
    assert toilet.read_text(encoding="utf-8") == text  # untouched, byte for byte


def _hsds(content: Path, capsys, *extra: str) -> tuple[int, str]:
    return _run("import", "hsds", str(HERE / "hsds"), "--out", str(content / "offers"),
                "--content", str(content), *extra, capsys=capsys)


def test_hsds_html_duplicates_mapping_titles_ids(content, capsys):
    code, err = _hsds(content, capsys)
    assert code == 0, err
    assert ("doppelt: Dienst-id 'svc-meal-1' doppelt: " in err and "('Free meal')" in err
            and "('Free meal (copy)')" in err)
    offers = {p.stem: _offer(content, p.name) for p in (content / "offers").iterdir()}
    assert all(len(i) <= 40 for i in offers)
    young = next(o for i, o in offers.items() if i.startswith("1625"))
    assert young["summary"] == "1625 Independent People works with young people aged 16 to 25 who are homeless " \
        "or at risk of becoming homeless."
    assert "<" not in young["summary"] and "&nbsp;" not in young["description"]
    assert "[our advice line](https://www.1625ip.example/contact)" in young["description"]
    assert "track()" not in young["description"] and "<script" not in young["description"]
    assert young["contact"]["email"] == "hilfe@jugendwohnen-höfen.example"
    assert young["category"] == "beratung"  # Housing Advice, from content/import/hsds-mapping.yml
    meals = sorted(o["title"] for o in offers.values() if o["title"].startswith("Free meal"))
    assert meals == ["Free meal (Nachbarschaftshilfe West)", "Free meal (St. Anna Gemeinde)"]
    assert {o["category"] for o in offers.values() if o["title"].startswith("Free meal")} == {"essen"}
    assert offers["yoga-for-beginners"]["category"] == "kategorie-fehlt"
    capsys.readouterr()
    assert main(["check", "--content", str(content)]) == 1
    err = capsys.readouterr().err
    assert "yoga-for-beginners.yml:" in err and "Kategorie fehlt (der Import konnte keine zuordnen)" in err


def test_hsds_reimport_keeps_editors_change(content, capsys):
    assert _hsds(content, capsys)[0] == 0
    path = content / "offers" / "free-meal-st-anna-gemeinde.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("everyone welcome.", "alle willkommen."), encoding="utf-8")
    code, err = _hsds(content, capsys)
    assert code == 0, err
    assert "0 neu, 0 aktualisiert, 4 unverändert" in err
    assert "alle willkommen." in path.read_text(encoding="utf-8")


def test_imported_content_checks_and_builds_with_flyers(content, tmp_path, capsys):
    assert _osm(content, "export-1.geojson", capsys)[0] == 0
    assert _hsds(content, capsys)[0] == 0
    yoga = content / "offers" / "yoga-for-beginners.yml"
    yoga.unlink()  # the editor decides: no help offer
    capsys.readouterr()
    assert main(["check", "--content", str(content)]) == 0, capsys.readouterr().err
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    config = write_project(tmp_path, content)
    site = tmp_path / "site"
    assert main(["build", "--config", str(config), "--site-dir", str(site)]) == 0, capsys.readouterr().err
    toilet = (site / "angebote" / "oeffentliche-toilette" / "index.html").read_text(encoding="utf-8")
    # The ODbL asks for the credit where the data is shown, and in the open data taken from it.
    assert ('Daten: <a href="https://www.openstreetmap.org/copyright">© OpenStreetMap-Mitwirkende</a>, '
            '<a href="https://opendatacommons.org/licenses/odbl/1-0/">Open Database License (ODbL) 1.0</a>'
            in toilet)
    others = [p.stem for p in (content / "offers").glob("*.yml") if "source: osm:" not in p.read_text(encoding="utf-8")]
    assert others
    for stem in others:
        page = site / "angebote" / stem / "index.html"
        assert "OpenStreetMap-Mitwirkende" not in page.read_text(encoding="utf-8"), stem
    data_page = (site / "daten" / "index.html").read_text(encoding="utf-8")
    osm_count = sum(1 for p in (content / "offers").glob("*.yml") if "source: osm:" in p.read_text(encoding="utf-8"))
    assert f"{osm_count} Angebote stammen aus übernommenen Daten" in data_page
    assert "Stand der Daten 2026-11-20" in data_page
    assert re.search(r'licenseAttributionByText": "[^"]+; © OpenStreetMap-Mitwirkende"', data_page)
    pdfs = sorted(p.name for p in site.rglob("*.pdf"))
    assert any("oeffentliche-toilette" in str(p) for p in site.rglob("*.pdf")), pdfs[:10]
