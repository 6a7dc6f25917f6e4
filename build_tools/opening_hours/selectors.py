"""The parts of one rule: dates and months, weeks, weekdays, times — a cursor over the tokens.

:class:`Cursor` is what :mod:`.parser` drives; each method reads one selector and raises
:class:`HoursError` at the token that does not fit, with the fix in the editor's terms.
"""

from __future__ import annotations

from .lexer import DAY_HINT, MONTH_HINT, TIME_HINT, Token
from .model import DAY, MONTHS, DateRange, HoursError, TimeSpan, open_end_guess

SEPARATE = "mehrere Regeln mit „;“ trennen, z. B. Mo 09:00-12:00; We 14:00-16:00"
_MONTH_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
RULE_START = ("day", "PH", "month", "week", "always", "comment")


def is_year(token: Token | None) -> bool:
    """A four-digit number that can be a year (1900–2199)."""
    return token is not None and token.kind == "num" and len(token.text) == 4 and 1900 <= int(token.value) < 2200  # type: ignore[arg-type]


class Cursor:
    """Tokens of the whole string and a position; ``fixes`` collects readable-colon removals."""

    def __init__(self, tokens: list[Token], text: str) -> None:
        self.tokens, self.text, self.i = tokens, text, 0

    def peek(self, kind: str | None = None, ahead: int = 0) -> Token | None:
        at = self.i + ahead
        token = self.tokens[at] if at < len(self.tokens) else None
        return token if token and (kind is None or token.kind == kind) else None

    def take(self) -> Token:
        token = self.tokens[self.i]
        self.i += 1
        return token

    def end_offset(self) -> int:
        return self.tokens[self.i - 1].end if self.i else 0

    def starts_rule(self, ahead: int = 0) -> bool:
        """Can a new rule begin at this token (after a ``,`` between rules)?"""
        token = self.peek(ahead=ahead)
        return token is not None and (token.kind in RULE_START or is_year(token))

    # --- months and dates -----------------------------------------------------------------

    def wide(self) -> tuple[frozenset[int], tuple[DateRange, ...]]:
        """``Nov-Mar``, ``Dec 24-26``, ``Dec 24,31``, ``2025 Nov 22``, ``2024 Oct 07-2026 Jun 01``."""
        months: set[int] = set()
        dates: list[DateRange] = []
        last = self._wide_item(months, dates)
        while self.peek(","):
            nxt = self.peek(ahead=1)
            if nxt is not None and (nxt.kind == "month" or is_year(nxt)):
                self.take()
                last = self._wide_item(months, dates)
            elif nxt is not None and nxt.kind == "num" and last is not None and self.peek("-", 2) is None:
                self.take()
                day = self._day_of_month(last.end[0], last.years)
                years = (last.years[1], last.years[1]) if last.years else None
                last = DateRange((last.end[0], day), (last.end[0], day), years)
                dates.append(last)
            else:
                break
        if dates and months:  # one list mixes months and dates: all of it as dates
            dates += [DateRange((m, 1), (m, _MONTH_DAYS[m - 1])) for m in sorted(months)]
            months = set()
        return frozenset(months), tuple(dates)

    def _wide_item(self, months: set[int], dates: list[DateRange]) -> DateRange | None:
        year = int(self.take().value) if is_year(self.peek()) else None  # type: ignore[arg-type]
        start = self.peek()
        if start is None or start.kind != "month":
            at = start.offset if start else self.end_offset()
            raise HoursError(self.tokens[self.i - 1].offset if year else at,
                             "eine Jahreszahl steht nur vor einem Datum",
                             "z. B. 2025 Nov 22 11:00-17:00 oder 2024 Oct 07-2026 Jun 01 off")
        self.take()
        first = int(start.value)  # type: ignore[arg-type]
        years = (year, year) if year else None
        day = self._day_of_month(first, years) if self._day_follows() else None
        end_month, end_day, end_year = first, day, year
        if self.peek("-"):
            dash = self.take()
            if is_year(self.peek()):
                end_year = int(self.take().value)  # type: ignore[arg-type]
            token = self.peek()
            if token is not None and token.kind == "month":
                end_month = int(self.take().value)  # type: ignore[arg-type]
                end_day = self._day_of_month(end_month, years) if self._day_follows() else None
            elif token is not None and token.kind == "num" and day is not None:
                end_day = self._day_of_month(end_month, years)
            else:
                raise HoursError(token.offset if token else dash.offset + 1,
                                 f"nach „{start.text}-“ fehlt der Monat", MONTH_HINT)
        if end_year is not None and year is None:
            raise HoursError(start.offset, "Jahreszahl am Anfang fehlt", "beide Daten mit Jahr: 2024 Oct 07-2026 Jun 01")
        if day is None and end_day is None and year is None:
            months.update(_cycle(first, end_month, 12, 1))
            return None
        found = DateRange((first, day or 1), (end_month, end_day or _MONTH_DAYS[end_month - 1]),
                          (year, end_year or year) if year else None)
        if found.years and (found.years[0], *found.start) > (found.years[1], *found.end):
            raise HoursError(start.offset, "das Ende liegt vor dem Anfang", "z. B. 2024 Oct 07-2026 Jun 01")
        dates.append(found)
        return found

    def _day_follows(self) -> bool:
        token = self.peek("num")
        return token is not None and not is_year(token)

    def _day_of_month(self, month: int, years: tuple[int, int] | None) -> int:
        token = self.take()
        day = int(token.value)  # type: ignore[arg-type]
        if not 1 <= day <= _MONTH_DAYS[month - 1] or (month == 2 and day == 29 and years and years[0] % 4):
            raise HoursError(token.offset, f"den {day}. {MONTHS[month - 1]} gibt es nicht", "Tag im Monat, z. B. Dec 24")
        return day

    # --- weeks, weekdays ------------------------------------------------------------------

    def weeks(self) -> frozenset[int]:
        """``week 1-53/2``, ``week 48``, ``week 01,03``."""
        self.take()
        found: set[int] = set()
        while True:
            first = self._week_number()
            last, step = first, 1
            if self.peek("-"):
                self.take()
                last = self._week_number()
                if self.peek("/"):
                    self.take()
                    token = self.peek("num")
                    if token is None:
                        raise HoursError(self.end_offset(), "nach „/“ fehlt die Schrittweite", "z. B. week 1-53/2")
                    step = max(1, int(self.take().value))  # type: ignore[arg-type]
            found.update(range(first, last + 1, step) if first <= last else [*range(first, 54, step)])
            if not (self.peek(",") and self.peek("num", 1)):
                return frozenset(found)
            self.take()

    def _week_number(self) -> int:
        token = self.peek()
        if token is None or token.kind != "num" or not 1 <= int(token.value) <= 53:  # type: ignore[arg-type]
            raise HoursError(token.offset if token else self.end_offset(), "Kalenderwoche 1 bis 53 erwartet", "z. B. week 1-53/2 We 10:00-12:00")
        return int(self.take().value)  # type: ignore[arg-type]

    def days(self, weekdays: set[int], nth: dict[int, set[int]]) -> bool:
        """Weekdays, ranges, ``Mo[1]``, ``PH``; returns whether PH was among them."""
        holiday = False
        while True:
            token = self.take()
            if token.kind == "PH":
                holiday = True
            elif self.peek("["):
                nth.setdefault(int(token.value), set()).update(self.nth())  # type: ignore[arg-type]
            elif self.peek("-"):
                dash = self.take()
                end = self.peek()
                if end is None or end.kind != "day":
                    raise HoursError(end.offset if end else dash.offset,
                                     f"nach „{token.text}-“ fehlt der Wochentag", DAY_HINT)
                self.take()
                weekdays.update(_cycle(int(token.value), int(end.value), 7, 0))  # type: ignore[arg-type]
            else:
                weekdays.add(int(token.value))  # type: ignore[arg-type]
            if not self.peek(","):
                return holiday
            comma = self.take()
            if not (self.peek("day") or self.peek("PH")):
                nxt = self.peek()
                raise HoursError(nxt.offset if nxt else comma.offset, "nach „,“ fehlt ein Wochentag", DAY_HINT + " oder PH")

    def nth(self) -> set[int]:
        """``[1]``, ``[1,3]``, ``[-1]``, ``[1-3]``."""
        self.take()  # [
        found: set[int] = set()
        while True:
            first = self._nth_value()
            if self.peek("-") and self.peek("num", 1):
                self.take()
                last = self._nth_value()
                found.update(range(first, last + 1) if first > 0 and last >= first else [first, last])
            else:
                found.add(first)
            if self.peek("]"):
                self.take()
                return found
            if not self.peek(","):
                at = self.peek().offset if self.peek() else self.end_offset()  # type: ignore[union-attr]
                raise HoursError(at, "„]“ fehlt", "z. B. Mo[1] oder Fr[-1]")
            self.take()

    def _nth_value(self) -> int:
        sign = -1 if self.peek("-") else 1
        if sign < 0:
            self.take()
        token = self.peek()
        if token is None or token.kind != "num" or not 1 <= int(token.value) <= 5:  # type: ignore[arg-type]
            at = token.offset if token else self.end_offset()
            shown = token.text if token else ""
            raise HoursError(at, f"„[{shown}]“: diese Woche im Monat gibt es nicht",
                             "[1] bis [5] für den ersten bis fünften, [-1] für den letzten")
        self.take()
        return sign * int(token.value)  # type: ignore[arg-type]

    # --- times ----------------------------------------------------------------------------

    def times(self) -> tuple[TimeSpan, ...]:
        """``09:00-12:00,14:00-16:00``, ``20:00-08:00`` (next day), ``18:00+`` (open end).

        A ``,`` followed by something that starts a rule is left for the caller: it joins an
        additional rule (``Mo-Fr 09:00-12:00, We 14:00-16:00``)."""
        spans: list[TimeSpan] = []
        while True:
            start = self.take()
            if start.value == DAY:
                raise HoursError(start.offset, "eine Zeitspanne kann nicht um 24:00 beginnen",
                                 TIME_HINT + "; ganzer Tag: 00:00-24:00")
            begin = int(start.value)  # type: ignore[arg-type]
            if self.peek("+"):
                self.take()  # 00:00+ is the whole day (so the reference reads it)
                spans.append(TimeSpan(0, DAY) if begin == 0 else TimeSpan(begin, open_end_guess(begin), True))
            else:
                spans.append(self._span_end(start, begin))
            if not self.peek(","):
                return tuple(sorted(spans))
            nxt = self.peek(ahead=1)
            if nxt is not None and nxt.kind == "time":
                self.take()
                continue
            if self.starts_rule(1):
                return tuple(sorted(spans))
            comma = self.take()
            raise HoursError(nxt.offset if nxt else comma.offset, "nach „,“ fehlt eine Zeitspanne", TIME_HINT)

    def _span_end(self, start: Token, begin: int) -> TimeSpan:
        if not self.peek("-"):
            at = self.peek().offset if self.peek() else start.end  # type: ignore[union-attr]
            raise HoursError(at, f"nach „{start.text}“ fehlt „-“ und die Endzeit",
                             TIME_HINT + "; offenes Ende: 18:00+")
        self.take()
        end = self.peek()
        if end is None or end.kind != "time":
            if end is not None and end.kind == "num":
                raise HoursError(end.offset, f"„{end.text}“ ist keine Uhrzeit", TIME_HINT)
            raise HoursError(end.offset if end else start.end, f"nach „{start.text}-“ fehlt die Endzeit", TIME_HINT)
        self.take()
        if self.peek("+"):
            raise HoursError(self.peek().offset, "„+“ nach einer Endzeit wird nicht unterstützt",  # type: ignore[union-attr]
                             "entweder Endzeit (18:00-22:00) oder offenes Ende (18:00+)")
        finish = int(end.value)  # type: ignore[arg-type]
        if finish == begin:
            raise HoursError(start.offset, f"„{start.text}-{end.text}“ hat keine Dauer",
                             TIME_HINT + "; ganzer Tag: 00:00-24:00")
        return TimeSpan(begin, finish if finish > begin else finish + DAY)


def _cycle(first: int, last: int, size: int, base: int) -> list[int]:
    """``first..last`` inclusive, wrapping (Fr-Mo, Nov-Mar)."""
    count = (last - first) % size + 1
    return [base + (first - base + k) % size for k in range(count)]
