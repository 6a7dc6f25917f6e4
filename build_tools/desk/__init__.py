"""The editors' desk ``/redaktion/``: which offers to check first, and a CSV to write to providers.

:mod:`.findings` decides what is missing or odd about one offer (pure), :mod:`.model` gathers the
desk's rows from the build's inputs (review age by :func:`build_tools.validation.review.review_due`,
the warnings ``atlas check`` gives, Git history), :mod:`.csvfile` writes the CSV and :mod:`.site`
is the renderer family. The desk is ``noindex``, has no search record, is left out of the
sitemap and the nav, and ``editorial_desk: false`` switches it off.
"""
