"""Which flyers a catalog gets, with everything they print — decided before any PDF is drawn.

The load phase (:func:`build_tools.build.load`) makes the plan, so ``atlas check`` and a build
judge the same facts: every job's printed data, the URLs that go to print, glyphs the fonts
lack and QR codes that would print too small — every flyer format, from the same
``qr_boxes()`` the renderers draw, one problem per flyer, every flyer in one run.
The render phase turns each job into PDF bytes with :func:`render_job`; the driver runs the
jobs through the PDF cache and on all cores.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING, Any

from .. import urls
from ..catalog import Catalog
from ..memo import FORGETFUL, Memory
from ..problems import Problem
from .cache import cache_key
from .card import Card, render_card
from .collection import CollectionFlyer, render_collection
from .collection_data import collection_data
from .definitions import Collection
from .fonts import BOLD, REGULAR, FontProblem, missing_glyphs
from .page import PrintOptions
from .poster import Poster, render_poster
from .qr import QrBox, QrTooSmall, capacity, too_small
from .texts import OfferSheet, bilingual_sheet, has_translation, offer_sheet

if TYPE_CHECKING:
    from ..planning.travel.network import TownStreets

KINDS = ("karte", "aushang")
RENDERERS = {"karte": render_card, "aushang": render_poster, "wegweiser": render_collection}
LAYOUTS = {"karte": Card, "aushang": Poster, "wegweiser": CollectionFlyer}
"""The layout class of each kind: ``LAYOUTS[kind](payload, options).qr_boxes()``."""


class FlyerError(Exception):
    """A flyer cannot be drawn as laid out (a glyph or font missing at drawing time)."""


@dataclass(frozen=True)
class Job:
    """One PDF to make: its site path, its kind and the facts it prints."""

    path: str
    kind: str
    payload: Any

    def printed(self) -> list[Printed]:
        """The addresses this flyer prints (for the ledger)."""
        payload = self.payload
        if isinstance(payload, OfferSheet):
            return [Printed(payload.url, payload.qr_url, payload.category, payload.title)]
        found = [Printed(payload.url, "", "", payload.title)]
        if payload.offer_codes:
            found += [Printed(e.sheet.url, e.sheet.qr_url, e.sheet.category, e.sheet.title)
                      for s in payload.sections for e in s.entries]
        return found


@dataclass(frozen=True)
class Printed:
    """One address a flyer prints: the readable URL, and what its QR code encodes."""

    url: str
    qr: str
    """The short link the code carries; empty when the code carries ``url`` itself."""
    category: str
    title: str


@dataclass
class FlyerPlan:
    """Every flyer of a build and what was found wrong with them."""

    options: PrintOptions
    jobs: list[Job] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def paths(self) -> frozenset[str]:
        """Site paths of every flyer (offer pages link exactly these)."""
        return frozenset(job.path for job in self.jobs)

    @property
    def printed(self) -> dict[str, list[Printed]]:
        """Flyer path → the addresses it prints, in path order."""
        return {job.path: job.printed() for job in sorted(self.jobs, key=lambda j: j.path)}


def plan_flyers(catalog: Catalog, collections: list[Collection], options: PrintOptions,
                only: set[str] | None = None, memory: Memory = FORGETFUL,
                streets: TownStreets | None = None, bilingual: str | None = None) -> FlyerPlan:
    """Cards and posters for every published offer (or the ``only`` ids), then the Wegweiser
    (its town map with ``streets`` from the town's OSM extract, when there is one).

    Bilingual cards and posters come on top: for the offers a definition's ``bilingual``
    chooses, and with ``bilingual`` (``atlas flyers --language uk``) for every offer — each
    where the offer has a title and summary in that language (else a warning: German only).
    """
    plan = FlyerPlan(options)
    sheets: dict[str, OfferSheet] = {}
    seconds = _second_languages(collections, bilingual)
    for offer in catalog.published:
        sheet = offer_sheet(catalog, offer, options.site_url, options.lang)
        sheets[offer.id] = sheet
        if only and offer.id not in only:
            continue
        plan.jobs += [Job(urls.flyer_path(offer.id, kind), kind, sheet) for kind in KINDS]
        for lang in sorted(seconds.get(offer.id, set()) | ({bilingual} if bilingual else set())):
            if not has_translation(offer, lang):
                if lang == bilingual:
                    plan.problems.append(_untranslated(catalog, offer.id, lang))
                continue  # a definition's own warning names it (definitions.untranslated)
            both = bilingual_sheet(catalog, offer, options.site_url, lang)
            plan.jobs += [Job(urls.flyer_path(offer.id, kind, lang), kind, both)
                          for kind in KINDS]
    plan.problems += glyph_warnings(catalog, sheets, memory)
    if not only:
        for coll in collections:
            lang = coll.language if options.lang == "de" else options.lang
            local = sheets
            if lang != options.lang:
                local = {o.id: offer_sheet(catalog, o, options.site_url, lang) for o in coll.offers}
            data = collection_data(catalog, coll, local, options.site_url, lang, streets)
            plan.jobs.append(Job(urls.collection_flyer_path(coll.slug), "wegweiser", data))
    plan.problems += qr_problems(catalog, plan.jobs, options)
    return plan


def _second_languages(collections: list[Collection], bilingual: str | None
                      ) -> dict[str, set[str]]:
    """Offer id → the second languages its definitions ask cards and posters in."""
    found: dict[str, set[str]] = {}
    for coll in collections:
        if coll.bilingual and coll.bilingual != bilingual:
            for offer in coll.offers:
                found.setdefault(offer.id, set()).add(coll.bilingual)
    return found


def _untranslated(catalog: Catalog, offer_id: str, lang: str) -> Problem:
    return Problem(catalog.sources.get(offer_id, offer_id), 1, 1, f"translations.{lang}",
                   f"keine Übersetzung auf {lang} (title und summary): Handzettel und Aushang "
                   "nur auf Deutsch", "warning")


def qr_problems(catalog: Catalog, jobs: list[Job], options: PrintOptions) -> list[Problem]:
    """One error per flyer whose QR codes would print below the minimum module size.

    The boxes are the layout's own (``qr_boxes()``), the ones its renderer draws; a problem
    names every box of the flyer that is too small and the longest site_url that would print.
    """
    found = []
    for job in jobs:
        boxes = LAYOUTS[job.kind](job.payload, options).qr_boxes()
        failing = too_small(boxes, options.error_correction)
        if failing:
            found.append(_problem_at(catalog, job, _qr_message(failing, options)))
    return found


def _qr_message(failing: list[tuple[QrBox, QrTooSmall]], options: PrintOptions) -> str:
    box, exc = failing[0]
    base = options.site_url.rstrip("/") + "/"
    path = len(box.url) - len(base) if box.url.startswith(base) else 0
    longest = capacity(box.size_mm, options.error_correction) - path
    lower = "" if options.error_correction == "L" else (
        " oder in mkdocs.yml unter atlas: flyers: qr_error_correction: L wählen")
    message = (f"{exc.args[0]} Für diesen Code darf site_url höchstens {max(longest, 0)} Zeichen "
               f"lang sein (jetzt {len(base)}): eine kürzere site_url setzen{lower}.")
    if len(failing) > 1:
        message += " Ebenso zu klein: " + ", ".join(b.where for b, _ in failing[1:]) + "."
    return message


def _problem_at(catalog: Catalog, job: Job, message: str) -> Problem:
    payload = job.payload
    if isinstance(payload, OfferSheet) and payload.id in catalog.sources:
        return Problem(catalog.sources[payload.id], 1, 1, "flyer", message)
    return Problem(getattr(payload, "source", "") or job.path, 1, 1, "flyer", message)


_PRINTED_FIELDS = ("title", "summary", "hours_note", "provider", "costs", "alert", "area")


def glyph_warnings(catalog: Catalog, sheets: dict[str, OfferSheet], memory: Memory = FORGETFUL
                   ) -> list[Problem]:
    """A warning per offer field with characters the flyer fonts cannot print (shown as ``?``)."""

    def missing(text: str, font: str) -> str:
        return memory.recall("glyphs", (text, font), lambda: missing_glyphs(text, font))

    found = []
    for offer_id, sheet in sorted(sheets.items()):
        fields = [(name, getattr(sheet, name, "") or "") for name in _PRINTED_FIELDS]
        fields += [("address", " ".join(sheet.address)), ("hours", " ".join(sheet.hours))]
        everything = " ".join(text for _, text in fields)
        if not (missing(everything, REGULAR) or missing(everything, BOLD)):
            continue  # the usual case, one look at all fields; field by field only to tell which
        for name, text in fields:
            absent = "".join(sorted(set(missing(text, REGULAR)) | set(missing(text, BOLD))))
            if absent:
                codes = ", ".join(f"U+{ord(ch):04X}" for ch in absent)
                found.append(Problem(
                    catalog.sources.get(offer_id, offer_id), 1, 1, name,
                    f"{absent!r} ({codes}) kann auf Flyern nicht gedruckt werden und erscheint als „?“",
                    "warning",
                ))
    return found


def render_job(job: Job, options: PrintOptions) -> bytes:
    """The PDF of one job (raises :class:`FlyerError` when it cannot be drawn)."""
    try:
        return RENDERERS[job.kind](job.payload, options)
    except (QrTooSmall, FontProblem, ValueError) as exc:
        raise FlyerError(f"{job.path}: {exc}") from None


def job_key(job: Job, options: PrintOptions) -> str:
    """The content hash of a job's PDF (the PDF cache's key)."""
    return cache_key(job.kind, job.payload, options)


def job_maker(job: Job, options: PrintOptions) -> partial[bytes]:
    """A picklable ``make()`` for the job's :class:`~build_tools.outputs.GeneratedFile`."""
    return partial(render_job, job, options)
