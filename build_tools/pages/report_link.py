"""„Fehler melden“ on an offer page: a prefilled e-mail, or a prefilled new issue on the content
repository's Git host when ``report_issue`` is set.

Both name the offer, its page's address, the date of the page (the build date: the editor can
tell an error fixed since from a current one) and when the offer was last checked. The words are
the templates ``report_subject.txt`` and ``report_body.txt``; this module only encodes them into
the URL shape of each host:

- GitHub and Gitea: ``<repo>/issues/new?title=…&body=…``
- GitLab: ``<repo>/-/issues/new?issue[title]=…&issue[description]=…``

Every value is percent-encoded (``quote(…, safe="")``): a ``&``, ``#`` or line break in a title
cannot end the parameter or cut the URL.
"""

from __future__ import annotations

from urllib.parse import quote

from .. import urls
from ..catalog import Catalog
from ..config import ReportIssue
from ..schema import Offer
from ..templating import Templates
from .views import german_date

ISSUE_SHAPES = {
    "github": ("/issues/new", "title", "body"),
    "gitea": ("/issues/new", "title", "body"),
    "gitlab": ("/-/issues/new", "issue[title]", "issue[description]"),
}
"""Host → (path after the repository, title parameter, body parameter)."""


def report_href(catalog: Catalog, offer: Offer, templates: Templates) -> str:
    """The link behind „Fehler melden“ (``""`` when the atlas sets neither option)."""
    config = catalog.config
    if config.report_issue is None and not config.report_email:
        return ""
    path = urls.offer_path(offer.id or "")
    context = {
        "offer": offer,
        "page": urls.absolute_url(config.site_url, path) if config.site_url else path,
        "page_date": german_date(catalog.build_date) if catalog.build_date else "",
        "verified": german_date(offer.last_verified),
    }
    subject = templates.render("report_subject.txt", **context).strip()
    body = templates.render("report_body.txt", **context).strip() + "\n"
    if config.report_issue is not None:
        return issue_url(config.report_issue, subject, body)
    return f"mailto:{config.report_email}?subject={quote(subject, safe='')}&body={quote(body, safe='')}"


def issue_url(target: ReportIssue, title: str, body: str) -> str:
    """The new-issue URL of ``target``'s host with ``title`` and ``body`` filled in."""
    tail, title_key, body_key = ISSUE_SHAPES[target.host]
    return (f"{target.repo_url}{tail}?{quote(title_key, safe='')}={quote(title, safe='')}"
            f"&{quote(body_key, safe='')}={quote(body, safe='')}")
