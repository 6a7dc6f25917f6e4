"""Parse OpenStreetMap ``opening_hours`` as real data writes it.

Grammar (tokens from :mod:`.lexer`, selectors from :mod:`.selectors`; ``docs/opening-hours.md``
says the same for editors)::

    hours      = rule { ( ";" | "," | "||" ) rule } [ ";" ]
                 ; "," joins an additional rule (adds), "||" a fallback rule
    rule       = comment                                   ; stands for the whole schedule
               | [ wide ] [ weeks ] [ ":" ] "24/7" [ comment ]
               | [ wide ] [ weeks ] [ ":" ] [ days [ ":" ] ] ( times [ state ] | state ) [ comment ]
               | [ wide ] [ weeks ] [ ":" ] days [ ":" ] comment
    wide       = item { "," item } ; item = [year] month [day] [ "-" [year] [month] [day] ]
                 ; Nov-Mar, Dec 24-26, Dec 24,31, 2025 Nov 22, 2024 Oct 07-2026 Jun 01
    weeks      = "week" n [ "-" n [ "/" step ] ] { "," ... }
    days       = day_item { "," day_item }
    day_item   = weekday [ "-" weekday ] | weekday "[" nth { "," nth } "]" | "PH"
    nth        = [ "-" ] 1..5 [ "-" 1..5 ]                     ; Mo[1], Fr[-1], We[1-3]
    times      = span { "," span } ; span = HH:MM "-" HH:MM | HH:MM "+"
    state      = "off" | "closed" | "open" | "unknown"
"""

from __future__ import annotations

from functools import lru_cache

from .lexer import SYNTAX_HINT, TIME_HINT, Token, tokenize
from .model import DAY, WEEKDAYS, HoursError, Rule, Schedule, TimeSpan
from .selectors import SEPARATE, Cursor, is_year

_STATES = ("off", "open", "unknown")


@lru_cache(maxsize=8192)
def parse_hours(text: str) -> Schedule:
    """Parse ``text`` into a :class:`Schedule`; raise :class:`HoursError` at the first problem.

    Cached: check, pages, flyers, exports and JSON-LD all ask for the same strings. Treat the
    result as read-only (``Rule.nth`` is a plain dict).
    """
    if not text.strip():
        raise HoursError(0, "keine Öffnungszeiten angegeben", "z. B. Mo-Fr 09:00-12:00")
    return _Parser(tokenize(text), text).schedule()


class _Parser(Cursor):
    def schedule(self) -> Schedule:
        rules: list[Rule] = []
        comments: list[str] = []
        join, before = ";", None
        while True:
            token = self.peek()
            if token is None or token.kind in (";", "||"):
                if token is None and join == ";" and before is not None:
                    break  # a trailing ";"
                if join == "||" or (token is not None and token.kind == "||"):
                    raise HoursError(before.offset if before else 0, "„||“ ohne Regel davor oder danach",
                                     'z. B. Mo-Fr 09:00-12:00 || "nach Vereinbarung"')
                raise HoursError(before.offset if before else 0, "leere Regel zwischen zwei „;“", SEPARATE)
            if token.kind == "comment" and self._comment_alone() and join == ";":
                comments.append(str(self.take().value))
            else:
                rules.append(self.rule(additive=join == ",", fallback=join == "||"))
            if self.peek() is None:
                break
            before = self.take()
            join = before.kind
        return Schedule(tuple(rules), "; ".join(comments) or None)

    def _comment_alone(self) -> bool:
        after = self.peek(ahead=1)
        return after is None or after.kind in (";", "||")

    def rule(self, additive: bool, fallback: bool) -> Rule:
        first = self.peek()
        assert first is not None
        if first.kind == "comment" and (self.peek(ahead=1) is None or self.peek(ahead=1).kind in (";", "||", ",")):  # type: ignore[union-attr]
            return Rule(comment=str(self.take().value), state="unknown", additive=additive, fallback=fallback)
        months, dates, weeks = frozenset(), (), frozenset()
        if self.peek("month") or is_year(self.peek()):
            months, dates = self.wide()
        if self.peek("week"):
            weeks = self.weeks()
        selected = bool(months or dates or weeks)
        self._readable_colon(selected)
        if self.peek("always"):
            self.take()
            return self._finish(Rule(months=months, dates=dates, weeks=weeks, spans=(TimeSpan(0, DAY),),
                                     state="open", additive=additive, fallback=fallback))
        weekdays: set[int] = set()
        nth: dict[int, set[int]] = {}
        holiday = False
        if self.peek("day") or self.peek("PH"):
            holiday = self.days(weekdays, nth)
            self._readable_colon(True)
        spans: tuple[TimeSpan, ...] = ()
        token = self.peek()
        if token is not None and token.kind == "time":
            spans = self.times()
            token = self.peek()
        state = ""
        if token is not None and token.kind in _STATES:
            state = self.take().kind
        elif token is not None and token.kind == "always":
            raise HoursError(token.offset, "24/7 steht allein", "für ganze Tage: Mo-Fr 00:00-24:00")
        comment = str(self.take().value) if self.peek("comment") else None
        named = bool(weekdays or nth or holiday or selected)
        if not spans and not state:
            if comment is None or not named:
                raise self._missing_times(first, token)
            state = "unknown"
        if state == "open" and not spans:
            spans = (TimeSpan(0, DAY),)
        if state == "unknown":
            spans = ()
        rule = Rule(frozenset(weekdays), {d: frozenset(k) for d, k in nth.items()}, months, holiday, spans,
                    comment, dates, weeks, state or "open" if spans else state or "off", additive, fallback)
        return self._finish(rule)

    def _finish(self, rule: Rule) -> Rule:
        if rule.comment is None and self.peek("comment"):
            rule = Rule(rule.weekdays, rule.nth, rule.months, rule.holiday, rule.spans, str(self.take().value),
                        rule.dates, rule.weeks, rule.state, rule.additive, rule.fallback)
        token = self.peek()
        if token is None or token.kind in (";", "||") or (token.kind == "," and self.starts_rule(1)):
            return rule
        if token.kind == ",":
            nxt = self.peek(ahead=1)
            raise HoursError(nxt.offset if nxt else token.offset, "nach „,“ fehlt eine Regel",
                             "z. B. Mo-Fr 09:00-12:00, Sa 10:00-12:00")
        raise self.unexpected(token)

    def _readable_colon(self, allowed: bool) -> None:
        token = self.peek(":")
        if token is not None and allowed:
            self.take()

    def _missing_times(self, first: Token, token: Token | None) -> HoursError:
        if token is not None and token.kind not in (";", "||", ","):
            return self.unexpected(token)
        what = self.text[first.offset : self.end_offset()]
        return HoursError(first.offset, f"nach „{what}“ fehlen die Zeiten",
                          "z. B. Mo-Fr 09:00-12:00, Mo-Fr off oder Mo-Fr open (ganztags)")

    def unexpected(self, token: Token) -> HoursError:
        if token.kind in ("day", "PH"):
            return HoursError(token.offset, f"„{token.text}“ steht an der falschen Stelle",
                              "Wochentage vor den Zeiten, z. B. Mo-Fr 09:00-12:00")
        if token.kind == "month":
            return HoursError(token.offset, f"„{token.text}“ steht an der falschen Stelle",
                              "Monate am Anfang der Regel, z. B. Nov-Mar Mo-Fr 18:00-08:00")
        if token.kind == "num":
            if is_year(token):
                return HoursError(token.offset, "eine Jahreszahl steht nur am Anfang einer Regel, vor dem Datum",
                                  "z. B. 2025 Nov 22 11:00-17:00")
            return HoursError(token.offset, f"„{token.text}“ ist keine Uhrzeit", TIME_HINT)
        if token.kind == "time":
            return HoursError(token.offset, f"„{token.text}“ steht an der falschen Stelle",
                              "mehrere Zeitspannen mit Komma trennen: 09:00-12:00,14:00-16:00")
        if token.kind == "comment":
            return HoursError(token.offset, "Kommentar steht an der falschen Stelle",
                              'Kommentar am Ende der Regel: Mo 09:00-12:00 "nach Vereinbarung"')
        if token.kind == ":":
            return HoursError(token.offset, "„:“ an dieser Stelle unerwartet",
                              "ein Doppelpunkt darf nur nach Monaten, Daten oder Tagen stehen: Nov-Mar: Mo-Fr 10:00-12:00")
        if token.kind == "+":
            return HoursError(token.offset, "„+“ an dieser Stelle unerwartet", "offenes Ende direkt nach der Zeit: 18:00+")
        return HoursError(token.offset, f"„{token.text}“ an dieser Stelle unerwartet", SYNTAX_HINT)


__all__ = ["parse_hours", "WEEKDAYS"]
