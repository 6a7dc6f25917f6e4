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
    assert parse_hours("24/7") == Schedule((Rule(spans=(TimeSpan(0, 1440),), state="open"),))
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
    ("Mo-Fr 09.00-12.00", 6, "„09.00“ ist keine Uhrzeit", T),
    ("Mo-Fr 09-12", 6, "„09“ ist keine Uhrzeit", T),
    ("Mo-Fr", 0, "nach „Mo-Fr“ fehlen die Zeiten",
     "z. B. Mo-Fr 09:00-12:00, Mo-Fr off oder Mo-Fr open (ganztags)"),
    ("Mo-Fr 09:00-12:00, 12", 19, "nach „,“ fehlt eine Zeitspanne", T),
    ("Mo-Fr 09:00-12:00;; Sa off", 17, "leere Regel zwischen zwei „;“", SEP),
    ("Mo[6] 10:00-11:00", 3, "„[6]“: diese Woche im Monat gibt es nicht",
     "[1] bis [5] für den ersten bis fünften, [-1] für den letzten"),
    ("Mo[1 10:00-12:00", 5, "„]“ fehlt", "z. B. Mo[1] oder Fr[-1]"),
    ("Feb 30 off", 4, "den 30. Feb gibt es nicht", "Tag im Monat, z. B. Dec 24"),
    ("2025 Mo-Fr 10:00-12:00", 0, "eine Jahreszahl steht nur vor einem Datum",
     "z. B. 2025 Nov 22 11:00-17:00 oder 2024 Oct 07-2026 Jun 01 off"),
    ("Mo-Fr 10:00-12:00 2025", 18, "eine Jahreszahl steht nur am Anfang einer Regel, vor dem Datum",
     "z. B. 2025 Nov 22 11:00-17:00"),
    ("2026 Jun 01-2024 Oct 07 off", 5, "das Ende liegt vor dem Anfang", "z. B. 2024 Oct 07-2026 Jun 01"),
    ("week 54 We 10:00-12:00", 5, "Kalenderwoche 1 bis 53 erwartet", "z. B. week 1-53/2 We 10:00-12:00"),
    ("Mo-Fr 18:00-22:00+", 17, "„+“ nach einer Endzeit wird nicht unterstützt",
     "entweder Endzeit (18:00-22:00) oder offenes Ende (18:00+)"),
    ("Mo-Fr 09:00-12:00 ||", 18, "„||“ ohne Regel davor oder danach",
     'z. B. Mo-Fr 09:00-12:00 || "nach Vereinbarung"'),
    ("Mo-Fr 09:00-12:00:", 17, "„:“ an dieser Stelle unerwartet",
     "ein Doppelpunkt darf nur nach Monaten, Daten oder Tagen stehen: Nov-Mar: Mo-Fr 10:00-12:00"),
    ("PH -1 day off", 6, "Verschiebungen um Tage (PH -1 day) werden nicht unterstützt",
     "das Datum selbst angeben, z. B. Dec 24 off"),
    ("09:00-12:00 Mo", 12, "„Mo“ steht an der falschen Stelle",
     "Wochentage vor den Zeiten, z. B. Mo-Fr 09:00-12:00"),
    ("Mo-Fr 09:00-25:00", 12, "Stunde 25 gibt es nicht", T + "; über Mitternacht: 20:00-08:00"),
    ("Mo-Fr 09:00-12:60", 15, "Minute 60 gibt es nicht", T),
    ("Mo-Fr 24:30-25:00", 6, "„24:30“ liegt nach Mitternacht", T + "; über Mitternacht: 20:00-01:00"),
    ("Mo-Fr 24:00-02:00", 6, "eine Zeitspanne kann nicht um 24:00 beginnen",
     T + "; ganzer Tag: 00:00-24:00"),
    ("Mo 10:00-10:00", 3, "„10:00-10:00“ hat keine Dauer", T + "; ganzer Tag: 00:00-24:00"),
    ("Mo-Fr 09:00", 11, "nach „09:00“ fehlt „-“ und die Endzeit", T + "; offenes Ende: 18:00+"),
    ("Mo-Fr 09:00-", 11, "nach „09:00-“ fehlt die Endzeit", T),
    ("Mo-Fr 09:00-12:00,", 17, "nach „,“ fehlt eine Zeitspanne", T),
    ("Mo-Fr 09:00-12:00 Uhr", 18, "„Uhr“ gehört nicht in die Zeiten", T),
    ("SH off", 0, "Schulferien (SH) werden nicht unterstützt",
     "Ferienzeiten als Daten (Jul 29-Sep 11 off) oder im Feld season"),
    ('Mo-Fr 09:00-12:00 "nach Vereinbarung', 18, "Kommentar ohne schließendes Anführungszeichen",
     'Kommentar so: "nach Vereinbarung"'),
    ('Mo-Fr 09:00-12:00 "a" "b"', 22, "Kommentar steht an der falschen Stelle",
     'Kommentar am Ende der Regel: Mo 09:00-12:00 "nach Vereinbarung"'),
    ("Mo-Fr „nach Vereinbarung“", 6, "typografisches Anführungszeichen („) nicht erlaubt",
     'Kommentare in geraden Anführungszeichen: "nach Vereinbarung"'),
    ("Mo-Fr 24/7", 6, "24/7 steht allein", "für ganze Tage: Mo-Fr 00:00-24:00"),
    ("Mo-Fr 09:00-12:00 Nov", 18, "„Nov“ steht an der falschen Stelle",
     "Monate am Anfang der Regel, z. B. Nov-Mar Mo-Fr 18:00-08:00"),
    ("Feiertags geschlossen", 0, "„Feiertags“: Feiertage heißen PH", "z. B. PH off oder PH 10:00-14:00"),
    ("Mo- 09:00-12:00", 4, "nach „Mo-“ fehlt der Wochentag",
     "Wochentage englisch abgekürzt: Mo Tu We Th Fr Sa Su"),
    ("Mo, 09:00-12:00", 4, "nach „,“ fehlt ein Wochentag",
     "Wochentage englisch abgekürzt: Mo Tu We Th Fr Sa Su oder PH"),
    ("Mo-Fr sunrise-sunset", 6, "Sonnenzeiten werden nicht unterstützt", T),
    ("Mo-Fr 09:00-12:00 & Sa", 18, "unerwartetes Zeichen „&“",
     'erlaubt: Wochentage, Monate, Daten (Dec 24), PH, HH:MM-HH:MM, off, 24/7 und "Kommentar"'),
    ("Mo-Fr 09:00-12:00 and 14:00-16:00", 18, "„and“ verbindet keine Zeiten",
     "mehrere Zeitspannen mit Komma: 09:00-12:00,14:00-16:00"),
    ("Mo-Fr sunset-22:00", 6, "Sonnenzeiten werden nicht unterstützt", T),
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
    [("Mo-Xy 09:00-12:00", 19), ('"Mo-Xy 09:00-12:00"', 20), ("'Mo-Xy 09:00-12:00'", 20)],
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
        (row + 1, col, "unbekanntes Wort „Xy“ — erlaubt: Wochentage, Monate, Daten (Dec 24), PH, "
         'HH:MM-HH:MM, off, 24/7 und "Kommentar"; freier Text gehört in "…"')
    ]
    assert hours[0].format_text().startswith(f"{hours[0].file}:{row + 1}:{col}: error:")


# Forms real data uses, read as what they mean: (text, equals)
TOLERATED = [
    ("Mo-Fr 9:00-12:00", "Mo-Fr 09:00-12:00"),
    ("mo-fr 09:00-12:00; sa off; ph off", "Mo-Fr 09:00-12:00; Sa off; PH off"),
    ("Mo-Di 09:00-12:00; So off", "Mo-Tu 09:00-12:00; Su off"),
    ("Mo–Fr 09:00–12:00", "Mo-Fr 09:00-12:00"),
    ("Mo-Fr: 09:00-12:00", "Mo-Fr 09:00-12:00"),
    ("Mär-Okt: Mo-Fr 10:00-12:00", "Mar-Oct Mo-Fr 10:00-12:00"),
    ("Mo-Fr 09:00-12:00 Off", "Mo-Fr 09:00-12:00 off"),
    ("Mo-Fr 09:00-12:00 OFF", "Mo-Fr 09:00-12:00 off"),
]


@pytest.mark.parametrize(("text", "same"), TOLERATED, ids=[t for t, _ in TOLERATED])
def test_tolerated_forms_mean_the_canonical_one(text, same):
    assert parse_hours(text) == parse_hours(same)


def test_osm_forms_real_data_uses():
    additional = parse_hours("Mo-Fr 09:00-12:30, Th 14:00-17:00").rules
    assert [r.additive for r in additional] == [False, True]
    assert parse_hours("Mo-Sa 18:00+").rules[0].spans == (TimeSpan(1080, 1680, True),)
    assert parse_hours("Apr-Sep: 08:00-19:00").rules[0].months == frozenset(range(4, 10))
    fallback = parse_hours('Mo 08:00-14:00; PH off || "nach Vereinbarung"').rules[-1]
    assert fallback.fallback and fallback.meaning == "unknown" and fallback.comment == "nach Vereinbarung"
    dates = parse_hours("Dec 24-26 off; Dec 31 off; Jan 01 off").rules
    assert [r.dates[0].start for r in dates] == [(12, 24), (12, 31), (1, 1)]
    assert [d.end for d in parse_hours("Dec 24,31 off").rules[0].dates] == [(12, 24), (12, 31)]
    once = parse_hours("2025 Nov 22 11:00-17:00").rules[0].dates[0]
    assert once.years == (2025, 2025) and once.start == once.end == (11, 22)
    assert parse_hours("week 1-53/2 We 10:00-12:00").rules[0].weeks == frozenset(range(1, 54, 2))
    assert parse_hours("Mo-Su 12:00-15:00 off").rules[0].meaning == "off"
    assert parse_hours("Mo-Fr open").rules[0].spans == (TimeSpan(0, 1440),)
    assert parse_hours("We[1-3] 10:00-11:00").rules[0].nth == {2: frozenset({1, 2, 3})}
