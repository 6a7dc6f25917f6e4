"""Printed links never break: the ledger of printed URLs and the checks against it.

``flyers/printed-urls.txt`` lists every URL that went to print (one tab-separated line each:
date, URL, flyer file, category, title). ``atlas flyers --record`` appends to it; editors commit it
with the order to the print shop. Every build then proves that each recorded URL still resolves.
"""

from .check import check_ledger, ledger_path
from .store import LedgerEntry, append_entries, read_ledger

__all__ = ["LedgerEntry", "append_entries", "check_ledger", "ledger_path", "read_ledger"]
