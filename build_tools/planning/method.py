"""The method section, in German, shared by the pages and the reports."""

from __future__ import annotations

from .analysis import PlanningResult
from .numbers import fmt_km, fmt_number
from .reachability import QUAD_SEGS


def method_paragraphs(result: PlanningResult) -> list[str]:
    """Short paragraphs a committee member can follow."""
    s = result.settings
    thresholds = ", ".join(
        f"{label} {fmt_km(s.threshold(c))}" for c, label in result.categories
        if c in s.thresholds_m
    )
    mobile = sum(result.mobile.values())
    unplaced = sum(result.unplaced.values())
    outside = sum(result.outside.values())
    return [
        "Gezählt werden offene Angebote: veröffentlicht, nicht beendet und nicht "
        "vorübergehend geschlossen. Ein Angebot zählt in seiner Hauptkategorie und in jeder "
        "weiteren Kategorie. Vertrauliche Angebote (z. B. Schutzwohnungen) zählen in allen "
        "Zahlen mit, werden aber auf keiner Karte gezeigt.",
        "Versorgung: Anzahl der Angebote mit Standort im Sozialraum; Angebote ohne festen "
        "Ort (z. B. Streetwork) zählen in jedem Sozialraum ihres Einsatzgebiets. Je 10.000 "
        "Einwohner: Anzahl × 10.000 ÷ Einwohnerzahl des Sozialraums laut districts.geojson "
        "(Quelle: kommunale Statistikstelle bzw. Zensus)."
        + (f" {outside} Zuordnungen betreffen Angebote außerhalb aller Sozialräume: sie "
           "zählen bei den Entfernungen, nicht in der Matrix." if outside else ""),
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
        + (f" {mobile} Angebote ohne festen Ort gehen nicht in Entfernungen ein." if mobile
           else "")
        + (f" {unplaced} geschützte Angebote ohne Koordinaten zählen in der Versorgung ihres "
           "Sozialraums, nicht in den Entfernungen." if unplaced else ""),
        "Zeiten: Aus den Öffnungszeiten (OpenStreetMap-Format) wird je Angebot ein Raster "
        "aus Viertelstunden einer Woche gebildet; je Kategorie zählt jede Viertelstunde, in "
        "der mindestens ein Angebot geöffnet ist. Regeln nur für bestimmte Monate oder Wochen "
        "zählen als geöffnet. Feiertags geöffnet ist ein Angebot, wenn es „PH“ mit Zeiten "
        f"angibt oder täglich geöffnet hat. Abends heißt: ab {s.evening_hour}:00 Uhr. "
        "Angebote ohne maschinenlesbare Öffnungszeiten (z. B. „nach Vereinbarung“) gehen "
        "nicht in die Stunden ein.",
    ]
