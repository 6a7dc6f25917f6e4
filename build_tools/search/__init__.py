"""Search: what each offer tells the search index, and the Pagefind run that builds it.

- :mod:`.records` — one small HTML document per offer (pure): its words in weighted blocks,
  its facts as words that mean what they say, the filters and the result metadata.
- :mod:`.words` — need words, fact words and the keyword index of the search page (pure).
- :mod:`.bundle` — the Pagefind binary over those documents: the search bundle (``pagefind/``).

The search page itself is a page like any other (:mod:`build_tools.pages.search`).
"""
