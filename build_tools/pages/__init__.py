"""Page renderers: the catalog → page bodies (escaped HTML) for the site.

Python decides what a page says (``offer.py``, ``lists.py``, ``home.py``, ``jsonld.py``);
templates in ``site_templates/atlas/`` decide how it looks. ``site.contribute`` hands all pages
to an adapter (the MkDocs plugin, or any other writer).
"""
