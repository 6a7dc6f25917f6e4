"""Search entries for generated pages, in the shape of Material's ``search_index.json``.

Material's search plugin finds its entries by feeding every page through ``html.parser``: 1.5 to
2.3 ms per offer page, a fifth of a whole build. Our pages are generated, well-formed HTML, so
one regular expression can walk them instead (0.7 ms). The rules are Material's, so the entries
are the same whoever indexed a page (a test compares both on every generated sample page):

- a section starts at every ``h1``–``h6`` with an ``id``; text before the first is the preface;
- ``script``, ``style`` and ``object`` are skipped, and so is any element marked
  ``data-search-exclude`` (a marked heading drops its whole section);
- ``p``, ``code``, ``pre``, ``li``, ``ol``, ``ul``, ``sub`` and ``sup`` stay as bare tags (empty
  ones are dropped), all other markup becomes text; whitespace collapses outside ``pre``.

Pure: no MkDocs, no files. The MkDocs adapter merges these entries into the theme's index.
"""

from __future__ import annotations

import re
from html import escape, unescape

_KEEP = frozenset({"p", "code", "pre", "li", "ol", "ul", "sub", "sup"})
_SKIP_TAGS = frozenset({"script", "style", "object"})
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                   "param", "source", "track", "wbr"})
_TOKEN = re.compile(
    r"<!--.*?-->"                                            # comment
    r"|<![^>]*>"                                             # doctype, CDATA-like declarations
    r"|<(script|style)\b[^>]*>.*?</\1\s*>"                   # raw-text elements, skipped whole
    r"|<(/?)([a-zA-Z][a-zA-Z0-9-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*?)(/?)>"  # start or end tag
    r"|[^<]+|<",                                             # text (a lone "<" is text too)
    re.S,
)
_ID = re.compile(r"""\bid\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")
_HEADERLINK = re.compile(r"""\bclass\s*=\s*(?:"headerlink"|'headerlink'|headerlink(?![^\s>]))""")
_EXCLUDE = re.compile(r"(?:^|\s)data-search-exclude(?=[\s=/]|$)")
_LINENODIV = re.compile(r"""\bclass\s*=\s*(?:"linenodiv"|'linenodiv')""")


class _Section:
    __slots__ = ("depth", "excluded", "id", "tag", "text", "title")

    def __init__(self, tag: str | None, excluded: bool = False, depth: float = 0) -> None:
        self.tag = tag  # the heading's tag; None for a preface ("hx" in Material never matches)
        self.depth = depth
        self.excluded = excluded
        self.id: str | None = None
        self.title: list[str] = []
        self.text: list[str] = []


def sections(html: str) -> list[_Section]:
    """Split ``html`` into sections the way Material's search parser does.

    One loop over the tokens on purpose: a function call per token would cost what we save.
    """
    context: list[list] = []  # open elements: [tag, excluded, headerlink]
    open_tags: dict[str, int] = {}  # how many of each tag are open (Material compares by tag)
    skipped_tags: dict[str, int] = {}
    skipping = 0  # open elements whose tag is a skipped element's tag
    headerlinks = 0
    data: list[_Section] = []
    section: _Section | None = None

    for match in _TOKEN.finditer(html):
        token = match.group(0)
        tag = match.group(3)
        if tag is None:
            if token.startswith("<!"):
                continue
            if match.group(1):  # script/style: nothing inside reaches the index
                if section is None:
                    section = _Section(None)
                    data.append(section)
                continue
            # text
            if skipping:
                continue
            text = unescape(token) if "&" in token else token
            in_pre = "pre" in open_tags
            if not in_pre:
                text = " " if text.isspace() else text.replace("\n", " ")
            if section is None:
                section = _Section(None)
                data.append(section)
            if section.tag in open_tags:
                if not headerlinks:
                    section.title.append(escape(text, quote=False))
            elif text.isspace():
                if not section.text or not section.text[-1].isspace() or in_pre:
                    section.text.append(text)
            else:
                section.text.append(escape(text, quote=False))
            continue
        tag = tag.lower()
        closing = match.group(2) == "/"
        if not closing:
            if tag in _VOID:
                continue
            attrs = match.group(4)
            excluded = bool(attrs) and ("data-search-exclude" in attrs or "linenodiv" in attrs) and bool(
                _EXCLUDE.search(attrs) or _LINENODIV.search(attrs))
            headerlink = tag == "a" and "headerlink" in attrs and bool(_HEADERLINK.search(attrs))
            el = [tag, excluded, headerlink]
            context.append(el)
            open_tags[tag] = open_tags.get(tag, 0) + 1
            headerlinks += headerlink
            if tag in skipped_tags:
                skipping += 1
            if tag in _HEADINGS:
                found = _ID.search(attrs)
                if found:
                    depth = len(context)
                    if tag != "h1" and not data:
                        section = _Section("hx", False, depth)
                        data.append(section)
                    new = _Section(tag, excluded, depth)
                    if data:
                        new.id = next(g for g in found.groups() if g is not None)
                    section = new
                    data.append(section)
            if section is None:
                section = _Section(None)
                data.append(section)
            if tag in _SKIP_TAGS or excluded:
                el[1] = True
                if tag not in skipped_tags:
                    skipping += open_tags[tag]  # every open element of this tag now counts
                skipped_tags[tag] = skipped_tags.get(tag, 0) + 1
            elif not skipping and tag in _KEEP:
                (section.title if section.tag in open_tags else section.text).append(f"<{tag}>")
            if match.group(5) != "/":
                continue
            # <tag/>: HTMLParser reports a start and an end
        if not context or context[-1][0] != tag:
            continue
        if section is not None and section.depth > len(context):
            for earlier in reversed(data):
                if earlier.depth <= len(context):
                    section.depth = float("inf")
                    section = earlier
                    break
        _, excluded, headerlink = context.pop()
        open_tags[tag] -= 1
        if not open_tags[tag]:
            del open_tags[tag]
        headerlinks -= headerlink
        if tag in skipped_tags:
            skipping -= 1
        if excluded:
            if tag not in _SKIP_TAGS:
                skipped_tags[tag] -= 1
                if not skipped_tags[tag]:
                    del skipped_tags[tag]
                    skipping -= open_tags.get(tag, 0)
            continue
        if not skipping and tag in _KEEP and section is not None:
            target = section.title if section.tag in open_tags else section.text
            index = target.index(f"<{tag}>")
            if any(not part.isspace() for part in target[index + 1:]):
                target.append(f"</{tag}>")
            else:
                del target[index:]
    return data


def page_entries(location: str, title: str, html: str) -> list[dict[str, str]]:
    """Entries for one page: ``location`` is its URL, ``title`` its (escaped) page title."""
    entries = []
    for section in sections(html):
        if section.excluded:
            continue
        url = f"{location}#{section.id}" if section.id else location
        section_title = "".join(section.title).strip() if section.title else title
        entries.append({"location": url, "title": section_title, "text": "".join(section.text).strip()})
    return entries
