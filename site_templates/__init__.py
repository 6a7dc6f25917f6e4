"""How an atlas looks, shipped as package data: read through :mod:`build_tools.resources`.

- ``atlas/``: Jinja templates of every generated page and fragment (one environment,
  :mod:`build_tools.templating`; a project's ``theme.custom_dir``/``atlas/`` overrides any of them).
- ``overrides/``: Material theme overrides (put behind the project's own ``custom_dir``).
- ``assets/``: published at ``assets/`` (CSS, our scripts, vendored Leaflet).
- ``fonts/``: the flyers' embedded fonts (DejaVu Sans, with licence).
- ``project/``: what ``atlas init`` writes into a new atlas project.
"""
