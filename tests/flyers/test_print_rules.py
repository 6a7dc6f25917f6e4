"""What a street worker checks on a flyer, measured in the PDFs: the QR caption right next to
its code, papers and dogs in the offer page's own words, nothing said twice, organisation names
whole, number badges that hold their numbers."""

from __future__ import annotations

from pathlib import Path

import pytest

from build_tools import facts
from build_tools.build import inspect
from build_tools.clock import build_date
from build_tools.flyers.card import Card, render_card
from build_tools.flyers.collection import CollectionFlyer
from build_tools.flyers.collection_data import FORMATS, collection_data
from build_tools.flyers.definitions import load_definitions
from build_tools.flyers.page import PrintOptions
from build_tools.flyers.poster import Poster, render_poster
from build_tools.flyers.texts import offer_sheet, without_repeats
from build_tools.pages.offer import offer_page

from ..buildkit import page_inputs, sample_project
from ..htmlquery import parse
from .conftest import FIXTURE_DEFINITIONS, SITE_URL, make_flyers
from .longcase import CARITAS, EVANGELISCH, LONG_SITE, long_catalog
from .pdfcheck import elements, pages_mm, text

ROOT = Path(__file__).resolve().parents[2]
CAPTION = "Mehr Infos und aktuelle Zeiten:"


@pytest.fixture(scope="module")
def sample():
    inputs, problems = inspect(sample_project(), build_date())
    assert inputs is not None, problems
    config = inputs.settings
    options = PrintOptions(site_url=config.site_url, atlas_name=config.name,
                           error_correction=config.flyers.qr_error_correction)
    return inputs.catalog, options


@pytest.fixture(scope="module")
def sample_files(sample):
    catalog, options = sample
    return make_flyers(catalog, options, ROOT / "flyers", processes=2).files


@pytest.fixture(scope="module")
def long_case(tmp_path_factory):
    catalog, definitions = long_catalog(tmp_path_factory.mktemp("lang"))
    options = PrintOptions(site_url=LONG_SITE)
    result = make_flyers(catalog, options, definitions)
    return catalog, definitions, result.files


def _union(boxes):
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes),
            max(b[3] for b in boxes))


def caption_box(page_elements, caption: str = CAPTION):
    """The box of the caption's lines: the line that starts it, then each next line below."""
    texts = [e for e in page_elements if e.kind == "text" and e.text.strip()]
    (first,) = [e for e in texts if e.text.strip().startswith(caption.split()[0] + " ")
                and caption.startswith(e.text.strip())]
    box, rest = first.box, caption[len(first.text.strip()):].strip()
    while rest:
        below = [e for e in texts if rest.startswith(e.text.strip()) and e.box[3] <= box[1] + 1
                 and box[1] - e.box[3] < 4 and e.box[0] < box[2] and e.box[2] > box[0]]
        line = max(below, key=lambda e: e.box[3])
        box, rest = _union([box, line.box]), rest[len(line.text.strip()):].strip()
    return box


def code_square(page_elements, size_mm: float, near):
    """The white square (quiet zone included) of the code of that size nearest ``near``."""
    squares = [e.box for e in page_elements if e.kind == "path" and e.fill
               and abs(e.box[2] - e.box[0] - size_mm) < 0.05
               and abs(e.box[3] - e.box[1] - size_mm) < 0.05]
    assert squares, size_mm
    cx, cy = (near[0] + near[2]) / 2, (near[1] + near[3]) / 2
    return min(squares, key=lambda b: abs((b[0] + b[2]) / 2 - cx) + abs((b[1] + b[3]) / 2 - cy))


def assert_caption_next_to_code(pdf: bytes, size_mm: float, page: int = 0) -> str:
    """The caption stands right above its code (within its width) or right beside it (within
    its height), 0.5–4 mm away; returns which."""
    page_elements, _ = elements(pdf, page)
    cap = caption_box(page_elements)
    code = code_square(page_elements, size_mm, cap)
    above_gap = cap[1] - code[3]
    if 0.5 <= above_gap <= 4.0 and cap[0] >= code[0] - 0.5 and cap[2] <= code[2] + 0.5:
        return "above"
    beside_gap = code[0] - cap[2] if cap[2] <= code[0] else cap[0] - code[2]
    assert 0.5 <= beside_gap <= 4.0, (cap, code)
    assert cap[1] >= code[1] - 0.5 and cap[3] <= code[3] + 0.5, (cap, code)
    return "beside"


def test_the_caption_stands_right_next_to_its_code(sample, sample_files, long_case):
    catalog, options = sample
    for offer_id in ("notunterkunft-mariengasse", "schuldnerberatung-caritas", "kaeltebus"):
        sheet = offer_sheet(catalog, catalog.offer(offer_id), options.site_url, "de")
        assert assert_caption_next_to_code(render_card(sheet, options), Card.qr_size) == "above"
        assert assert_caption_next_to_code(render_poster(sheet, options),
                                           Poster.qr_size) == "above"
    flyers = sample_files
    long_catalog_, long_definitions, long_files = long_case
    for files, definitions, cat in ((flyers, ROOT / "flyers", catalog),
                                    (long_files, long_definitions, long_catalog_)):
        collections = {c.slug: c for c in load_definitions(definitions, cat)[0]}
        assert {c.format for c in collections.values()} == set(FORMATS)
        for slug, coll in collections.items():
            where = assert_caption_next_to_code(files[f"flyers/{slug}.pdf"],
                                                FORMATS[coll.format].big_qr)
            assert where == ("above" if coll.format == "a6-booklet" else "beside"), slug
    for path, pdf in long_files.items():
        if path.endswith("-karte.pdf"):
            assert_caption_next_to_code(pdf, Card.qr_size)
        elif path.endswith("-aushang.pdf"):
            assert_caption_next_to_code(pdf, Poster.qr_size)


def _page_facts(catalog, offer) -> dict[str, str]:
    html = offer_page(page_inputs(catalog), offer).html
    return {dt.text.strip(): " ".join(dt.parent.find("dd").text.split())
            for dt in parse(html).find_all("dt") if dt.parent.tag == "div"}


def _labels(pdf: bytes) -> set[str]:
    return {e.text.strip() for e in elements(pdf)[0] if e.kind == "text"}


def _words(pdf: bytes) -> str:
    return " ".join(text(pdf).replace("\ufffe", "-").replace("-\r\n", "-").split())


def test_card_and_poster_print_papers_and_dogs_in_the_offer_pages_words(sample):
    catalog, options = sample
    unknown = facts.word("unknown")
    seen = {"papers": 0, "dogs": 0, "silent": 0}
    for offer in catalog.published:
        page = _page_facts(catalog, offer)
        sheet = offer_sheet(catalog, offer, options.site_url, "de")
        for pdf in (render_card(sheet, options), render_poster(sheet, options)):
            labels, words = _labels(pdf), _words(pdf)
            for label, key in (("Papiere", "papers"), ("Hunde", "dogs")):
                if page[label] == unknown:  # the page says "ask": the flyer says nothing
                    assert label not in labels, (offer.id, label)
                    seen["silent"] += 1
                else:
                    assert label in labels, (offer.id, label)
                    assert page[label] in words, (offer.id, page[label])
                    seen[key] += 1
    assert all(seen.values()), seen


def test_nothing_is_said_twice(sample):
    catalog, options = sample
    offer = catalog.offer("schuldnerberatung-caritas")  # "nach Vereinbarung" + the same note
    sheet = offer_sheet(catalog, offer, options.site_url, "de")
    assert (sheet.hours, sheet.hours_note) == ([], "Termine nach Vereinbarung")
    for pdf in (render_card(sheet, options), render_poster(sheet, options)):
        assert _words(pdf).count("nach Vereinbarung") == 1
    assert without_repeats(["Mo 09:00–12:00 Uhr (nach Vereinbarung)"], "Nach Vereinbarung.") == (
        ["Mo 09:00–12:00 Uhr (nach Vereinbarung)"], "")
    assert without_repeats(["Di 10:00–12:00 Uhr"], "Bitte klingeln.") == (
        ["Di 10:00–12:00 Uhr"], "Bitte klingeln.")
    assert without_repeats(["Dienstag"], "Tag der offenen Tür") == (
        ["Dienstag"], "Tag der offenen Tür")  # whole words only


def test_organisation_names_are_never_broken_mid_abbreviation(sample, long_case):
    catalog, options = sample
    sheet = offer_sheet(catalog, catalog.offer("notunterkunft-mariengasse"), options.site_url,
                        "de")
    lines = {e.text.strip() for e in elements(render_card(sheet, options))[0] if e.kind == "text"}
    assert "Musterstadt e. V." in lines
    _, _, files = long_case
    printed = [e.text.strip() for path, pdf in files.items() if path.endswith(("karte.pdf",
                                                                               "aushang.pdf"))
               for e in elements(pdf)[0] if e.kind == "text"]
    assert any(line.endswith("e. V.") for line in printed)
    assert any(line.endswith("gGmbH") for line in printed)
    for line in printed:
        assert not line.endswith(" e.") and not line.startswith(("V.", "GmbH")), line
    words = " ".join(printed)
    assert CARITAS.split()[-3] in words and EVANGELISCH.split()[-1] in words


@pytest.mark.parametrize("fmt", ["a6-booklet", "a4"])
def test_badges_hold_one_to_three_digit_numbers(catalog, options, fmt):
    collections, _ = load_definitions(FIXTURE_DEFINITIONS, catalog)
    heft = next(c for c in collections if c.slug == "heft")
    heft.format = fmt
    sheets = {o.id: offer_sheet(catalog, o, SITE_URL, "de") for o in heft.offers}
    data = collection_data(catalog, heft, sheets, SITE_URL, "de")
    numbers = [7, 42, 123, 8]
    for entry, number in zip([e for s in data.sections for e in s.entries], numbers,
                             strict=False):
        entry.number = number
    pdf = CollectionFlyer(data, options).render()
    found = {}
    for page in range(len(pages_mm(pdf))):
        page_elements, _ = elements(pdf, page)
        circles = [e for e in page_elements if e.kind == "path" and e.fill and not e.stroke
                   and 4.5 < e.box[2] - e.box[0] < 12
                   and abs((e.box[2] - e.box[0]) - (e.box[3] - e.box[1])) < 0.1]
        for e in page_elements:
            if e.kind != "text" or not e.text.strip().isdigit():
                continue
            cx, cy = (e.box[0] + e.box[2]) / 2, (e.box[1] + e.box[3]) / 2
            around = [c for c in circles if c.box[0] < cx < c.box[2] and c.box[1] < cy < c.box[3]]
            if not around:
                continue  # a page number, a phone number …
            (circle,) = around
            room = (circle.box[2] - circle.box[0]) - (e.box[2] - e.box[0])
            found[int(e.text)] = (round(circle.box[2] - circle.box[0], 2), room)
            assert abs((circle.box[0] + circle.box[2]) / 2 - cx) < 0.3  # centred
    assert set(numbers) <= set(found), found
    assert len({diameter for diameter, _ in found.values()}) == 1  # one size for all
    assert min(room for _, room in found.values()) >= 1.6  # at least 0.8 mm on either side
    if fmt == "a6-booklet":
        assert found[7][0] <= 9.0  # grows for the three digits, not out of all proportion


def test_no_word_is_cut_in_the_long_case(long_case):
    """Every printed line that ends in a hyphen ends where the word has its own hyphen
    ("Wohnungsnotfallhilfe-" / "Beratungsstelle") or, for a word without one that no line
    holds, at one of its German syllables ("Wohnungslosenhilfe-" / "einrichtung"): names
    shrink a little rather than cut, and nothing is cut at just any letter."""
    import re

    from build_tools.flyers import syllables

    catalog, _, files = long_case
    location = [(o, o.location) for o in catalog.published]
    source = " ".join(" ".join(part or "" for part in (
        o.title, o.summary, loc and loc.street, loc and loc.city, catalog.provider_name(o),
        *(catalog.district_name(d) for d in o.service_area or ()))) for o, loc in location)
    compounds = {word[:i + 1] for word in re.findall(r"\S+", source)
                 for i, ch in enumerate(word) if ch == "-" and 0 < i < len(word) - 1}
    syllabic = set()  # a syllable break, on the word's first line or on a line that goes on
    for word in re.findall(r"[^\W\d_]+", source):  # with the rest of it ("richtungs-")
        cuts = syllables.breaks(word)
        syllabic |= {word[j:i] + "-" for j in [0, *cuts] for i in cuts if i > j}
    assert "Wohnungslosenhilfe-" in syllabic and "Wohnungslosenhilfeeinric-" not in syllabic
    broken = hyphenated = 0
    for path, pdf in files.items():
        for page in range(len(pages_mm(pdf))):
            for e in elements(pdf, page)[0]:
                line = e.text.strip()
                if e.kind == "text" and line.endswith("-") and " – " not in line[-3:]:
                    last = line.split()[-1]
                    assert last in compounds or last in syllabic, (path, page, line)
                    broken += last in compounds
                    hyphenated += last in syllabic and last not in compounds
    assert broken  # the long case does break compounds at their hyphens
    assert hyphenated  # and "Wohnungslosenhilfeeinrichtung" at its syllables


def _overlaps(pdf: bytes) -> list:
    """Pairs of text runs whose boxes overlap, and text runs on a QR code (page, a, b)."""
    found = []
    for page in range(len(pages_mm(pdf))):
        page_elements, _ = elements(pdf, page)
        texts = [e for e in page_elements if e.kind == "text" and e.text.strip()]
        codes = [e for e in page_elements if e.kind == "path" and e.fill
                 and 15 <= e.box[2] - e.box[0] <= 70
                 and abs((e.box[2] - e.box[0]) - (e.box[3] - e.box[1])) < 0.05]
        for i, a in enumerate(texts):
            for b in [*texts[i + 1:], *codes]:
                if (min(a.box[2], b.box[2]) - max(a.box[0], b.box[0]) > 0.2
                        and min(a.box[3], b.box[3]) - max(a.box[1], b.box[1]) > 0.2):
                    found.append((page + 1, a.text, b.text or "QR"))
    return found


def test_nothing_overlaps(sample_files, long_case):
    """No two text runs share space and no text sits on a code, on any page of any flyer of
    the sample or the long case (whose street work card once printed its phone number over
    the facts beside the code)."""
    _, _, long_files = long_case
    report = {}
    for name, files in (("sample", sample_files), ("long", long_files)):
        for path, pdf in sorted(files.items()):
            found = _overlaps(pdf)
            if found:
                report[f"{name}:{path}"] = found[:3]
    assert report == {}


def test_a_crowded_card_shortens_its_summary_before_its_facts(long_case):
    """The long case's street work card: four title lines, two of districts — the summary
    gives way to one line, every hours line stays."""
    catalog, _, files = long_case
    words = _words(files["flyers/streetwork-karte.pdf"])
    offer = catalog.offer("streetwork")
    for line in offer_sheet(catalog, offer, LONG_SITE, "de").hours:
        assert line in words
    assert "0151 22223333" in words
    assert offer.summary not in words and offer.summary.split(",")[0] in words
