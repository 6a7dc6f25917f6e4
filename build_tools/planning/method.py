"""The method section, in German, shared by the pages and the reports."""

from __future__ import annotations

import math

from babel.lists import format_list

from .analysis import PlanningResult
from .numbers import fmt_km, fmt_number
from .plural import said
from .reachability import QUAD_SEGS
from .season import WINDOW_DAYS
from .travel.transit import ACCESS_MIN, STEP_MIN, TRANSFER_MIN

WEEKDAYS = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag")


def method_paragraphs(result: PlanningResult) -> list[str]:
    """Short paragraphs a committee member can follow."""
    s = result.settings
    thresholds = ", ".join(
        f"{label} {fmt_km(s.threshold(c))}" for c, label in result.categories
        if c in s.thresholds_m
    )
    if result.on_network:
        walk = network_paragraphs(result)
    else:
        walk = straight_paragraphs(result, thresholds)
    return [*_counting(result), *walk, *transit_paragraphs(result), _times(result)]


def method_name(result: PlanningResult) -> str:
    """The walking method in a few words, for headings and notes."""
    if result.on_network:
        return f"Fußweg auf dem Straßennetz ({result.travel.network})"  # type: ignore[union-attr]
    return (f"Luftlinie × Umwegfaktor {fmt_number(result.settings.detour_factor, 2)} (kein "
            "Straßennetz angegeben)")


def reach_intro(result: PlanningResult) -> str:
    """The first paragraph of the reachability page: which method, what is flagged."""
    s = result.settings
    speed = fmt_number(s.walking_speed_kmh, 1)
    if result.on_network:
        text = (f"Gemessen als {method_name(result)}, Gehzeit bei {speed} km/h entlang der "
                "Wege: ein Fluss oder eine Bahnlinie ohne Übergang ist ein Umweg.")
    else:
        text = f"Gemessen als {method_name(result)}, Gehzeit geschätzt mit {speed} km/h."
    info = result.travel
    if info is not None and info.day is not None:
        windows = " und ".join(f"{w.label} {w.text()}" for w in info.windows)
        text += (f" Bus und Bahn: Fahrplan {info.feed}, {WEEKDAYS[info.day.weekday()]} "
                 f"{info.day:%d.%m.%Y}, Abfahrt {windows}; wer ankommt, wenn das Angebot "
                 "geschlossen ist und nicht rechtzeitig öffnet, zählt nicht.")
    return text + (" Markiert sind Sozialräume, deren Mitte weiter als die Schwelle der "
                   "Kategorie vom nächsten offenen Angebot entfernt ist.")


def reach_summary(result: PlanningResult) -> str:
    """What the reachability page holds, for the overview's list of parts."""
    s = result.settings
    if result.on_network:
        minutes = ", ".join(str(m) for m in s.walk_minutes)
        text = (f"Anteil der Bewohner innerhalb von {minutes} Minuten Fußweg auf dem "
                "Straßennetz, Fußweg und Gehzeit zum nächsten Angebot")
    else:
        text = (f"Anteil innerhalb von {', '.join(fmt_km(d) for d in s.distances_m)} "
                "Luftlinie, Entfernung und geschätzte Gehzeit zum nächsten Angebot")
    info = result.travel
    if info is not None and info.day is not None:
        text += ", Tür-zu-Tür-Zeit mit Bus und Bahn " + " und ".join(w.label for w in info.windows)
    return text


def season_rule(result: PlanningResult) -> str:
    """The counting rule in one paragraph, with its reference date: what counts, and that
    seasonal offers count only in their season (one rule for every figure; :mod:`.season`)."""
    day = f"{result.reference:%d.%m.%Y}" if result.reference else "der Tag der Erstellung"
    return (f"Stichtag ist der {day} (Stand des Berichts). Gezählt werden Angebote, die an "
            "diesem Tag laufen: nicht beendet, nicht vorübergehend geschlossen und in ihrer "
            f"Saison – sie haben an diesem Tag geöffnet oder öffnen laut Saison und "
            f"Öffnungszeiten innerhalb von {WINDOW_DAYS // 7} Wochen danach (so zählt auch ein "
            "Angebot, das einmal im Monat stattfindet); Angebote ohne maschinenlesbare Zeiten "
            "(„nach Vereinbarung“) zählen. Ein Winterangebot zählt also in einem Bericht vom "
            "Dezember, nicht in einem vom Juni. Dieselbe Regel gilt für Versorgung, "
            "Erreichbarkeit, Zeiten und Bedarf.")


def left_out(result: PlanningResult) -> str:
    """The difference between the atlas' offers and the counted ones, in words ("" when
    there is none): paused and out-of-season offers, each kind with its number."""
    parts = []
    if result.paused:
        parts.append(said("paused", result.paused))
    if result.out_of_season:
        parts.append(said("out_of_season", len(result.out_of_season),
                          names=shortened(result.out_of_season)))
    if not parts:
        return ""
    return (f"{said('of_listed', result.listed)} {said('count_verb', result.open_offers)}; "
            f"nicht gezählt: {format_list(parts, locale='de')}.")


def shortened(words: list[str], limit: int = 8) -> str:
    """Up to ``limit`` names joined as German joins a list, then "und 3 weitere"."""
    if len(words) <= limit:
        return format_list(words, locale="de")
    return ", ".join(words[:limit]) + f" und {len(words) - limit} weitere"


def roving_sentence(result: PlanningResult) -> str:
    """Counted offers without a fixed place, in words ("" when there are none)."""
    return said("roving", len(result.roving)) if result.roving else ""


def _counting(result: PlanningResult) -> list[str]:
    outside = sum(result.outside.values())
    return [
        season_rule(result) + " Ein Angebot zählt in seiner Hauptkategorie und in jeder "
        "weiteren Kategorie. Vertrauliche Angebote (z. B. Schutzwohnungen) zählen in allen "
        "Zahlen mit, werden aber auf keiner Karte gezeigt.",
        "Versorgung: Anzahl der Angebote mit Standort im Sozialraum (und in jedem weiteren "
        "Sozialraum, den sie laut service_area versorgen). Angebote ohne festen Ort zählen in keinem Sozialraum: ein "
        "Bus ist nicht die nächste Notunterkunft eines Stadtteils. Je 10.000 "
        "Einwohner: Anzahl × 10.000 ÷ Einwohnerzahl des Sozialraums laut districts.geojson "
        "(Quelle: kommunale Statistikstelle bzw. Zensus)."
        + (" " + said("outside", outside) if outside else ""),
    ]


def _left_out_sentence(result: PlanningResult) -> str:
    mobile = len(result.roving)
    unplaced = result.unplaced_offers
    return ((" " + said("mobile_no_distance", mobile) if mobile else "")
            + (" " + said("unplaced_no_distance", unplaced) if unplaced else ""))


def _flag_sentence(result: PlanningResult, thresholds: str, word: str) -> str:
    s = result.settings
    return (f"Markiert wird ein Sozialraum, wenn das nächste Angebot weiter als die Schwelle "
            f"({word}) entfernt ist (Standard {fmt_km(s.default_threshold_m)}"
            + (f"; {thresholds}" if thresholds else "") + ") oder es keines gibt.")


def network_paragraphs(result: PlanningResult) -> list[str]:
    """Walking along the street network: what the graph holds and how shares are counted."""
    s = result.settings
    info = result.travel
    assert info is not None
    thresholds = ", ".join(f"{label} {fmt_km(s.threshold(c))}" for c, label in result.categories
                           if c in s.thresholds_m)
    people = (f"die Punkte des Bevölkerungsgitters {result.population_grid} mit ihren "
              "Einwohnern" if result.population_grid else
              f"ein regelmäßiges Raster mit {fmt_number(info.spacing_m, 0)} m Abstand "
              "(Flächenanteile; bei nur einer Einwohnerzahl je Sozialraum gleich dem "
              "Bevölkerungsanteil, wenn die Menschen gleichmäßig verteilt wohnen)")
    return [
        f"Erreichbarkeit zu Fuß auf dem Straßennetz aus dem OSM-Auszug {info.network} "
        f"({fmt_number(info.nodes, 0)} Knoten, {fmt_number(info.edges, 0)} Wegstücke im größten "
        "zusammenhängenden Netz): begehbar sind Fußwege, Pfade, Treppen, Fußgängerzonen, Wohn- "
        "und Erschließungsstraßen, Wirtschaftswege, Radwege und Straßen bis zur Bundesstraße; "
        "nie Autobahnen und Kraftfahrstraßen, keine privaten Wege. Ein Fluss, eine Bahnlinie "
        "oder eine Autobahn ohne Übergang ist so ein Umweg, keine Abkürzung. Gerechnet wird "
        f"der kürzeste Weg (Dijkstra) bei {fmt_number(s.walking_speed_kmh, 1)} km/h von "
        f"{people} zum nächsten offenen Angebot; jeder Punkt und jedes Angebot wird in "
        "gerader Linie mit dem nächsten Knoten des Netzes verbunden. Angebote jenseits der "
        "Grenze zählen mit.",
        "Entfernung zum nächsten Angebot: Fußweg von der Mitte des Sozialraums (Schwerpunkt; "
        "liegt er außerhalb, ein Punkt im Inneren), Gehzeit = Fußweg ÷ Gehgeschwindigkeit "
        "(kein Umwegfaktor: der Umweg steckt im Netz). "
        + _flag_sentence(result, thresholds, "Fußweg") + _left_out_sentence(result),
    ]


def transit_paragraphs(result: PlanningResult) -> list[str]:
    """Door-to-door times by bus and train (empty without a timetable)."""
    info = result.travel
    if info is None or info.day is None:
        return []
    s = result.settings
    windows = ", ".join(f"{w.label} {w.text()}" for w in info.windows)
    walk = "auf dem Straßennetz" if result.on_network else (
        f"in Luftlinie × Umwegfaktor {fmt_number(s.detour_factor, 2)}")
    return [
        f"Bus und Bahn: Fahrplan {info.feed}"
        + (f" ({info.agency})" if info.agency else "")
        + f", {fmt_number(info.stops, 0)} Haltestellen, {fmt_number(info.trips, 0)} Fahrten; "
        f"gerechnet für {WEEKDAYS[info.day.weekday()]}, {info.day:%d.%m.%Y}, Abfahrt {windows}. "
        "Tür-zu-Tür-Zeit = Weg zur Haltestelle + Warten + Fahrt (mit Umstiegen) + Weg zum "
        f"Angebot, Fußwege {walk}, zur ersten und von der letzten Haltestelle höchstens "
        f"{ACCESS_MIN} Minuten, zwischen zwei Haltestellen beim Umsteigen höchstens "
        f"{TRANSFER_MIN} Minuten; ganz zu Fuß geht immer. Abfahrt alle {STEP_MIN} Minuten im "
        "Zeitraum; es zählt der Median dieser Zeiten. Öffnungszeiten zählen: wer vor der "
        "Öffnung ankommt, wartet, und die Wartezeit zählt mit; wer erst nach Schluss ankommt "
        f"und bis {info.horizon} Minuten nach der Abfahrt nichts Geöffnetes erreicht, gilt "
        "als nicht angekommen. Angebote ohne maschinenlesbare Öffnungszeiten gelten als "
        "geöffnet. Die Zeiten rechnet ein Connection-Scan über alle Fahrten des Tages "
        "(Dibbelt u. a. 2013).",
    ]


def straight_paragraphs(result: PlanningResult, thresholds: str) -> list[str]:
    """The straight-line method (no street network given)."""
    s = result.settings
    return [
        f"Erreichbarkeit: Luftlinie, nicht Fußweg. Alle Flächen und Entfernungen werden im "
        f"metrischen Koordinatensystem {s.crs} (ETRS89 / UTM 32N) berechnet. Um jedes Angebot "
        f"wird ein Kreis mit {', '.join(fmt_km(d) for d in s.distances_m)} Radius gelegt "
        f"(Vieleck mit {4 * QUAD_SEGS} Ecken, Fläche 0,2 % kleiner als der Kreis); die "
        "Vereinigung der Kreise wird mit dem Sozialraum geschnitten. Angebote jenseits der "
        "Grenze zählen mit, denn Menschen gehen über Stadtteilgrenzen. "
        + (f"Mit dem Bevölkerungsgitter {result.population_grid} ist der Anteil ein Anteil "
           "der Einwohner: gezählt werden die Gitterpunkte (bei Zellen deren Mittelpunkt) im "
           "erreichten Teil. Sozialräume ohne Einwohner im Gitter erhalten den Flächenanteil."
           if result.population_grid else
           "Liegt für einen Sozialraum nur eine Gesamtzahl der Einwohner vor, ist der "
           "bevölkerungsgewichtete Anteil gleich dem Flächenanteil: es wird angenommen, dass "
           "die Menschen gleichmäßig im Sozialraum wohnen."),
        "Entfernung zum nächsten Angebot: von der Mitte des Sozialraums (Schwerpunkt; liegt "
        "er außerhalb, etwa bei Ringform, ein Punkt im Inneren). Gehzeit = Luftlinie × "
        f"Umwegfaktor {fmt_number(s.detour_factor, 2)} ÷ {fmt_number(s.walking_speed_kmh, 1)}"
        f" km/h. Markiert wird ein Sozialraum, wenn das nächste Angebot weiter als die "
        f"Schwelle entfernt ist (Standard {fmt_km(s.default_threshold_m)}"
        + (f"; {thresholds}" if thresholds else "")
        + ") oder es keines gibt."
        + _left_out_sentence(result),
    ]


def _times(result: PlanningResult) -> str:
    s = result.settings
    return (
        "Zeiten: Aus den Öffnungszeiten (OpenStreetMap-Format) wird je Angebot ein Raster "
        "aus Viertelstunden einer Woche gebildet; je Kategorie zählt jede Viertelstunde, in "
        "der mindestens ein Angebot geöffnet ist. Regeln nur für bestimmte Monate oder Wochen "
        "zählen als geöffnet. Feiertags geöffnet ist ein Angebot, wenn es „PH“ mit Zeiten "
        f"angibt oder täglich geöffnet hat. Abends heißt: ab {s.evening_hour}:00 Uhr. "
        "Angebote ohne maschinenlesbare Öffnungszeiten (z. B. „nach Vereinbarung“) gehen "
        "nicht in die Stunden ein."
    )


def need_method_paragraphs(result: PlanningResult) -> list[str]:
    """How need against supply is computed, and where it stops being right (plain German)."""
    if not result.need:
        return []
    n = len(result.districts)
    top = max(1, math.ceil(n / 4))
    largest = max(result.settings.distances_m)
    return [
        "Bedarf: Eine Kennzahl gilt als Bedarf für die Kategorien, die in indicators.yml unter "
        "need_for stehen (z. B. die SGB-II-Quote für Essen und Beratung). Geschätzt wird die "
        "Zahl der Menschen mit Bedarf im Sozialraum: Quote × Einwohnerzahl aus "
        "districts.geojson, oder × Bezugsgröße (base, z. B. Einwohner unter 18); bei einer "
        "Anzahl ist es die Zahl selbst. Es gilt das jüngste Jahr der Tabelle.",
        "Angebot: gezählt wie in der Versorgungstabelle (Angebote mit Standort im Sozialraum "
        "am Stichtag; Angebote ohne festen Ort zählen in keinem), geteilt durch die Menschen "
        "mit Bedarf, mal 1.000. Der Durchschnitt ist die Summe aller Sozialräume: alle "
        "gezählten Angebote ÷ alle Menschen mit Bedarf × 1.000. Fehlbedarf = Menschen mit "
        "Bedarf × Durchschnitt ÷ 1.000 − vorhandene Angebote: so viele Angebote fehlen "
        "rechnerisch, damit der Sozialraum so versorgt ist wie der Durchschnitt.",
        f"Markierung: Hoher Bedarf heißt, der Wert gehört zum oberen Viertel der Sozialräume "
        f"(hier die {top} höchsten von {n}; bei gleichen Werten alle). Markiert wird ein "
        "Sozialraum mit hohem Bedarf, der kein Angebot hat, weniger Angebote je 1.000 als der "
        "Durchschnitt, oder dessen nächstes Angebot weiter entfernt ist als die Schwelle der "
        f"Kategorie. Zuerst stehen die, bei denen in {fmt_km(largest)} {result.distance_word} um "
        "die Mitte "
        "kein Angebot liegt, dann die ohne Angebot im Sozialraum oder mit weitem Weg, dann die "
        "mit wenig Angebot; innerhalb dieser Gruppen und danach ordnet der Fehlbedarf.",
        "Grenzen: Viele Quoten beziehen sich auf eine Bevölkerungsgruppe (SGB II: Menschen unter "
        "65 Jahren); ohne Bezugsgröße wird mit allen Einwohnern gerechnet, die Zahl der "
        "Menschen mit Bedarf ist dann etwas zu hoch — für den Vergleich der Sozialräume "
        "untereinander spielt das wenig Rolle. Ein Angebot ist nicht gleich groß wie ein "
        "anderes: Plätze, Ausgaben oder Beratungsstunden kennt der Atlas noch nicht (das "
        "Angebotsschema hat kein Feld für Kapazitäten), darum zählen hier nur Angebote. Kleine "
        "Zahlen schwanken von Jahr zu Jahr stark. Die Rechnung zeigt, wo man genauer hinsehen "
        "sollte — nicht, wie viele Angebote ein Sozialraum braucht.",
        "Karten: je Kennzahl bis zu fünf Stufen mit etwa gleich vielen Sozialräumen (mindestens "
        "zwei je Stufe); dunkler heißt "
        "mehr Bedarf (bei Kennzahlen, bei denen ein höherer Wert besser ist, umgekehrt). Die "
        "Helligkeit fällt von Stufe zu Stufe, so bleiben die Stufen auch in Graustufen "
        "unterscheidbar. Schraffiert: keine Angabe. Dicker schwarzer Rand mit Zahl: markierter "
        "Sozialraum, die Zahl ist sein Rang in der Tabelle.",
    ]
