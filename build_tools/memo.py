"""Remembering results between builds in one process — for `mkdocs serve`, off otherwise.

`mkdocs serve` rebuilds the whole site after every saved file. Most inputs did not change, so
pure, expensive steps (parsing an unchanged YAML file, rendering a description's Markdown,
building an offer's folium map) can return what they returned last time. A one-off build gains
nothing from this and would only hold the results in memory, so it stays off until an adapter
that lives across builds calls :func:`enable`.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from functools import lru_cache, wraps
from typing import Any, TypeVar

T = TypeVar("T")
MAXSIZE = 16384  # results per function: every offer of a large atlas, bounded all the same
_enabled = False


def enable(on: bool = True) -> None:
    """Turn remembering on (an adapter that rebuilds in one process) or off."""
    global _enabled
    _enabled = on


def enabled() -> bool:
    """True while results are remembered."""
    return _enabled


def remembered(fn: Callable[..., T]) -> Callable[..., T]:
    """Decorate a pure function of hashable arguments: remembered while :func:`enabled`."""
    cached = lru_cache(maxsize=MAXSIZE)(fn)

    @wraps(fn)
    def call(*args: Any) -> T:
        return cached(*args) if _enabled else fn(*args)

    call.cache_clear = cached.cache_clear  # type: ignore[attr-defined]
    return call


class Memo:
    """Results by an explicit key, for functions whose arguments are not hashable themselves."""

    def __init__(self, maxsize: int = MAXSIZE) -> None:
        self._maxsize = maxsize
        self._results: dict[Hashable, Any] = {}

    def get(self, key: Callable[[], Hashable], make: Callable[[], T]) -> T:
        """``make()``, or the remembered result for ``key()`` (the key is only built when on)."""
        if not _enabled:
            return make()
        k = key()
        if k in self._results:
            return self._results[k]
        result = make()
        if len(self._results) >= self._maxsize:
            self._results.clear()
        self._results[k] = result
        return result
