"""Markdown from editors → sanitised HTML, with a maintained allow-list sanitiser (nh3).

Descriptions come from many hands; a ``<script>`` or ``onerror=`` in one file must never reach a
visitor. Markdown is rendered first, then everything not on the allow-list is removed.
"""

from __future__ import annotations

from functools import lru_cache
from html import escape as html_escape

import markdown
import nh3

ALLOWED_TAGS = {
    "p", "br", "strong", "em", "b", "i", "ul", "ol", "li", "a", "blockquote", "code", "pre",
    "h2", "h3", "h4", "hr", "table", "thead", "tbody", "tr", "th", "td", "abbr", "span",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title", "hreflang"}, "abbr": {"title"}, "th": {"scope"}}
ALLOWED_SCHEMES = {"http", "https", "mailto", "tel"}


def sanitize_html(html: str) -> str:
    """Remove every tag, attribute and URL scheme that is not explicitly allowed."""
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    )


@lru_cache(maxsize=1)
def _converter() -> markdown.Markdown:
    # One converter per process, reset before each text (Python-Markdown's own advice): setting
    # up the extensions anew for every description cost a fifth of an offer page.
    return markdown.Markdown(extensions=["sane_lists"], output_format="html")


def render_markdown(text: str | None) -> str:
    """Render an editor's Markdown to safe HTML (headings start at h2, under the page's h1)."""
    if not text:
        return ""
    try:
        html = _converter().reset().convert(text)
    except RecursionError:
        # Python-Markdown recurses per nesting level ("1. 1. 1. …" thousands deep); such a
        # text is shown as plain paragraphs instead of crashing the build.
        return "".join(
            f"<p>{html_escape(part.strip())}</p>" for part in text.split("\n\n") if part.strip()
        )
    # A description's "# Titel" must not compete with the page title.
    for level in range(5, 0, -1):
        html = html.replace(f"<h{level}>", f"<h{level + 1}>").replace(f"</h{level}>", f"</h{level + 1}>")
    return sanitize_html(html).replace("<h6>", "<h4>").replace("</h6>", "</h4>")
