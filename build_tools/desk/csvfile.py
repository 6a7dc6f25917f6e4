"""``/redaktion/pruefliste.csv``: one row per offer for a mail merge to providers
("Bitte prüfen Sie Ihre Angaben").

Written for German Excel, which most Sozialämter open it with: UTF-8 with a byte-order mark
(without it Excel reads „Prüfung“ as „PrÃ¼fung“), ``;`` between fields (German Excel expects
it, because ``,`` is the decimal comma) and CRLF line ends. A cell that starts with ``=``,
``+``, ``-`` or ``@`` gets a leading apostrophe: Excel would run it as a formula.
"""

from __future__ import annotations

import csv
import io

from .model import Desk, DeskRow

HEADER = (
    "id", "Titel", "Datei", "Status", "Zuletzt geprüft", "Monate seit Prüfung", "Prüfung fällig",
    "Fehlende Angaben", "Web-Adresse auffällig", "Hinweise (atlas check)", "Zuletzt geändert (Git)",
    "Träger", "E-Mail", "Telefon", "Adresse", "Seite",
)
STATUS_WORDS = {"active": "aktiv", "temporarily_closed": "vorübergehend geschlossen"}
_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def desk_csv(desk: Desk) -> bytes:
    """The CSV's bytes (BOM, ``;``, CRLF), in the desk's order: oldest check first."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(HEADER)
    for row in desk.rows:
        writer.writerow([_cell(value) for value in _values(row)])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def _values(row: DeskRow) -> list[str]:
    offer = row.offer
    return [
        offer.id or "", offer.title, row.file, STATUS_WORDS.get(offer.status.value, offer.status.value),
        offer.last_verified.isoformat(), str(row.age_months), "ja" if row.due else "nein",
        ", ".join(row.missing),
        " | ".join(f"{url}: {', '.join(odd)}" for url, odd in row.websites),
        " | ".join(f"Zeile {w.line}, {w.field}: {w.message}" for w in row.warnings),
        row.changed.day.isoformat() if row.changed else "",
        row.provider, row.email, row.phone, row.address, row.page_url,
    ]


def _cell(value: str) -> str:
    return "'" + value if value.startswith(_FORMULA) else value
