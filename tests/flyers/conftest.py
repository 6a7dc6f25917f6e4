"""Fixtures for the flyer tests: a small atlas, print options, and built flyers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from build_tools import urls
from build_tools.build import Tools, make_files
from build_tools.config import AtlasConfig, EmergencyNumber
from build_tools.content import load_catalog
from build_tools.flyers.cache import PdfCache
from build_tools.flyers.definitions import load_definitions
from build_tools.flyers.page import PrintOptions
from build_tools.flyers.plan import job_key, job_maker, plan_flyers
from build_tools.outputs import GeneratedFile
from build_tools.templating import templates_for

HERE = Path(__file__).resolve().parent
FIXTURE_CONTENT = HERE / "content"
FIXTURE_DEFINITIONS = HERE / "definitions"
SITE_URL = "https://hilfe.musterstadt.example/"
TODAY = date(2026, 11, 22)


def qr_link(offer_id: str, site_url: str = SITE_URL) -> str:
    """What every QR code of an offer encodes: its short permanent link."""
    return urls.absolute_url(site_url, urls.short_path(urls.short_code(offer_id)))


def fixture_catalog():
    config = AtlasConfig(
        name="Hilfe in Musterstadt", site_url=SITE_URL, publisher="Stadt Musterstadt",
        emergency_numbers=[EmergencyNumber(label="Notruf", number="112")],
    )
    result = load_catalog(FIXTURE_CONTENT, config, TODAY)
    assert result.catalog is not None, result.problems
    return result.catalog


@dataclass
class Made:
    """Flyers made from a plan: bytes by path, the plan's problems, cache figures."""

    files: dict[str, bytes]
    problems: list
    rendered: int
    cached: int


def make_flyers(catalog, options, definitions=None, cache_dir=None, processes=1, only=None) -> Made:
    """Plan (as the load phase does) and make (as the driver does) every flyer."""
    collections, problems = load_definitions(definitions, catalog) if definitions else ([], [])
    plan = plan_flyers(catalog, collections, options, only)
    deferred = [GeneratedFile(j.path, make=job_maker(j, options), key=job_key(j, options))
                for j in sorted(plan.jobs, key=lambda j: j.path)]
    tools = Tools(templates=templates_for(None), processes=processes,
                  pdf_cache=PdfCache(cache_dir) if cache_dir else None)
    made = make_files(deferred, tools)
    return Made({f.path: f.read() for f in made}, problems + plan.problems,
                tools.flyer_stats["rendered"], tools.flyer_stats["cached"])


@pytest.fixture(scope="module")
def catalog():
    return fixture_catalog()


@pytest.fixture(scope="module")
def options() -> PrintOptions:
    return PrintOptions(site_url=SITE_URL, atlas_name="Hilfe in Musterstadt")


@pytest.fixture(scope="module")
def built(catalog, options):
    """Every fixture flyer, German, no bleed."""
    result = make_flyers(catalog, options, FIXTURE_DEFINITIONS)
    assert not result.problems
    return result.files
