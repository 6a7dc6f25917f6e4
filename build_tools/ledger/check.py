"""Does every printed URL still lead somewhere? Checked by ``atlas check`` and by every build.

Both addresses of a ledger line are proven: the readable URL printed as text and the short link
its QR code encodes (``…/q/<code>/``, see :mod:`.short`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from .. import urls
from ..catalog import Catalog
from ..problems import Problem
from ..urls import parse_path, site_path_of
from .short import ShortTarget, short_targets
from .store import LedgerEntry


def check_ledger(catalog: Catalog, entries: Iterable[LedgerEntry], shown: str,
                 unusable: frozenset[str] = frozenset()) -> list[Problem]:
    """One error per recorded line that the current content would no longer serve.

    Hand-written pages (``document``) are left to the link checker of the built site. Lines of
    offers in ``unusable`` (their file exists but has errors of its own) are not judged: the
    file's own errors are reported, and a printed URL is not gone because of a typo.
    """
    problems: list[Problem] = []
    aliases = {alias: o.id for o in catalog.offers for alias in o.aliases}
    codes = short_targets(catalog)
    site_url = catalog.config.site_url
    elsewhere = []
    for entry in entries:
        where = f"{entry.url} (gedruckt am {entry.printed.isoformat()} auf {entry.flyer})"
        before = len(problems)

        def fail(message: str, _entry=entry) -> None:
            problems.append(Problem(shown, _entry.line, 1, "url", message))

        path = site_path_of(site_url, entry.url)
        qr_path = site_path_of(site_url, entry.qr) if entry.qr else ""
        if path is None or qr_path is None:
            elsewhere.append(entry)
            continue
        kind, ident = parse_path(path)
        if kind == "offer" and ident in unusable:
            continue
        if kind == "offer":
            if catalog.has_offer(ident):
                offer = catalog.offer(ident)
                if (entry.category and entry.title and offer.category != entry.category
                        and offer.title != entry.title):
                    fail(f"{where}: die id {ident!r} gehörte zu „{entry.title}“ ({entry.category}) und "
                         f"wird jetzt für ein anderes Angebot („{offer.title}“) verwendet. Eine gedruckte id "
                         "darf nie wiederverwendet werden: dem neuen Angebot eine neue id geben.")
            elif ident not in aliases:
                fail(f"{where} führt ins Leere: das Angebot {ident!r} gibt es nicht mehr. Datei "
                     f"wiederherstellen und status: ended setzen, oder beim neuen Angebot "
                     f"aliases: [{ident}] eintragen.")
        elif kind == "category" and ident not in catalog.categories:
            fail(f"{where} führt ins Leere: die Kategorie {ident!r} fehlt in content/categories.yml. "
                 "Kategorie wieder aufnehmen.")
        elif kind == "district" and ident not in catalog.districts:
            fail(f"{where} führt ins Leere: der Sozialraum {ident!r} fehlt in content/districts.geojson. "
                 "Sozialraum wieder aufnehmen.")
        if entry.qr and len(problems) == before:  # one problem per line
            owner = aliases.get(ident, ident) if kind == "offer" else None
            _check_short(entry, qr_path, ident if kind == "offer" else None, owner, codes, fail)
    if elsewhere:
        # One message, not one per line: a changed site_url is one decision.
        first = elsewhere[0]
        problems.append(Problem(
            shown, first.line, 1, "url",
            f"{len(elsewhere)} gedruckte Adressen liegen nicht unter site_url {site_url!r} "
            f"(zuerst {first.url}, gedruckt am {first.printed.isoformat()} auf {first.flyer}): "
            "site_url wurde geändert? Gedruckte Adressen müssen erreichbar bleiben — auf dem alten "
            "Server weiterleiten und site_url zurücksetzen.",
        ))
    return problems


def _check_short(entry: LedgerEntry, path: str, printed_id: str | None, owner: str | None,
                 codes: dict[str, ShortTarget], fail: Callable[[str], None]) -> None:
    """The QR code's short link of a line resolves, and to the offer its readable URL names."""
    where = f"{entry.qr} (QR-Code, gedruckt am {entry.printed.isoformat()} auf {entry.flyer})"
    kind, code = parse_path(path)
    if kind != "short":
        fail(f"{where}: in der Spalte QR-Code steht kein Kurzlink …/q/<code>/ (sieben Zeichen). "
             "Die Zeile so wiederherstellen, wie atlas flyers --record sie geschrieben hat.")
        return
    target = codes.get(code)
    if target is None:
        belonged = printed_id if printed_id and urls.short_code(printed_id) == code else None
        if belonged:
            fail(f"{where} führt ins Leere: der Kurzlink gehörte zum Angebot {belonged!r}, das es "
                 f"nicht mehr gibt. Datei wiederherstellen und status: ended setzen, oder beim "
                 f"neuen Angebot aliases: [{belonged}] eintragen.")
        else:
            fail(f"{where} führt ins Leere: kein Angebot und kein alter Name (aliases:) ergibt den "
                 f"Code {code!r} (laut Zeile gehörte er zu {entry.url}). Die Zeile so "
                 "wiederherstellen, wie atlas flyers --record sie geschrieben hat, oder die alte id "
                 "beim Angebot unter aliases: eintragen.")
    elif owner is not None and target.offer_id != owner:
        fail(f"{where} führt zu {target.offer_id!r}, die gedruckte Adresse {entry.url} aber zu "
             f"{owner!r}: der Code gehört zu {target.name!r}. Die Zeile so wiederherstellen, wie "
             "atlas flyers --record sie geschrieben hat.")
