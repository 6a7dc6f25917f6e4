"""build_tools/pages/needs.py: tiles, chips and the open-count data of the home page."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from build_tools.hyphenation import SOFT_HYPHEN
from build_tools.opening_hours import compact_schedule
from build_tools.opening_hours.evaluate import status_at
from build_tools.pages.needs import breakable, need_chips, need_tiles, open_count_data


def test_long_need_words_break_at_german_syllables():
    assert breakable("Schuldnerberatung").split(SOFT_HYPHEN) == ["Schuld", "ner", "be", "ra", "tung"]
    assert breakable("Trinkwasser").replace(SOFT_HYPHEN, "-") == "Trink-was-ser"
    assert breakable("Arzt") == "Arzt" and breakable("Schlafen") == "Schlafen"


def test_tiles_and_chips_cover_every_category_with_offers(catalog):
    chips = need_chips(catalog)
    assert [c["id"] for c in chips] == [c for c in catalog.categories if catalog.in_category(c)]
    tiles = need_tiles(catalog, "")
    for tile in tiles:
        cat = catalog.categories[tile["id"]]
        assert tile["word"].replace(SOFT_HYPHEN, "") == cat.need
        assert tile["count"] == len(catalog.in_category(cat.id))
        assert tile["href"] == f"kategorien/{cat.id}/"
        assert tile["icon"], "every tile has its pictogram"


def test_each_schedule_is_sent_once_and_counted_per_category(catalog):
    data = open_count_data(catalog, [])
    hours = {"offers": data["schedules"]}
    needs = data
    # No schedule twice.
    texts = [repr(sorted(v.items())) for v in hours["offers"].values()]
    assert len(texts) == len(set(texts))
    for cat in catalog.categories:
        members = [o for o in catalog.in_category(cat) if compact_schedule(o).get("r")]
        listed = needs["needs"].get(cat, [])
        assert sum(n for _, n in listed) == len(members)
        # Each key's schedule is the schedule of that many of the category's offers.
        for key, n in listed:
            assert sum(compact_schedule(o) == hours["offers"][key] for o in members) == n


def test_counting_the_keys_gives_the_python_evaluation(catalog):
    data = open_count_data(catalog, [])
    hours, needs = {"offers": data["schedules"]}, data
    moment = datetime(2026, 11, 24, 10, 30, tzinfo=ZoneInfo("Europe/Berlin"))
    open_by_key = {}
    for key in hours["offers"]:
        example = next(o for o in catalog.published if compact_schedule(o) == hours["offers"][key])
        open_by_key[key] = status_at(example, moment, []).state in ("open", "open_end")
    for cat, listed in needs["needs"].items():
        expected = sum(status_at(o, moment, []).state in ("open", "open_end") for o in catalog.in_category(cat))
        assert sum(n for key, n in listed if open_by_key[key]) == expected


def test_a_small_atlas_inlines_the_data_a_big_one_writes_a_file(catalog):
    from build_tools import urls
    from build_tools.pages import needs as module

    data = open_count_data(catalog, [])
    assert module.open_count_file(data) is None
    many = {**data, "schedules": {f"s{i}": {"r": [[1, 0, 0, [], [i, i + 60, 0], 1, [], []]]} for i in range(2000)}}
    written = module.open_count_file(many)
    assert written is not None and written.path == urls.needs_data_path()
    assert urls.parse_path(written.path) == ("needs-data", "")
