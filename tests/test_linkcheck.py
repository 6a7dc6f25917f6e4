"""The link checker finds what is broken and accepts what is fine (on a hand-made site)."""

from build_tools.linkcheck import check_site


def _write(root, rel, text):
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_broken_and_fine_links(tmp_path):
    _write(tmp_path, "index.html", (
        '<a href="angebote/tafel/">ok</a><a href="angebote/fehlt/">broken</a>'
        '<a href="angebote/tafel/#zeiten">anchor ok</a><a href="angebote/tafel/#nix">anchor broken</a>'
        '<a href="/angebote/tafel/">root-absolute</a><a href="https://osm.org/">external</a>'
        '<a href="tel:+492421">tel</a><script src="assets/app.js"></script>'
        '<img src="bild.png"><a href="../../etc/passwd">outside</a><a href="#top">self</a><p id="top"></p>'
    ))
    _write(tmp_path, "angebote/tafel/index.html", '<h2 id="zeiten">Zeiten</h2><a href="../../">home</a>')
    _write(tmp_path, "assets/app.js", "")
    found = {(b.target, b.reason) for b in check_site(tmp_path)}
    assert found == {
        ("angebote/fehlt/", "Ziel fehlt"),
        ("angebote/tafel/#nix", "Anker #nix fehlt"),
        ("/angebote/tafel/", "absoluter Pfad: bricht unter einem Unterpfad (relativ verlinken)"),
        ("bild.png", "Ziel fehlt"),
        ("../../etc/passwd", "zeigt aus der Website heraus"),
    }


def test_404_page_may_link_absolutely_under_the_site_path(tmp_path):
    _write(tmp_path, "index.html", "")
    _write(tmp_path, "karte/index.html", "")
    _write(tmp_path, "404.html", '<a href="/hilfe/karte/">ok</a><a href="/hilfe/fehlt/">broken</a><a href="/karte/">outside base</a>')
    found = {(b.target, b.reason) for b in check_site(tmp_path, "/hilfe/")}
    assert found == {
        ("/hilfe/fehlt/", "Ziel fehlt"),
        ("/karte/", "absoluter Pfad: bricht unter einem Unterpfad (relativ verlinken)"),
    }
