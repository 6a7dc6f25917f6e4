"""HTML from real feeds → Markdown for descriptions, plain text for summaries; never markup.

Real HSDS feeds carry ``<h4>…</h4><p>…&nbsp;…</p>`` in ``description``. ``nh3`` first keeps
only harmless structure (script and style go with their content), ``markdownify`` writes
Markdown; headings become bold lines (an offer page has its own headings). Summaries are plain
text cut at a word boundary.
"""

from __future__ import annotations

import html
import re

import nh3
from markdownify import markdownify

_LOOKS_LIKE_HTML = re.compile(
    r"</?(?:p|div|br|h[1-6]|ul|ol|li|table|tr|td|span|strong|b|em|i|a|font|u)\b[^<>]*>|&nbsp;|&amp;|&#\d+;",
    re.IGNORECASE)
_KEEP = {"p", "br", "ul", "ol", "li", "a", "strong", "b", "em", "i", "h1", "h2", "h3", "h4", "h5", "h6",
         "blockquote", "div", "span"}
_BLOCKS = re.compile(r"</?(?:p|div|br|li|ul|ol|h[1-6]|tr|td|th|table|blockquote)\b[^>]*>", re.IGNORECASE)
_HEADING = re.compile(r"^#{1,6}[ \t]+(.+?)[ \t]*#*$", re.MULTILINE)
_SPACES = re.compile(r"[ \t\u00a0]+")


def looks_like_html(text: str) -> bool:
    """True when ``text`` holds HTML markup of a document (a Markdown text with a stray tag is
    left to the page's sanitiser, so our own exports come back unchanged)."""
    return bool(_LOOKS_LIKE_HTML.search(text))


def to_markdown(text: str) -> str:
    """Markdown for a description (text without HTML comes back as it was, trimmed)."""
    if not looks_like_html(text):
        return text.strip()
    safe = nh3.clean(text, tags=_KEEP, attributes={"a": {"href"}}, clean_content_tags={"script", "style"},
                     url_schemes={"http", "https", "mailto", "tel"}, link_rel=None)
    markdown = markdownify(safe, heading_style="ATX", bullets="-", escape_misc=False)
    markdown = _HEADING.sub(lambda m: f"**{m.group(1).strip()}**", markdown)
    markdown = _SPACES.sub(" ", markdown.replace("\u00a0", " "))
    lines = [line.rstrip() for line in markdown.splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def to_plain(text: str) -> str:
    """Plain text: tags removed (blocks become spaces), entities decoded, spaces collapsed."""
    if looks_like_html(text):
        text = _BLOCKS.sub(" ", text)
        text = nh3.clean(text, tags=set(), clean_content_tags={"script", "style"})
        text = html.unescape(text)
    return _SPACES.sub(" ", text.replace("\u00a0", " ")).strip()


def cut(text: str, limit: int) -> str:
    """``text`` (plain, one line) shortened to at most ``limit`` characters at a word
    boundary, with ``…``; the first sentence when it fits."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    sentence = re.split(r"(?<=[.!?])\s", text, maxsplit=1)[0]
    if 20 <= len(sentence) <= limit:
        return sentence
    head = text[: limit - 1]
    if " " in head[limit // 2:]:
        head = head[: head.rfind(" ")]
    return head.rstrip(" ,;:-–") + "…"
