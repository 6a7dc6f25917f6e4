"""Angebotsatlas: turns one YAML file per help offer into a website, flyers and open data.

Stages, one module (or sub-package) each:
load (:mod:`yamlio`) → validate (:mod:`schema`, :mod:`content`) → model (:mod:`catalog`)
→ renderers (pages, maps, flyers, exports) → adapters (:mod:`cli`, :mod:`adapters.mkdocs_plugin`).
"""

__version__ = "0.2.0"
