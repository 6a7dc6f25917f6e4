"""The flyers' part of a site build: every card, poster and Wegweiser under ``flyers/``.

The website adapter calls :func:`contribute`; offer pages link the files that come back. PDFs
are cached by content hash in ``<cache_dir>/flyers``, so a rebuild after editing one offer
renders two PDFs, not two thousand.
"""

from __future__ import annotations

import logging
from pathlib import Path

from ..catalog import Catalog
from ..outputs import BuildContext, Contribution, GeneratedFile
from ..problems import ContentError, Problem
from .build import FlyerError, build_flyers
from .page import PrintOptions

log = logging.getLogger("mkdocs.plugins.atlas.flyers")


def definitions_dir(ctx: BuildContext) -> Path:
    """``flyers/`` beside the content folder (or ``ctx.extra['flyers_dir']``)."""
    if ctx.extra.get("flyers_dir"):
        return Path(ctx.extra["flyers_dir"])
    if ctx.extra.get("content_dir"):
        return Path(ctx.extra["content_dir"]).resolve().parent / "flyers"
    return Path("flyers")


def contribute(catalog: Catalog, ctx: BuildContext) -> Contribution:
    """Cards, posters and Wegweiser as files for the site (nothing when flyers are off)."""
    if not ctx.flyers or not catalog.config.flyers:
        return Contribution()
    if not ctx.site_url:
        log.warning("Flyer übersprungen: site_url fehlt (QR-Codes brauchen die öffentliche Adresse)")
        return Contribution()
    options = PrintOptions(
        site_url=ctx.site_url,
        lang="de",
        error_correction=catalog.config.qr_error_correction,
        atlas_name=catalog.config.name,
    )
    cache = Path(ctx.cache_dir) / "flyers" if ctx.cache_dir else None
    try:
        result = build_flyers(catalog, options, definitions_dir(ctx), cache, keep_bytes=False)
    except FlyerError as exc:
        raise ContentError([flyer_problem(catalog, str(exc))]) from None
    errors = [p for p in result.problems if p.severity == "error"]
    if errors:
        raise ContentError(errors)
    for warning in result.problems:
        log.info("Flyer: %s", warning.format_text())
    log.info("Flyer: %d erzeugt, %d aus dem Cache (%.1f s)", result.rendered, result.cached,
             result.seconds)
    files = [GeneratedFile(path, data) for path, data in result.files.items()]
    files += [GeneratedFile(path, source=str(source)) for path, source in result.sources.items()]
    return Contribution(files=sorted(files, key=lambda f: f.path))


def flyer_problem(catalog: Catalog, message: str) -> Problem:
    """A flyer failure as a problem at the offer's file when the message names an offer."""
    path = message.split(":", 1)[0]
    name = path.rsplit("/", 1)[-1].removesuffix(".pdf")
    for suffix in ("-karte", "-aushang"):
        if name.endswith(suffix):
            offer_id = name[: -len(suffix)]
            if offer_id in catalog.sources:
                return Problem(catalog.sources[offer_id], 1, 1, "", message)
    return Problem(path or "flyers", 1, 1, "", message)
