"""Build every flyer of a catalog: cards, posters and Wegweiser, cached and in parallel.

The parent process turns the catalog into plain jobs (facts + options), looks each job's
content hash up in the cache, and renders only the misses — on all cores, with ``fork`` workers
that inherit the registered fonts. Results come back in a fixed order, so output never depends
on scheduling.
"""

from __future__ import annotations

import multiprocessing
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import urls
from ..catalog import Catalog
from ..problems import Problem
from .cache import PdfCache, cache_key
from .card import render_card
from .collection import collection_data, render_collection
from .definitions import load_definitions
from .fonts import FontProblem
from .page import PrintOptions
from .poster import render_poster
from .qr import QrTooSmall
from .texts import OfferSheet, offer_sheet

RENDERERS = {"karte": render_card, "aushang": render_poster, "wegweiser": render_collection}
PARALLEL_FROM = 24
"""Fewer misses than this render in-process (a pool costs more than it saves)."""


class FlyerError(Exception):
    """A flyer cannot be printed as laid out (QR too small, glyph missing, ...)."""


@dataclass
class Job:
    """One PDF to make."""

    path: str
    kind: str
    payload: Any
    key: str = ""


@dataclass
class FlyerBuild:
    """What a flyer build produced."""

    files: dict[str, bytes] = field(default_factory=dict)
    sources: dict[str, Path] = field(default_factory=dict)
    """With ``keep_bytes=False``: flyer path → its PDF in the cache (instead of bytes in ``files``)."""
    problems: list[Problem] = field(default_factory=list)
    printed: dict[str, list[tuple[str, str, str]]] = field(default_factory=dict)
    """Flyer path → the URLs it prints as QR codes, each as (url, category id, title)."""
    rendered: int = 0
    cached: int = 0
    seconds: float = 0.0
    processes: int = 1


_OPTIONS: PrintOptions | None = None


def _render(job: Job) -> bytes:
    try:
        return RENDERERS[job.kind](job.payload, _OPTIONS)
    except (QrTooSmall, FontProblem, ValueError) as exc:
        raise FlyerError(f"{job.path}: {exc}") from None


def _render_with(args: tuple[Job, PrintOptions]) -> bytes:
    global _OPTIONS
    _OPTIONS = args[1]
    return _render(args[0])


def offer_jobs(catalog: Catalog, options: PrintOptions, only: set[str] | None = None
               ) -> tuple[list[Job], dict[str, OfferSheet]]:
    """Card and poster jobs for every published offer (or the ``only`` ids)."""
    jobs: list[Job] = []
    sheets: dict[str, OfferSheet] = {}
    for offer in catalog.published:
        sheet = offer_sheet(catalog, offer, options.site_url, options.lang)
        sheets[offer.id] = sheet
        if only and offer.id not in only:
            continue
        for kind in ("karte", "aushang"):
            jobs.append(Job(urls.flyer_path(offer.id, kind), kind, sheet))
    return jobs, sheets


def collection_jobs(catalog: Catalog, options: PrintOptions, definitions: Path,
                    sheets: dict[str, OfferSheet]) -> tuple[list[Job], list[Problem]]:
    """Wegweiser jobs from ``definitions/*.yml`` (each in its own language)."""
    collections, problems = load_definitions(definitions, catalog)
    jobs = []
    for coll in collections:
        lang = coll.language if options.lang == "de" else options.lang
        local = sheets
        if lang != options.lang:
            local = {o.id: offer_sheet(catalog, o, options.site_url, lang) for o in coll.offers}
        data = collection_data(catalog, coll, local, options.site_url, lang)
        jobs.append(Job(urls.collection_flyer_path(coll.slug), "wegweiser", data))
    return jobs, problems


def build_flyers(catalog: Catalog, options: PrintOptions, definitions: Path | None = None,
                 cache_dir: str | Path | None = None, processes: int | None = None,
                 only: set[str] | None = None, keep_bytes: bool = True) -> FlyerBuild:
    """Make every flyer; problems in definitions come back as :class:`Problem` values.

    ``keep_bytes=False`` leaves PDFs that are in the cache on disk (``result.sources``): a site
    build copies them, and memory stays flat however many flyers there are.

    Raises :class:`FlyerError` when a flyer cannot be printed (e.g. a QR code below 0.5 mm)
    and :class:`~build_tools.urls.MissingSiteUrl` without a site_url.
    """
    start = time.perf_counter()
    result = FlyerBuild()
    jobs, sheets = offer_jobs(catalog, options, only)
    result.problems += glyph_warnings(catalog, sheets)
    if definitions is not None and not only:
        more, problems = collection_jobs(catalog, options, definitions, sheets)
        result.problems += problems
        if any(p.severity == "error" for p in problems):
            return result
        jobs += more
    cache = PdfCache(cache_dir)
    misses: list[Job] = []
    result.printed = {job.path: printed_urls(job) for job in sorted(jobs, key=lambda j: j.path)}
    for job in jobs:
        job.key = cache_key(job.kind, job.payload, options)
        cached_path = None if keep_bytes else cache.path_of(job.key)
        if cached_path is not None:
            result.sources[job.path] = cached_path
            result.cached += 1
            continue
        data = cache.get(job.key) if keep_bytes else None
        if data is None:
            misses.append(job)
        else:
            result.files[job.path] = data
            result.cached += 1
    processes = processes or min(os.cpu_count() or 1, 8)
    if len(misses) < PARALLEL_FROM:
        processes = 1
    result.processes = processes
    for job, data in zip(misses, _run(misses, options, processes), strict=True):
        stored = cache.put(job.key, data)
        if stored is not None and not keep_bytes:
            result.sources[job.path] = stored
        else:
            result.files[job.path] = data
        result.rendered += 1
    result.files = {path: result.files[path] for path in sorted(result.files)}
    result.sources = {path: result.sources[path] for path in sorted(result.sources)}
    result.seconds = time.perf_counter() - start
    return result


_PRINTED_FIELDS = ("title", "summary", "hours_note", "provider", "costs", "alert", "area")


def glyph_warnings(catalog: Catalog, sheets: dict[str, OfferSheet]) -> list[Problem]:
    """A warning per offer field with characters the flyer fonts cannot print (shown as ``?``)."""
    from .fonts import BOLD, REGULAR, missing_glyphs

    found = []
    for offer_id, sheet in sorted(sheets.items()):
        fields = [(name, getattr(sheet, name, "") or "") for name in _PRINTED_FIELDS]
        fields += [("address", " ".join(sheet.address)), ("hours", " ".join(sheet.hours))]
        for name, text in fields:
            missing = "".join(sorted(set(missing_glyphs(text, REGULAR)) | set(missing_glyphs(text, BOLD))))
            if missing:
                codes = ", ".join(f"U+{ord(ch):04X}" for ch in missing)
                found.append(Problem(
                    catalog.sources.get(offer_id, offer_id), 1, 1, name,
                    f"{missing!r} ({codes}) kann auf Flyern nicht gedruckt werden und erscheint als „?“",
                    "warning",
                ))
    return found


def printed_urls(job: Job) -> list[tuple[str, str, str]]:
    """The URLs a flyer prints (for the ledger of printed URLs): (url, category id, title)."""
    payload = job.payload
    if isinstance(payload, OfferSheet):
        return [(payload.url, payload.category, payload.title)]
    found = [(payload.url, "", payload.title)]
    if payload.offer_codes:
        found += [(e.sheet.url, e.sheet.category, e.sheet.title) for s in payload.sections for e in s.entries]
    return found


def _run(jobs: list[Job], options: PrintOptions, processes: int) -> list[bytes]:
    global _OPTIONS
    if processes <= 1:
        _OPTIONS = options
        return [_render(job) for job in jobs]
    try:
        context = multiprocessing.get_context("fork")
    except ValueError:  # no fork (Windows, macOS default): spawn and send the options
        context = multiprocessing.get_context()
        with context.Pool(processes) as pool:
            return pool.map(_render_with, [(j, options) for j in jobs], chunksize=8)
    _OPTIONS = options  # inherited by the forked workers
    chunk = max(1, min(32, len(jobs) // (processes * 4)))
    with context.Pool(processes) as pool:
        return pool.map(_render, jobs, chunksize=chunk)
