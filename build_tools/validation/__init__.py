"""Checks of an offer beyond its types: field formats, cross-file references, places, hints.

The schema (:mod:`build_tools.schema`) declares the fields and calls the format checks here
(:mod:`.phone`, :mod:`.web`, :mod:`.postal`, :mod:`.dates`); :mod:`build_tools.content` runs
the checks that need more than one value or more than one file (:mod:`.references`,
:mod:`.places`, :mod:`.hints`, :mod:`.placeholders`, :mod:`.hours`) on every file that parsed,
whether or not its schema validation succeeded (:mod:`.facts` reads the raw data then).

This package module imports nothing, so the schema can import the format checks without a cycle.
"""

from __future__ import annotations


def shown(value: object, limit: int = 60) -> str:
    """``repr`` of an editor's value for a message, cut short (a 200 KB id must not flood CI)."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"
