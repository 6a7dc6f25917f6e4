"""``atlas check`` passes exactly when ``atlas build`` passes (issue 15, point 2).

Hypothesis generates small atlases around the flyer fixture — one offer with a 40–60
character id and hostile title and summary, a site_url of 20–120 characters with sub-paths,
a Wegweiser with or without a QR code per entry — and runs both commands through
``build_tools.cli.main``. Whatever one refuses, the other refuses with the same messages; what
one accepts, the other builds, short-link redirect pages and flyers included.
"""

from __future__ import annotations

import contextlib
import io
import shutil
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, event, example, given, note, settings
from hypothesis import strategies as st

from build_tools import urls
from build_tools.cli import main

HERE = Path(__file__).resolve().parent
CONTENT = HERE / "flyers" / "content"
TEMPLATE_OFFER = "notschlafstelle"

MKDOCS = """site_name: Hilfe
site_url: {site_url}
docs_dir: pages
strict: true
theme:
  name: material
  language: de
plugins:
  - atlas:
      name: Hilfe in Musterstadt
      content_dir: content
      region: {{south: 50.70, west: 6.36, north: 50.88, east: 6.62}}
"""

HOSTILE = (
    '<script>alert(1)</script>', '"', "'", "&amp;", "{{ x }}", "{% if %}", " #", ": ", "- ",
    "\\", "\u200b", "\u00a0", "😀", "北", "ß", "İ", "مأوى", "Ω", "[link](x.md)", "*", "`",
    "|", "%", "---", "…", "–", "Kleiderkammer", " ", "Notschlafstelle am Bahnhof",
)
REFUSED = ("\x00", "\u202e", "\x1b[31m", "\ufeff")
"""Characters the content check refuses: some examples carry one, so both outcomes occur."""

ids = st.from_regex(r"[a-z][a-z0-9-]{39,59}", fullmatch=True)


HOSTS = ("hilfe.de", "hilfe.example", "www.kreis-neustadt.example")
FIRST = "abcdefghijklmnopqrstuvwxyz0123456789"
LATER = FIRST + "-_.~"


@st.composite
def site_urls(draw) -> str:
    """``https://<host>/<segment>/…/`` of exactly a drawn length between 20 and 120."""
    length = draw(st.integers(20, 120))
    host = draw(st.sampled_from([h for h in HOSTS if len(h) + 9 <= length]))
    rest = length - len(host) - 9
    if rest == 1:  # a segment needs two characters ("x/"): lengthen the host instead
        host, rest = "x" + host, 0
    parts = []
    while rest:
        size = draw(st.integers(2, min(16, rest)))
        size = rest if rest - size == 1 else size
        parts.append(draw(st.sampled_from(FIRST))
                     + draw(st.text(LATER, min_size=size - 2, max_size=size - 2)))
        rest -= size
    return f"https://{host}/" + "".join(p + "/" for p in parts)


LONGEST = "https://www.kreis-neustadt.example/" + "kreishaus/amt51/" * 4 + "hilfe-in-wohnungsnot/"
"""120 characters: too long for a Wegweiser's entry codes (112 at most), fine for the rest."""
SIXTY = "https://www.kreis-neustadt.example/kreishaus/amt51/sozial/h/"
hostile_text = st.lists(st.sampled_from(HOSTILE), min_size=1, max_size=8).map("".join)
refusing = st.one_of(st.just(""), st.just(""), st.just(""), st.sampled_from(REFUSED))


def _project(root: Path, site_url: str, offer_id: str, title: str, summary: str,
             offer_codes: bool) -> Path:
    shutil.copytree(CONTENT, root / "content")
    offers = root / "content" / "offers"
    data = yaml.safe_load((offers / f"{TEMPLATE_OFFER}.yml").read_text(encoding="utf-8"))
    (offers / f"{TEMPLATE_OFFER}.yml").unlink()
    data.update(title=title, summary=summary)
    (offers / f"{offer_id}.yml").write_text(yaml.safe_dump(data, allow_unicode=True),
                                            encoding="utf-8")
    (root / "pages").mkdir()
    (root / "pages" / "index.md").write_text("# Start\n", encoding="utf-8")
    (root / "flyers").mkdir()
    (root / "flyers" / "winter.yml").write_text(
        "title: Winterhilfe\nformat: a4\nselect:\n  categories: [notunterkunft]\n"
        f"offer_codes: {'true' if offer_codes else 'false'}\n", encoding="utf-8")
    config = root / "mkdocs.yml"
    config.write_text(MKDOCS.format(site_url=site_url), encoding="utf-8")
    return config


def _atlas(*args: str) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(args))
    return code, out.getvalue() + err.getvalue()


def _errors(output: str) -> set[str]:
    return {line for line in output.splitlines() if ": error: " in line}


@settings(max_examples=15, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow])
@example(site_url=LONGEST, offer_id="notschlafstelle-am-hauptbahnhof-mit-schliessfaechern-und-tee",
         title="Notschlafstelle", summary="Ein Bett.", bad="", offer_codes=True)
@example(site_url=SIXTY, offer_id="notschlafstelle-am-hauptbahnhof-mit-schliessfaechern-und-tee",
         title='<b>"Bett" & Tee</b> {{ x }}', summary="مأوى 😀 #1", bad="", offer_codes=True)
@given(site_url=site_urls(), offer_id=ids, title=hostile_text, summary=hostile_text,
       bad=refusing, offer_codes=st.booleans())
def test_check_passes_exactly_when_build_passes(site_url, offer_id, title, summary, bad,
                                                offer_codes):
    assert 20 <= len(site_url) <= 120 and site_url.endswith("/") and "//" not in site_url[8:]
    assert len(LONGEST) == 120 and len(SIXTY) == 60
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        config = _project(root, site_url, offer_id, title, summary + bad, offer_codes)
        checked, check_out = _atlas("check", "--config", str(config))
        built, build_out = _atlas("build", "--config", str(config), "--site-dir",
                                  str(root / "site"))
        note(f"check {checked}:\n{check_out}\nbuild {built}:\n{build_out}")
        event("check passed" if checked == 0 else "check refused")
        assert checked in (0, 1) and built in (0, 1), "no crash, no usage error"
        assert "Traceback" not in check_out + build_out
        assert (checked == 0) == (built == 0)
        if site_url == LONGEST:  # the entry codes of the Wegweiser cannot print: both refuse
            assert "winter.yml:1:1: error: flyer: winter.pdf (" in check_out
        if checked:
            assert _errors(check_out) and _errors(check_out) <= _errors(build_out)
            return
        site = root / "site"
        short = site / urls.short_path(urls.short_code(offer_id)) / "index.html"
        assert f'url=../../angebote/{offer_id}/"' in short.read_text(encoding="utf-8")
        assert (site / "flyers" / f"{offer_id}-aushang.pdf").is_file()
        assert (site / "flyers" / "winter.pdf").is_file()
