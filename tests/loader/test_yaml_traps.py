"""YAML 1.1 traps: what the editor typed is what the schema sees."""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

import pytest

from build_tools.config import AtlasConfig
from build_tools.content import load_catalog
from build_tools.yamlio import YamlProblem, load_yaml_text


@pytest.mark.parametrize(
    "scalar",
    ["17:00", "01234", "no", "No", "NO", "on", "off", "yes", "y", "n", "true", "False", "1e3",
     "0x1F", "0o17", "0b101", "2026-03-01", "2026-03-01 10:00:00", "1_000", "+12", ".5", ".inf",
     "-.Inf", ".nan", "12:30:45", "=", "<<x"],
)
def test_plain_scalars_stay_text(scalar: str) -> None:
    loaded = load_yaml_text(f"value: {scalar}\nlist: [{scalar}]\n", "t.yml")
    assert loaded.data == {"value": scalar, "list": [scalar]}


@pytest.mark.parametrize("scalar", ["", "~", "null", "Null", "NULL"])
def test_null_forms_are_none(scalar: str) -> None:
    assert load_yaml_text(f"value: {scalar}\n", "t.yml").data == {"value": None}


def test_quoted_null_words_are_text() -> None:
    assert load_yaml_text('a: "null"\nb: \'~\'\n', "t.yml").data == {"a": "null", "b": "~"}


def test_keys_stay_text() -> None:
    data = load_yaml_text("1: a\nno: b\n17:00: c\n", "t.yml").data
    assert list(data) == ["1", "no", "17:00"]


def test_offer_keeps_the_editors_text(tmp_path: Path) -> None:
    """Through the whole loader: postal code, times, 'no' and dates arrive as intended."""
    content = tmp_path / "content"
    (content / "offers").mkdir(parents=True)
    (content / "categories.yml").write_text("- {id: essen, label: Essen, color: '#b34700'}\n")
    (content / "target_groups.yml").write_text("- {id: alle, label: Alle}\n")
    (content / "offers" / "falle.yml").write_text(
        "title: 17:00\n"
        "summary: no\n"
        "category: essen\n"
        "tags: [on, yes, 1e3, 0x1F]\n"
        "costs: 01234\n"
        "location: {postal_code: 01234, lat: 50.8, lon: 6.5, wheelchair: no, confidential: no}\n"
        "access: {anonymous: yes, pets_allowed: off}\n"
        "hours_note: 2026-03-01\n"
        "last_verified: 2026-03-01\n",
        encoding="utf-8",
    )
    result = load_catalog(content, AtlasConfig(), date(2026, 11, 22))
    assert [p.format_text() for p in result.problems] == []
    offer = result.catalog.offer("falle")
    assert offer.title == "17:00"
    assert offer.summary == "no"
    assert offer.tags == ["on", "yes", "1e3", "0x1F"]
    assert offer.costs == "01234"
    assert offer.hours_note == "2026-03-01"
    assert offer.location.postal_code == "01234"
    assert offer.location.wheelchair == "no"
    assert offer.location.confidential is False
    assert offer.access.anonymous is True and offer.access.pets_allowed is False
    assert offer.last_verified == date(2026, 3, 1)


def _bomb(levels: int) -> str:
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, levels):
        lines.append(f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]")
    return "\n".join(lines) + "\n"


def test_alias_bomb_is_refused_fast() -> None:
    """A billion-laughs file (9^20 nodes when expanded) is refused at its first anchor."""
    started = time.perf_counter()
    with pytest.raises(YamlProblem) as exc:
        load_yaml_text(_bomb(20), "bomb.yml")
    assert time.perf_counter() - started < 2  # generous: the machine may be busy
    assert exc.value.problem.format_text() == (
        "bomb.yml:1:5: error: YAML-Anker (&name) sind nicht erlaubt; Wert ausschreiben"
    )


def test_deep_nesting_is_refused_without_recursion() -> None:
    started = time.perf_counter()
    with pytest.raises(YamlProblem) as exc:
        load_yaml_text("a: " + "[" * 200_000 + "]" * 200_000, "deep.yml")
    assert time.perf_counter() - started < 10  # generous: the machine may be busy
    assert exc.value.problem.message == "zu tief verschachtelt (mehr als 32 Ebenen)"
    assert (exc.value.problem.line, exc.value.problem.col) == (1, 36)


def test_positions_count_crlf_and_cr_as_editors_do() -> None:
    for newline in ("\n", "\r\n", "\r"):
        text = newline.join(["a: 1", "b: 2", "c: \x07"]) + newline
        with pytest.raises(YamlProblem) as exc:
            load_yaml_text(text, "t.yml")
        assert (exc.value.problem.line, exc.value.problem.col) == (3, 4)


def test_an_alias_is_never_expanded_even_by_libyamls_composer() -> None:
    """The fastest path (libyaml composes) is taken only where no alias can be; should one slip
    through, a collection met twice sends the text to the checked path, which names it."""
    from build_tools import yamlio

    bomb = "a: &a [x, x, x]\nb: [*a, *a, *a]\n"
    assert not yamlio._c_composer_allowed(bomb)
    with pytest.raises(yamlio._Unsure):
        yamlio._load(yamlio._CLoader, bomb, "f.yml")
    for harmless in ("summary: 2*3 und A&B\n", "description: |\n  8**\n"):
        assert yamlio._c_composer_allowed(harmless)
    for risky in ("x: *a\n", "x: [ *a ]\n", "x: {a:*b}\n", "description: |\n  **fett**\n", "&a x\n"):
        assert not yamlio._c_composer_allowed(risky), risky
