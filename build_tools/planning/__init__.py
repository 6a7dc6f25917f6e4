"""Planning figures for social planners: coverage, reachability and time coverage.

The analysis (:mod:`.analysis`) takes a :class:`~build_tools.catalog.Catalog` and returns plain
values; renderers turn them into web pages (:mod:`.pages`), Markdown, CSV and a PDF report.
"""
