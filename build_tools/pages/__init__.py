"""Page renderers: the catalog → page bodies (escaped HTML) for the site.

Python decides what a page says (``offer.py``, ``lists.py``, ``home.py``, ``jsonld.py``);
templates in ``site_templates/atlas/`` decide how it looks. :func:`.site.render` is the pages
family of a build (see :mod:`build_tools.build`).
"""
