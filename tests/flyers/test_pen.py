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


COMPOUND = "Wohnungslosenhilfeeinrichtung"


def test_a_word_no_line_holds_breaks_at_a_syllable(pen):
    """A compound without a hyphen of its own breaks where German hyphenates it, at every width
    from a syllable's to the whole word's, never at just any letter."""
    from build_tools.flyers import syllables

    cuts = syllables.breaks(COMPOUND)
    assert COMPOUND[:cuts[-1]] == "Wohnungslosenhilfeeinrich"  # pyphen's de_DE patterns
    assert pen.wrap(COMPOUND, 38 * mm, 10) == ["Wohnungslosenhilfe-", "einrichtung"]
    widest_syllable = max(pen.measure(COMPOUND[a:b] + "-", 10) for a, b in zip(
        [0, *cuts], [*cuts, len(COMPOUND)], strict=True))
    for width in range(int(widest_syllable / mm) + 1, int(pen.measure(COMPOUND, 10) / mm) + 1):
        lines = pen.wrap(f"Die {COMPOUND} Nord", width * mm, 10)
        words = [w for line in lines for w in line.split()]
        word_lines = [w for w in words if w not in ("Die", "Nord")]
        assert "".join(word_lines).replace("-", "") == COMPOUND, (width, lines)
        at = 0
        for piece in word_lines[:-1]:
            assert piece.endswith("-"), (width, lines)
            at += len(piece) - 1
            assert at in cuts, (width, lines)
        for line in lines:
            assert pen.measure(line, 10) <= width * mm + 0.01, (width, line)


def test_a_word_narrower_than_its_syllables_is_still_cut_to_fit(pen):
    """Below the widest syllable the last resort remains: a cut where it must, never wider
    than the line and nothing lost."""
    lines = pen.wrap(COMPOUND, 6 * mm, 10)
    assert "".join(line.removesuffix("-") for line in lines) == COMPOUND
    assert all(pen.measure(line, 10) <= 6 * mm + 0.01 for line in lines)


def test_a_postal_code_stays_with_its_town(pen):
    street = "Friedrich-Wilhelm-von-Steuben-Straße 112a, 52349 Neustadt-Hauptbahnhofsviertel"
    assert pen.wrap(street, 75 * mm, 8) == ["Friedrich-Wilhelm-von-Steuben-Straße 112a,",
                                            "52349 Neustadt-Hauptbahnhofsviertel"]
    assert glue("Telefon 02421 555123") == "Telefon 02421 555123"  # digits follow: a phone


def test_uhr_stays_with_its_time(pen):
    lines = pen.wrap("Nov–Mär: Mo–Fr 10:00–16:00 Uhr", 43 * mm, 8)  # "Uhr" alone, once
    assert lines[-1].endswith("16:00 Uhr") and "Uhr" not in lines[:-1], lines


def test_a_centred_caption_is_balanced(pen):
    """The card's caption over its 38 mm code: two even lines, not a lone "Zeiten:"."""
    caption = "Mehr Infos und aktuelle Zeiten:"
    assert pen.wrap(caption, 38 * mm, 7.5)[-1] == "Zeiten:"
    even = pen.balanced_width(caption, 38 * mm, 7.5)
    assert pen.wrap(caption, even, 7.5) == ["Mehr Infos und", "aktuelle Zeiten:"]
    assert pen.balanced_width("Kurz", 38 * mm, 7.5) == 38 * mm
