"""Open-data exports: GeoJSON, CSV and HSDS 3.0 JSON, plus the /daten/ page.

Each renderer takes a :class:`~build_tools.catalog.Catalog` and returns bytes or strings;
:mod:`.site` hands them to the site build, ``atlas export`` writes them to a folder.
"""
