"""Remembering between builds: a Memory that an adapter owns; FORGETFUL holds nothing."""

from __future__ import annotations

from build_tools.memo import FORGETFUL, Memory


def test_forgetful_calls_every_time_and_builds_no_key():
    calls, keys = [], []
    assert FORGETFUL.recall("t", lambda: keys.append(1) or 1, lambda: calls.append(1) or "a") == "a"
    FORGETFUL.recall("t", 1, lambda: calls.append(1) or "a")
    assert calls == [1, 1] and keys == []


def test_memory_returns_remembered_results_per_table():
    memory = Memory()
    calls = []
    assert memory.recall("double", 3, lambda: calls.append(3) or 6) == 6
    assert memory.recall("double", 3, lambda: calls.append(3) or 7) == 6
    assert memory.recall("other", 3, lambda: "x") == "x"
    assert calls == [3]
    memory.forget()
    assert memory.recall("double", 3, lambda: 8) == 8


def test_memory_stays_bounded():
    memory = Memory(maxsize=2)
    memory.recall("t", 1, lambda: "a")
    memory.recall("t", 2, lambda: "b")
    memory.recall("t", 3, lambda: "c")  # full: starts again
    assert memory.recall("t", 1, lambda: "e") == "e"


def test_no_module_level_switch_is_left():
    import build_tools.memo as memo

    assert not hasattr(memo, "enable") and not hasattr(memo, "remembered")
