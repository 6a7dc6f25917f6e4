"""The mechanical fixes of an ``opening_hours`` string: tolerated forms → the canonical ones.

``8:00`` → ``08:00``, ``Off`` → ``off``, ``mo``/``Di``/``Tue`` → ``Mo``/``Tu``, ``Mär`` →
``Mar``, ``–`` → ``-``, and the colon after months, dates or days (``Mo-Fr: 09:00``) left out.
Only strings that parse are fixed (a fix never changes what a string means: the test suite
checks that the fixed string parses to the same schedule). ``atlas check`` warns with
:func:`fix_summary`, ``atlas fix`` applies :func:`hours_fixes` to the files.
"""

from __future__ import annotations

from dataclasses import dataclass

from .lexer import tokenize
from .parser import parse_hours


@dataclass(frozen=True, order=True)
class Fix:
    """Replace ``text[offset : offset + len(old)]`` (which is ``old``) with ``new``."""

    offset: int
    old: str
    new: str


def hours_fixes(text: str) -> list[Fix]:
    """The fixes for ``text`` (empty when it is canonical or does not parse)."""
    parse_hours(text)  # raises HoursError: nothing to fix mechanically
    fixes: list[Fix] = []
    for token in tokenize(text):
        if token.fix is not None:
            fixes.append(Fix(token.offset, token.text, token.fix))
        elif token.kind == ":":
            after = text[token.end : token.end + 1]
            before = text[token.offset - 1 : token.offset] if token.offset else ""
            if after.isspace() or not after or before.isspace():
                fixes.append(Fix(token.offset, ":", ""))
            else:
                fixes.append(Fix(token.offset, ":", " "))
    return fixes


def apply_fixes(text: str, fixes: list[Fix]) -> str:
    """``text`` with ``fixes`` applied (they must not overlap)."""
    out = text
    for fix in sorted(fixes, reverse=True):
        out = out[: fix.offset] + fix.new + out[fix.offset + len(fix.old):]
    return out


def fix_summary(fixes: list[Fix], limit: int = 3) -> str:
    """``„8:00“ → „08:00“, „Off“ → „off“`` (at most ``limit``, then ``…``)."""
    shown = [f"„{f.old}“ → „{f.new}“" if f.new.strip() else f"„{f.old}“ weglassen" for f in fixes[:limit]]
    return ", ".join(shown) + (f" (und {len(fixes) - limit} weitere)" if len(fixes) > limit else "")
