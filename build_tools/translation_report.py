"""The editors' translation report: which offers are translated, what is missing, what is older.

``atlas check`` prints it at info level — never an error, never a warning, ``--strict`` ignores
it: a missing translation is work to plan, not a mistake. Per language it counts the offers
with a translated title and summary (the ones that get a page in that language) and, among
them, those whose translation is older than the German text; per offer it names the fields
the German text has and the translation lacks.

"Older" is decided by dates the content carries: ``translations.<lang>.checked`` (when the
translation was last compared with the German text) before the offer's ``last_verified``
(when the German text was last checked). A translation without ``checked`` is counted as
translated and not judged older; the detail line says it has no date.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from .catalog import Catalog
from .i18n import SOURCE
from .problems import Problem
from .schema import Offer, Translation

FIELDS = tuple(name for name in Translation.model_fields if name != "checked")
"""The translatable texts, in the schema's order (title, summary, description, …)."""


@dataclass(frozen=True)
class Gap:
    """One offer's translation into one language, where it falls short."""

    offer_id: str
    lang: str
    missing: tuple[str, ...]
    """Fields the German text has and the translation lacks."""
    checked: date | None
    verified: date

    @property
    def stale(self) -> bool:
        """True when the German text was checked after the translation was."""
        return self.checked is not None and self.checked < self.verified


@dataclass(frozen=True)
class Count:
    """One language: offers with a translated title and summary, and how many are older."""

    lang: str
    translated: int
    total: int
    stale: int


@dataclass(frozen=True)
class TranslationReport:
    """Counts per language and every translation that lacks a field or is older."""

    counts: tuple[Count, ...]
    gaps: tuple[Gap, ...]
    untranslated: dict[str, tuple[str, ...]]
    """Offer id → the languages it has no translation block in at all."""

    def summary(self) -> str:
        """One line: ``Übersetzungen: en 31 von 49 Angeboten (4 älter als der deutsche Text), …``."""
        if not self.counts:
            return "Übersetzungen: keine Sprache außer Deutsch eingestellt"
        parts = []
        for count in self.counts:
            part = f"{count.lang} {count.translated} von {count.total} Angeboten"
            if count.stale:
                part += f" ({count.stale} älter als der deutsche Text)"
            parts.append(part)
        return "Übersetzungen: " + ", ".join(parts)

    def problems(self, sources: dict[str, str], where: Callable[[str, str], tuple[int, int]],
                 folder: str) -> list[Problem]:
        """The report as info-level findings: one per language (at ``folder``), one per
        translation that lacks fields or is older, one per offer naming the languages it has
        no translation in. ``where(offer_id, lang)`` is the ``(line, col)`` of the offer's
        ``translations.<lang>`` (or of its title when there is none)."""
        found = [Problem(folder, 1, 1, f"translations.{c.lang}",
                         f"{c.translated} von {c.total} Angeboten übersetzt"
                         + (f", {c.stale} älter als der deutsche Text" if c.stale else ""), "info")
                 for c in self.counts]
        for gap in self.gaps:
            line, col = where(gap.offer_id, gap.lang)
            found.append(Problem(sources.get(gap.offer_id, gap.offer_id), line, col,
                                 f"translations.{gap.lang}", gap_message(gap), "info"))
        for offer_id, langs in sorted(self.untranslated.items()):
            line, col = where(offer_id, "")
            found.append(Problem(sources.get(offer_id, offer_id), line, col, "translations",
                                 "keine Übersetzung auf " + ", ".join(langs), "info"))
        return found


def gap_message(gap: Gap) -> str:
    """What an editor reads about one translation."""
    said = []
    if gap.missing:
        said.append("fehlt: " + ", ".join(gap.missing))
    if gap.stale:
        said.append(f"älter als der deutsche Text (checked {gap.checked.isoformat()}, "
                    f"last_verified {gap.verified.isoformat()})")
    elif gap.checked is None:
        said.append(f"kein Prüfdatum (translations.{gap.lang}.checked): ob sie zum deutschen "
                    "Text passt, ist offen")
    return "; ".join(said)


def german_fields(offer: Offer) -> tuple[str, ...]:
    """The translatable fields the German text of the offer fills."""
    present = []
    for name in FIELDS:
        value = getattr(offer, name, None)
        if name == "directions" and offer.location is not None:
            value = offer.location.directions
        if value:
            present.append(name)
    return tuple(present)


def translation_report(catalog: Catalog, languages: list[str]) -> TranslationReport:
    """The report over the published offers, for the site's languages (German left out) and
    any other language a translation is written in."""
    offers = catalog.published
    written = {code for offer in offers for code in offer.translations}
    codes = [c for c in languages if c != SOURCE]
    codes += sorted(written - set(codes) - {SOURCE})
    counts, gaps, untranslated = [], [], {}
    for lang in codes:
        translated = stale = 0
        for offer in offers:
            tr = offer.translations.get(lang)
            if tr is None:
                untranslated.setdefault(offer.id, []).append(lang)
                continue
            missing = tuple(f for f in german_fields(offer) if not getattr(tr, f, None))
            gap = Gap(offer.id, lang, missing, tr.checked, offer.last_verified)
            if tr.title and tr.summary:
                translated += 1
                stale += gap.stale
            if gap.missing or gap.stale or gap.checked is None:
                gaps.append(gap)
        counts.append(Count(lang, translated, len(offers), stale))
    return TranslationReport(tuple(counts), tuple(gaps),
                             {k: tuple(v) for k, v in untranslated.items()})
