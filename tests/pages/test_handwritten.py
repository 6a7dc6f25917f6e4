"""Hand-written pages in other languages: paths, meta, switch and the editor's findings."""

from __future__ import annotations

from build_tools.pages import handwritten


def test_split_source_knows_german_and_translated_pages_only():
    assert handwritten.split_source("ueber.md") == ("de", "ueber")
    assert handwritten.split_source("en/ueber.md") == ("en", "ueber")
    assert handwritten.split_source("plaetze/liste.md") is None  # not a language folder
    assert handwritten.split_source("en/a/b.md") is None
    assert handwritten.split_source("plaetze/kaeltehilfe.json") is None


def test_page_languages_lists_configured_languages_the_page_exists_in():
    sources = {"ueber.md", "en/ueber.md", "uk/ueber.md", "tr/ueber.md", "en/impressum.md"}
    assert handwritten.page_languages("ueber", sources, ["de", "en", "uk", "ar"]) == ["de", "en", "uk"]
    assert handwritten.page_languages("impressum", sources, ["de", "en"]) == ["en"]


def test_meta_has_language_alternates_with_x_default_and_no_theme_bundle():
    meta = handwritten.handwritten_meta({"title": "x"}, "en", "ueber", ["de", "en"], "https://a.example/")
    assert meta["atlas_lang"] == "en" and meta["atlas_theme_js"] is False and meta["title"] == "x"
    assert meta["atlas_alternates"] == [
        {"lang": "de", "href": "https://a.example/ueber/"},
        {"lang": "en", "href": "https://a.example/en/ueber/"},
        {"lang": "x-default", "href": "https://a.example/ueber/"},
    ]
    german = handwritten.handwritten_meta({}, "de", "ueber", ["de", "en"], None)
    assert "atlas_lang" not in german
    assert german["atlas_alternates"][1] == {"lang": "en", "href": "../en/ueber/"}


def test_switch_names_each_language_in_itself_and_marks_the_current_one():
    context = handwritten.switch_context("uk", "ueber", ["de", "uk"])
    assert [(s["name"], s["current"], s["href"]) for s in context["switch"]] == [
        ("Deutsch", False, "../../ueber/"), ("Українська", True, "./")]
    assert context["label"] == "Мова"


def test_translation_of_an_unconfigured_language_warns_and_one_without_german_page_fails(tmp_path):
    (tmp_path / "ueber.md").write_text("# Über\n", encoding="utf-8")
    for lang, name in [("en", "ueber"), ("en", "hilfe"), ("ar", "ueber")]:
        (tmp_path / lang).mkdir(exist_ok=True)
        (tmp_path / lang / f"{name}.md").write_text("# x\n", encoding="utf-8")
    (tmp_path / "plaetze").mkdir()
    (tmp_path / "plaetze" / "liste.md").write_text("# y\n", encoding="utf-8")
    found = handwritten.translation_problems(tmp_path, ["de", "en"])
    assert [(p.file.rsplit("/", 2)[-2:], p.severity) for p in found] == [
        (["ar", "ueber.md"], "warning"), (["en", "hilfe.md"], "error")]
    assert "atlas.languages" in found[0].message and "hilfe.md fehlt" in found[1].message
    assert handwritten.translation_problems(tmp_path, ["de", "en", "ar"])[0].file.endswith("en/hilfe.md")
