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


def _stored(folder, version="v1"):
    from build_tools.memo import StoredMemory

    return StoredMemory(folder, ("kept",), version)


def test_a_stored_memory_keeps_its_tables_for_the_next_process(tmp_path):
    first = _stored(tmp_path)
    first.recall("kept", "a", lambda: "A")
    first.recall("transient", "a", lambda: "T")  # not a kept table: gone with the process
    first.save()
    calls = []
    second = _stored(tmp_path)
    assert second.recall("kept", "a", lambda: calls.append(1) or "new") == "A"
    assert second.recall("transient", "a", lambda: calls.append(2) or "T2") == "T2"
    assert calls == [2]


def test_a_stored_memory_writes_only_what_this_build_used(tmp_path):
    first = _stored(tmp_path)
    first.recall("kept", "old", lambda: 1)
    first.save()
    second = _stored(tmp_path)
    second.recall("kept", "new", lambda: 2)
    second.save()  # "old" was not asked for: an offer that is gone
    calls = []
    _stored(tmp_path).recall("kept", "old", lambda: calls.append(1) or 3)
    assert calls == [1]


def test_other_code_or_a_broken_file_is_a_cold_start(tmp_path):
    first = _stored(tmp_path, "v1")
    first.recall("kept", "a", lambda: "A")
    first.save()
    assert _stored(tmp_path, "v2").recall("kept", "a", lambda: "fresh") == "fresh"
    (tmp_path / "kept-main.pickle").write_bytes(b"not a pickle")
    assert _stored(tmp_path, "v1").recall("kept", "a", lambda: "fresh") == "fresh"


def test_each_process_keeps_its_own_share(tmp_path):
    memory = _stored(tmp_path)
    memory.recall("kept", "main", lambda: 1)
    memory.save()
    memory.share("alongside")  # as the forked renderer does
    memory.recall("kept", "child", lambda: 2)
    memory.save()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kept-alongside.pickle", "kept-main.pickle"]
    later = _stored(tmp_path)
    assert later.recall("kept", "main", lambda: 0) == 1 and later.recall("kept", "child", lambda: 0) == 2


def test_the_code_version_changes_with_a_source_file(tmp_path):
    from build_tools.memo import code_version

    (tmp_path / "a.py").write_text("x = 1\n")
    before = code_version(tmp_path, ("PyYAML",))
    assert code_version(tmp_path, ("PyYAML",)) == before
    (tmp_path / "a.py").write_text("x = 2\n")
    assert code_version(tmp_path, ("PyYAML",)) != before


def test_a_share_that_used_what_its_file_holds_is_not_written_again(tmp_path, monkeypatch):
    import build_tools.memo as memo

    first = _stored(tmp_path)
    first.recall("kept", "a", lambda: "A")
    first.save()
    written = []
    real = memo.write_atomic
    monkeypatch.setattr(memo, "write_atomic", lambda path, data: written.append(path.name) or real(path, data))
    second = _stored(tmp_path)
    second.recall("kept", "a", lambda: "B")
    second.save()
    assert written == []
    third = _stored(tmp_path)
    third.recall("kept", "b", lambda: "B")
    third.save()  # other keys: written, and "a" is gone
    assert written == ["kept-main.pickle"]
    assert _stored(tmp_path).recall("kept", "a", lambda: "gone") == "gone"
