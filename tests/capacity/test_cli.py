"""``atlas capacity set ID N``: checks the id, writes the file atomically, German errors, no traceback."""

from __future__ import annotations

import json
from datetime import datetime

import pytest

from build_tools.cli import main
from tests.adapters.project import write_project


@pytest.fixture
def config(tmp_path):
    return write_project(tmp_path)


def _set(config, feed, *args):
    return main(["capacity", "set", *args, "--file", str(feed), "--config", str(config)])


def test_writes_and_updates_the_entry(config, tmp_path, capsys):
    feed = tmp_path / "plaetze.json"
    assert _set(config, feed, "tagestreff-mitte", "3", "--maximum", "30", "--unit", "Betten",
                "--at", "2026-12-03T19:40:00+01:00") == 0
    assert "tagestreff-mitte – 3 frei (Stand 2026-12-03T19:40:00+01:00)" in capsys.readouterr().out
    assert _set(config, feed, "streetwork", "1") == 0
    data = json.loads(feed.read_text(encoding="utf-8"))
    assert data["offers"]["tagestreff-mitte"] == {"available": 3, "maximum": 30, "unit": "Betten",
                                                  "updated": "2026-12-03T19:40:00+01:00"}
    now = datetime.fromisoformat(data["offers"]["streetwork"]["updated"])
    assert now.utcoffset() is not None and abs((datetime.now(now.tzinfo) - now).total_seconds()) < 60
    assert _set(config, feed, "tagestreff-mitte", "0", "--at", "2026-12-03T22:00:00+01:00") == 0
    kept = json.loads(feed.read_text(encoding="utf-8"))["offers"]["tagestreff-mitte"]
    assert kept == {"available": 0, "maximum": 30, "unit": "Betten", "updated": "2026-12-03T22:00:00+01:00"}


@pytest.mark.parametrize(("args", "code", "says"), [
    (["gibt-es-nicht", "3"], 1, "kein Angebot mit der id 'gibt-es-nicht'"),
    (["tagestreff-mitte", "3", "--at", "gestern"], 2, "--at 'gestern': Zeit als"),
    (["tagestreff-mitte", "3", "--at", "2026-12-03T19:40:00"], 2, "braucht die Zeitzone"),
    (["tagestreff-mitte", "-2"], 1, "eine Zahl ab 0"),
    (["tagestreff-mitte", "5", "--maximum", "4"], 1, "insgesamt nur 4"),
])
def test_refuses_in_german_and_leaves_the_file(config, tmp_path, capsys, args, code, says):
    feed = tmp_path / "plaetze.json"
    feed.write_text('{"offers": {}}\n', encoding="utf-8")
    assert _set(config, feed, *args) == code
    err = capsys.readouterr().err
    assert says in err and "Traceback" not in err
    assert feed.read_text(encoding="utf-8") == '{"offers": {}}\n'


def test_a_number_that_is_no_number(config, tmp_path, capsys):
    with pytest.raises(SystemExit) as ended:
        _set(config, tmp_path / "p.json", "tagestreff-mitte", "drei")
    assert ended.value.code == 2
    assert "'drei': eine ganze Zahl angeben" in capsys.readouterr().err
    assert not (tmp_path / "p.json").exists()


def test_a_broken_feed_file_is_named_not_overwritten(config, tmp_path, capsys):
    feed = tmp_path / "plaetze.json"
    feed.write_text("{kaputt", encoding="utf-8")
    assert _set(config, feed, "tagestreff-mitte", "3") == 1
    err = capsys.readouterr().err
    assert f"{feed}: kein lesbares JSON" in err and "Traceback" not in err
    assert feed.read_text(encoding="utf-8") == "{kaputt"
