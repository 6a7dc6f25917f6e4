"""Our evaluators against the reference: ``opening_hours`` (npm, pinned) on real OSM strings.

The corpus (``fixtures/real-world/``, source and licence in its README) holds every distinct
``opening_hours`` value of 5,777 OpenStreetMap features in Munich. For every string both our
parser and opening_hours.js accept, Python, ``atlas-hours.js`` and opening_hours.js are asked at
the same seeded moments; the test fails on any moment where opening_hours.js gives a definite
state (open, closed, open end) that ours do not, and on any moment where Python and our
JavaScript differ. Moments where opening_hours.js answers "unknown" because of a comment rule
(``"nach Vereinbarung"``) have no definite state and are counted, not compared; so are the
mornings after a change to or from summer time: opening_hours.js finds "the day before" by
subtracting 24 hours, which lands on the wrong day there (``Tu-Sa 18:00-01:00`` is open at 00:18
on the Monday after the change to summer time).
"""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
from datetime import UTC, datetime, timedelta
from pathlib import Path

from build_tools.opening_hours import (
    BERLIN,
    Calendar,
    HoursError,
    compact_schedule,
    holiday_dates,
    parse_hours,
)
from build_tools.opening_hours.evaluate import evaluate, local_minute

from .cases import SPECIAL_UTC, FakeOffer

ROOT = Path(__file__).resolve().parents[2]
CORPUS = Path(__file__).parent / "fixtures" / "real-world" / "munich.tsv"
RUNNER = Path(__file__).parent / "oracle.js"
MOMENTS = 24
SEED = 19


def corpus() -> list[tuple[int, str]]:
    """(number of features, opening_hours) rows of the committed corpus."""
    rows = []
    for line in CORPUS.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            count, text = line.split("\t", 1)
            rows.append((int(count), json.loads(text)))
    return rows


def moments(rng: random.Random) -> list[datetime]:
    """Seeded moments over two years, a third of them near DST changes and holidays."""
    start = datetime(2026, 1, 1, tzinfo=UTC)
    out = []
    for _ in range(MOMENTS):
        if rng.random() < 0.3:
            out.append(rng.choice(SPECIAL_UTC) + timedelta(minutes=rng.randrange(-26 * 60, 26 * 60)))
        else:
            out.append(start + timedelta(minutes=rng.randrange(2 * 365 * 1440)))
    return out


def _after_change(moment: int) -> bool:
    """Is this moment on the morning after a change of the clock (Berlin), before noon?"""
    local = datetime.fromtimestamp(moment / 1000, UTC).astimezone(BERLIN)
    before = (local - timedelta(days=1)).date()
    return local.hour < 12 and before.weekday() == 6 and before.month in (3, 10) and before.day > 24


def _ours(state: str) -> str:
    return state if state in ("open", "open_end") else "closed"


def run_oracle(holidays: list[str], items: list) -> list:
    node = shutil.which("node")
    assert node, "node fehlt: Debian-Paket nodejs installieren (make test tut es)"
    assert (ROOT / "node_modules" / "opening_hours").is_dir(), "opening_hours fehlt: npm ci (make test tut es)"
    done = subprocess.run([node, str(RUNNER)], input=json.dumps({"holidays": holidays, "items": items}),
                          capture_output=True, text=True, timeout=600, check=True,
                          env={**os.environ, "TZ": "Europe/Berlin"})
    return json.loads(done.stdout)


def test_real_world_strings_agree_with_opening_hours_js():
    rows = corpus()
    assert len(rows) >= 1000
    rng = random.Random(SEED)
    holidays = holiday_dates("NW", range(2025, 2029))
    items, expected = [], []
    for _count, text in rows:
        when = moments(rng)
        try:
            schedule = parse_hours(text)
        except HoursError:
            items.append([text, None, [int(m.timestamp() * 1000) for m in when]])
            expected.append(None)
            continue
        calendar = Calendar(schedule, frozenset(holidays))
        expected.append([evaluate(calendar, local_minute(m)).state for m in when])
        items.append([text, compact_schedule(FakeOffer(text)), [int(m.timestamp() * 1000) for m in when]])
    answers = run_oracle(sorted(d.isoformat() for d in holidays), items)

    features = sum(count for count, _ in rows)
    ours_ok = sum(count for (count, _), want in zip(rows, expected, strict=True) if want is not None)
    oracle_ok = sum(count for (count, _), (accepted, _) in zip(rows, answers, strict=True) if accepted)
    compared = unknown = 0
    wrong, twins = [], []
    for (_count, text), want, (accepted, states) in zip(rows, expected, answers, strict=True):
        if want is None or not accepted:
            continue
        for moment, python, (oracle, javascript) in zip(items[rows.index((_count, text))][2], want, states, strict=True):
            if python != javascript:
                twins.append((text, moment, python, javascript))
            if oracle == "unknown" or _after_change(moment):
                unknown += 1
                continue
            compared += 1
            if _ours(python) != oracle:
                wrong.append((text, datetime.fromtimestamp(moment / 1000, UTC).isoformat(), oracle, python))
    print(f"\ncorpus: {len(rows)} strings, {features} features; accepted: ours {ours_ok / features:.1%}, "
          f"opening_hours.js {oracle_ok / features:.1%}; moments compared {compared}, "
          f"disagreeing {len(wrong)}, not definite {unknown}")
    assert not twins, f"Python and atlas-hours.js differ: {twins[:3]}"
    assert not wrong, f"{len(wrong)} of {compared} moments differ from opening_hours.js, e.g. {wrong[:5]}"
    assert ours_ok / features >= 0.95
    assert compared > 50_000
