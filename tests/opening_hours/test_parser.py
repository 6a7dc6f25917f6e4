"""The parser: every construct of the subset, and exact messages for broken hours."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from build_tools.config import AtlasConfig
from build_tools.content import load_catalog
from build_tools.opening_hours import HoursError, Rule, Schedule, TimeSpan, parse_hours

FIXTURE = Path(__file__).parent / "fixtures" / "content"
WEEK = frozenset(range(7))


def only_rule(text: str) -> Rule:
    schedule = parse_hours(text)
    assert len(schedule.rules) == 1
    return schedule.rules[0]


def test_weekday_range_and_spans():
    rule = only_rule("Mo-Fr 09:00-12:00,14:00-16:00")
    assert rule.weekdays == frozenset({0, 1, 2, 3, 4})
    assert rule.spans == (TimeSpan(540, 720), TimeSpan(840, 960))
    assert not rule.months and not rule.nth and not rule.holiday


def test_weekday_list_and_wrapping_range():
    assert only_rule("Mo,We,Fr 10:00-12:00").weekdays == frozenset({0, 2, 4})
    assert only_rule("Fr-Mo 10:00-12:00").weekdays == frozenset({4, 5, 6, 0})
    assert only_rule("Mo-We,Fr 10:00-12:00").weekdays == frozenset({0, 1, 2, 4})


def test_span_past_midnight_ends_after_1440():
    rule = only_rule("Mo-Su 20:00-08:00")
    assert rule.weekdays == WEEK
    assert rule.spans == (TimeSpan(1200, 1920),)
    assert only_rule("Fr 18:00-00:30").spans == (TimeSpan(1080, 1470),)
    assert only_rule("Sa 10:00-24:00").spans == (TimeSpan(600, 1440),)


def test_always_open_and_months():
    assert parse_hours("24/7") == Schedule((Rule(spans=(TimeSpan(0, 1440),)),))
    rule = only_rule("Apr-Oct 24/7")
    assert rule.months == frozenset(range(4, 11)) and rule.spans == (TimeSpan(0, 1440),)


def test_month_range_wraps_over_new_year():
    rule = only_rule("Nov-Mar Mo-Fr 18:00-08:00")
    assert rule.months == frozenset({11, 12, 1, 2, 3})
    assert only_rule("Jan,Mar,Jul-Aug 10:00-12:00").months == frozenset({1, 3, 7, 8})


def test_off_and_closed():
    schedule = parse_hours("Mo-Fr 09:00-12:00; We off; Sa closed")
    assert [r.spans for r in schedule.rules] == [(TimeSpan(540, 720),), (), ()]


def test_public_holidays():
    rules = parse_hours("Mo-Fr 09:00-12:00; PH off").rules
    assert rules[1].holiday and rules[1].spans == () and not rules[1].weekdays
    assert only_rule("PH 10:00-14:00").spans == (TimeSpan(600, 840),)
    mixed = only_rule("Sa,PH off")
    assert mixed.holiday and mixed.weekdays == frozenset({5})


def test_nth_weekday_of_month():
    rule = only_rule("Mo[1],Fr[-1] 10:00-12:00")
    assert rule.nth == {0: frozenset({1}), 4: frozenset({-1})}
    assert not rule.weekdays
    assert only_rule("We[1,3] 10:00-12:00").nth == {2: frozenset({1, 3})}


def test_comments():
    assert parse_hours('"nach Vereinbarung"') == Schedule((), "nach Vereinbarung")
    schedule = parse_hours('Mo-Fr 09:00-12:00 "nur mit Termin"; "sonst nach Vereinbarung"')
    assert schedule.rules[0].comment == "nur mit Termin"
    assert schedule.comment == "sonst nach Vereinbarung"
    rule = only_rule('Sa "nach Vereinbarung"')
    assert rule.spans == () and rule.comment == "nach Vereinbarung"


def test_rule_order_is_kept_and_trailing_semicolon_allowed():
    schedule = parse_hours("Mo-Fr 09:00-16:00; We 09:00-12:00;")
    assert [sorted(r.weekdays) for r in schedule.rules] == [[0, 1, 2, 3, 4], [2]]
    assert schedule.rule_for(date(2026, 11, 25), False).spans == (TimeSpan(540, 720),)


def test_every_sample_offer_parses():
    import yaml

    offers = sorted((Path(__file__).parents[2] / "content" / "offers").glob("*.yml"))
    hours = [yaml.safe_load(p.read_text(encoding="utf-8")).get("opening_hours") for p in offers]
    hours = [h for h in hours if h]
    assert hours, "the sample content has opening hours"
    for text in hours:
        parse_hours(text)


# (text, offset, message, hint) — the broken-hours corpus: messages are part of the UI.
T = "Zeiten im Format HH:MM, z. B. 09:00-12:00"
SEP = "mehrere Regeln mit „;“ trennen, z. B. Mo 09:00-12:00; We 14:00-16:00"
CORPUS = [
    ("", 0, "keine Öffnungszeiten angegeben", "z. B. Mo-Fr 09:00-12:00"),
    ("Mo-Di 09:00-12:00", 3, "unbekannter Wochentag „Di“",
     "Wochentage englisch abgekürzt: Mo Tu We Th Fr Sa Su (Di → Tu)"),
    ("Mo-Fr 9:00-12:00", 6, "„9:00“ ist keine Uhrzeit", T),
    ("Mo-Fr 09.00-12.00", 6, "„09.00“ ist keine Uhrzeit", T),
    ("Mo-Fr 09-12", 6, "„09“ ist keine Uhrzeit", T),
    ("Mo-Fr", 0, "nach „Mo-Fr“ fehlen die Zeiten", "z. B. Mo-Fr 09:00-12:00 oder Mo-Fr off"),
    ("Mo-Fr 09:00-12:00, Sa 10:00-12:00", 17, "„,“ zwischen zwei Regeln", SEP),
    ("Mo-Fr 09:00-12:00;; Sa off", 17, "leere Regel zwischen zwei „;“", SEP),
    ("Mo 09:00–12:00", 8, "Gedankenstrich „–“ statt Bindestrich",
     "einfachen Bindestrich - verwenden, z. B. 09:00-12:00"),
    ("Mo[6] 10:00-11:00", 3, "„[6]“: diese Woche im Monat gibt es nicht",
     "[1] bis [5] für den ersten bis fünften, [-1] für den letzten"),
    ("Mo[1 10:00-12:00", 5, "„]“ fehlt", "z. B. Mo[1] oder Fr[-1]"),
    ("Dec 24 off", 4, "Tagesangaben wie „Dec 24“ werden nicht unterstützt",
     "nur ganze Monate (z. B. Nov-Mar) oder die Saison im Feld season"),
    ("09:00-12:00 Mo", 12, "„Mo“ steht an der falschen Stelle",
     "Wochentage vor den Zeiten, z. B. Mo-Fr 09:00-12:00"),
    ("Mo-Fr 09:00-25:00", 12, "Stunde 25 gibt es nicht", T + "; über Mitternacht: 20:00-08:00"),
    ("Mo-Fr 09:00-12:60", 15, "Minute 60 gibt es nicht", T),
    ("Mo-Fr 24:30-25:00", 6, "„24:30“ liegt nach Mitternacht", T + "; über Mitternacht: 20:00-01:00"),
    ("Mo-Fr 24:00-02:00", 6, "eine Zeitspanne kann nicht um 24:00 beginnen",
     T + "; ganzer Tag: 00:00-24:00"),
    ("Mo 10:00-10:00", 3, "„10:00-10:00“ hat keine Dauer", T + "; ganzer Tag: 00:00-24:00"),
    ("Mo-Fr 09:00", 11, "nach „09:00“ fehlt „-“ und die Endzeit", T),
    ("Mo-Fr 09:00-", 11, "nach „09:00-“ fehlt die Endzeit", T),
    ("Mo-Fr 09:00-12:00,", 17, "nach „,“ fehlt eine Zeitspanne", T),
    ("Mo-Fr 09:00-12:00 Uhr", 18, "„Uhr“ gehört nicht in die Zeiten", T),
    ("SH off", 0, "Schulferien (SH) werden nicht unterstützt", "Ferienzeiten als Monate oder im Feld season"),
    ('Mo-Fr 09:00-12:00 || "Termin"', 18, "„||“ (Ausweichregel) wird nicht unterstützt",
     "Regeln mit „;“ trennen"),
    ("Mo-Fr 18:00+", 11, "„+“ (offenes Ende) wird nicht unterstützt", "Endzeit angeben, z. B. 18:00-22:00"),
    ('Mo-Fr 09:00-12:00 "nach Vereinbarung', 18, "Kommentar ohne schließendes Anführungszeichen",
     'Kommentar so: "nach Vereinbarung"'),
    ('Mo-Fr 09:00-12:00 "a" "b"', 22, "Kommentar steht an der falschen Stelle",
     'Kommentar am Ende der Regel: Mo 09:00-12:00 "nach Vereinbarung"'),
    ("Mo-Fr „nach Vereinbarung“", 6, "typografisches Anführungszeichen („) nicht erlaubt",
     'Kommentare in geraden Anführungszeichen: "nach Vereinbarung"'),
    ("Mo-Fr 24/7", 6, "24/7 steht allein", "für ganze Tage: Mo-Fr 00:00-24:00"),
    ("Mär-Okt 10:00-12:00", 0, "unbekannter Monat „Mär“",
     "Monate englisch abgekürzt: Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec (Mär → Mar)"),
    ("Mo-Fr 09:00-12:00 Nov", 18, "„Nov“ steht an der falschen Stelle",
     "Monate am Anfang der Regel, z. B. Nov-Mar Mo-Fr 18:00-08:00"),
    ("mo-fr 09:00-12:00", 0, "„mo“ bitte so schreiben: Mo", "Groß- und Kleinschreibung beachten"),
    ("Mo-Fr 09:00-12:00 Off", 18, "„Off“ bitte klein schreiben: off", "Groß- und Kleinschreibung beachten"),
    ("Feiertags geschlossen", 0, "„Feiertags“: Feiertage heißen PH", "z. B. PH off oder PH 10:00-14:00"),
    ("Mo- 09:00-12:00", 4, "nach „Mo-“ fehlt der Wochentag",
     "Wochentage englisch abgekürzt: Mo Tu We Th Fr Sa Su"),
    ("Mo, 09:00-12:00", 4, "nach „,“ fehlt ein Wochentag",
     "Wochentage englisch abgekürzt: Mo Tu We Th Fr Sa Su oder PH"),
    ("Mo-Fr sunrise-sunset", 6, "Sonnenzeiten werden nicht unterstützt", T),
    ("Mo-Fr: 09:00-12:00", 5, "„:“ nach den Tagen nicht nötig", "z. B. Mo-Fr 09:00-12:00"),
    ("Mo-Fr 09:00-12:00 & Sa", 18, "unerwartetes Zeichen „&“",
     'erlaubt: Wochentage, Monate, PH, HH:MM-HH:MM, off, 24/7 und "Kommentar"'),
    ("Mo-Fr open", 6, "„open“ ohne Zeiten wird nicht unterstützt", "Zeiten angeben, z. B. Mo-Fr 00:00-24:00"),
]


@pytest.mark.parametrize(("text", "offset", "message", "hint"), CORPUS, ids=[c[0] or "empty" for c in CORPUS])
def test_broken_hours_corpus(text, offset, message, hint):
    with pytest.raises(HoursError) as caught:
        parse_hours(text)
    assert (caught.value.offset, caught.value.message, caught.value.hint) == (offset, message, hint)


def test_corpus_is_big_enough():
    assert len(CORPUS) >= 20


@pytest.mark.parametrize(
    ("yaml_value", "col"),
    [("Mo-Di 09:00-12:00", 19), ('"Mo-Di 09:00-12:00"', 20), ("'Mo-Di 09:00-12:00'", 20)],
    ids=["plain", "double-quoted", "single-quoted"],
)
def test_check_maps_offset_to_file_line_and_column(tmp_path, yaml_value, col):
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    offer = content / "offers" / "mittagstisch.yml"
    lines = offer.read_text(encoding="utf-8").splitlines()
    row = next(i for i, line in enumerate(lines) if line.startswith("opening_hours:"))
    lines[row] = f"opening_hours: {yaml_value}"
    offer.write_text("\n".join(lines) + "\n", encoding="utf-8")

    result = load_catalog(content, AtlasConfig(), date(2026, 11, 22))

    hours = [p for p in result.problems if p.field == "opening_hours"]
    assert [(p.line, p.col, p.message) for p in hours] == [
        (row + 1, col, "unbekannter Wochentag „Di“ — "
         "Wochentage englisch abgekürzt: Mo Tu We Th Fr Sa Su (Di → Tu)")
    ]
    assert hours[0].format_text().startswith(f"{hours[0].file}:{row + 1}:{col}: error:")
