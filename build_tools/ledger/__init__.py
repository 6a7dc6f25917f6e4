"""Printed links never break: the ledger of printed URLs and the checks against it.

``flyers/printed-urls.txt`` lists every URL that went to print (one tab-separated line each:
date, URL, flyer file, category, title). ``atlas flyers --record`` appends to it; editors commit it
with the order to the print shop. Every build then proves that each recorded URL still resolves
(:func:`check_ledger`, run in the load phase by ``atlas check`` and every build alike).
"""

from .check import check_ledger
from .store import LedgerEntry, append_entries, read_ledger

__all__ = ["LedgerEntry", "append_entries", "check_ledger", "read_ledger"]
