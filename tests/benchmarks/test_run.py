"""`make bench`'s target table: figures in, met/missed out."""

from __future__ import annotations

from benchmarks.harness import Measurement
from benchmarks.run import target_rows


def _row(name, n, seconds, rss=100.0):
    return Measurement(name, n, seconds=list(seconds), rss_mib=[rss] * len(seconds))


def test_targets_are_judged_from_medians():
    rows = [
        _row("build, warm", 1000, [10, 11, 30]),           # median 11
        _row("build, warm", 10000, [120, 125, 130], 1500),  # median 125 → 11.4 × 11
        _row("plain MkDocs + Material, default nav", 1000, [30, 31, 32]),
        _row("atlas check", 10000, [8, 9, 12]),
        _row("serve reload path (in-process rebuild after one edit)", 1000, [4, 6, 6]),
    ]
    weights = {1000: {"offer_html_max": 30_000}, 5000: {"offer_html_max": 61_000, "map_html": 300_000,
                                                       "map_data": 400_000}}
    table = "\n".join(target_rows(rows, weights))
    assert "| whole build, 1,000, warm ≤ 20 s | 11.0 s | met |" in table
    assert "| whole build, 10,000, warm ≤ 240 s, RSS ≤ 2 GB | 125.0 s, 1500 MiB | met |" in table
    assert "| time(10,000) ≤ 11 × time(1,000), warm | 11.4 × | **missed** |" in table
    assert "| ≤ 0.6 × plain MkDocs + Material, 1,000 | 0.35 × | met |" in table
    assert "`atlas check`, 10,000 ≤ 10 s | 9.0 s | met |" in table
    assert "(`mkdocs serve`) ≤ 5 s | 6.0 s | **missed** |" in table
    assert "| offer page HTML ≤ 60 KB | 61.0 KB (largest at any N) | **missed** |" in table
    assert "| overview map, 5,000: HTML + data ≤ 1.5 MB | 0.70 MB | met |" in table


def test_rss_over_two_gigabytes_misses_even_when_fast():
    rows = [_row("build, warm", 10000, [100, 100, 100], 2100)]
    assert "**missed**" in target_rows(rows, {})[0]


def test_unmeasured_targets_are_left_out():
    assert target_rows([], {}) == []
