"""The bridge to :mod:`build_tools.opening_hours`: parsed text → week grid, cached per text."""

from __future__ import annotations

from .time_coverage import WeekGrid, week_grid


class GridCache:
    """Week grids by opening-hours text; many offers share the same text."""

    def __init__(self) -> None:
        self._grids: dict[str, WeekGrid | None] = {}
        self.available = True
        try:
            from ..opening_hours import parse_hours
        except ImportError:  # the parser module is missing: no time figures
            self.available = False
            parse_hours = None
        self._parse = parse_hours

    def of(self, text: str | None) -> WeekGrid | None:
        """The week grid for an opening-hours text (None: no text, or not parseable)."""
        if not text or self._parse is None:
            return None
        if text not in self._grids:
            self._grids[text] = self._grid(text)
        return self._grids[text]

    def _grid(self, text: str) -> WeekGrid | None:
        try:
            schedule = self._parse(text)
        except Exception:  # validation reports bad hours; here they simply do not count
            return None
        if not hasattr(schedule, "rules"):  # the placeholder parser returns the text
            self.available = False
            return None
        return week_grid(schedule)
