"""Reading a GTFS feed (``gtfs.zip``) into arrays: stops, trips with their stop times, services.

Only what door-to-door times need is kept: stops with coordinates, every trip's stop times in
order (in minutes after midnight of the service day, as GTFS writes them — 25:10 is ten past one
the next night), pickup and drop-off rules, the service calendar (``calendar.txt`` and
``calendar_dates.txt``) and ``frequencies.txt``. Stop times without times (non-timepoints) are
interpolated along the trip. Every problem names the file inside the ZIP and its line; after
:data:`MAX_PROBLEMS` per file the rest are counted, not listed.
"""

from __future__ import annotations

import csv
import io
import zipfile
from array import array
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

import numpy as np

from ...problems import Problem

MAX_PROBLEMS = 20
MAX_UNPACKED = 2 * 1024**3
"""Largest feed read (unpacked bytes); a whole-country feed must be cut to the region first."""
REQUIRED = ("stops.txt", "trips.txt", "stop_times.txt")


@dataclass(frozen=True)
class TransitFeed:
    """A feed as arrays; stop times sorted by trip and sequence."""

    source: str
    stop_ids: tuple[str, ...]
    stop_names: tuple[str, ...]
    stop_lon: np.ndarray
    stop_lat: np.ndarray
    trip_ids: tuple[str, ...]
    trip_service: np.ndarray
    """Service index of each trip."""
    trip_first: np.ndarray
    """Index of each trip's first stop time; ``trip_first[-1]`` = number of stop times."""
    st_stop: np.ndarray
    st_arr: np.ndarray
    """Arrival, minutes after midnight of the service day."""
    st_dep: np.ndarray
    st_pickup: np.ndarray
    """True where passengers may board."""
    st_dropoff: np.ndarray
    services: tuple[str, ...]
    weekdays: np.ndarray
    """services × 7 (Monday first): runs on that weekday between start and end."""
    start: np.ndarray
    """First day of each service (date ordinal; 0: only calendar_dates)."""
    end: np.ndarray
    added: frozenset[tuple[int, int]] = frozenset()
    """(service, date ordinal) added by calendar_dates (exception_type 1)."""
    removed: frozenset[tuple[int, int]] = frozenset()
    frequencies: tuple[tuple[int, int, int, int], ...] = ()
    """(trip, start minute, end minute, headway minutes): the trip repeats in that span."""
    agency: str = ""

    def runs_on(self, day: date) -> np.ndarray:
        """Per service: True when it runs on ``day``."""
        n = day.toordinal()
        running = self.weekdays[:, day.weekday()] & (self.start <= n) & (n <= self.end)
        for service, ordinal in self.added:
            if ordinal == n:
                running[service] = True
        for service, ordinal in self.removed:
            if ordinal == n:
                running[service] = False
        return running

    def period(self) -> tuple[date, date] | None:
        """First and last day any service runs (None: no day at all)."""
        days = [int(d) for d in self.start if d] + [o for _, o in self.added]
        ends = [int(d) for d in self.end if d] + [o for _, o in self.added]
        if not days:
            return None
        return date.fromordinal(min(days)), date.fromordinal(max(ends))

    def first_weekday(self, weekday: int, holidays: set[date]) -> date | None:
        """The first day of the feed's period with that weekday (0 = Monday), not a public
        holiday, on which some trip runs (None: none)."""
        span = self.period()
        if span is None:
            return None
        day = span[0] + timedelta(days=(weekday - span[0].weekday()) % 7)
        trips_of = np.bincount(self.trip_service, minlength=len(self.services)) > 0
        while day <= span[1]:
            if day not in holidays and (self.runs_on(day) & trips_of).any():
                return day
            day += timedelta(days=7)
        return None


@dataclass
class _Reading:
    """Problems of one feed being read."""

    display: str
    problems: list[Problem] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    headers: dict[str, dict[str, int]] = field(default_factory=dict)
    """Member → column name → position (0-based), for the column of a problem."""

    def add(self, member: str, line: int, column: str, message: str) -> None:
        """A problem in ``member`` (a file inside the ZIP) at ``line`` and the named column:
        the file is named ``gtfs.zip/stops.txt``, the column is the field's number in the row."""
        n = self.counts.get(member, 0) + 1
        self.counts[member] = n
        if n <= MAX_PROBLEMS:
            col = self.headers.get(member, {}).get(column, 0) + 1
            self.problems.append(Problem(f"{self.display}/{member}", line, col, column, message))

    def summary(self) -> None:
        for member, n in sorted(self.counts.items()):
            if n > MAX_PROBLEMS:
                self.problems.append(Problem(f"{self.display}/{member}", 1, 1, "",
                                             f"und {n - MAX_PROBLEMS} weitere Fehler in {member}"))


def load_feed(path: Path, display: str) -> tuple[TransitFeed | None, list[Problem]]:
    """The feed at ``path``, or the problems that keep it from being used (file named)."""
    reading = _Reading(display)
    try:
        archive = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile) as exc:
        return None, [Problem(display, 1, 1, "", f"kein lesbares ZIP-Archiv (GTFS): {exc}")]
    with archive:
        names = {Path(n).name: n for n in archive.namelist() if not n.endswith("/")}
        missing = [m for m in REQUIRED if m not in names]
        if missing:
            return None, [Problem(display, 1, 1, "", "GTFS-Dateien fehlen im ZIP: "
                                  + ", ".join(missing))]
        if "calendar.txt" not in names and "calendar_dates.txt" not in names:
            return None, [Problem(display, 1, 1, "", "GTFS: calendar.txt oder calendar_dates.txt "
                                  "fehlt (an welchen Tagen die Fahrten verkehren)")]
        if sum(i.file_size for i in archive.infolist()) > MAX_UNPACKED:
            return None, [Problem(display, 1, 1, "", "GTFS-Feed zu groß (entpackt über 2 GB): "
                                  "auf die Region zuschneiden")]
        try:
            feed = _read(archive, names, reading)
        except (UnicodeDecodeError, csv.Error, zipfile.BadZipFile, OSError, EOFError) as exc:
            return None, [Problem(display, 1, 1, "", f"GTFS nicht lesbar: {exc}")]
    reading.summary()
    if reading.problems:
        return None, reading.problems
    return feed, []


def _rows(archive: zipfile.ZipFile, names: dict[str, str], member: str, reading: _Reading,
          required: tuple[str, ...]):
    """(header index, row iterator with line numbers) of one member; None when it lacks a
    required column (reported)."""
    handle = io.TextIOWrapper(archive.open(names[member]), encoding="utf-8-sig", newline="")
    reader = csv.reader(handle)
    header = [h.strip() for h in next(reader, [])]
    index = {name: k for k, name in enumerate(header)}
    reading.headers[member] = index
    lacking = [c for c in required if c not in index]
    if lacking:
        reading.add(member, 1, "", "Spalten fehlen: " + ", ".join(lacking))
        return None
    return index, ((line, row) for line, row in enumerate(reader, start=2) if row)


def _cell(row: list[str], k: int | None) -> str:
    return row[k].strip() if k is not None and k < len(row) else ""


def parse_time(text: str) -> int | None:
    """``HH:MM:SS`` (hours may exceed 24) → minutes after midnight, seconds rounded; None when
    it is not such a time."""
    parts = text.split(":")
    if len(parts) != 3 or not all(p.isdigit() for p in parts):
        return None
    h, m, s = (int(p) for p in parts)
    if m > 59 or s > 59:
        return None
    return h * 60 + m + (1 if s >= 30 else 0)


def parse_date(text: str) -> date | None:
    """``YYYYMMDD`` → date (None when invalid)."""
    if len(text) != 8 or not text.isdigit():
        return None
    try:
        return date(int(text[:4]), int(text[4:6]), int(text[6:]))
    except ValueError:
        return None


def _read(archive, names, reading: _Reading) -> TransitFeed:
    stops = _stops(archive, names, reading)
    services: dict[str, int] = {}
    trips = _trips(archive, names, reading, services)
    calendar = _calendar(archive, names, reading, services)
    times = _stop_times(archive, names, reading, stops[0], trips[0])
    freq = _frequencies(archive, names, reading, trips[0])
    agency = _agency(archive, names)
    stop_index, stop_names, lon, lat = stops
    trip_index, trip_service = trips
    return TransitFeed(
        source=reading.display, stop_ids=tuple(stop_index), stop_names=tuple(stop_names),
        stop_lon=np.asarray(lon, float), stop_lat=np.asarray(lat, float),
        trip_ids=tuple(trip_index), trip_service=np.asarray(trip_service, np.int64),
        services=tuple(services), frequencies=freq, agency=agency, **times, **calendar,
    )


def _stops(archive, names, reading):
    found = _rows(archive, names, "stops.txt", reading, ("stop_id", "stop_lat", "stop_lon"))
    index: dict[str, int] = {}
    stop_names: list[str] = []
    lon: list[float] = []
    lat: list[float] = []
    if found is None:
        return index, stop_names, lon, lat
    col, rows = found
    for line, row in rows:
        if _cell(row, col.get("location_type")) not in ("", "0"):
            continue  # stations, entrances, nodes: journeys start and end at stops and platforms
        stop_id = _cell(row, col["stop_id"])
        try:
            y, x = float(_cell(row, col["stop_lat"])), float(_cell(row, col["stop_lon"]))
        except ValueError:
            reading.add("stops.txt", line, "stop_lat", f"Haltestelle {stop_id!r} ohne gültige "
                        "Koordinaten")
            continue
        if not (-90 <= y <= 90 and -180 <= x <= 180):
            reading.add("stops.txt", line, "stop_lat", f"Haltestelle {stop_id!r}: Koordinaten "
                        "außerhalb der Erde")
            continue
        if stop_id in index:
            reading.add("stops.txt", line, "stop_id", f"stop_id {stop_id!r} doppelt")
            continue
        index[stop_id] = len(index)
        stop_names.append(_cell(row, col.get("stop_name")))
        lon.append(x)
        lat.append(y)
    return index, stop_names, lon, lat


def _trips(archive, names, reading, services: dict[str, int]):
    found = _rows(archive, names, "trips.txt", reading, ("trip_id", "service_id"))
    index: dict[str, int] = {}
    service_of = array("q")
    if found is None:
        return index, service_of
    col, rows = found
    for line, row in rows:
        trip_id = _cell(row, col["trip_id"])
        if trip_id in index:
            reading.add("trips.txt", line, "trip_id", f"trip_id {trip_id!r} doppelt")
            continue
        index[trip_id] = len(index)
        service_of.append(services.setdefault(_cell(row, col["service_id"]), len(services)))
    return index, service_of


def _calendar(archive, names, reading, services: dict[str, int]) -> dict:
    days = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
    weekdays: dict[int, list[bool]] = {}
    start: dict[int, int] = {}
    end: dict[int, int] = {}
    if "calendar.txt" in names:
        found = _rows(archive, names, "calendar.txt", reading,
                      ("service_id", *days, "start_date", "end_date"))
        for line, row in (found[1] if found else ()):
            col = found[0]
            first, last = parse_date(_cell(row, col["start_date"])), parse_date(_cell(row, col["end_date"]))
            if first is None or last is None:
                reading.add("calendar.txt", line, "start_date", "Datum im Format JJJJMMTT erwartet")
                continue
            k = services.setdefault(_cell(row, col["service_id"]), len(services))
            weekdays[k] = [_cell(row, col[d]) == "1" for d in days]
            start[k], end[k] = first.toordinal(), last.toordinal()
    added: set[tuple[int, int]] = set()
    removed: set[tuple[int, int]] = set()
    if "calendar_dates.txt" in names:
        found = _rows(archive, names, "calendar_dates.txt", reading,
                      ("service_id", "date", "exception_type"))
        for line, row in (found[1] if found else ()):
            col = found[0]
            day, kind = parse_date(_cell(row, col["date"])), _cell(row, col["exception_type"])
            if day is None or kind not in ("1", "2"):
                reading.add("calendar_dates.txt", line, "date", "Datum JJJJMMTT und "
                            "exception_type 1 oder 2 erwartet")
                continue
            k = services.setdefault(_cell(row, col["service_id"]), len(services))
            (added if kind == "1" else removed).add((k, day.toordinal()))
    n = len(services)
    return {
        "weekdays": np.array([weekdays.get(k, [False] * 7) for k in range(n)], bool).reshape(n, 7),
        "start": np.array([start.get(k, 0) for k in range(n)], np.int64),
        "end": np.array([end.get(k, 0) for k in range(n)], np.int64),
        "added": frozenset(added), "removed": frozenset(removed),
    }


def _stop_times(archive, names, reading, stops: dict[str, int], trips: dict[str, int]) -> dict:
    member = "stop_times.txt"
    found = _rows(archive, names, member, reading,
                  ("trip_id", "stop_id", "stop_sequence", "arrival_time", "departure_time"))
    columns = {k: array("q") for k in ("trip", "seq", "stop", "arr", "dep", "pickup", "drop")}
    if found is not None:
        col, rows = found
        c_trip, c_stop, c_seq = col["trip_id"], col["stop_id"], col["stop_sequence"]
        c_arr, c_dep = col["arrival_time"], col["departure_time"]
        c_pick, c_drop = col.get("pickup_type"), col.get("drop_off_type")
        clock: dict[str, int | None] = {}
        for line, row in rows:
            trip = trips.get(_cell(row, c_trip))
            if trip is None:
                reading.add(member, line, "trip_id", f"unbekannte trip_id {_cell(row, c_trip)!r}")
                continue
            stop = stops.get(_cell(row, c_stop))
            if stop is None:
                continue  # a station or entrance id, or a stop without coordinates: reported there
            seq_text, arr_text, dep_text = _cell(row, c_seq), _cell(row, c_arr), _cell(row, c_dep)
            # A feed repeats the same few thousand clock times a million times: parse each once.
            arr = (clock[arr_text] if arr_text in clock else clock.setdefault(
                arr_text, parse_time(arr_text))) if arr_text else -1
            dep = (clock[dep_text] if dep_text in clock else clock.setdefault(
                dep_text, parse_time(dep_text))) if dep_text else -1
            if arr is None or dep is None or not seq_text.isdigit():
                reading.add(member, line, "arrival_time", "Zeit HH:MM:SS und ganzzahlige "
                            "stop_sequence erwartet")
                continue
            columns["trip"].append(trip)
            columns["seq"].append(int(seq_text))
            columns["stop"].append(stop)
            columns["arr"].append(arr if arr >= 0 else dep)
            columns["dep"].append(dep if dep >= 0 else arr)
            columns["pickup"].append(_cell(row, c_pick) != "1")
            columns["drop"].append(_cell(row, c_drop) != "1")
    data = {k: np.frombuffer(v, dtype=np.int64) if len(v) else np.empty(0, np.int64)
            for k, v in columns.items()}
    order = np.lexsort((data["seq"], data["trip"]))
    data = {k: v[order] for k, v in data.items()}
    arr, dep = _interpolated(data["trip"], data["arr"], data["dep"])
    first = np.searchsorted(data["trip"], np.arange(len(trips) + 1))
    return {"trip_first": first, "st_stop": data["stop"], "st_arr": arr, "st_dep": dep,
            "st_pickup": data["pickup"].astype(bool), "st_dropoff": data["drop"].astype(bool)}


def _interpolated(trip: np.ndarray, arr: np.ndarray, dep: np.ndarray):
    """Stop times without a time get one between their neighbours' (by position in the trip);
    a trip's first and last stop must have times (GTFS requires it)."""
    arr, dep = arr.copy(), dep.copy()
    missing = np.flatnonzero(arr < 0)
    if len(missing) == 0:
        return arr, dep
    timed = np.flatnonzero(arr >= 0)
    for k in missing.tolist():
        at = np.searchsorted(timed, k)
        if at == 0 or at == len(timed):
            continue
        a, b = timed[at - 1], timed[at]
        if trip[a] != trip[k] or trip[b] != trip[k]:
            continue
        value = round(dep[a] + (arr[b] - dep[a]) * (k - a) / (b - a))
        arr[k] = dep[k] = value
    return arr, dep


def _frequencies(archive, names, reading, trips: dict[str, int]):
    if "frequencies.txt" not in names:
        return ()
    found = _rows(archive, names, "frequencies.txt", reading,
                  ("trip_id", "start_time", "end_time", "headway_secs"))
    out = []
    for line, row in (found[1] if found else ()):
        col = found[0]
        trip = trips.get(_cell(row, col["trip_id"]))
        first, last = parse_time(_cell(row, col["start_time"])), parse_time(_cell(row, col["end_time"]))
        headway = _cell(row, col["headway_secs"])
        if trip is None or first is None or last is None or not headway.isdigit() or int(headway) <= 0:
            reading.add("frequencies.txt", line, "trip_id", "trip_id, start_time, end_time und "
                        "headway_secs > 0 erwartet")
            continue
        out.append((trip, first, last, max(1, round(int(headway) / 60))))
    return tuple(sorted(out))


def _agency(archive, names) -> str:
    if "agency.txt" not in names:
        return ""
    handle = io.TextIOWrapper(archive.open(names["agency.txt"]), encoding="utf-8-sig", newline="")
    rows = list(csv.DictReader(handle))
    return ", ".join(sorted({(r.get("agency_name") or "").strip() for r in rows} - {""}))
