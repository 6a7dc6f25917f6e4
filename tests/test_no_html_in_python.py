"""No HTML in Python: pages, fragments and their prose live in ``site_templates/atlas/``.

Every string literal and f-string part under ``build_tools/`` is searched for the start of an
HTML (or SVG) element — ``<p>``, ``<a href=``, ``</td>``, ``<!--``. Docstrings are skipped
(they may well mention ``<script>``), and so are the modules whose job is to read HTML rather
than write it. ``<id>``, ``<TAB>`` or ``…/q/<code>/`` in a message is no element and passes.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "build_tools"

SKIPPED = {
    "security": "CSP and sanitiser: patterns that find tags in finished HTML",
}
"""Folders or modules not searched, and why."""

ALLOWED = {
    ("config.py", "&copy; <a href="): "the default tile attribution is a setting value "
                                      "(HTML by Leaflet's convention, sanitised by nh3)",
    ("adapters/preview.py", '<script src="'): "mkdocs serve only: the reload script is spliced "
                                              "into a finished page, like the CSP meta tag",
    ("adapters/preview.py", '" defer></script>'): "(the same tag)",
    ("adapters/preview.py", "</body>"): "where the reload script goes (a search, not output)",
    ("pages/privacy.py", "<!-- atlas:([a-z][a-z-]*) -->"): "the marker an editor writes in a "
                                                           "hand-written page (a search, not output)",
    ("pages/privacy.py", "<!-- atlas:"): "(the same marker, a quick test before the search)",
    ("adapters/mkdocs_plugin.py", "</h1>"): "where a translated hand-written page's language "
                                            "switch goes (a search, not output)",
}
"""Known strings that may stay, by module and the text that holds the tag."""

_ELEMENT_NAMES = """
    a abbr address area article aside audio b base bdi bdo blockquote body br button canvas
    caption cite code col colgroup data datalist dd del details dfn dialog div dl dt em embed
    fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 head header hgroup hr html i iframe
    img input ins kbd label legend li link main map mark menu meta meter nav noscript object ol
    optgroup option output p picture pre progress q rp rt ruby s samp script search section
    select slot small source span strong style sub summary sup table tbody td template textarea
    tfoot th thead time title tr track u ul var video wbr
    svg g path circle ellipse line polygon polyline rect text tspan defs pattern use symbol desc
    lineargradient radialgradient stop clippath mask marker image foreignobject
"""
ELEMENTS = frozenset(_ELEMENT_NAMES.split())
"""HTML elements and the SVG ones we draw: ``<id>`` or ``<TAB>`` in a message is none of them."""

VOID = frozenset(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"])

# <!-- or <!doctype; a closing tag; an opening tag with attributes or self-closing; a void one.
TAG = re.compile(
    r"<!--|<!doctype|</(?P<closing>[a-zA-Z][a-zA-Z0-9]*)\s*>"
    r"|<(?P<opening>[a-zA-Z][a-zA-Z0-9]*)(?P<rest>\s+[a-zA-Z_:][-a-zA-Z0-9_:.]*|\s*/>|\s*>)",
    re.IGNORECASE,
)


def _skipped_constants(tree: ast.AST) -> set[int]:
    """Ids of string constants not searched alone: docstrings (module, class, function,
    attribute) and the literal parts of f-strings (searched with their f-string)."""
    found = set()
    for node in ast.walk(tree):
        if (isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)
                and isinstance(node.value.value, str)):
            found.add(id(node.value))
        elif isinstance(node, ast.JoinedStr):
            found.update(id(v) for v in node.values)
    return found


def html_strings(source: str) -> list[tuple[int, str]]:
    """``(line, text)`` of every non-docstring literal that opens or closes an HTML element.

    An f-string's literal parts are joined (``{…}`` for each value), so ``f"<td>{x}</td>"`` is
    found, and so is ``f"<{tag}>"`` (a part ending in ``<``).
    """
    tree = ast.parse(source)
    skipped = _skipped_constants(tree)
    hits = []
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            parts = [v.value if isinstance(v, ast.Constant) else "{…}" for v in node.values]
            text = "".join(parts)
            if _opens_element(text) or re.search(r"</?\{…\}", text):
                hits.append((node.lineno, text))
        elif (isinstance(node, ast.Constant) and isinstance(node.value, str)
              and id(node) not in skipped and _opens_element(node.value)):
            hits.append((node.lineno, node.value))
    return sorted(hits)


def _opens_element(text: str) -> bool:
    """An element, not a placeholder: ``<a href=``, ``</td>``, ``<br>``, ``<rect/>`` count;
    ``<code>`` alone (``…/q/<code>/``) does not, unless ``</code>`` follows somewhere."""
    for match in TAG.finditer(text):
        name = (match.group("closing") or match.group("opening") or "").lower()
        if not name:
            return True  # comment or doctype
        if name not in ELEMENTS:
            continue
        if match.group("closing") or name in VOID or match.group("rest").strip() != ">":
            return True
    return False


def _modules() -> list[Path]:
    out = []
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE).as_posix()
        if relative in SKIPPED or relative.split("/", 1)[0] in SKIPPED:
            continue
        out.append(path)
    return out


@pytest.mark.parametrize("path", _modules(), ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_module_writes_no_html(path):
    relative = path.relative_to(PACKAGE).as_posix()
    found = [
        f"{relative}:{line}: {text[:80]!r}"
        for line, text in html_strings(path.read_text(encoding="utf-8"))
        if not any(module == relative and snippet in text for module, snippet in ALLOWED)
    ]
    assert not found, "HTML belongs in site_templates/atlas/ (render through build_tools.templating):\n" + "\n".join(found)


def test_allowed_entries_are_still_needed():
    """An allowance whose string is gone is removed from :data:`ALLOWED`."""
    stale = []
    for module, snippet in ALLOWED:
        path = PACKAGE / module
        texts = [text for _, text in html_strings(path.read_text(encoding="utf-8"))] if path.exists() else []
        if not any(snippet in text for text in texts):
            stale.append(f"{module}: {snippet!r}")
    assert not stale, "no longer found, drop from ALLOWED: " + ", ".join(stale)


@pytest.mark.parametrize("source", [
    'X = "<p>Hallo</p>"',
    'def f(x):\n    return f"<td>{x}</td>"',
    'def f(tag, x):\n    return f"<{tag}>{x}"',
    "X = '<a href=\"/\">'",
    'X = "<!-- Kommentar -->"',
    'X = "<circle cx=\\"1\\"/>"',
    'X = "<br>"',
    'X = "<rect/>"',
    'def f(x):\n    return "<td>" + x + "</td>"',
])
def test_finds_html(source):
    assert html_strings(source)


@pytest.mark.parametrize("source", [
    '"""A module about <script> tags."""',
    'def f():\n    """Returns ``<table>`` markup."""\n',
    'class A:\n    x = 1\n    """Attribute docstring with <p>."""\n',
    'X = "Adresse /angebote/<id>/"',
    'X = "Datum<TAB>URL"',
    'X = "Kurzlink …/q/<code>/ (sieben Zeichen)"',
    "X = \"expected '<document start>'\"",
    'X = "a < b and c > d"',
    'def f(x):\n    return f"{x} <= 3"',
])
def test_ignores_what_is_no_html(source):
    assert not html_strings(source)
