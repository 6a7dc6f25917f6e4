"""Wrapping on flyers: organisation names never break mid-abbreviation, compounds break at
their own hyphen, URLs break before a ``/`` and never inside the host when a smaller size
avoids it."""

from __future__ import annotations

import pytest
from reportlab.lib.units import mm

from build_tools.flyers import fonts
from build_tools.flyers.pen import Pen, glue

NAMES = [
    ("Caritasverband Musterstadt e. V.", "e. V."),
    ("Sozialdienst katholischer Frauen Musterstadt e. V.", "e. V."),
    ("Tafel Musterstadt e.V.", "e.V."),
    ("Evangelische Wohnungslosenhilfe Kreis Neustadt gGmbH", "gGmbH"),
    ("Wohnen und Arbeit GmbH & Co. KG", "& Co. KG"),
    ("Hilfe z. B. für Familien", "z. B."),
]


@pytest.fixture(scope="module")
def pen():
    fonts.register()
    return Pen(None, "de", None)


@pytest.mark.parametrize(("name", "abbreviation"), NAMES)
def test_abbreviations_and_legal_forms_stay_whole(pen, name, abbreviation):
    """At every width from the abbreviation's own to 120 mm, the abbreviation is whole on one
    line, and the words of the name come back in order."""
    for width in range(int(pen.measure(abbreviation, 10) / mm) + 1, 121):
        lines = pen.wrap(name, width * mm, 10)
        assert sum(abbreviation in line for line in lines) == 1, (width, lines)
        assert " ".join(lines).replace("- ", "-").split() == name.split() or any(
            line.endswith("-") for line in lines), (width, lines)
        for line in lines:
            assert pen.measure(line, 10) <= width * mm + 0.01, (width, line)


def test_the_legal_form_goes_with_the_word_before_it(pen):
    lines = pen.wrap("Caritasverband Musterstadt e. V.", 45 * mm, 10)
    assert lines == ["Caritasverband", "Musterstadt e. V."]
    # Too narrow for "Musterstadt e. V.": it gives way there, never inside "e. V.".
    assert pen.wrap("Musterstadt e. V.", 22 * mm, 10) == ["Musterstadt", "e. V."]


def test_printed_lines_have_plain_spaces(pen):
    for line in pen.wrap("Caritasverband Musterstadt e. V.", 200 * mm, 10):
        assert "\u00a0" not in line and "\ue000" not in line
    assert glue("Musterstadt e. V.") != "Musterstadt e. V."  # glued inside, plain outside


def test_an_editors_no_break_space_holds(pen):
    assert pen.wrap("Haus\u00a0am Wall", 18 * mm, 10) == ["Haus am", "Wall"]


def test_a_compound_too_wide_breaks_after_its_hyphen(pen):
    assert pen.wrap("Wohnungsnotfallhilfe-Beratungsstelle", 93 * mm, 19, True) == [
        "Wohnungsnotfallhilfe-", "Beratungsstelle"]
    # One that fits is never broken at its hyphen: the space goes first.
    assert pen.wrap("Tafel-Ausgabe Rölsdorf-Feld", 93 * mm, 19, True) == [
        "Tafel-Ausgabe", "Rölsdorf-Feld"]
    assert pen.wrap("02421 25-4100", 15 * mm, 10) == ["02421", "25-4100"]


def test_url_lines_keep_the_host_whole_when_a_smaller_size_allows(pen):
    url = "hilfe.musterstadt.example/sozialraeume/innenstadt"
    lines, size = pen.url_lines(url, 48 * mm, 9.5, 6.5, max_lines=4)
    assert lines[0] == "hilfe.musterstadt.example" and size < 9.5
    assert "".join(lines) == url
