"""The bridge to :mod:`build_tools.opening_hours`: parsed text → week grid, cached per text."""

from __future__ import annotations

from ..opening_hours import HoursError, parse_hours
from .time_coverage import WeekGrid, week_grid


class GridCache:
    """Week grids by opening-hours text; many offers share the same text."""

    def __init__(self) -> None:
        self._grids: dict[str, WeekGrid | None] = {}

    def of(self, text: str | None) -> WeekGrid | None:
        """The week grid for an opening-hours text (None: no text, or not parseable)."""
        if not text:
            return None
        if text not in self._grids:
            try:
                self._grids[text] = week_grid(parse_hours(text))
            except HoursError:  # validation reports bad hours; here they simply do not count
                self._grids[text] = None
        return self._grids[text]
