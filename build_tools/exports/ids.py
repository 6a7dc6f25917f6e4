"""Deterministic HSDS identifiers: UUIDv5 from our own ids.

The namespace is fixed for ever: changing it changes every identifier consumers have stored.
Every id is ``uuid5(NAMESPACE, "<kind>:<part>:<part>...")`` so an offer keeps its service id
across builds and machines, and the importer can recompute it.
"""

from __future__ import annotations

import uuid
from functools import lru_cache

NAMESPACE = uuid.UUID("5b0c7f4e-2d1a-5e8b-9c3f-a7e4d2b1c0f9")
"""The Angebotsatlas namespace for HSDS identifiers (never change it)."""


@lru_cache(maxsize=8192)
def hsds_id(kind: str, *parts: str) -> str:
    """The UUID of an HSDS object of ``kind`` (service, location, ...) named by ``parts``."""
    return str(uuid.uuid5(NAMESPACE, ":".join((kind, *parts))))
