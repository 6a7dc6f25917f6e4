"""One Jinja2 environment over ``site_templates/atlas/``, escaping by construction.

``autoescape=True`` for every template: a value from YAML can only reach the page unescaped
if Python marks it safe on purpose (sanitised Markdown, JSON made safe for ``<script>``).
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE_DIR = ROOT / "site_templates" / "atlas"


def script_json(data: Any) -> Markup:
    """JSON safe inside ``<script type="application/json">``: no ``<``, ``>``, ``&`` survive."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    text = (
        text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
        .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    )
    return Markup(text)  # noqa: S704 - escaped above for the script context


@lru_cache(maxsize=4)
def environment(template_dir: str = str(TEMPLATE_DIR)) -> Environment:
    """The shared environment (cached: one per build, not one per page)."""
    env = Environment(
        loader=FileSystemLoader(template_dir),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
    env.filters["script_json"] = script_json
    return env


def render(template_name: str, /, **context: Any) -> str:
    """Render one template of ``site_templates/atlas/`` with ``context``."""
    return environment().get_template(template_name).render(**context)
