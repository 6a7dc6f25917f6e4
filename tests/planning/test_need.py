"""Need against supply with figures computed by hand.

Four 1 km squares in a row (west, mitte, ost) and one far away (fern, 9 km east of the others),
populations 10,000 / 5,000 / 4,000 / 2,000, an SGB II share of 5 / 10 / 12 / 20 %:

    people in need   west 500, mitte 500, ost 480, fern 400           (sum 1,880)
    food offers      west 2, mitte 1, ost 0, fern 0                  (sum 3)
    atlas rate       3 × 1,000 ÷ 1,880 = 1.5957… offers per 1,000 in need
    gap              west 500 × 3/1,880 − 2 = −1.2021, mitte −0.2021, ost 0.7660, fern 0.6383
    high need        ⌈4/4⌉ = 1 district: fern (20 %)

Fern has no offer within 2 km (the nearest, at mitte's (1500, 500), is 9 km from its centre):
it is flagged and comes first, although ost's gap is larger.
"""

from __future__ import annotations

import pytest
import shapely

from build_tools.indicators import Indicator, IndicatorSet, Unit
from build_tools.planning.analysis import analyse
from build_tools.planning.findings import need_findings, summary_findings
from build_tools.planning.need import high_need_from
from build_tools.planning.need_tables import need_data_table

from .synthetic import make_catalog, make_offer

QUOTE = Indicator("quote", "SGB-II-Quote", Unit.percent, "Jobcenter", "need", year=2025,
                  need_for=("essen",))


def indicator_set(values: dict[str, float | None], populations: dict[str, int]) -> IndicatorSet:
    return IndicatorSet({"quote": QUOTE}, {"quote": {d: {None: v} for d, v in values.items()}},
                        populations=populations)


@pytest.fixture
def result():
    populations = {"west": 10_000, "mitte": 5_000, "ost": 4_000, "fern": 2_000}
    shapes = {
        "west": shapely.box(0, 0, 1000, 1000),
        "mitte": shapely.box(1000, 0, 2000, 1000),
        "ost": shapely.box(2000, 0, 3000, 1000),
        "fern": shapely.box(10_000, 0, 11_000, 1000),
    }
    catalog = make_catalog(
        {k: (shapes[k], populations[k]) for k in shapes},
        [
            make_offer("tafel-1", "essen", (500, 500)),
            make_offer("tafel-2", "essen", (300, 300)),
            make_offer("tafel-3", "essen", (1500, 500)),
        ],
        categories=("essen", "kleidung"),
    )
    indicators = indicator_set({"west": 5.0, "mitte": 10.0, "ost": 12.0, "fern": 20.0},
                               populations)
    return analyse(catalog, catalog.config.planning, None, indicators)


def test_hand_computed_figures(result):
    [table] = result.need
    assert (table.category_id, table.indicator.id) == ("essen", "quote")
    assert table.atlas_rate == pytest.approx(3 * 1000 / 1880)
    assert table.high_from == 20.0
    rows = {r.district_id: r for r in table.rows}
    assert rows["west"].people == pytest.approx(500) and rows["west"].rate == pytest.approx(4.0)
    assert rows["mitte"].rate == pytest.approx(2.0)
    assert rows["ost"].rate == 0.0 and rows["ost"].no_offer
    assert rows["west"].gap == pytest.approx(500 * 3 / 1880 - 2)
    assert rows["ost"].gap == pytest.approx(480 * 3 / 1880)
    assert rows["fern"].gap == pytest.approx(400 * 3 / 1880)
    assert rows["fern"].nearest_m == pytest.approx(9000, abs=1)


def test_no_offer_and_high_need_is_flagged_first(result):
    [table] = result.need
    assert [r.district_id for r in table.rows] == ["fern", "ost", "mitte", "west"]
    first = table.rows[0]
    assert first.flagged and first.high and first.rank == 1
    assert first.reason == "hoher Bedarf, kein Angebot in 2\u00a0km (nächstes 9,0\u00a0km)"
    assert [r.flagged for r in table.rows] == [True, False, False, False]
    assert not table.rows[1].high  # ost: the larger gap, but 12 % is no high need here


def test_finding_sentence_carries_the_figures(result):
    [finding] = need_findings(result)
    assert finding.text == (
        "Fern: hoher Bedarf bei Essen (SGB-II-Quote 20,0\u00a0%, Stadt 9,0\u00a0%), kein "
        "Angebot in 2\u00a0km (nächstes 9,0\u00a0km), rechnerisch fehlen 0,6 Angebote."
    )  # Stadt: (5×10,000 + 10×5,000 + 12×4,000 + 20×2,000) ÷ 21,000 = 8.95
    summary = summary_findings(result)
    assert summary[0] == finding and 3 <= len(summary) <= 5


def test_atlas_value_is_population_weighted(result):
    value = result.indicators.atlas_value("quote")
    assert value.method == "weighted"
    assert value.value == pytest.approx((5 * 10_000 + 10 * 5_000 + 12 * 4_000 + 20 * 2_000)
                                        / 21_000)


def test_table_cells_for_every_renderer(result):
    [table] = result.need
    data = need_data_table(table)
    assert data.columns[:3] == ["Sozialraum", "Rang", "SGB-II-Quote in %"]
    first = [v.text for v in data.rows[0]]
    assert first == ["Fern", "1 ⚠", "20,0", "400", "0 ✕", "0,00", "0,6", "9,0\u00a0km",
                     "⚠ kein Angebot in 2\u00a0km"]
    assert [v.text for v in data.rows[-1]][6] == "−1,2"  # west: more than the average
    assert data.rows[0][0].link == "sozialraeume/fern/"


def test_low_supply_alone_flags_a_high_need_district():
    populations = {"a": 1000, "b": 1000, "c": 1000, "d": 1000}
    catalog = make_catalog(
        {k: (shapely.box(i * 500, 0, i * 500 + 500, 500), 1000) for i, k in enumerate("abcd")},
        [make_offer(f"o{n}", "essen", (250 + 500 * (n % 2), 250)) for n in range(6)]
        + [make_offer("d1", "essen", (1750, 250))],
    )
    indicators = indicator_set({"a": 1.0, "b": 30.0, "c": 5.0, "d": 5.0}, populations)
    [table] = analyse(catalog, catalog.config.planning, None, indicators).need
    # b: 3 offers for 300 people = 10 per 1,000; atlas: 7 offers for 410 people = 17.07.
    first = table.rows[0]
    assert first.district_id == "b" and first.flagged and first.low_supply
    assert "10,0 Angebote je 1.000 Menschen mit Bedarf (Durchschnitt 17,1)" in first.reason


def test_unknown_values_and_high_need_cut():
    assert high_need_from([1.0, 4.0, 2.0, 8.0, 3.0]) == 4.0  # ⌈5/4⌉ = 2: the two highest
    assert high_need_from([]) is None


def test_without_indicators_nothing_changes(square):
    catalog = make_catalog({"nord": (square, 1000)}, [make_offer("a", "essen", (10, 10))])
    assert analyse(catalog, catalog.config.planning).need == []
