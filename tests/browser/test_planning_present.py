"""Planning pages a planner can present, in Debian's Chromium on the built sample: full width
on a laptop, the district column and the header row stay while a wide table scrolls, the
scrolling box is a named region the keyboard can scroll, district names sit inside their
districts on the choropleths without overlapping."""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

COVERAGE = "planung/versorgung/"

# Left edges of the first and of the fourth cell of the first body row, relative to the box.
_EDGES = """wrap => {
  const row = wrap.querySelector('tbody tr');
  const left = wrap.getBoundingClientRect().left;
  return [row.children[0].getBoundingClientRect().left - left,
          row.children[3].getBoundingClientRect().left - left];
}"""


def _open(browser, site_url, width, height):
    page = browser.new_page(viewport={"width": width, "height": height}, locale="de-DE")
    page.goto(site_url + COVERAGE, wait_until="load")
    return page


def test_tables_use_the_width_of_a_laptop_screen(browser, site_url):
    page = _open(browser, site_url, 1280, 800)
    width = page.locator(".atlas-table-wrap").first.evaluate("e => e.getBoundingClientRect().width")
    page.close()
    assert width > 900, f"Tabelle nur {width:.0f} px breit auf 1.280 px (vorher 720)"


@pytest.mark.parametrize("width,height", [(1280, 800), (360, 740)])
def test_the_district_column_stays_while_the_table_scrolls(browser, site_url, width, height):
    page = _open(browser, site_url, width, height)
    wrap = page.locator(".atlas-table-wrap").first
    wrap.scroll_into_view_if_needed()
    before = wrap.evaluate(_EDGES)
    scrolled = wrap.evaluate("e => { e.scrollLeft = 300; return e.scrollLeft; }")
    after = wrap.evaluate(_EDGES)
    page.close()
    assert scrolled > 100, "the coverage table should be wider than its box here"
    assert abs(after[0] - before[0]) < 1.5 and abs(after[0]) < 3  # the district name stays
    assert after[1] < before[1] - 100                                 # the figures moved


def test_the_header_row_stays_while_a_long_table_scrolls(browser, site_url):
    page = _open(browser, site_url, 1280, 800)
    wrap = page.locator(".atlas-table-wrap").first
    # The sample has six districts; a city's 400 rows scroll inside the box (max-height):
    # make the box short to see that the header row stays on top.
    offset = wrap.evaluate("""e => {
      e.style.maxHeight = '160px';
      e.scrollTop = 120;
      const head = e.querySelector('thead th:nth-child(3)');
      return [e.scrollTop, head.getBoundingClientRect().top - e.getBoundingClientRect().top];
    }""")
    page.close()
    assert offset[0] > 50
    assert abs(offset[1]) < 3


def test_the_scrolling_box_is_a_named_region_the_keyboard_scrolls(browser, site_url):
    page = _open(browser, site_url, 360, 740)
    wrap = page.locator(".atlas-table-wrap").first
    heading = wrap.get_attribute("aria-labelledby")
    assert wrap.get_attribute("role") == "region" and wrap.get_attribute("tabindex") == "0"
    assert page.locator(f"[id='{heading}']").inner_text().strip()
    wrap.focus()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    page.wait_for_timeout(300)
    scrolled = wrap.evaluate("e => e.scrollLeft")
    page.close()
    assert scrolled > 0


def test_district_names_inside_their_districts_without_overlap(browser, site_url):
    page = _open(browser, site_url, 1280, 800)
    found = page.evaluate("""() => [...document.querySelectorAll('svg.atlas-choropleth')].map(svg => {
      const paths = [...svg.querySelectorAll('path')].filter(p => p.querySelector('title'));
      return [...svg.querySelectorAll('text.atlas-district-label')].map(t => {
        const b = t.getBBox();
        const point = svg.createSVGPoint();
        point.x = b.x + b.width / 2; point.y = b.y + b.height / 2;
        const home = paths.find(p => p.querySelector('title').textContent.startsWith(t.textContent + ':'));
        return {name: t.textContent, box: [b.x, b.y, b.x + b.width, b.y + b.height],
                inside: !!home && home.isPointInFill(point)};
      });
    })""")
    districts = page.locator("table").first.locator("tbody th").all_inner_texts()
    page.close()
    assert found and all(found), "every category map carries district names"
    for labels in found:
        assert {label["name"] for label in labels} == {d.strip() for d in districts}
        assert all(label["inside"] for label in labels), labels
        boxes = [label["box"] for label in labels]
        for i, a in enumerate(boxes):
            for b in boxes[i + 1:]:
                assert not (a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]), (a, b)
