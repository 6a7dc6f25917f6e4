"""Parse the subset of OpenStreetMap ``opening_hours`` that help offers need.

Grammar (tokens from :mod:`.lexer`; the docs in ``docs/opening-hours.md`` say the same for
editors)::

    hours      = rule { ";" rule } [ ";" ]
    rule       = comment                                  ; stands for the whole schedule
               | [ months ] "24/7" [ comment ]
               | [ months ] [ days ] ( times | "off" | "closed" ) [ comment ]
               | [ months ] days comment                  ; e.g. Sa "nach Vereinbarung" (closed)
    months     = month [ "-" month ] { "," month [ "-" month ] }      ; Nov-Mar wraps
    days       = day_item { "," day_item }
    day_item   = weekday [ "-" weekday ] | weekday "[" nth { "," nth } "]" | "PH"
    nth        = [ "-" ] 1..5                                          ; Mo[1], Fr[-1]
    times      = HH:MM "-" HH:MM { "," HH:MM "-" HH:MM }               ; end < start: next day
"""

from __future__ import annotations

from functools import lru_cache

from .lexer import DAY_HINT, MONTH_HINT, SYNTAX_HINT, TIME_HINT, Token, tokenize
from .model import DAY, WEEKDAYS, HoursError, Rule, Schedule, TimeSpan

_SEPARATE = "mehrere Regeln mit „;“ trennen, z. B. Mo 09:00-12:00; We 14:00-16:00"


@lru_cache(maxsize=8192)
def parse_hours(text: str) -> Schedule:
    """Parse ``text`` into a :class:`Schedule`; raise :class:`HoursError` at the first problem.

    Cached: check, pages, flyers, exports and JSON-LD all ask for the same strings. Treat the
    result as read-only (``Rule.nth`` is a plain dict).
    """
    if not text.strip():
        raise HoursError(0, "keine Öffnungszeiten angegeben", "z. B. Mo-Fr 09:00-12:00")
    tokens = tokenize(text)
    rules: list[Rule] = []
    comments: list[str] = []
    for index, part in enumerate(_split(tokens)):
        if not part.tokens:
            if index < part.total - 1 or part.separator is None:
                raise HoursError(part.separator or 0, "leere Regel zwischen zwei „;“", _SEPARATE)
            continue
        if len(part.tokens) == 1 and part.tokens[0].kind == "comment":
            comments.append(str(part.tokens[0].value))
            continue
        rules.append(_Rule(part.tokens, text).parse())
    return Schedule(tuple(rules), "; ".join(comments) or None)


class _Part:
    def __init__(self, tokens: list[Token], separator: int | None, total: int) -> None:
        self.tokens, self.separator, self.total = tokens, separator, total


def _split(tokens: list[Token]) -> list[_Part]:
    groups: list[list[Token]] = [[]]
    separators: list[int | None] = [None]
    for token in tokens:
        if token.kind == ";":
            groups.append([])
            separators.append(token.offset)
        else:
            groups[-1].append(token)
    return [_Part(g, s, len(groups)) for g, s in zip(groups, separators, strict=True)]


class _Rule:
    """A cursor over the tokens of one rule."""

    def __init__(self, tokens: list[Token], text: str) -> None:
        self.tokens, self.text, self.i = tokens, text, 0

    def peek(self, kind: str | None = None) -> Token | None:
        token = self.tokens[self.i] if self.i < len(self.tokens) else None
        return token if token and (kind is None or token.kind == kind) else None

    def take(self) -> Token:
        token = self.tokens[self.i]
        self.i += 1
        return token

    def end_offset(self) -> int:
        return self.tokens[self.i - 1].end if self.i else self.tokens[0].offset

    def parse(self) -> Rule:
        months = self.months() if self.peek("month") else frozenset()
        if self.peek("always"):
            self.take()
            return Rule(months=months, spans=(TimeSpan(0, DAY),), comment=self.comment())
        first = self.peek()
        weekdays: set[int] = set()
        nth: dict[int, set[int]] = {}
        holiday = False
        if self.peek("day") or self.peek("PH"):
            holiday = self.days(weekdays, nth)
        spans: tuple[TimeSpan, ...] = ()
        token = self.peek()
        if token is None:
            what = self.text[first.offset : self.end_offset()] if first else ""
            raise HoursError(first.offset if first else 0, f"nach „{what}“ fehlen die Zeiten",
                             "z. B. Mo-Fr 09:00-12:00 oder Mo-Fr off")
        if token.kind == "time":
            spans = self.times()
        elif token.kind == "off":
            self.take()
        elif token.kind == "always":
            raise HoursError(token.offset, "24/7 steht allein", "für ganze Tage: Mo-Fr 00:00-24:00")
        elif token.kind == "comment" and (weekdays or nth or holiday or months):
            pass
        else:
            raise self.unexpected(token)
        return Rule(frozenset(weekdays), {d: frozenset(k) for d, k in nth.items()}, months,
                    holiday, spans, self.comment())

    def comment(self) -> str | None:
        comment = str(self.take().value) if self.peek("comment") else None
        token = self.peek()
        if token is not None:
            raise self.unexpected(token)
        return comment

    def unexpected(self, token: Token) -> HoursError:
        if token.kind in ("day", "PH"):
            return HoursError(token.offset, f"„{token.text}“ steht an der falschen Stelle",
                              "Wochentage vor den Zeiten, z. B. Mo-Fr 09:00-12:00")
        if token.kind == "month":
            return HoursError(token.offset, f"„{token.text}“ steht an der falschen Stelle",
                              "Monate am Anfang der Regel, z. B. Nov-Mar Mo-Fr 18:00-08:00")
        if token.kind == "num":
            return HoursError(token.offset, f"„{token.text}“ ist keine Uhrzeit", TIME_HINT)
        if token.kind == "time":
            return HoursError(token.offset, f"„{token.text}“ steht an der falschen Stelle",
                              "mehrere Zeitspannen mit Komma trennen: 09:00-12:00,14:00-16:00")
        if token.kind == "comment":
            return HoursError(token.offset, "Kommentar steht an der falschen Stelle",
                              'Kommentar am Ende der Regel: Mo 09:00-12:00 "nach Vereinbarung"')
        return HoursError(token.offset, f"„{token.text}“ an dieser Stelle unerwartet", SYNTAX_HINT)

    def months(self) -> frozenset[int]:
        found: set[int] = set()
        while True:
            start = self.take()
            end = start
            if self.peek("-"):
                dash = self.take()
                if not self.peek("month"):
                    raise HoursError(dash.offset + 1 if self.peek() is None else self.peek().offset,
                                     f"nach „{start.text}-“ fehlt der Monat", MONTH_HINT)
                end = self.take()
            if self.peek("num"):
                num = self.peek()
                raise HoursError(num.offset, f"Tagesangaben wie „{start.text} {num.text}“ werden nicht unterstützt",
                                 "nur ganze Monate (z. B. Nov-Mar) oder die Saison im Feld season")
            found.update(_cycle(int(start.value), int(end.value), 12, 1))  # type: ignore[arg-type]
            if not (self.peek(",") and self._next_is("month")):
                return frozenset(found)
            self.take()

    def days(self, weekdays: set[int], nth: dict[int, set[int]]) -> bool:
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
                raise HoursError(nxt.offset if nxt else comma.offset,
                                 "nach „,“ fehlt ein Wochentag", DAY_HINT + " oder PH")

    def nth(self) -> set[int]:
        self.take()  # [
        found: set[int] = set()
        while True:
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
            found.add(sign * int(token.value))  # type: ignore[arg-type]
            if self.peek("]"):
                self.take()
                return found
            if not self.peek(","):
                at = self.peek().offset if self.peek() else self.end_offset()
                raise HoursError(at, "„]“ fehlt", "z. B. Mo[1] oder Fr[-1]")
            self.take()

    def times(self) -> tuple[TimeSpan, ...]:
        spans: list[TimeSpan] = []
        while True:
            start = self.take()
            if start.value == DAY:
                raise HoursError(start.offset, "eine Zeitspanne kann nicht um 24:00 beginnen",
                                 TIME_HINT + "; ganzer Tag: 00:00-24:00")
            if not self.peek("-"):
                at = self.peek().offset if self.peek() else start.end
                raise HoursError(at, f"nach „{start.text}“ fehlt „-“ und die Endzeit", TIME_HINT)
            self.take()
            end = self.peek()
            if end is None or end.kind != "time":
                if end is not None and end.kind == "num":
                    raise HoursError(end.offset, f"„{end.text}“ ist keine Uhrzeit", TIME_HINT)
                raise HoursError(end.offset if end else start.end, f"nach „{start.text}-“ fehlt die Endzeit", TIME_HINT)
            self.take()
            begin, finish = int(start.value), int(end.value)  # type: ignore[arg-type]
            if finish == begin:
                raise HoursError(start.offset, f"„{start.text}-{end.text}“ hat keine Dauer",
                                 TIME_HINT + "; ganzer Tag: 00:00-24:00")
            spans.append(TimeSpan(begin, finish if finish > begin else finish + DAY))
            if not self.peek(","):
                return tuple(sorted(spans))
            comma = self.take()
            nxt = self.peek()
            if nxt is None or nxt.kind != "time":
                if nxt is not None and nxt.kind in ("day", "PH", "month"):
                    raise HoursError(comma.offset, "„,“ zwischen zwei Regeln", _SEPARATE)
                raise HoursError(nxt.offset if nxt else comma.offset, "nach „,“ fehlt eine Zeitspanne", TIME_HINT)

    def _next_is(self, kind: str) -> bool:
        return self.i + 1 < len(self.tokens) and self.tokens[self.i + 1].kind == kind


def _cycle(first: int, last: int, size: int, base: int) -> list[int]:
    """``first..last`` inclusive, wrapping (Fr-Mo, Nov-Mar)."""
    count = (last - first) % size + 1
    return [base + (first - base + k) % size for k in range(count)]


__all__ = ["parse_hours", "WEEKDAYS"]
