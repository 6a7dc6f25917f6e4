"""Property-based: offers with arbitrary Unicode in every text field never crash the build,
the exports or the flyers, and every page stays well-formed, inert HTML."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from build_tools import build
from build_tools.config import AtlasConfig
from build_tools.flyers.page import PrintOptions
from build_tools.flyers.plan import FlyerError, plan_flyers, render_job
from tests.buildkit import project_for, tools
from tests.corpus.harness import TODAY, make_content, working_directory

from .htmlcheck import inspect

SITE_URL = "https://atlas.example/"
# Any code point but surrogates and C0/C1 controls (those are refused by the schema, which the
# corpus proves); bidi marks, combining characters, emoji, RTL scripts and markup stay in.
unicode_text = st.text(st.characters(exclude_categories=("Cs", "Cc")), min_size=1, max_size=25)
markup = st.sampled_from(["<", ">", "&", '"', "'", "`", "{{", "}}", "{%", "</script>", "<!--",
                          "]]>", "\\", "*", "_", "[", "](", "#", "\n\n", "|", "\u200d", "\u0301"])
hostile_text = st.lists(st.one_of(unicode_text, markup), min_size=1, max_size=6).map("".join)
TEXT_FIELDS = ("title", "summary", "description", "hours_note", "alert", "costs")


@st.composite
def offers(draw) -> dict:
    offer = {field: draw(hostile_text) for field in TEXT_FIELDS}
    offer["title"] = offer["title"][:120]
    offer["summary"] = offer["summary"][:200]
    offer.update(
        category="essen",
        tags=draw(st.lists(hostile_text.map(lambda t: t[:60]), max_size=2)),
        provider={"name": draw(hostile_text)[:200]},
        location={"street": draw(hostile_text)[:300], "city": draw(hostile_text)[:300],
                  "directions": draw(hostile_text)[:300], "lat": 50.8, "lon": 6.5},
        access={"requirements": draw(hostile_text)},
        translations={
            "en": {"title": draw(hostile_text)[:120], "summary": draw(hostile_text)[:200],
                   "description": draw(hostile_text)},
            "ar": {"title": draw(hostile_text)[:120]},
        },
        last_verified="2026-10-01",
    )
    return offer


@settings(max_examples=30, deadline=30_000, suppress_health_check=[HealthCheck.too_slow])
@given(offers())
def test_arbitrary_unicode_offers_render_safely(tmp_path_factory, offer: dict) -> None:
    root = tmp_path_factory.mktemp("prop")
    content = make_content(root)
    text = yaml.safe_dump(offer, allow_unicode=True, sort_keys=False)
    (content / "offers" / "zufall.yml").write_text(text, encoding="utf-8")
    with working_directory(root):
        settings_ = AtlasConfig(site_url=SITE_URL, flyers=False)
        inputs, problems = build.inspect(project_for(Path("content"), settings_, root), TODAY)
        if inputs is None or any(p.severity == "error" for p in problems):
            # refused with problems (bidi override, too long ...): fine
            assert all(p.file and p.line >= 1 for p in problems)
            return
        contribution = build.render(inputs, tools())
        options = PrintOptions(site_url=SITE_URL, lang="de", error_correction="M", atlas_name="A")
        plan = plan_flyers(inputs.catalog, [], options, only={"zufall"})
        try:
            assert all(render_job(job, options).startswith(b"%PDF") for job in plan.jobs)
        except FlyerError as exc:  # a glyph the print font lacks: a message, not a crash
            assert "zufall" in str(exc)
    for page in contribution.pages:
        findings = inspect(page.html).findings
        assert findings == [], (page.path, findings)
    for item in contribution.files:
        if item.path.endswith((".json", ".geojson")):
            json.loads(item.data)
        elif item.path.endswith(".csv"):
            rows = list(csv.reader(io.StringIO(item.data.decode("utf-8-sig")), delimiter=";"))
            assert len({len(row) for row in rows}) == 1
