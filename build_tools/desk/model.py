"""The desk's rows: every offer that is not ended, oldest check first, with what to look at.

Everything here comes from the load phase: the review interval and its rule
(:func:`build_tools.validation.review.review_due`, the rule ``atlas check`` warns by), the
warnings ``atlas check`` gives (``Inputs.warnings``, from :func:`build_tools.build.inspect`) and
the Git history (``Inputs.history``). A confidential offer's address never appears, and its
location warnings are named by field only (their words may describe the place).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date
from pathlib import PurePath
from typing import TYPE_CHECKING

from .. import urls
from ..catalog import Catalog, is_public_location
from ..history import Change
from ..pages.views import address_lines
from ..problems import Problem
from ..schema import InlineProvider, Offer, Status
from ..validation.review import months_between, review_due
from .findings import missing_fields, website_oddities

if TYPE_CHECKING:
    from ..build import Inputs

RECENT_CHANGES = 30
"""Changes the desk lists (newest first); the CSV has each offer's newest one."""
HIDDEN_WARNING = "Hinweis zum geschützten Ort: Meldung mit atlas check ansehen"


@dataclass(frozen=True)
class Finding:
    """One ``atlas check`` warning on an offer's file, as the desk shows it."""

    line: int
    field: str
    message: str


@dataclass(frozen=True)
class DeskRow:
    """What the desk says about one offer."""

    offer: Offer
    file: str
    """The offer's file inside the content folder: ``offers/tafel.yml``."""
    age_months: int
    due: bool
    missing: tuple[str, ...]
    websites: tuple[tuple[str, tuple[str, ...]], ...]
    """(address, what is odd about it) for each odd website of the offer and its provider."""
    warnings: tuple[Finding, ...]
    changed: Change | None
    provider: str
    email: str
    phone: str
    address: str
    """The public address, or "Adresse geschützt" (confidential), or "" (no fixed place)."""
    page_url: str


@dataclass(frozen=True)
class Desk:
    """The whole desk."""

    rows: tuple[DeskRow, ...]
    recent: tuple[tuple[Change, str], ...]
    """The newest changes with the offer's title (or its id, for removed files)."""
    other_warnings: tuple[Problem, ...]
    """Warnings ``atlas check`` gives outside offer files (settings, ledger, flyers)."""
    history_note: str
    review_months: int
    today: date | None


def desk_of(inputs: Inputs) -> Desk:
    """The desk for a build's inputs."""
    catalog = inputs.catalog
    config = catalog.config
    today = catalog.build_date or date.today()  # the catalog always carries it in a build
    by_file: dict[str, list[Problem]] = {}
    for problem in inputs.warnings:
        by_file.setdefault(problem.file, []).append(problem)
    offer_files = set(catalog.sources.values())
    history = inputs.history
    newest = history.last_changed()
    stems = {PurePath(source).stem: offer_id for offer_id, source in catalog.sources.items()}
    rows = []
    for offer in catalog.offers:
        if offer.status == Status.ended:
            continue
        source = catalog.sources.get(offer.id or "", "")
        stem = PurePath(source).stem or offer.id or ""
        due = review_due(offer.last_verified, today, config)
        rows.append(DeskRow(
            offer=offer,
            file=f"offers/{PurePath(source).name}" if source else "",
            age_months=max(0, months_between(offer.last_verified, today)),
            due=due is not None,
            missing=tuple(missing_fields(offer, config)),
            websites=_odd_websites(catalog, offer, config.sample_data),
            warnings=_findings(offer, by_file.get(source, [])),
            changed=newest.get(stem),
            provider=catalog.provider_name(offer) or "",
            email=_contact(catalog, offer, "email"),
            phone=_contact(catalog, offer, "phone"),
            address=_address(offer),
            page_url=_page_url(config.site_url, offer.id or ""),
        ))
    rows.sort(key=lambda r: (r.offer.last_verified, r.offer.id or ""))
    titles = {offer.id: offer.title for offer in catalog.offers}
    recent = tuple((c, titles.get(stems.get(c.offer_id, c.offer_id), c.offer_id))
                   for c in history.changes[:RECENT_CHANGES])
    others = tuple(p for p in inputs.warnings if p.file not in offer_files)
    return Desk(rows=tuple(rows), recent=recent,
                other_warnings=tuple(_relative(p, inputs.project.root) for p in others),
                history_note=history.note, review_months=config.review_months, today=catalog.build_date)


def _findings(offer: Offer, problems: list[Problem]) -> tuple[Finding, ...]:
    hidden = offer.location is not None and offer.location.confidential
    return tuple(
        Finding(p.line, p.field, HIDDEN_WARNING if hidden and p.field.startswith("location") else p.message)
        for p in sorted(problems, key=lambda p: (p.line, p.col, p.field))
    )


def _odd_websites(catalog: Catalog, offer: Offer, sample: bool) -> tuple[tuple[str, tuple[str, ...]], ...]:
    org = catalog.provider_organization(offer)
    provider_site = org.website if org else getattr(offer.provider, "website", None)
    found = []
    for url in dict.fromkeys(u for u in (offer.contact.website, provider_site) if u):
        odd = website_oddities(url, sample)
        if odd:
            found.append((url, tuple(odd)))
    return tuple(found)


def _contact(catalog: Catalog, offer: Offer, kind: str) -> str:
    """The provider's e-mail or phone (whom a mail merge writes to), else the offer's own."""
    org = catalog.provider_organization(offer)
    holder = org if org else offer.provider if isinstance(offer.provider, InlineProvider) else None
    value = getattr(holder, kind, None) if holder is not None else None
    if value:
        return str(value)
    if kind == "email":
        return offer.contact.email or ""
    return offer.contact.phone[0] if offer.contact.phone else ""


def _address(offer: Offer) -> str:
    if offer.location is None:
        return ""
    if not is_public_location(offer):
        return "Adresse geschützt"
    return ", ".join(address_lines(offer))


def _page_url(site_url: str | None, offer_id: str) -> str:
    path = urls.offer_path(offer_id)
    return urls.absolute_url(site_url, path) if site_url else "/" + path


def _relative(problem: Problem, root: PurePath) -> Problem:
    """The problem with its file named from the project folder (not from where atlas ran)."""
    if not problem.file:
        return problem
    try:
        shown = os.path.relpath(os.path.abspath(problem.file), root)
    except ValueError:
        return problem
    return Problem(shown, problem.line, problem.col, problem.field, problem.message, problem.severity)
