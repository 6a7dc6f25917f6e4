"""E-mail and website rules: one rule for http://, internationalised names, named mistakes."""

from __future__ import annotations

import pytest

from build_tools.validation.web import check_email, check_url

OFFER = "title: X\nsummary: x\ncategory: essen\nservice_area: [mitte]\nlast_verified: 2026-10-01\n"


@pytest.mark.parametrize("url", [
    "https://www.höntroper-töpfermarkt.de/",
    "https://example.org",
    "https://example.org:8443/pfad?x=1#teil",
    "http://verein.example.de/",
    "https://xn--hntroper-tpfermarkt-c2bh.de/",
])
def test_websites_accepted(url):
    assert check_url(url) == url


@pytest.mark.parametrize("url, message", [
    ("https://diakonie musterstadt.de", "Leerzeichen im Namen 'diakonie musterstadt.de'"),
    ("www.example.org", "https:// davor schreiben, z. B. \"https://www.example.org\""),
    ("javascript:alert(1)", "nur Adressen mit https:// (oder http://) sind erlaubt"),
    ("ftp://example.org", "nur Adressen mit https:// (oder http://) sind erlaubt"),
    ("mailto:info@example.org", "ist eine E-Mail-Adresse: sie gehört in email"),
    ("https://stadt.example@evil.example/", "„name@“ vor dem Namen sind nicht erlaubt"),
    ("https://example.org/a b", "ein Leerzeichen gehört nicht hinein"),
    ("https://example", "hat keine Endung wie .de oder .org"),
    ("HTTPS://example.org", "klein schreiben"),
])
def test_websites_refused(url, message):
    with pytest.raises(ValueError) as exc:
        check_url(url)
    assert message in str(exc.value)


@pytest.mark.parametrize("address", ["info@example.org", "x@höntroper-töpfermarkt.de",
                                     "vorname.nachname+tafel@sub.example.de"])
def test_emails_accepted(address):
    assert check_email(address) == address


@pytest.mark.parametrize("address, message", [
    ("mailto:x@y.de", "'mailto:x@y.de': ohne „mailto:“ schreiben, nur die Adresse (z. B. x@y.de)"),
    ("info(at)example.org", "„(at)“ durch @ ersetzen"),
    ("a@b@c.de", "genau ein @"),
    ("x@y", "hat keine Endung"),
    ("x y@example.org", "vor dem @ nur ein Name ohne Leerzeichen"),
])
def test_emails_refused(address, message):
    with pytest.raises(ValueError) as exc:
        check_email(address)
    assert message in str(exc.value)


def test_http_warns_and_says_so(content):
    content.offer("x", OFFER + "contact: {website: \"http://verein.example.de\"}\n")
    assert content.lines() == [
        "content/offers/x.yml:6:20: warning: contact.website: unverschlüsselte Adresse (http://): "
        "wenn die Seite auch mit https:// erreichbar ist, https:// schreiben"
    ]


@pytest.mark.parametrize("value, ending, meant", [
    ("info@tafel.con", "con", "com"), ("info@tafel.dee", "dee", "de"),
    ("info@tafel.dr", "dr", "de"),
])
def test_likely_tld_typos_warn(content, value, ending, meant):
    content.offer("x", OFFER + f"contact: {{email: {value}}}\n")
    assert content.lines() == [
        f"content/offers/x.yml:6:18: warning: contact.email: die Endung „.{ending}“ in "
        f"'{value}' sieht nach einem Tippfehler aus: „.{meant}“?"
    ]


def test_mailto_reaches_the_file(content):
    content.offer("x", OFFER + "contact: {email: \"mailto:x@y.de\"}\n")
    assert content.lines() == [
        "content/offers/x.yml:6:18: error: contact.email: 'mailto:x@y.de': ohne „mailto:“ "
        "schreiben, nur die Adresse (z. B. x@y.de); der Link entsteht von selbst"
    ]


def test_organization_websites_follow_the_same_rule(content):
    content.organization("verein", "name: Verein\nwebsite: http://verein.example.de\n")
    assert content.lines() == [
        "content/organizations/verein.yml:2:10: warning: website: unverschlüsselte Adresse "
        "(http://): wenn die Seite auch mit https:// erreichbar ist, https:// schreiben"
    ]
