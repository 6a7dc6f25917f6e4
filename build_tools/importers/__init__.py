"""Importers: foreign formats → offer and organization YAML files (``atlas import``)."""
