"""Print flyers: an A6 card and an A4 tear-off poster per offer, and Wegweiser collections.

Modules, in the order a build uses them: :mod:`.texts` (what is printed, per language),
:mod:`.definitions` (``flyers/*.yml``), :mod:`.plan` (the jobs, QR and glyph checks — load
phase), :mod:`.fonts` / :mod:`.pen` (embedded TrueType, RTL), :mod:`.qr` (vector codes, 0.5 mm
rule), :mod:`.page` (bleed, boxes, CMYK, the 5 mm safe margin), :mod:`.blocks` (what card and
poster share), :mod:`.card`, :mod:`.poster`, the Wegweiser in :mod:`.collection_data` (what it
lists), :mod:`.collection_layout` (how it flows) and :mod:`.collection` (drawing it), its town
map in :mod:`.townmap` + :mod:`.mapmarkers` (spreading crowded markers) + :mod:`.mapdecor`
(names, scale bar, north arrow, legend), :mod:`.icons`, :mod:`.cache` (content-hash PDF cache,
used by the driver), and :mod:`.site` (the site build's family); ``build_tools.commands.flyers``
is the CLI. Papers and dogs are worded by :mod:`build_tools.facts`, shared with the offer page.
"""
