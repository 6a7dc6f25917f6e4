"""Our stylesheets as the site ships them: the same rules, without comments and spare space."""

from __future__ import annotations

import gzip
import re

from build_tools.pages.assets import asset_sources, shipped_css


def _rules(css: str) -> list[str]:
    """Selectors and declarations, whitespace-free, comments dropped: what a browser reads."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    return [re.sub(r"\s+", "", part) for part in re.split(r"[{};]", css) if part.strip()]


def test_every_stylesheet_ships_its_rules_without_comments():
    sheets = [(path, source) for path, source in asset_sources() if path.endswith(".css")]
    assert sheets
    for path, source in sheets:
        text = source.read_text(encoding="utf-8")
        shipped = shipped_css(source).decode("utf-8")
        assert "/*" not in shipped, path
        assert [r.replace(" ", "") for r in _rules(shipped)] == _rules(text), path


def test_the_main_stylesheet_gets_lighter():
    source = dict(asset_sources())["assets/stylesheets/atlas.css"]
    before = len(gzip.compress(source.read_bytes(), 6))
    after = len(gzip.compress(shipped_css(source), 6))
    assert after < 0.75 * before, (before, after)
