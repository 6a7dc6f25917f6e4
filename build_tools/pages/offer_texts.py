"""An offer in the words of one page language: the editor's translation, the catalogue's labels,
and German where a translation lacks a text.

An offer page exists in a language when the offer's ``translations:`` give at least a title and
a summary there (:func:`page_languages`). Any other field the translation lacks is shown in
German as a :class:`Shown` with ``lang="de"``: the template marks it (screen readers switch
voice, readers see a short note) instead of leaving a hole in the page.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from .. import urls
from ..catalog import Catalog
from ..i18n import SOURCE, Catalogue, catalogue, language_name_in
from ..languages import language_name
from ..opening_hours import describe_hours, describe_offer_hours
from ..opening_hours.texts import closed_until_text
from ..schema import Offer, Status, Wheelchair

TRANSLATED_FIELDS = ("title", "summary", "description", "hours_note", "directions", "alert")
"""The offer fields an editor may translate (``schema.Translation``)."""


@dataclass(frozen=True)
class Shown:
    """A text as a page shows it: ``lang`` is ``"de"`` where German stands in for a missing
    translation, ``""`` where the text is in the page's language."""

    text: Any = ""
    lang: str = ""

    def __bool__(self) -> bool:
        return bool(self.text)


def has_page(offer: Offer, lang: str) -> bool:
    """True when the offer's page exists in ``lang`` (German always; others need title and summary)."""
    if lang == SOURCE:
        return True
    tr = offer.translations.get(lang)
    return tr is not None and bool(tr.title and tr.summary)


def page_languages(offer: Offer, languages: list[str] | tuple[str, ...]) -> list[str]:
    """The configured languages the offer's page exists in, in the order of the settings."""
    if offer.status == Status.ended:
        return [SOURCE]  # a tombstone is German only: nothing there to translate
    return [code for code in languages if has_page(offer, code)]


def switch_links(offer: Offer, lang: str, languages: list[str], page_path: str) -> list[dict[str, Any]]:
    """The language switch: every language the page exists in, named in itself."""
    out = []
    for code in languages:
        own = catalogue(code)
        out.append({
            "code": code,
            "name": own.name,
            "dir": own.dir,
            "href": urls.relative_url(page_path, urls.offer_path(offer.id, code)),
            "current": code == lang,
        })
    return out


def alternates(offer: Offer, languages: list[str], site_url: str | None, page_path: str) -> list[dict[str, str]]:
    """``<link rel="alternate" hreflang>`` targets: absolute under ``site_url`` (what search
    engines ask for), page-relative without one; ``x-default`` is the German page."""
    def href(code: str) -> str:
        path = urls.offer_path(offer.id, code)
        return urls.absolute_url(site_url, path) if site_url else urls.relative_url(page_path, path)

    links = [{"lang": code, "href": href(code)} for code in languages]
    return [*links, {"lang": "x-default", "href": href(SOURCE)}]


class OfferWords:
    """The texts of one offer page in one language.

    German pages go through here too, with German's catalogue, so both speak with one voice.
    """

    def __init__(self, offer: Offer, lang: str, markdown: Callable[[str | None], str]) -> None:
        self.offer = offer
        self.lang = lang
        self.t: Catalogue = catalogue(lang)
        self.ui = self.t.ui
        self._markdown = markdown
        self._tr = offer.translations.get(lang) if lang != SOURCE else None

    @property
    def german(self) -> bool:
        return self.lang == SOURCE

    def field(self, name: str) -> Shown:
        """A translatable field: the translation, else the German text marked as German."""
        own = getattr(self._tr, name, None) if self._tr is not None else None
        if own:
            return Shown(own)
        german = self._german_field(name)
        return Shown(german or "", "" if self.german or not german else SOURCE)

    def _german_field(self, name: str) -> str | None:
        if name == "directions":  # the way in belongs to the place in the German file
            return self.offer.location.directions if self.offer.location else None
        return getattr(self.offer, name)

    def german_text(self, text: str | None) -> Shown:
        """A field no translation covers (costs, requirements, tags): German, marked as such."""
        return Shown(text or "", "" if self.german or not text else SOURCE)

    def description(self) -> Shown:
        shown = self.field("description")
        if not shown:
            return shown
        return Shown(Markup(self._markdown(shown.text)), shown.lang)  # noqa: S704 - sanitised

    def costs(self) -> Shown:
        if self.offer.is_free:
            return Shown(self.ui["free"])
        return self.german_text(self.offer.costs) or Shown(self.ui["ask"])

    def papers(self) -> Shown:
        access = self.offer.access
        if access.requirements:
            return self.german_text(access.requirements)
        return Shown(self.ui["anonymous"] if access.anonymous else self.ui["ask"])

    def dogs(self) -> str:
        allowed = self.offer.access.pets_allowed
        return self.ui["ask"] if allowed is None else self.ui["dogs_yes" if allowed else "dogs_no"]

    def registration(self) -> str:
        access = self.offer.access
        if access.appointment_required:
            return self.ui["appointment_only"]
        if access.registration_required:
            return self.ui["registration_needed"]
        if access.registration_required is False or access.appointment_required is False:
            return self.ui["no_registration"]
        return ""

    def wheelchair(self, value: Wheelchair) -> str:
        return self.ui[f"wheelchair_{value.value}"]

    def hours_lines(self) -> list[str]:
        """Weekly hours; besides German (whose page says season and validity in sentences of
        its own) with the season and validity lines of the hours renderer."""
        if self.german:
            return describe_hours(self.offer.opening_hours, SOURCE) if self.offer.opening_hours else []
        return [str(line) for line in describe_offer_hours(self.offer, self.lang)]

    def hours_summary(self) -> Shown:
        """The one line where the live status goes (what a page without script keeps)."""
        if self.offer.status == Status.temporarily_closed:
            if self.offer.closed_until:
                return Shown(closed_until_text(self.offer.closed_until, self.lang))
            return Shown(self.ui["temporarily_closed"])
        lines = describe_hours(self.offer.opening_hours, self.lang) if self.offer.opening_hours else []
        if lines:
            return Shown("; ".join(str(line) for line in lines))
        return self.field("hours_note") or Shown(self.ui["hours_missing"])

    def spoken(self) -> list[str]:
        """The languages spoken at the offer, named in the page's language."""
        if self.german:
            return [language_name(code) for code in self.offer.languages]
        return [language_name_in(code, self.lang) for code in self.offer.languages]

    def date(self, day: Any) -> str:
        from ..opening_hours.texts import long_date

        return long_date(day, self.lang, year=True)


def category_label(catalog: Catalog, category_id: str, lang: str) -> Shown:
    """A category's name in ``lang`` (its ``translations``, ``label_en``), else German marked
    as German."""
    cat = catalog.categories.get(category_id)
    if cat is None:
        return Shown(category_id)
    own = cat.label_in(lang)
    return Shown(own) if own else Shown(cat.label, SOURCE)


def category_need(catalog: Catalog, category_id: str, lang: str) -> Shown:
    """A category's one word for tiles and filters in ``lang``, else German marked as German."""
    cat = catalog.categories[category_id]
    own = cat.need_in(lang)
    return Shown(own) if own else Shown(cat.need, SOURCE)


def category_description(catalog: Catalog, category_id: str, lang: str) -> Shown:
    """A category's short description in ``lang``, else the German one marked as German."""
    cat = catalog.categories[category_id]
    own = cat.description_in(lang)
    if own:
        return Shown(own)
    return Shown(cat.description or "", SOURCE if cat.description and lang != SOURCE else "")


def target_group_label(catalog: Catalog, group_id: str, lang: str) -> Shown:
    """A target group's name in ``lang``, as :func:`category_label`."""
    group = catalog.target_groups[group_id]
    own = group.label_in(lang)
    return Shown(own) if own else Shown(group.label, SOURCE)


def district_label(catalog: Catalog, district_id: str, lang: str) -> Shown:
    """A district's name in ``lang``: mostly a proper name that stays German (marked as such)."""
    district = catalog.districts.get(district_id)
    if district is None:
        return Shown(district_id)
    own = district.name_in(lang)
    return Shown(own) if own else Shown(district.name, SOURCE)
