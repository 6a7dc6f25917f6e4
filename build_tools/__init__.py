"""Angebotsatlas: turns one YAML file per help offer into a website, flyers and open data.

A build has two phases, driven by :mod:`build_tools.build`::

    inputs  = build.load(project)         # everything a build reads, validated; all problems at once
    outputs = build.render(inputs, tools) # renderer families, in a fixed order; pure
    # adapters write: adapters.mkdocs_plugin (MkDocs virtual files), commands.build (atomic swap)

Module map, one room per stage:

- **Project and settings** — :mod:`.project` (mkdocs.yml with positions, the folders of a
  project), :mod:`.config` (typed settings per area), :mod:`.resources` (package data:
  templates, assets, fonts, the ``atlas init`` skeleton), :mod:`.clock` (the build's "today").
- **Load** — :mod:`.yamlio` (safe YAML with line marks), :mod:`.content` (the content folder),
  :mod:`.credits` (the credit imported data asks for), :mod:`.alerts` (dated site-wide
  alerts: references, the pages they concern), :mod:`.geo` (districts), :mod:`.indicators`
  (indicators per district: statistics table and its description), :mod:`.history` (the offer
  files' Git history: one ``git log`` with a timeout, commit dates), :mod:`.problems` (errors
  as data).
- **Validate** — :mod:`.schema` (the offer schema, declared once), :mod:`.validation`
  (cross-file and field rules), :mod:`.opening_hours` (parser, evaluator, texts),
  :mod:`.languages` (language codes and names), :mod:`.i18n` (one catalogue of interface words
  per language, the languages a site is built in).
- **Model** — :mod:`.catalog` (pure: offers and their reference data), :mod:`.urls` (the one
  authority on every path), :mod:`.facts` (papers and dogs in one wording for pages and flyers),
  :mod:`.counts` (how many offers are listed, on the map, without a fixed place: one definition
  for every page that prints a number),
  :mod:`.pictograms` (the category pictograms, one drawing for paper and screen),
  :mod:`.capacity` (live free places: which file an offer's page fetches, the feed file),
  :mod:`.hyphenation` (German syllables for a few words, from only the patterns they need).
- **Renderers** (``inputs → pages + files``) — :mod:`.pages`, :mod:`.maps`, :mod:`.flyers`
  (plan in the load phase, PDFs in the render phase), :mod:`.exports`, :mod:`.planning`,
  :mod:`.ledger` (printed URLs, redirect pages), :mod:`.news` („Neu und geändert“, the Atom
  feed, widget pages for partners' iframes), :mod:`.desk` (the editors' desk ``/redaktion/``
  and its CSV); :mod:`.templating` is their one Jinja
  environment, :mod:`.security` keeps output inert, :mod:`.search` gives every offer its
  search record and runs Pagefind over them (the search bundle).
- **Driver** — :mod:`.build` (load, render, deferred files), :mod:`.parallel` (fork, pool,
  the offer pages shared out between both processes), :mod:`.memo` (remembering between
  ``mkdocs serve`` rebuilds, and pure results kept in the project's cache between builds),
  :mod:`.outputs` (what renderers return), :mod:`.precompress` (the ``.gz`` and ``.br`` twins of the built site's text files),
  :mod:`.atomic` (files written whole or not at all: caches, the capacity feed).
- **Adapters** — :mod:`.adapters` (MkDocs plugin, preview, atomic site swap; offer pages
  filled into one rendered shell per group instead of the theme once a page; our files
  delivered into the site by a forked process while MkDocs renders its pages), :mod:`.cli` and
  :mod:`.commands` (``atlas …``), :mod:`.importers` (HSDS in).
- **Tools for editors and maintainers** — :mod:`.jsonschema_out` and :mod:`.field_docs`
  (editor schema, field reference), :mod:`.translation_report` (what is translated, what
  is missing or older; ``atlas check``), :mod:`.offer_template` (``atlas new``), :mod:`.synthetic`
  (``atlas generate``), :mod:`.linkcheck`, :mod:`.vendor`.
"""

__version__ = "0.2.0"
