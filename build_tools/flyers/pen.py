"""Text on a flyer: wrapping, alignment and right-to-left, with a glyph check on every string.

Lines are wrapped in logical order and measured in their shaped form; each finished line is
then put in visual order. In a right-to-left language paragraphs are right-aligned in their box.
Numbers and URLs (:meth:`Pen.ltr`) are drawn as they are, never reordered.

Some spaces never break a line (:func:`glue`): inside abbreviations ("e. V.", "z. B."), before a
legal form ("Musterstadt e. V.", "Hilfe gGmbH"), in "& Co. KG", after a postal code and before
"Uhr" — an organisation's name is never torn mid-abbreviation, nor an address between code and
town, nor "Uhr" from its time. A no-break space typed by the editor holds too. Only when such a
group is wider than the whole line does it break at its no-break spaces, and only then inside
a word.
"""

from __future__ import annotations

import re

from . import fonts, syllables

NBSP = "\u00a0"
"""Holds an abbreviation together ("e. V."); an editor's own no-break space holds as firmly."""
JOIN = "\ue000"
"""Keeps a legal form with the word before it; the first to give way in a group too wide."""

_LEGAL_FORMS = ("e.\u00a0V.", "e.V.", "e.\u00a0K.", "gGmbH", "GmbH", "mbH", "gUG", "UG", "gAG",
                "AG", "KG", "KGaA", "eG", "AöR", "KdöR", "&\u00a0Co.\u00a0KG")
_GLUE = (
    # "e. V.", "z. B.", "i. d. R.": a short abbreviation followed by another one.
    (re.compile(r"(?<![^\W\d_])([^\W\d_]{1,3}\.) (?=[^\W\d_]{1,3}\.)"), "\\1" + NBSP),
    (re.compile(r"& Co\. KG"), "&" + NBSP + "Co." + NBSP + "KG"),
    # A postal code stays with its town: "52349 Musterstadt", not "52349" / "Musterstadt".
    (re.compile(r"(?<![\w.])(\d{5}) (?=[^\W\d_])"), "\\1" + NBSP),
    # "Uhr" never starts a line on its own: "10:00–16:00 Uhr" keeps its last time.
    (re.compile(r"(?<=\d\d:\d\d) (?=Uhr\b)"), NBSP),
    # The legal form stays with the word before it: "Musterstadt e. V.", "Hilfe gGmbH".
    (re.compile(r" (?=(?:" + "|".join(re.escape(f) for f in _LEGAL_FORMS) + r")(?!\w))"), JOIN),
)
_BREAKABLE = re.compile(r"[^\S\u00a0]+")
"""Whitespace a line may break at: every kind but the no-break space."""
_HYPHEN = re.compile(r"(?<=[^\W\d_]-)(?=[^\W\d_])")
"""After the hyphen of a compound ("Wohnungsnotfallhilfe-Beratungsstelle")."""


def glue(text: str) -> str:
    """``text`` with no-break marks where a line must not break (see the module docstring)."""
    if " " not in text:
        return text
    for pattern, replacement in _GLUE:
        text = pattern.sub(replacement, text)
    return text


def _plain(text: str) -> str:
    return text.replace(JOIN, " ").replace(NBSP, " ")


class Pen:
    """Draws text in one language onto a ReportLab canvas."""

    def __init__(self, canvas, lang: str, ink, where: str = ""):
        self.c = canvas
        self.lang = lang
        self.rtl = fonts.is_rtl(lang)
        self.ink = ink
        self.where = where
        self.second: Pen | None = None
        """On a bilingual flyer: the pen of its second language (:mod:`.blocks`)."""

    @staticmethod
    def font(bold: bool) -> str:
        """Font name for the weight."""
        return fonts.BOLD if bold else fonts.REGULAR

    def measure(self, text: str, size: float, bold: bool = False) -> float:
        """Printed width of ``text`` (shaped when right-to-left)."""
        return fonts.width(fonts.visual(text, self.lang), self.font(bold), size)

    def wrap(self, text: str, width: float, size: float, bold: bool = False) -> list[str]:
        """Break ``text`` into lines no wider than ``width``; over-long words are split.

        Lines break at spaces, never at a no-break space (:func:`glue`) unless the group it
        holds together is wider than a line; the lines returned have plain spaces. Words are
        measured once each: without kerning a line is as wide as its words and spaces (Arabic
        joins only inside words, so this holds for shaped text too).
        """
        return [_plain(line) for line in self._wrap(glue(text), width, size, bold)]

    def _words(self, para: str, width: float, size: float, bold: bool
               ) -> list[tuple[str, bool]]:
        """The unbreakable pieces of a paragraph, each with whether it follows a space.

        A group wider than ``width`` falls apart first where a legal form joins its word,
        then at its no-break spaces. A compound too wide for a line breaks after its own
        hyphen ("Wohnungsnotfallhilfe-" / "Beratungsstelle") rather than anywhere.
        """
        words: list[tuple[str, bool]] = []
        for group in _BREAKABLE.split(para.strip()):
            pieces = [group]
            for mark in (JOIN, NBSP):
                pieces = [part for piece in pieces for part in (
                    piece.split(mark) if self.measure(_plain(piece), size, bold) > width
                    else [piece]) if part]
            for piece in pieces:
                wide = self.measure(_plain(piece), size, bold) > width
                parts = _HYPHEN.split(piece) if wide else [piece]
                words += [(part, i > 0) for i, part in enumerate(parts) if part]
        return words

    def _wrap(self, text: str, width: float, size: float, bold: bool) -> list[str]:
        space = self.measure(" ", size, bold)
        lines: list[str] = []
        for para in text.splitlines() or [""]:
            words = self._words(para, width, size, bold)
            line, line_w = "", 0.0
            for word, joined in words:
                word_w = self.measure(_plain(word), size, bold)
                gap, gap_w = ("", 0.0) if joined else (" ", space)
                if line and line_w + gap_w + word_w <= width:
                    line, line_w = f"{line}{gap}{word}", line_w + gap_w + word_w
                    continue
                if not line and word_w <= width:
                    line, line_w = word, word_w
                    continue
                if line:
                    lines.append(line)
                while word_w > width and len(word) > 1:
                    head, word = self._break_word(word, width, size, bold)
                    lines.append(head)
                    word_w = self.measure(word, size, bold)
                line, line_w = word, word_w
            if line or not words:
                lines.append(line)
        return lines

    def _break_word(self, word: str, width: float, size: float, bold: bool
                    ) -> tuple[str, str]:
        """The first line of a word wider than ``width`` (ending in a hyphen) and the rest:
        broken at a syllable (:mod:`.syllables`), or where it must when none fits."""
        syllable = syllables.split(
            word, lambda head: self.measure(_plain(head), size, bold) <= width, self.lang)
        if syllable is not None:
            return syllable
        cut = len(word) - 1
        while cut > 1 and self.measure(word[:cut] + "-", size, bold) > width:
            cut -= 1
        return word[:cut] + "-", word[cut:]

    def fit_words(self, text: str, width: float, size: float, bold: bool = False,
                  min_size: float = 6.0) -> float:
        """Largest size ≤ ``size`` (down to ``min_size``) at which no word of ``text`` has to
        be cut to fit a line of ``width`` (a compound may still break at its hyphen)."""
        while size > min_size:
            pieces = [w for para in glue(text).splitlines()
                      for w, _ in self._words(para, width, size, bold)]
            if all(self.measure(_plain(w), size, bold) <= width for w in pieces):
                break
            size -= 0.5
        return size

    def balanced_width(self, text: str, width: float, size: float, bold: bool = False) -> float:
        """The narrowest width ≤ ``width`` at which ``text`` still needs as many lines: a
        centred caption reads "Mehr Infos und / aktuelle Zeiten:", not "… aktuelle / Zeiten:"."""
        count = len(self.wrap(text, width, size, bold))
        if count < 2:
            return width
        low, high = 0.0, width  # high always wraps to ``count`` lines
        while high - low > 0.5:
            middle = (low + high) / 2
            if len(self.wrap(text, middle, size, bold)) == count:
                high = middle
            else:
                low = middle
        return high

    def fit(self, text: str, width: float, size: float, bold: bool = False,
            min_size: float = 6.0) -> float:
        """Largest size ≤ ``size`` (down to ``min_size``) at which ``text`` fits on one line."""
        while size > min_size and self.measure(text, size, bold) > width:
            size -= 0.5
        return size

    def url_lines(self, url: str, width: float, size: float, min_size: float = 6.0,
                  max_lines: int = 3, bold: bool = True) -> tuple[list[str], float]:
        """A URL broken into lines no wider than ``width``, and the size they print at.

        Breaks go before a ``/`` (the host stays whole), inside an over-long segment before a
        ``-`` (a hyphen that ends a line would read as a hyphenation), and as a last resort
        anywhere; nothing is added to the URL. The largest size from ``size`` down to
        ``min_size`` that needs at most ``max_lines`` lines and no break inside the host or a
        word wins; failing that, the largest that needs at most ``max_lines``; at ``min_size``
        the URL gets as many lines as it needs — never wider than ``width``, never cut off.
        """
        sizes = [size - 0.5 * i for i in range(int((size - min_size) / 0.5 + 1e-9) + 1)]
        tried = [(s, self._break_url(url, width, s, bold)) for s in sizes]
        for wanted in (lambda lines: len(lines) <= max_lines and self._clean(url, lines),
                       lambda lines: len(lines) <= max_lines):
            for s, lines in tried:
                if wanted(lines):
                    return lines, s
        return tried[-1][1], tried[-1][0]

    @staticmethod
    def _clean(url: str, lines: list[str]) -> bool:
        """True when every line starts at a ``/`` or ``-`` the URL has (no forced cut)."""
        return all(line[:1] in "/-" for line in lines[1:])

    def _break_url(self, url: str, width: float, size: float, bold: bool) -> list[str]:
        pieces = []
        for i, part in enumerate(url.split("/")):
            piece = part if i == 0 else "/" + part
            if self.measure(piece, size, bold) <= width:
                pieces.append(piece)
                continue
            words = piece.split("-")  # an over-long segment: break before its hyphens
            pieces += [words[0]] + ["-" + w for w in words[1:]]
        lines: list[str] = []
        for piece in pieces:
            if lines and self.measure(lines[-1] + piece, size, bold) <= width:
                lines[-1] += piece
                continue
            while self.measure(piece, size, bold) > width and len(piece) > 1:
                cut = len(piece) - 1
                while cut > 1 and self.measure(piece[:cut], size, bold) > width:
                    cut -= 1
                lines.append(piece[:cut])
                piece = piece[cut:]
            lines.append(piece)
        return lines

    def line(self, x: float, y: float, width: float, text: str, size: float,
             bold: bool = False, color=None, align: str = "start") -> None:
        """One line in the box [x, x + width]; ``start`` is left, or right when right-to-left."""
        self._draw(x, y, width, text, size, bold, color, align, reorder=True)

    def ltr(self, x: float, y: float, width: float, text: str, size: float,
            bold: bool = False, color=None, align: str = "start") -> None:
        """A phone number or URL: never reordered, aligned like the surrounding text, and
        never wider than ``width`` — it prints smaller rather than run under the next column
        (a poster's code once hid the last digits of ``+49 (0) 2421 / 22-1234``)."""
        size = self.fit(text, width, size, bold)
        self._draw(x, y, width, text, size, bold, color, align, reorder=False)

    def _draw(self, x: float, y: float, width: float, text: str, size: float, bold: bool,
              color, align: str, reorder: bool) -> None:
        name = self.font(bold)
        text = fonts.printable(text, name)
        shown = fonts.visual(text, self.lang) if reorder else text
        self.c.setFont(name, size)
        self.c.setFillColor(color if color is not None else self.ink.black)
        if align == "center":
            self.c.drawCentredString(x + width / 2, y, shown)
        elif (align == "start") != self.rtl:
            self.c.drawString(x, y, shown)
        else:
            self.c.drawRightString(x + width, y, shown)

    def paragraph(self, x: float, top: float, width: float, text: str, size: float,
                  bold: bool = False, color=None, leading: float | None = None,
                  max_lines: int | None = None, align: str = "start") -> float:
        """Wrapped text whose first line's cap height starts at ``top``; returns the next top."""
        leading = leading or size * 1.22
        lines = self.wrap(text, width, size, bold)
        if max_lines is not None and len(lines) > max_lines:
            lines = lines[:max_lines]
            last = lines[-1]
            while last and self.measure(last + " …", size, bold) > width:
                last = last[:-1]
            lines[-1] = last.rstrip() + " …"
        y = top - size * 0.8
        for text_line in lines:
            self.line(x, y, width, text_line, size, bold, color, align)
            y -= leading
        return top - leading * len(lines)

    def height(self, text: str, width: float, size: float, bold: bool = False,
               leading: float | None = None, max_lines: int | None = None) -> float:
        """Height :meth:`paragraph` would use."""
        leading = leading or size * 1.22
        lines = len(self.wrap(text, width, size, bold))
        return leading * (lines if max_lines is None else min(lines, max_lines))
