"""Indicators per district (Sozialraum): the figures a statistics office keeps, as data.

:mod:`.load` reads ``content/indicators.yml`` and ``content/indicators.csv`` in the load phase;
:mod:`.model` holds the typed values every renderer reads (district profiles, planning).
"""

from .load import load_indicators
from .model import AtlasValue, Indicator, IndicatorSet, Unit

__all__ = ["AtlasValue", "Indicator", "IndicatorSet", "Unit", "load_indicators"]
