"""What Git knows about the offer files: when each was added, changed or removed.

Read once in the load phase (:func:`build_tools.build.inspect`), by one ``git log`` call with a
timeout; the editors' desk and "Neu und geändert" read the result. Dates are commit dates, never
"now": the same commit builds the same bytes. Without Git (no repository, no ``git`` program, a
timeout) there is no history, and :attr:`History.note` says why — the pages say so too.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

TIMEOUT_S = 10
"""A slow network drive or a huge repository must not hold the build up longer than this."""
MAX_COMMITS = 2000
"""Commits read, newest first: enough for months of editing, bounded for old repositories."""
_KINDS = {"A": "new", "M": "changed", "D": "removed"}


@dataclass(frozen=True)
class Change:
    """One commit's change to one offer file."""

    offer_id: str
    day: date
    kind: str
    """``new`` (file added), ``changed`` or ``removed`` (file deleted)."""
    subject: str = ""
    """The commit message's first line."""


@dataclass(frozen=True)
class History:
    """The offer files' changes, newest first (empty with a ``note`` when Git could not tell)."""

    changes: tuple[Change, ...] = ()
    note: str = ""
    """Why there is no history (German, for the pages); empty when Git answered."""

    @property
    def available(self) -> bool:
        """True when Git answered (even with no changes)."""
        return not self.note

    def first_seen(self) -> dict[str, date]:
        """Offer id → the day its file was added (the oldest ``new`` change Git reports)."""
        found: dict[str, date] = {}
        for change in self.changes:  # newest first: the last one written is the oldest
            if change.kind == "new":
                found[change.offer_id] = change.day
        return found

    def last_changed(self) -> dict[str, Change]:
        """Offer id → its newest change."""
        found: dict[str, Change] = {}
        for change in self.changes:
            found.setdefault(change.offer_id, change)
        return found


NO_HISTORY = History(note="Keine Versionsgeschichte geladen.")


def offer_history(content_dir: Path, timeout: float = TIMEOUT_S) -> History:
    """The changes to ``content_dir/offers/*.yml`` from ``git log`` (one call)."""
    offers = content_dir / "offers"
    if not offers.is_dir():
        return History(note="Kein Ordner offers/ im Inhaltsordner.")
    command = ["git", "-c", "core.quotepath=off", "log", "--no-renames", "--name-status",
               "--relative", f"--max-count={MAX_COMMITS}", "--format=%x00%ct%x09%s", "--", "."]
    try:
        done = subprocess.run(command, cwd=offers, capture_output=True, timeout=timeout, check=False)
    except FileNotFoundError:
        return History(note="Git ist auf diesem Rechner nicht installiert: keine Versionsgeschichte.")
    except subprocess.TimeoutExpired:
        return History(note=f"Git hat nicht innerhalb von {timeout:g} s geantwortet: keine Versionsgeschichte.")
    if done.returncode != 0:
        return History(note="Der Inhaltsordner liegt in keinem Git-Repository: keine Versionsgeschichte.")
    return History(changes=tuple(parse_log(done.stdout.decode("utf-8", "replace"))))


def parse_log(text: str) -> list[Change]:
    """The changes in ``git log --name-status --format=%x00%ct%x09%s`` output, in its order."""
    changes: list[Change] = []
    for block in text.split("\0")[1:]:
        head, _, files = block.partition("\n")
        stamp, _, subject = head.partition("\t")
        if not stamp.strip().isdigit():
            continue
        day = datetime.fromtimestamp(int(stamp), UTC).date()
        for line in files.splitlines():
            status, _, name = line.partition("\t")
            kind = _KINDS.get(status[:1])
            if kind is None or "/" in name or not name.endswith(".yml") or name.startswith("."):
                continue
            changes.append(Change(name[: -len(".yml")], day, kind, subject.strip()))
    return changes
