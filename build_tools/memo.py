"""Remembering results between builds of one long-lived process — for ``mkdocs serve``.

``mkdocs serve`` rebuilds the whole site after every saved file. Most inputs did not change,
so pure, expensive steps (parsing an unchanged YAML file, rendering a description's Markdown,
indexing a page for search, checking glyphs) can return what they returned last time. The
adapter that lives across builds owns a :class:`Memory` and passes it to every build
(:func:`build_tools.build.load`, :class:`build_tools.build.Tools`); a one-off build passes
:data:`FORGETFUL`, which holds nothing. There is no module-level switch.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any, TypeVar

T = TypeVar("T")
MAXSIZE = 16384
"""Results per table: every offer of a large atlas, bounded all the same."""


class Memory:
    """Results by table and key; nothing is kept when ``enabled`` is False."""

    def __init__(self, enabled: bool = True, maxsize: int = MAXSIZE) -> None:
        self.enabled = enabled
        self._maxsize = maxsize
        self._tables: dict[str, dict[Hashable, Any]] = {}

    def recall(self, table: str, key: Hashable | Callable[[], Hashable], make: Callable[[], T]) -> T:
        """``make()``, or what it returned last time for ``key`` in ``table``.

        ``key`` may be a callable, so that a costly key is only built while remembering.
        """
        if not self.enabled:
            return make()
        k = key() if callable(key) else key
        results = self._tables.setdefault(table, {})
        if k in results:
            return results[k]
        value = make()
        if len(results) >= self._maxsize:
            results.clear()
        results[k] = value
        return value

    def forget(self) -> None:
        """Drop everything remembered."""
        self._tables.clear()


FORGETFUL = Memory(enabled=False)
"""For one-off builds and checks: remembers nothing, holds nothing."""
