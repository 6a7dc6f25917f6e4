"""`atlas flyers --record` writes what went to print; `atlas check` then guards those URLs."""

from __future__ import annotations

import shutil

from build_tools import urls
from build_tools.cli import main
from build_tools.ledger import read_ledger

from ..conftest import ROOT


def test_record_then_delete_is_caught(tmp_path, monkeypatch, capsys):
    shutil.copytree(ROOT / "content", tmp_path / "content")
    shutil.copytree(ROOT / "flyers", tmp_path / "flyers", ignore=shutil.ignore_patterns("printed-urls.txt", "out"))
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795305600")
    assert main(["flyers", "--only", "fruehstueck-bahnhofsmission", "--out", "out", "--record", "--no-cache"]) == 0
    entries, problems = read_ledger(tmp_path / "flyers" / "printed-urls.txt", "ledger")
    assert problems == []
    page = "https://hilfe.musterstadt.example/angebote/fruehstueck-bahnhofsmission/"
    short = "https://hilfe.musterstadt.example/" + urls.short_path(urls.short_code("fruehstueck-bahnhofsmission"))
    assert {(e.url, e.flyer, e.category, e.qr) for e in entries} == {
        (page, "fruehstueck-bahnhofsmission-karte.pdf", "essen", short),
        (page, "fruehstueck-bahnhofsmission-aushang.pdf", "essen", short),
    }
    # The QR column is the sixth: older five-column lines stay as they are.
    line = (tmp_path / "flyers" / "printed-urls.txt").read_text(encoding="utf-8").splitlines()[-1]
    assert line.split("\t")[1] == page and line.split("\t")[5] == short
    assert all(e.printed.isoformat() == "2026-11-22" for e in entries)
    # Recording again adds nothing.
    assert main(["flyers", "--only", "fruehstueck-bahnhofsmission", "--out", "out", "--record"]) == 0
    assert "0 gedruckte Adressen neu" in capsys.readouterr().out
    assert main(["check"]) == 0
    (tmp_path / "content" / "offers" / "fruehstueck-bahnhofsmission.yml").unlink()
    capsys.readouterr()
    assert main(["check"]) == 1
    err = capsys.readouterr().err
    assert ("flyers/printed-urls.txt:3:1: error: url: https://hilfe.musterstadt.example/angebote/"
            "fruehstueck-bahnhofsmission/ (gedruckt am 2026-11-22 auf fruehstueck-bahnhofsmission-aushang.pdf) führt ins Leere") in err
    assert err.count("führt ins Leere") == 2  # one problem per line, not one per address
