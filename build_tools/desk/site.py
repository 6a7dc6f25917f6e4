"""The desk's renderer family: ``/redaktion/`` and ``/redaktion/pruefliste.csv``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import urls
from ..outputs import Contribution, GeneratedFile, GeneratedPage
from ..pages.views import german_date
from .csvfile import desk_csv
from .model import desk_of

if TYPE_CHECKING:
    from ..build import Inputs, Tools

DESK_META = {"robots": "noindex, nofollow", "atlas_page": "desk", "atlas_sitemap": False,
             "hide": ["toc"]}
"""Out of search engines and the sitemap; no search record (``search`` stays None)."""


def render(inputs: Inputs, tools: Tools) -> Contribution:
    """The desk page and its CSV, unless ``editorial_desk: false``."""
    if not inputs.settings.editorial_desk:
        return Contribution()
    desk = desk_of(inputs)
    path = urls.desk_path()
    html = tools.templates.render(
        "desk.html",
        desk=desk,
        due=[row for row in desk.rows if row.due],
        missing=[row for row in desk.rows if row.missing],
        websites=[row for row in desk.rows if row.websites],
        warned=[row for row in desk.rows if row.warnings],
        date=german_date,
        offer_href=lambda offer_id: urls.relative_url(path, urls.offer_path(offer_id)),
        csv_href=urls.relative_url(path, urls.desk_csv_path()),
    )
    page = GeneratedPage(path=path, title="Redaktion: Prüfliste", html=html, meta=dict(DESK_META))
    return Contribution(pages=[page], files=[GeneratedFile(urls.desk_csv_path(), desk_csv(desk))])
