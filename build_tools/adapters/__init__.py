"""Adapters: the only code that touches MkDocs (or another site builder) and the disk."""
