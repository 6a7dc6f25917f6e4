"""The CSP meta: hashes of inline executable scripts, the tile host, placement in <head>."""

from __future__ import annotations

import base64
import hashlib
import re

import pytest

from build_tools.security.csp import apply_csp, build_policy, script_hashes, tile_source

OSM = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"


def _sha(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def _policy(html: str) -> str:
    return re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', html).group(1)


def test_hashes_cover_exactly_the_executable_inline_scripts() -> None:
    html = (
        "<script>var a = 1;</script>"
        '<script type="module">import("./x.js")</script>'
        '<script type="text/javascript">b()</script>'
        '<script type="application/json" id="__config">{"a": 1}</script>'
        '<script type="application/ld+json">{"@type": "Thing"}</script>'
        '<script src="x.js"></script>'
        "<SCRIPT>Ünïcödé()</SCRIPT>"
        "<script>var a = 1;</script>"  # the same body twice: one hash
    )
    assert script_hashes(html) == [
        _sha("var a = 1;"), _sha('import("./x.js")'), _sha("b()"), _sha("Ünïcödé()"),
    ]


def test_line_breaks_are_hashed_as_the_browser_sees_them() -> None:
    assert script_hashes("<script>a()\r\nb()\rc()</script>") == [_sha("a()\nb()\nc()")]


def test_no_inline_scripts_means_self_only() -> None:
    policy = build_policy('<script src="a.js"></script>', OSM)
    assert "script-src 'self';" in policy
    assert "unsafe-inline" not in policy.split("style-src")[0]


def test_full_policy() -> None:
    assert build_policy("<script>x()</script>", "https://{s}.tile.example.org/{z}/{x}/{y}.png") == (
        f"default-src 'self'; script-src 'self' {_sha('x()')}; style-src 'self' 'unsafe-inline'; "
        "img-src 'self' data: https://*.tile.example.org; connect-src 'self'; "
        "worker-src 'self' blob:; object-src 'none'; base-uri 'self'; form-action 'self'"
    )


@pytest.mark.parametrize(
    ("template", "source"),
    [
        (OSM, "https://tile.openstreetmap.org"),
        ("https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png", "https://*.tile.openstreetmap.org"),
        ("https://tiles-{s}.example.org:8443/{z}/{x}/{y}.png", "https://*.example.org:8443"),
        ("https://Tiles.Example.ORG/{z}/{x}/{y}.png", "https://tiles.example.org"),
        ("tiles/{z}/{x}/{y}.png", None),
        ("", None),
    ],
)
def test_tile_source(template: str, source: str | None) -> None:
    assert tile_source(template) == source


@pytest.mark.parametrize(
    "template",
    [
        "javascript://evil.example/%0Aalert(1)",
        "https://evil.example; script-src *; x/{z}.png",
        "https://evil.example'/{z}.png",
        "https://user:pw@tiles.example.org/{z}.png",
        "https://{s}/{z}/{x}/{y}.png",
        "ftp://tiles.example.org/{z}.png",
    ],
)
def test_tile_templates_cannot_inject_directives(template: str) -> None:
    with pytest.raises(ValueError):
        tile_source(template)


def test_meta_is_first_in_head_after_charset() -> None:
    html = '<!doctype html><html lang="de"><head><meta charset="utf-8"><title>x</title></head></html>'
    out = apply_csp(html, OSM)
    assert out.startswith(
        '<!doctype html><html lang="de"><head><meta charset="utf-8">'
        '<meta http-equiv="Content-Security-Policy" content="default-src'
    )
    assert out.index("Content-Security-Policy") < 1024


def test_meta_is_first_in_head_without_charset() -> None:
    out = apply_csp("<html><head><script>x()</script></head></html>", OSM)
    assert out.startswith('<html><head><meta http-equiv="Content-Security-Policy"')
    assert _sha("x()") in _policy(out)


def test_applying_twice_keeps_one_meta() -> None:
    html = "<html><head><script>x()</script></head><body></body></html>"
    once = apply_csp(html, OSM)
    assert apply_csp(once, OSM) == once
    assert once.count("Content-Security-Policy") == 1


def test_documents_without_head() -> None:
    assert apply_csp("<!doctype html><p>x</p>", OSM).startswith(
        '<!doctype html><meta http-equiv="Content-Security-Policy"'
    )
    assert apply_csp("<p>x</p>", OSM).startswith('<meta http-equiv="Content-Security-Policy"')


def _connect(html: str, allowed: frozenset[str]) -> str:
    directives = dict(d.split(" ", 1) for d in build_policy(html, OSM, connect=allowed).split("; "))
    return directives["connect-src"]


def test_connect_src_names_only_configured_origins_the_page_uses() -> None:
    allowed = frozenset({"https://feed.example", "https://haus.example"})
    page = '<p data-atlas-capacity="a" data-src="https://feed.example/p.json" hidden></p>'
    assert _connect(page, allowed) == "'self' https://feed.example"
    assert _connect("<p>nichts</p>", allowed) == "'self'"
    assert _connect(page, frozenset()) == "'self'", "no setting, no origin"
    # page text naming another origin, or trying to inject a directive, widens nothing
    for src in ("https://evil.example/p.json", "https://feed.example; script-src *",
                "javascript:alert(1)", "https://feed.example.evil.example/p.json"):
        html = f'<p data-atlas-capacity="a" data-src="{src}"></p>'
        assert _connect(html, allowed) == "'self'", src
    both = page + '<p data-atlas-capacity="b" data-src="https://haus.example/f.json"></p>' + page
    assert _connect(both, allowed) == "'self' https://feed.example https://haus.example"
