"""„Fehler melden“: a prefilled e-mail, or a prefilled issue on the content repository's host."""

from __future__ import annotations

from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from pydantic import ValidationError

from build_tools.config import AtlasConfig, ReportIssue
from build_tools.pages.report_link import issue_url, report_href
from build_tools.templating import templates_for

from .conftest import fixture_config


def _href(catalog, offer_id: str, **changes) -> str:
    config = fixture_config().model_copy(update=changes)
    catalog.config, saved = config, catalog.config
    try:
        return report_href(catalog, catalog.offer(offer_id), templates_for(None))
    finally:
        catalog.config = saved


def test_github_issue_url(catalog):
    target = ReportIssue(host="github", repo_url="https://github.com/stadt/atlas-inhalte/")
    href = _href(catalog, "tagestreff-mitte", report_issue=target)
    parts = urlsplit(href)
    assert f"{parts.scheme}://{parts.netloc}{parts.path}" == "https://github.com/stadt/atlas-inhalte/issues/new"
    query = parse_qs(parts.query, strict_parsing=True)
    assert sorted(query) == ["body", "title"]
    assert query["title"] == ["Fehler melden: tagestreff-mitte"]
    body = query["body"][0]
    assert "Angebot: Tagestreff Mitte (tagestreff-mitte)\n" in body
    assert "Seite: https://hilfe.test.example/angebote/tagestreff-mitte/\n" in body
    assert "Stand der Seite: 22. November 2026\n" in body
    assert "Angaben zuletzt geprüft: 1. Oktober 2026\n" in body


def test_gitlab_issue_url(catalog):
    target = ReportIssue(host="gitlab", repo_url="https://gitlab.musterstadt.de/sozialamt/inhalte")
    href = _href(catalog, "tagestreff-mitte", report_issue=target)
    parts = urlsplit(href)
    assert parts.path == "/sozialamt/inhalte/-/issues/new"
    assert parts.query.startswith("issue%5Btitle%5D=")  # issue[title], brackets encoded
    query = parse_qs(parts.query, strict_parsing=True)
    assert sorted(query) == ["issue[description]", "issue[title]"]
    assert "Seite: https://hilfe.test.example/angebote/tagestreff-mitte/" in query["issue[description]"][0]


def test_gitea_uses_githubs_shape():
    target = ReportIssue(host="gitea", repo_url="https://codeberg.org/stadt/inhalte")
    assert issue_url(target, "T", "B") == "https://codeberg.org/stadt/inhalte/issues/new?title=T&body=B"


def test_body_is_encoded_whole(catalog):
    # the Frauenhaus title holds <script>, & and quotes: none may end a parameter or the URL
    target = ReportIssue(host="github", repo_url="https://github.com/stadt/inhalte")
    title = catalog.offer("frauenhaus").title
    href = _href(catalog, "frauenhaus", report_issue=target)
    query = urlsplit(href).query
    assert not set(query) & set(" \n<>\"#")
    assert query.count("&") == 1  # only the one between title and body
    body = parse_qs(query, strict_parsing=True)["body"][0]
    assert f"Angebot: {title} (frauenhaus)" in body
    special = issue_url(target, "a&b=c#d", "Zeile 1\nZeile 2 & 3 ?x=y")
    parsed = parse_qs(urlsplit(special).query, strict_parsing=True)
    assert parsed == {"title": ["a&b=c#d"], "body": ["Zeile 1\nZeile 2 & 3 ?x=y"]}


def test_mail_stays_without_report_issue(catalog):
    href = _href(catalog, "tagestreff-mitte")
    assert href.startswith("mailto:fehler@test.example?subject=")
    assert "Stand der Seite: 22. November 2026" in unquote(href)
    assert _href(catalog, "tagestreff-mitte", report_email=None) == ""


@pytest.mark.parametrize(("value", "says"), [
    ({"host": "bitbucket", "repo_url": "https://bitbucket.org/a/b"}, "kein bekannter Git-Host"),
    ({"host": "github", "repo_url": "http://github.com/a/b"}, "https://"),
    ({"host": "github", "repo_url": "https://github.com/a"}, "Repositorys selbst"),
    ({"host": "github", "repo_url": "https://github.com/a/b/issues?x=1"}, "Repositorys selbst"),
    ({"host": "gitlab", "repo_url": "gitlab.com/a/b"}, "https://"),
])
def test_report_issue_settings_are_checked(value, says):
    with pytest.raises(ValidationError) as caught:
        AtlasConfig(report_issue=value)
    assert says in str(caught.value)
