"""Benchmarks of Angebotsatlas (run with ``make bench``); synthetic content via :mod:`.generate`."""
