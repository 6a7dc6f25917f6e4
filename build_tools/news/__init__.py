"""What changed, for street workers and partner sites: the page „Neu und geändert“ (``/neu/``),
its Atom feed (``/neu.xml``) and the embeddable widget pages (``/einbetten/…``).

:mod:`.changes` decides which offers are new, changed or ended and since when (pure: from the Git
history of the load phase, else from the offers' own dates), :mod:`.feed` writes Atom 1.0,
:mod:`.widgets` the iframe pages, :mod:`.site` is the renderer family.
"""
