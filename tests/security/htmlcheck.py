"""An HTML inspector for tests: is a page well-formed, and is anything in it able to run?

Parses with the standard library's tokenizer (no regex soup) and reports findings as strings,
so a failing test says exactly what slipped through.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}
# Elements a page body never needs (templates use <input>, <button>, <svg>, a search <form>,
# <link> for stylesheets and <script src> for the site's own assets: checked separately).
DANGEROUS = {"iframe", "frame", "frameset", "object", "embed", "applet", "style", "textarea", "base", "meta", "math", "template", "noscript", "xmp", "plaintext",
             "noembed", "portal"}
URL_ATTRS = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "srcset",
             "background", "cite", "ping"}
DATA_SCRIPT_TYPES = {"application/json", "application/ld+json"}
_SCHEME_RE = re.compile(r"^([a-z][a-z0-9+.-]*):")


def _scheme(value: str) -> str:
    cleaned = re.sub(r"[\x00-\x20\x7f]", "", value).lower()
    match = _SCHEME_RE.match(cleaned)
    return match.group(1) if match else ""


def _same_site(url: str) -> bool:
    return bool(url) and not _scheme(url) and not url.startswith("//")


class Inspector(HTMLParser):
    """Collects findings; ``allowed`` names elements the page's own templates may contain."""

    def __init__(self, allowed: set[str] = frozenset()):
        super().__init__(convert_charrefs=True)
        self.allowed = allowed
        self.findings: list[str] = []
        self.stack: list[str] = []
        self.text: list[str] = []
        self.attr_values: list[str] = []
        self.inline_scripts: list[str] = []  # bodies of allowed inline scripts (templates')
        self._script: dict | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._element(tag, attrs)
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._element(tag, attrs)

    def _element(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for name, value in attrs:
            value = value or ""
            self.attr_values.append(value)
            if name.startswith("on"):
                self.findings.append(f"event handler {name}= on <{tag}>")
            scheme = _scheme(value) if name in URL_ATTRS else ""
            if scheme in ("javascript", "vbscript", "data", "blob", "file"):
                self.findings.append(f"{scheme}: URL in {name}= on <{tag}>")
            if name == "style" and re.search(r"url\s*\(|expression\s*\(|@import", value, re.I):
                self.findings.append(f"style with url()/expression on <{tag}>")
            if name == "http-equiv" and value.lower() == "refresh":
                self.findings.append("meta refresh")
        if tag == "a" and values.get("href", "").startswith(("http://", "https://")) and "target" in values:
            rel = set((values.get("rel") or "").split())
            if not {"noopener", "noreferrer"} <= rel:
                self.findings.append(f"external link with target= but without noopener: {values.get('href')}")
        if tag == "script":
            kind = (values.get("type") or "").lower()
            src = values.get("src") or ""
            if kind in DATA_SCRIPT_TYPES:
                self._script = {"type": kind, "body": []}
            elif not src and "script" not in self.allowed:
                self.findings.append("inline executable <script>")
            elif not src:
                self._script = {"type": "inline", "body": []}
            elif src and not _same_site(src):
                self.findings.append(f"<script> from another site: {src}")
        elif tag == "form" and (values.get("action") or "").strip() and not _same_site(values["action"]):
            self.findings.append(f"<form> posting to another site: {values.get('action')}")
        elif tag == "link" and not _same_site(values.get("href") or ""):
            self.findings.append(f"<link> to another site: {values.get('href')}")
        elif tag in DANGEROUS and tag not in self.allowed:
            self.findings.append(f"<{tag}> element")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None and self._script["type"] == "inline":
            self.inline_scripts.append("".join(self._script["body"]))
            self._script = None
        elif tag == "script" and self._script is not None:
            body = "".join(self._script["body"])
            try:
                json.loads(body)
            except ValueError:
                self.findings.append(f"{self._script['type']} block is not valid JSON")
            if "</" in body or "<!--" in body:
                self.findings.append("JSON block contains '</' or '<!--'")
            self._script = None
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.findings.append(f"unbalanced </{tag}> (open: {self.stack[-3:]})")
            if tag in self.stack:
                while self.stack and self.stack.pop() != tag:
                    pass
            return
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script["body"].append(data)
        else:
            self.text.append(data)

    def close(self) -> None:
        super().close()
        if self.stack:
            self.findings.append(f"unclosed elements: {self.stack}")


def inspect(html: str, allowed: set[str] = frozenset()) -> Inspector:
    """Parse ``html`` (a fragment or a document) and return the inspector with its findings."""
    parser = Inspector(set(allowed))
    parser.feed(html)
    parser.close()
    return parser


def visible_text(parser: Inspector) -> str:
    """All text and attribute values, whitespace collapsed (to find escaped payloads)."""
    return " ".join(" ".join([*parser.text, *parser.attr_values]).split())
