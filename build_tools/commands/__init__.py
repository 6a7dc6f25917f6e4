"""Subcommands of the ``atlas`` CLI: one module each, with ``add_arguments`` and ``run``.

A new subcommand is a module here plus one line in :data:`COMMANDS` (module name → help text).
The help texts live here so that ``atlas`` imports only the module of the command it runs.
"""

COMMANDS = {
    "init": "Neues Atlas-Projekt anlegen (Einstellungen, Beispielinhalte, Seiten, Flyer, CI)",
    "check": "Inhalte prüfen (Exit 0: gut, 1: Fehler im Inhalt, 2: Aufruf falsch)",
    "fix": "Öffnungszeiten in die übliche Schreibweise bringen (zeigt erst die Änderungen)",
    "new": "Neues Angebot aus einer kommentierten Vorlage anlegen",
    "schema": "JSON-Schema für Editoren und die Feldreferenz schreiben",
    "build": "Website bauen (MkDocs + Material) – erst in einen Zwischenordner, dann austauschen",
    "flyers": "Flyer drucken: Karte (A6) und Aushang (A4) je Angebot, Wegweiser aus flyers/*.yml",
    "export": "Offene Daten (GeoJSON, CSV, HSDS 3.0) schreiben",
    "import_": "Angebote aus HSDS-3.0-JSON oder einem OpenStreetMap-Export übernehmen (gleicht mit früheren Importen ab)",
    "report": "Planungsbericht (Versorgung, Erreichbarkeit, Zeiten, Bedarf) als Markdown, CSV und PDF",
    "capacity": "Freie Plätze eines Angebots in die Platz-Datei schreiben (atlas capacity set ID N)",
    "generate": "Synthetische Inhalte erzeugen (für Benchmarks und Lasttests)",
}
