"""Printed links never break: the ledger of printed URLs and the checks against it.

``flyers/printed-urls.txt`` lists every URL that went to print (one tab-separated line each:
date, URL, flyer file, category, title and the short link the QR code encodes). ``atlas flyers
--record`` appends to it; editors commit it with the order to the print shop. Every build then
proves that each recorded URL and short link still resolves (:func:`check_ledger`, run in the
load phase by ``atlas check`` and every build alike), and makes a redirect page for every
alias and every short link (:mod:`.site`).
"""

from .check import check_ledger
from .short import short_link_problems, short_targets
from .store import LedgerEntry, append_entries, read_ledger

__all__ = ["LedgerEntry", "append_entries", "check_ledger", "read_ledger", "short_link_problems",
           "short_targets"]
