"""The build's notion of "today": from ``SOURCE_DATE_EPOCH`` when set, for reproducible output."""

from __future__ import annotations

import os
from datetime import UTC, date, datetime


def build_date() -> date:
    """The date content is judged against and printed with (never ``now()`` when reproducible)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        return datetime.fromtimestamp(int(epoch), UTC).date()
    return date.today()
