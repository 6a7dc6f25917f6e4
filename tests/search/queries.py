"""Need-phrased queries against the sample atlas, and the offers that must come first.

Each case: the query as a person types it, the offers acceptable in the first places, and how
many first places are checked (``top``: every one of the first ``top`` results must be in
``first``). ``never`` lists offers that must not appear among the first ``len(first)`` results
(for "Hund": places that do not take dogs). Why a case expects what it does is in its note.
"""

from __future__ import annotations

from dataclasses import dataclass

SHELTERS = {"notunterkunft-mariengasse", "winternotquartier-alte-feuerwache",
            "notschlafstelle-frauen", "jugendnotschlafstelle"}
NOTUNTERKUNFT = SHELTERS | {"kaeltebus", "frauenhaus-musterstadt"}  # category notunterkunft
SLEEP = SHELTERS | {"kaeltebus"}  # the Kältebus takes people who sleep outside to a bed
SHELTERS_WITH_DOGS = {"notunterkunft-mariengasse", "winternotquartier-alte-feuerwache", "kaeltebus"}
SHOWERS = {"duschen-hallenbad-ost", "duschen-tagestreff", "hygienemobil"}
FREE_FOOD = {"suppenkueche-ost", "fruehstueck-bahnhofsmission", "sonntagsfruehstueck-west",
             "lebensmittelausgabe-ost", "tagestreff-am-wall"}
FOOD = FREE_FOOD | {"mittagstisch-st-anna", "tafel-innenstadt", "tafel-ausgabe-nord",
                    "tafel-ausgabe-roelsdorf", "seniorentreff-ost"}
TAFELN = {"tafel-innenstadt", "tafel-ausgabe-nord", "tafel-ausgabe-roelsdorf"}
CLOTHES = {"kleiderkammer-diakonie", "kleiderstube-sued"}
DOGS = {"notunterkunft-mariengasse", "winternotquartier-alte-feuerwache", "kaeltebus",
        "tagestreff-am-wall", "fruehstueck-bahnhofsmission", "trinkbrunnen-marktplatz"}
NO_DOGS = {"notschlafstelle-frauen", "frauenhaus-musterstadt"}
DOCTORS = {"arztmobil", "strassenambulanz", "zahnarzt-sprechstunde"}
WATER = {"trinkbrunnen-bahnhof", "trinkbrunnen-kanalhof", "trinkbrunnen-marktplatz",
         "trinkbrunnen-stadtpark", "trinkbrunnen-suedpark", "wasser-nachfuellen-rathaus"}
POST = {"postadresse-diakonie", "postadresse-sozialamt"}
WARM_DAY = {"waermestube-nord", "tagestreff-am-wall", "fruehstueck-bahnhofsmission",
            "seniorentreff-ost"}
WORK = {"jobcenter-musterstadt", "werkhof-arbeitsgelegenheit", "jugendberufshilfe"}
NO_PAPERS = {  # access.anonymous: true in the sample
    "arztmobil", "duschen-hallenbad-ost", "duschen-tagestreff", "familienzentrum-sued",
    "frauenberatungsstelle", "frauenhaus-musterstadt", "fruehstueck-bahnhofsmission", "hygienemobil",
    "jugendnotschlafstelle", "jugendzentrum-west", "kaeltebus", "kleiderkammer-diakonie",
    "kleiderstube-sued", "mittagstisch-st-anna", "notschlafstelle-frauen", "notunterkunft-mariengasse",
    "schlafsack-ausgabe", "seniorentreff-ost", "sonntagsfruehstueck-west", "strassenambulanz",
    "streetwork-innenstadt", "streetwork-jugend", "suchtberatung", "suppenkueche-ost",
    "tagestreff-am-wall", "trinkbrunnen-bahnhof", "trinkbrunnen-kanalhof", "trinkbrunnen-marktplatz",
    "trinkbrunnen-stadtpark", "trinkbrunnen-suedpark", "waermestube-nord", "waschcafe-nord",
    "wasser-nachfuellen-rathaus", "winternotquartier-alte-feuerwache", "zahnarzt-sprechstunde",
}


@dataclass(frozen=True)
class Case:
    """One query and what a person must see first."""

    query: str
    first: frozenset[str]
    top: int = 1
    never: frozenset[str] = frozenset()
    note: str = ""


def case(query: str, first: set[str] | str, top: int = 1, never: set[str] = frozenset(),
         note: str = "") -> Case:
    """A :class:`Case` (``first`` may be one id)."""
    return Case(query, frozenset({first} if isinstance(first, str) else first), top, frozenset(never), note)


CASES = [
    case("schlafen", SLEEP, 3, never={"schlafsack-ausgabe"},
         note="a bed (or the Kältebus that drives there), not the closed sleeping-bag store"),
    case("wo kann ich schlafen", SLEEP, 3, never={"schlafsack-ausgabe"}),
    case("Bett", SHELTERS, 2),
    case("Schlafplatz", SHELTERS, 2),
    case("Schlafplaz", SHELTERS, 2, note="typo"),
    case("übernachten", SHELTERS, 3),
    case("ubernachtung", SHELTERS, 3, note="no umlaut typed"),
    case("Übernachtungen", SHELTERS, 2, note="plural"),
    case("penne", SHELTERS, 2, note="colloquial"),
    case("obdachlos", NOTUNTERKUNFT, 3, note="the Kältebus is for people sleeping rough too"),
    case("Obdachlose", NOTUNTERKUNFT, 2, note="plural noun"),
    case("Notunterkunft", NOTUNTERKUNFT, 3, note="the Kältebus is in this category"),
    case("mit Hund schlafen", SHELTERS_WITH_DOGS, 3, never=NO_DOGS),
    case("Jugendliche schlafen", "jugendnotschlafstelle"),
    case("Frauen Notunterkunft", {"notschlafstelle-frauen", "frauenhaus-musterstadt"}, 2),
    case("Winter schlafen", {"winternotquartier-alte-feuerwache", "kaeltebus"}, 1),
    case("Hund", DOGS, 3, never=NO_DOGS, note="never a 'Keine Hunde' place first"),
    case("Hunde", DOGS, 3, never=NO_DOGS, note="plural"),
    case("wo kann ich duschen", SHOWERS, 3),
    case("Dusche", SHOWERS, 2),
    case("duschen", SHOWERS, 2),
    case("Klo", {"hygienemobil"} | SHOWERS, 1, note="colloquial"),
    case("Wäsche waschen", "waschcafe-nord"),
    case("Rasierer", "duschen-tagestreff"),
    case("essen umsonst", FREE_FOOD, 3, note="colloquial for free of charge"),
    case("Essen", FOOD, 3),
    case("Hunger", FOOD, 3),
    case("Mittagessen", {"mittagstisch-st-anna", "suppenkueche-ost"}, 2),
    case("fruhstuck", {"fruehstueck-bahnhofsmission", "sonntagsfruehstueck-west"}, 2, note="no umlaut"),
    case("Tafel", TAFELN, 3),
    case("Lebensmittel", TAFELN | {"lebensmittelausgabe-ost"}, 4),
    case("Schlafsack", {"schlafsack-ausgabe", "kaeltebus"}, 2),
    case("Kleidung", CLOTHES, 2),
    case("Klamotten", CLOTHES, 2, note="colloquial"),
    case("Kleiderkamer", "kleiderkammer-diakonie", note="typo"),
    case("Winterjacke", "kleiderkammer-diakonie"),
    case("Schuhe", "kleiderkammer-diakonie"),
    case("ohne Papiere", NO_PAPERS, 5),
    case("ohne Krankenversicherung", DOCTORS, 3),
    case("Arzt", {"arztmobil", "strassenambulanz"}, 2),
    case("Zahnarzt", "zahnarzt-sprechstunde"),
    case("Zahnartz", "zahnarzt-sprechstunde", note="typo"),
    case("Zahnschmerzen", "zahnarzt-sprechstunde"),
    case("krank", DOCTORS, 2),
    case("Strasse", "strassenambulanz", note="ss for ß"),
    case("Frauenhaus", "frauenhaus-musterstadt"),
    case("Gewalt", {"frauenberatungsstelle", "frauenhaus-musterstadt"}, 2),
    case("Wasser", WATER, 3),
    case("Durst", WATER, 3),
    case("Post", POST, 2),
    case("Briefe", POST, 2),
    case("Schulden", "schuldnerberatung-caritas"),
    case("Schuldnerberatung", "schuldnerberatung-caritas", note="the title writes Schuldner- und Insolvenzberatung"),
    case("Alkohol", "suchtberatung"),
    case("Jobcenter", "jobcenter-musterstadt"),
    case("Arbeit", WORK, 2),
    case("Handy laden", "tagestreff-am-wall"),
    case("aufwarmen", WARM_DAY | {"waermestube-nord"}, 2, note="no umlaut"),
    case("Wärmestube", "waermestube-nord"),
    case("kaltebus", "kaeltebus", note="no umlaut"),
    case("Baby", {"familienzentrum-sued", "schwangerschaftsberatung"}, 2),
    case("schwanger", "schwangerschaftsberatung"),
    case("Bürgergeld", "jobcenter-musterstadt"),
    case("Kaffee", {"tagestreff-am-wall", "fruehstueck-bahnhofsmission"}, 2),
    case("street clinic", "strassenambulanz", note="an English translation's title"),
    case("притулок", "winternotquartier-alte-feuerwache", note="Ukrainian: shelter"),
    case("العيادة", "strassenambulanz", note="Arabic: the clinic"),
]
