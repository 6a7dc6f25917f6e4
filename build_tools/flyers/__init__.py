"""Print flyers: an A6 card and an A4 tear-off poster per offer, and Wegweiser collections.

Modules, in the order a build uses them: :mod:`.texts` (what is printed, per language),
:mod:`.definitions` (``flyers/*.yml``), :mod:`.plan` (the jobs, QR and glyph checks — load
phase), :mod:`.fonts` / :mod:`.pen` (embedded TrueType, RTL), :mod:`.qr` (vector codes, 0.5 mm
rule), :mod:`.page` (bleed, boxes, CMYK), :mod:`.card`, :mod:`.poster`, :mod:`.collection` +
:mod:`.townmap`, :mod:`.cache` (content-hash PDF cache, used by the driver), and :mod:`.site`
(the site build's family); ``build_tools.commands.flyers`` is the CLI.
"""
