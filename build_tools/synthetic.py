"""Synthetic content for benchmarks and load tests: a complete, valid content folder of any size.

``generate(out_dir, offers=N, districts=D, seed=S)`` writes categories, target groups, a grid of
D Sozialräume (``districts.geojson``), organizations and N offers with realistic variety: every
category, district and target group, every opening-hours shape the parser supports, translations
on a third of the offers, Markdown descriptions of 50–400 words, confidential, ended and
temporarily closed offers, street work with service areas.

Deterministic: the same seed and reference day give byte-identical files (one ``random.Random``,
sorted iteration, no clock). Dates are relative to ``today`` so the content never triggers the
"not verified for 12 months" warning on the day it is generated for.

``benchmarks/generate.py`` re-exports :func:`generate`; ``atlas generate`` is the command line.
"""

from __future__ import annotations

import json
import math
import random
from datetime import date, timedelta
from pathlib import Path
from typing import Any

# Region of the sample atlas (Düren's real map coordinates), inset so every point lies inside
# the region box of mkdocs.yml (south 50.70, west 6.36, north 50.88, east 6.62).
BBOX = (50.72, 6.38, 50.86, 6.60)  # south, west, north, east

SCHEMA_LINE_OFFER = "# yaml-language-server: $schema=../schema/offer.schema.json\n"
SCHEMA_LINE_ORG = "# yaml-language-server: $schema=../schema/organization.schema.json\n"

# id, label, label_en, icon, colour (≥ 4.5:1 against white), noun de/en/uk/ar/tr
CATEGORIES = [
    ("notunterkunft", "Notunterkunft", "Emergency shelter", "bed", "#1f4e9c",
     ("Notunterkunft", "Emergency shelter", "Нічліжка", "مأوى طوارئ", "Acil barınma yeri")),
    ("essen", "Essen/Tafel", "Food", "food", "#b34700",
     ("Essensausgabe", "Food distribution", "Видача їжі", "توزيع الطعام", "Yemek dağıtımı")),
    ("trinkwasser", "Trinkwasser", "Drinking water", "water", "#0b6e99",
     ("Trinkbrunnen", "Drinking fountain", "Питний фонтанчик", "نافورة مياه الشرب", "İçme çeşmesi")),
    ("hygiene", "Hygiene/Duschen", "Hygiene and showers", "shower", "#00796b",
     ("Duschen", "Showers", "Душові", "حمّامات", "Duşlar")),
    ("kleidung", "Kleidung", "Clothing", "shirt", "#7b3fa0",
     ("Kleiderkammer", "Clothing store", "Пункт видачі одягу", "مخزن الملابس", "Giysi deposu")),
    ("medizin", "Medizinische Hilfe", "Medical help", "medical", "#c62828",
     ("Medizinische Sprechstunde", "Medical consultation", "Медичний прийом",
      "استشارة طبية", "Tıbbi muayene")),
    ("beratung", "Beratung", "Counselling", "chat", "#5d4037",
     ("Beratungsstelle", "Advice centre", "Консультаційний центр", "مركز استشارات",
      "Danışma merkezi")),
    ("arbeit", "Arbeit/Jobcenter", "Work and job centre", "work", "#455a64",
     ("Hilfe bei der Arbeitssuche", "Help finding work", "Допомога в пошуку роботи",
      "مساعدة في البحث عن عمل", "İş arama desteği")),
    ("tagesaufenthalt", "Tagesaufenthalt", "Day centre", "home", "#2e7d32",
     ("Tagestreff", "Day centre", "Денний центр", "مركز نهاري", "Gündüz merkezi")),
    ("jugend-familie", "Jugend und Familie", "Youth and families", "family", "#ad1457",
     ("Treff für Jugendliche und Familien", "Youth and family centre",
      "Центр для молоді та сімей", "مركز للشباب والعائلات", "Gençlik ve aile merkezi")),
    ("postadresse", "Postadresse", "Postal address", "mail", "#6a4c93",
     ("Postadresse", "Postal address", "Поштова адреса", "عنوان بريدي", "Posta adresi")),
    ("frauen-schutz", "Schutz für Frauen", "Protection for women", "shield", "#8e244d",
     ("Schutz und Beratung für Frauen", "Protection and advice for women",
      "Захист і консультації для жінок", "حماية واستشارات للنساء",
      "Kadınlar için koruma ve danışmanlık")),
]

TARGET_GROUPS = [
    ("alle", "Alle", "Everyone"),
    ("wohnungslose", "Wohnungslose Menschen", "People experiencing homelessness"),
    ("frauen", "Frauen", "Women"),
    ("jugendliche", "Jugendliche und junge Erwachsene", "Young people"),
    ("familien", "Familien mit Kindern", "Families with children"),
    ("gefluechtete", "Geflüchtete", "Refugees"),
    ("seniorinnen-senioren", "Seniorinnen und Senioren", "Older people"),
    ("suchtkranke", "Menschen mit Suchterkrankung", "People with addiction"),
]

PLACES = [
    "Am Mühlenbach", "Lindenhof", "Kirchberg", "Auf der Heide", "Rurufer", "Gartenfeld",
    "Eichenhain", "Bahnhofsviertel", "Schlossgarten", "Weidenau", "Am Kanal", "Hochfeld",
    "Marktviertel", "Sonnenhang", "Talblick", "Kastanienhof", "Wiesengrund", "Ziegelei",
]
STREETS = [
    "Hauptstraße", "Kirchstraße", "Bahnhofstraße", "Lindenweg", "Gartenstraße", "Schulstraße",
    "Marktplatz", "Mühlenweg", "Am Wall", "Feldstraße", "Rosenweg", "Kanalstraße", "Birkenallee",
    "Annagasse", "Hospitalstraße", "Ulmenstraße", "Weidenweg", "Brückenstraße",
]
ORG_KINDS = [
    "Diakonisches Werk", "Caritasverband", "Sozialdienst katholischer Frauen",
    "Verein für Wohnungslosenhilfe", "Nachbarschaftshilfe", "Arbeiterwohlfahrt",
    "Deutsches Rotes Kreuz, Ortsverein", "Paritätischer Verein", "Stadtteilinitiative",
]
POSTAL_CODES = ["52349", "52351", "52353", "52355"]
LANGUAGE_POOL = ["en", "ar", "tr", "uk", "ru", "pl", "ro", "fa", "fr", "bg", "ku"]
COSTS = ["free", "free", "free", "1 €", "2 € pro Einkauf", "1,50 € pro Mahlzeit", "50 Cent pro Teil"]
TAGS = [
    "Dusche", "Kaffee", "Schlafplatz", "Winter", "Hund erlaubt", "WLAN", "Handy laden",
    "Schulden", "Sucht", "Kinder", "Frühstück", "Mittagessen", "Kleidung", "Arzt", "Anträge",
]

SENTENCES = [
    "Sie müssen sich nicht anmelden und brauchen keine Papiere.",
    "Das Team spricht mehrere Sprachen und nimmt sich Zeit für Ihre Fragen.",
    "Bitte bringen Sie, wenn vorhanden, Ihren Ausweis und aktuelle Bescheide mit.",
    "Wir helfen bei Anträgen beim Jobcenter, beim Sozialamt und bei der Krankenkasse.",
    "Kaffee und Tee gibt es während der ganzen Öffnungszeit.",
    "Ihre Angaben bleiben vertraulich; auf Wunsch beraten wir Sie anonym.",
    "Hunde dürfen an der Leine mitkommen, Wasser und Futter stehen bereit.",
    "Im Winter gibt es zusätzlich Schlafsäcke, Isomatten und warme Kleidung.",
    "Ehrenamtliche und Fachkräfte arbeiten hier zusammen.",
    "Wenn wir nicht selbst helfen können, vermitteln wir Sie weiter und begleiten Sie auf Wunsch.",
    "Die Räume sind barrierearm; eine Rampe führt zum Eingang.",
    "Bei großem Andrang kann es zu Wartezeiten kommen.",
    "Alle Angebote sind freiwillig, niemand muss etwas unterschreiben.",
    "Die Beratung ist unabhängig von Religion, Herkunft und Aufenthaltsstatus.",
]
LIST_ITEMS = [
    "Beratung ohne Termin", "warme Mahlzeiten", "Duschen und Waschmaschinen",
    "Schließfächer", "Postadresse", "Hilfe bei Anträgen", "medizinische Erstversorgung",
    "Kleidung und Schlafsäcke", "Telefon und Internet", "Begleitung zu Ämtern",
]
TRANSLATED_SUMMARY = {
    "en": "{noun} in the {district} district, run by {provider}.",
    "uk": "{noun} у районі {district}.",
    "ar": "{noun} في حي {district}.",
    "tr": "{district} semtinde {noun}.",
}
WEEKDAYS = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"]
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


# --- YAML writing ------------------------------------------------------------------------------


def _scalar(value: Any) -> str:
    if value is True or value is False:
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, date):
        return value.isoformat()
    return json.dumps(str(value), ensure_ascii=False)  # a JSON string is a YAML double-quoted one


def _plain_list(items: list[Any]) -> str:
    return "[" + ", ".join(_scalar(i) for i in items) + "]"


def to_yaml(data: dict[str, Any], indent: int = 0) -> str:
    """Block-style YAML for generated content: keys in the given order, text always quoted."""
    pad = " " * indent
    out: list[str] = []
    for key, value in data.items():
        if value is None:
            continue
        if isinstance(value, dict):
            out.append(f"{pad}{key}:\n{to_yaml(value, indent + 2)}")
        elif isinstance(value, list):
            out.append(f"{pad}{key}: {_plain_list(value)}\n")
        elif isinstance(value, str) and "\n" in value:
            body = "".join(
                f"{pad}  {line}\n" if line else "\n" for line in value.rstrip("\n").split("\n")
            )
            out.append(f"{pad}{key}: |\n{body}")
        else:
            out.append(f"{pad}{key}: {_scalar(value)}\n")
    return "".join(out)


# --- pieces --------------------------------------------------------------------------------------


def _grid(count: int) -> list[tuple[float, float, float, float]]:
    """``count`` cells (south, west, north, east) tiling the box; the last row may be wider."""
    south, west, north, east = BBOX
    cols = math.ceil(math.sqrt(count))
    rows = math.ceil(count / cols)
    cells = []
    for row in range(rows):
        in_row = cols if row < rows - 1 else count - cols * (rows - 1)
        lat0 = round(north - (north - south) * row / rows, 6)
        lat1 = round(north - (north - south) * (row + 1) / rows, 6)
        for col in range(in_row):
            lon0 = round(west + (east - west) * col / in_row, 6)
            lon1 = round(west + (east - west) * (col + 1) / in_row, 6)
            cells.append((lat1, lon0, lat0, lon1))
    return cells


def _districts(rng: random.Random, count: int) -> tuple[list[dict[str, Any]], dict[str, tuple]]:
    features, cells = [], {}
    width = len(str(count))
    for index, (s, w, n, e) in enumerate(_grid(count), start=1):
        district_id = f"sr-{index:0{width}d}"
        ring = [[w, s], [e, s], [e, n], [w, n], [w, s]]  # counter-clockwise (RFC 7946)
        features.append({
            "type": "Feature",
            "properties": {
                "id": district_id,
                "name": f"{PLACES[index % len(PLACES)]} {index}",
                "population": rng.randint(800, 12000),
            },
            "geometry": {"type": "Polygon", "coordinates": [ring]},
        })
        cells[district_id] = (s, w, n, e)
    return features, cells


def _phone(rng: random.Random) -> str:
    return f"02421 {rng.randint(100000, 999999)}"


def _hours(rng: random.Random, index: int) -> str:
    """An opening_hours string; ``index`` cycles through every supported shape."""

    def time(lo: int, hi: int) -> int:
        return rng.randrange(lo, hi) * 30

    def span(start: int, length: int) -> str:
        end = start + length
        return f"{start // 60:02d}:{start % 60:02d}-{(end // 60) % 24:02d}:{end % 60:02d}"

    first = rng.randrange(0, 4)
    last = rng.randrange(first + 1, 7)
    days = f"{WEEKDAYS[first]}-{WEEKDAYS[last]}"
    some = ",".join(WEEKDAYS[d] for d in sorted(rng.sample(range(6), rng.randint(2, 3))))
    morning = span(time(14, 20), time(4, 8))
    afternoon = span(time(27, 30), time(3, 7))
    shapes = [
        lambda: f"{days} {morning}",
        lambda: f"{some} {morning}",
        lambda: f"{some} {morning},{afternoon}",
        lambda: f"Mo-Su {span(time(36, 42), time(20, 28))}",  # past midnight (night shelter)
        lambda: "24/7",
        lambda: f"Mo-Fr {morning}; {WEEKDAYS[rng.randrange(5)]} off",
        lambda: f"{days} {morning}; PH off",
        lambda: f"Su {morning}; PH {span(600, 240)}",
        lambda: f"{MONTHS[rng.randrange(9, 11)]}-{MONTHS[rng.randrange(1, 3)]} Mo-Su {afternoon}",
        lambda: "Apr-Oct 24/7",
        lambda: f"{WEEKDAYS[rng.randrange(6)]}[{rng.choice([1, 2, 3, -1])}] {morning}",
        lambda: f"Mo-Fr {morning}; Sa {span(time(18, 22), time(4, 6))}",
        lambda: '"nach Vereinbarung"',
        lambda: f'{days} {morning} "und nach Vereinbarung"',
    ]
    return shapes[index % len(shapes)]()


def _description(rng: random.Random, title: str, place: str) -> str:
    target = rng.randint(50, 330)  # the last paragraph may add up to ~60 words
    paragraphs: list[str] = [f"**{title}** im Sozialraum {place}."]
    words = len(paragraphs[0].split())
    while words < target:
        paragraph = " ".join(rng.sample(SENTENCES, rng.randint(2, 4)))
        if rng.random() < 0.25:
            items = rng.sample(LIST_ITEMS, rng.randint(2, 5))
            paragraph = "Es gibt:\n\n" + "\n".join(f"- {item}" for item in items)
        paragraphs.append(paragraph)
        words += len(paragraph.split())
    return "\n\n".join(paragraphs) + "\n"


def _point_in(rng: random.Random, cell: tuple[float, float, float, float]) -> tuple[float, float]:
    s, w, n, e = cell
    lat = round(s + (n - s) * rng.uniform(0.1, 0.9), 5)
    lon = round(w + (e - w) * rng.uniform(0.1, 0.9), 5)
    return lat, lon


def _offer(
    rng: random.Random,
    index: int,
    offer_id: str,
    earlier: list[str],
    orgs: list[tuple[str, str]],
    districts: dict[str, tuple],
    district_names: dict[str, str],
    today: date,
) -> dict[str, Any]:
    cat_id, _label, _label_en, _icon, _color, nouns = CATEGORIES[index % len(CATEGORIES)]
    district_ids = list(districts)
    home = district_ids[index % len(district_ids)]
    place = district_names[home]
    title = f"{nouns[0]} {place}"
    groups = [TARGET_GROUPS[index % len(TARGET_GROUPS)][0]]
    groups += [g[0] for g in rng.sample(TARGET_GROUPS, rng.randint(0, 2)) if g[0] not in groups]
    roll = rng.random()
    org_id, org_name = orgs[rng.randrange(len(orgs))]
    provider: Any
    if roll < 0.7:
        provider = org_id
    elif roll < 0.85:
        provider = {"name": f"{rng.choice(ORG_KINDS)} {place} e. V.", "phone": _phone(rng)}
        org_name = provider["name"]
    elif roll < 0.95:
        provider = f"Kirchengemeinde {place}"
        org_name = provider
    else:
        provider = None
    kind = index % 40  # special cases at fixed rates: service area, confidential, ended, closed
    offer: dict[str, Any] = {
        "title": title,
        "summary": f"{nouns[0]} im Sozialraum {place}: {rng.choice(SENTENCES)}"[:200],
        "description": _description(rng, title, place),
        "category": cat_id,
        "also_categories": [c[0] for c in rng.sample(CATEGORIES, rng.randint(0, 2)) if c[0] != cat_id],
        "target_groups": groups,
        "tags": rng.sample(TAGS, rng.randint(1, 4)),
        "provider": provider,
    }
    if kind in (3, 23, 33):
        offer["service_area"] = sorted(rng.sample(district_ids, min(len(district_ids), rng.randint(1, 4))))
    else:
        lat, lon = _point_in(rng, districts[home])
        location: dict[str, Any] = {}
        if kind == 7:
            # A protected place keeps no coordinates in the content (district only).
            location.update(district=home, confidential=True)
        else:
            location.update(
                street=f"{rng.choice(STREETS)} {rng.randint(1, 120)}",
                postal_code=rng.choice(POSTAL_CODES),
                city="Musterstadt",
                lat=lat,
                lon=lon,
            )
            if rng.random() < 0.3:
                location["district"] = home
            if rng.random() < 0.3:
                location["directions"] = "Eingang im Hof, bitte klingeln."
            location["wheelchair"] = rng.choice(["yes", "limited", "no", "unknown"])
        offer["location"] = location
    offer["opening_hours"] = _hours(rng, index)
    if rng.random() < 0.2:
        offer["hours_note"] = "Termine nach Vereinbarung"
    if kind == 11:
        offer["season"] = {"from": "11-01", "until": "03-31"}
    if kind == 13:
        offer["status"] = "ended"
        offer["valid_from"] = today - timedelta(days=rng.randint(700, 1000))
        offer["valid_until"] = today - timedelta(days=rng.randint(30, 300))
    elif kind == 17:
        offer["status"] = "temporarily_closed"
        offer["alert"] = "Wegen Renovierung vorübergehend geschlossen."
    elif kind == 19:
        offer["valid_from"] = today - timedelta(days=rng.randint(0, 60))
        offer["valid_until"] = today + timedelta(days=rng.randint(30, 200))
    phones = [_phone(rng) for _ in range(rng.choice([1, 1, 1, 2]))]
    contact: dict[str, Any] = {"phone": phones if len(phones) > 1 else phones[0]}
    if kind != 7:
        contact["email"] = f"{offer_id}@hilfe.musterstadt.example"
        if rng.random() < 0.5:
            contact["website"] = f"https://hilfe.musterstadt.example/{offer_id}"
    offer["contact"] = contact
    offer["languages"] = ["de", *sorted(rng.sample(LANGUAGE_POOL, rng.randint(0, 3)))]
    offer["costs"] = rng.choice(COSTS)
    access = {
        "anonymous": rng.random() < 0.6,
        "registration_required": rng.random() < 0.2,
        "appointment_required": rng.random() < 0.15,
        "pets_allowed": rng.random() < 0.3,
    }
    if rng.random() < 0.3:
        access["requirements"] = "Personalausweis mitbringen, wenn vorhanden."
    offer["access"] = access
    offer["last_verified"] = today - timedelta(days=rng.randint(0, 330))
    if earlier and rng.random() < 0.3:
        offer["related"] = sorted(set(rng.sample(earlier, min(len(earlier), rng.randint(1, 3)))))
    if kind == 29:
        offer["aliases"] = [f"{offer_id}-alt"]
    if index % 3 == 0:
        langs = ["en", *sorted(rng.sample(["uk", "ar", "tr"], rng.randint(1, 3)))]
        offer["translations"] = {
            lang: {
                "title": f"{nouns[1 + ['en', 'uk', 'ar', 'tr'].index(lang)]} {place}",
                "summary": TRANSLATED_SUMMARY[lang].format(
                    noun=nouns[1 + ["en", "uk", "ar", "tr"].index(lang)],
                    district=place,
                    provider=(org_name or "a local charity").rstrip("."),
                ),
            }
            for lang in langs
        }
    if kind == 13:
        offer["related"] = sorted(set(offer.get("related", []) + ([earlier[-1]] if earlier else [])))
        if not offer["related"]:
            del offer["related"]
    return offer


# --- the folder -----------------------------------------------------------------------------------


def generate(
    out_dir: Path | str,
    offers: int = 1000,
    districts: int = 25,
    seed: int = 1,
    today: date | None = None,
) -> Path:
    """Write a complete synthetic content folder to ``out_dir``; returns the folder.

    ``today`` is the day the content is judged against (default: the build date, from
    ``SOURCE_DATE_EPOCH`` when set); last_verified and validity dates are relative to it.
    """
    from .clock import build_date

    if offers < 0 or districts < 1:
        raise ValueError("offers must be ≥ 0 and districts ≥ 1")
    today = today or build_date()
    rng = random.Random(seed)
    out = Path(out_dir)
    (out / "offers").mkdir(parents=True, exist_ok=True)
    (out / "organizations").mkdir(parents=True, exist_ok=True)

    categories = [
        {"id": c[0], "label": c[1], "label_en": c[2], "icon": c[3], "color": c[4],
         "description": f"{c[5][0]} und ähnliche Angebote."}
        for c in CATEGORIES
    ]
    _write(out / "categories.yml", "".join("- " + to_yaml(c, 2)[2:] for c in categories))
    groups = [{"id": g[0], "label": g[1], "label_en": g[2]} for g in TARGET_GROUPS]
    _write(out / "target_groups.yml", "".join("- " + to_yaml(g, 2)[2:] for g in groups))

    features, cells = _districts(rng, districts)
    names = {f["properties"]["id"]: f["properties"]["name"] for f in features}
    geojson = {"type": "FeatureCollection", "features": features}
    _write(out / "districts.geojson", json.dumps(geojson, ensure_ascii=False, indent=1) + "\n")

    orgs: list[tuple[str, str]] = []
    for index in range(1, max(5, offers // 50) + 1):
        org_id = f"traeger-{index:03d}"
        place = PLACES[index % len(PLACES)]
        name = f"{ORG_KINDS[index % len(ORG_KINDS)]} {place} {index}"
        org = {
            "name": name,
            "website": f"https://{org_id}.musterstadt.example",
            "phone": _phone(rng),
            "email": f"info@{org_id}.musterstadt.example",
            "address": {"street": f"{rng.choice(STREETS)} {rng.randint(1, 60)}",
                        "postal_code": rng.choice(POSTAL_CODES), "city": "Musterstadt"},
        }
        _write(out / "organizations" / f"{org_id}.yml", SCHEMA_LINE_ORG + to_yaml(org))
        orgs.append((org_id, name))

    width = max(5, len(str(offers)))
    earlier: list[str] = []
    for index in range(offers):
        cat_id = CATEGORIES[index % len(CATEGORIES)][0]
        offer_id = f"{cat_id}-{index + 1:0{width}d}"
        offer = _offer(rng, index, offer_id, earlier, orgs, cells, names, today)
        _write(out / "offers" / f"{offer_id}.yml", SCHEMA_LINE_OFFER + to_yaml(offer))
        earlier.append(offer_id)
    return out


def _write(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8", newline="\n")
