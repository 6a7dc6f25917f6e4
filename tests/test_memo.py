"""Remembering between builds: off by default, on for serve, bounded."""

from __future__ import annotations

import pytest

from build_tools import memo


@pytest.fixture(autouse=True)
def _off_afterwards():
    yield
    memo.enable(False)


def test_off_by_default_calls_every_time():
    calls = []

    @memo.remembered
    def double(x):
        calls.append(x)
        return 2 * x

    assert not memo.enabled()
    assert double(2) == double(2) == 4
    assert calls == [2, 2]


def test_on_returns_remembered_results():
    calls = []

    @memo.remembered
    def double(x):
        calls.append(x)
        return 2 * x

    memo.enable()
    assert double(3) == double(3) == 6
    assert calls == [3]


def test_memo_builds_keys_only_when_on_and_stays_bounded():
    keys = []
    store = memo.Memo(maxsize=2)
    assert store.get(lambda: keys.append(1) or 1, lambda: "a") == "a"
    assert keys == []
    memo.enable()
    assert store.get(lambda: 1, lambda: "a") == "a"
    assert store.get(lambda: 1, lambda: "b") == "a"
    store.get(lambda: 2, lambda: "c")
    store.get(lambda: 3, lambda: "d")  # full: starts again
    assert store.get(lambda: 1, lambda: "e") == "e"
