/*
 * atlas-hours.js — live opening status, computed in the visitor's browser.
 *
 * A static page built in October must not show October's truth in November, so every
 * time-dependent state is computed here, from data the build embeds. Without JavaScript the
 * page keeps its static weekly table and season text; nothing is lost.
 *
 * MARKUP CONTRACT (emitted by the site templates; no inline scripts — load this file with
 * <script src=".../atlas-hours.js" defer>):
 *
 *   <script type="application/json" id="atlas-hours-data">
 *     {"holidays": ["2026-12-25", ...], "offers": {"<id>": <compact>, ...}}
 *   </script>
 *   <span data-atlas-status="<id>">Mo–Fr 09:00–12:00 Uhr</span>
 *       text replaced by the live status ("Jetzt geöffnet — schließt um 16:00"); English
 *       when <html lang="en...">; class is-open or is-closed (is-unknown: text kept).
 *   <input type="checkbox" data-atlas-open-filter>   "Jetzt geöffnet" filter:
 *       when checked, every [data-atlas-offer="<id>"] that is not open now gets `hidden`.
 *   <span data-atlas-open-count></span>             number of listed offers open now.
 *
 * <compact> is written by build_tools/opening_hours/compact.py:
 *   {"r": [[days, months, ph, nth, spans, flags, dates, weeks], ...], "s": ["11-01", "03-31"],
 *    "f": "2026-01-01", "u": "2026-12-31", "x": "ended" | "temporarily_closed"}
 *   days: weekday bit mask (bit 0 = Monday); months: bit mask (bit 0 = January, 0 = all);
 *   ph: 1 for public holidays; nth: [weekday, k, ...] (k = 1..5 or -1..-5);
 *   spans: [start, end, openEnd, ...] minutes after midnight, end may pass 1440;
 *   flags: meaning (0 off, 1 open, 2 unknown) + 4 additional rule (",") + 8 fallback ("||");
 *   dates: [from, until, fromYear, untilYear, ...] (month * 100 + day; years 0 = every year);
 *   weeks: ISO week numbers (empty = all).
 * How rules paint a day is build_tools/opening_hours/steps.py (the opening_hours npm
 * package's semantics): steps() and paintDay() below mirror it.
 *
 * API for other scripts (the overview map): window.AtlasHours.isOpen(id, date?),
 * .status(id, date?), .statusText(id, date?, lang?), .refresh().
 *
 * This file mirrors build_tools/opening_hours/evaluate.py and texts.py line by line; a test
 * runs both on generated cases in Node and fails on any difference. Change both together.
 * Times are Europe/Berlin wall-clock minutes; the EU rule (last Sunday of March/October,
 * 01:00 UTC) is computed here, so the result does not depend on the visitor's time zone.
 */
(function () {
  "use strict";

  var DAY = 1440;
  var MS_DAY = 86400000;
  var HORIZON_DAYS = 370;
  var ALWAYS_DAYS = 7;
  var CLOSED = 0, OPEN = 1, UNKNOWN = 2, OPEN_END = 3;

  // --- Europe/Berlin wall clock ---------------------------------------------------------

  function lastSundayUtc(year, month) {  // month 0-based; 01:00 UTC on the last Sunday
    var last = new Date(Date.UTC(year, month + 1, 0));
    return Date.UTC(year, month, last.getUTCDate() - last.getUTCDay(), 1);
  }

  var dstCache = {};
  function berlinOffsetMs(ms) {
    var year = new Date(ms).getUTCFullYear();
    var dst = dstCache[year] || (dstCache[year] = [lastSundayUtc(year, 2), lastSundayUtc(year, 9)]);
    return (ms >= dst[0] && ms < dst[1] ? 120 : 60) * 60000;
  }

  /** Absolute local minute: days since 1970-01-01 × 1440 + minute of the day. */
  function localMinute(date) {
    var ms = date.getTime();
    return Math.floor((ms + berlinOffsetMs(ms)) / 60000);
  }

  // --- days -----------------------------------------------------------------------------

  var dayCache = {};
  function dayInfo(number) {
    var info = dayCache[number];
    if (info) return info;
    var d = new Date(number * MS_DAY);
    var y = d.getUTCFullYear(), m = d.getUTCMonth() + 1, day = d.getUTCDate();
    var dim = new Date(Date.UTC(y, m, 0)).getUTCDate();
    var wd = (d.getUTCDay() + 6) % 7, thursday = number - wd + 3;
    var thursdayYear = new Date(thursday * MS_DAY).getUTCFullYear();
    info = {
      y: y, m: m, d: day, md: m * 100 + day, wd: wd,
      wk: Math.floor((thursday - Date.UTC(thursdayYear, 0, 1) / MS_DAY) / 7) + 1,
      first: Math.floor((day - 1) / 7) + 1,
      last: -(Math.floor((dim - day) / 7) + 1)
    };
    dayCache[number] = info;
    return info;
  }

  function dayNumber(iso) {  // "2026-11-01" -> days since epoch
    return Math.floor(Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / MS_DAY);
  }

  function holidaySet(list) {
    var set = {};
    (list || []).forEach(function (iso) { set[dayNumber(iso)] = true; });
    return set;
  }

  // --- one offer --------------------------------------------------------------------------

  function steps(rules) {
    var out = [], dated = [];
    rules.forEach(function (r) {
      var kind = r[5] & 3, additive = !!(r[5] & 4), fallback = !!(r[5] & 8), spans = r[4];
      var hasDate = !!(r[0] || r[1] || r[2] || r[3].length || r[6].length || r[7].length);
      var times = null, wrap = [];
      if (spans.length) {
        times = [];
        for (var i = 0; i < spans.length; i += 3) {
          times.push(spans[i], Math.min(spans[i + 1], DAY), spans[i + 2]);
          if (spans[i + 1] > DAY) wrap.push(0, spans[i + 1] - DAY, spans[i + 2]);
        }
      }
      var resets = !additive && !fallback && (kind === OPEN || kind === UNKNOWN) &&
        (hasDate || (out.length > 0 && kind === OPEN && !dated[dated.length - 1]));
      out.push({ rule: r, wrapped: false, resets: resets, fallback: fallback, kind: kind, times: times });
      dated.push(hasDate);
      if (wrap.length) {
        out.push({ rule: r, wrapped: true, resets: false, fallback: false, kind: kind, times: wrap });
        dated.push(hasDate);
      }
    });
    return out;
  }

  function prepare(c) {
    var md = function (s) { return +s.slice(0, 2) * 100 + +s.slice(3, 5); };
    var rules = c.r || [], openMonths = 0;  // months in which some span may begin (a shortcut only)
    rules.forEach(function (r) {
      if ((r[5] & 3) !== OPEN) return;
      var mask = r[6].length || r[7].length ? 4095 : (r[1] || 4095);
      for (var i = 0; i < r[4].length; i += 3) if (r[4][i + 1] > DAY) mask |= ((mask << 1) | (mask >> 11)) & 4095;
      openMonths |= mask;
    });
    return {
      rules: rules, steps: steps(rules), openMonths: openMonths, cache: {}, cached: 0,
      season: c.s ? [md(c.s[0]), md(c.s[1])] : null,
      from: c.f ? dayNumber(c.f) : null,
      until: c.u ? dayNumber(c.u) : null,
      status: c.x || "active"
    };
  }

  function inSeason(p, info) {
    if (!p.season) return true;
    var a = p.season[0], b = p.season[1], here = info.md;
    return a <= b ? (a <= here && here <= b) : (here >= a || here <= b);
  }

  function active(p, number) {
    if (p.from !== null && number < p.from) return false;
    if (p.until !== null && number > p.until) return false;
    return inSeason(p, dayInfo(number));
  }

  function dateIn(dates, i, info) {
    var a = dates[i], b = dates[i + 1], y1 = dates[i + 2], y2 = dates[i + 3];
    if (y1) { var here = info.y * 10000 + info.md; return y1 * 10000 + a <= here && here <= y2 * 10000 + b; }
    return a <= b ? (a <= info.md && info.md <= b) : (info.md >= a || info.md <= b);
  }

  function ruleMatches(rule, info, isHoliday) {
    var days = rule[0], months = rule[1], ph = rule[2], nth = rule[3], dates = rule[6], weeks = rule[7];
    if (months && !(months & (1 << (info.m - 1)))) return false;
    if (dates.length) {
      var hit = false;
      for (var j = 0; j < dates.length && !hit; j += 4) hit = dateIn(dates, j, info);
      if (!hit) return false;
    }
    if (weeks.length && weeks.indexOf(info.wk) < 0) return false;
    if (!days && !nth.length && !ph) return true;
    if (days & (1 << info.wd)) return true;
    if (ph && isHoliday) return true;
    for (var i = 0; i < nth.length; i += 2) {
      if (nth[i] === info.wd && (nth[i + 1] === info.first || nth[i + 1] === info.last)) return true;
    }
    return false;
  }

  function paint(segments, start, end, kind, onlyClosed) {
    var out = [], merged = [], i;
    for (i = 0; i < segments.length; i++) {
      var a = segments[i][0], b = segments[i][1], k = segments[i][2];
      if (b <= start || a >= end || (onlyClosed && k !== CLOSED)) { out.push([a, b, k]); continue; }
      if (a < start) out.push([a, start, k]);
      out.push([Math.max(a, start), Math.min(b, end), kind]);
      if (b > end) out.push([end, b, k]);
    }
    for (i = 0; i < out.length; i++) {
      var last = merged[merged.length - 1], seg = out[i];
      if (last && last[2] === seg[2] && last[1] === seg[0]) last[1] = seg[1];
      else if (seg[0] < seg[1]) merged.push(seg);
    }
    return merged;
  }

  function segmentsOf(p, holidays, number) {
    var found = p.cache[number];
    if (found) return found;
    var painted = [[0, DAY, CLOSED]], matching = [], i;
    if (p.rules.length) {
      for (i = 0; i < p.steps.length; i++) {
        var step = p.steps[i], day = step.wrapped ? number - 1 : number;
        if (active(p, day) && ruleMatches(step.rule, dayInfo(day), holidays[day] === true)) {
          if (step.resets) matching = [];
          matching.push(step);
        }
      }
      for (i = 0; i < matching.length; i++) {
        var times = matching[i].times || [0, DAY, 0];
        for (var j = 0; j < times.length; j += 3) {
          var kind = times[j + 2] && matching[i].kind !== CLOSED ? OPEN_END : matching[i].kind;
          painted = paint(painted, times[j], times[j + 1], kind, matching[i].fallback);
        }
      }
    }
    if (++p.cached > 4096) { p.cache = {}; p.cached = 0; }
    p.cache[number] = painted;
    return painted;
  }

  /** [kind, end of that piece as an absolute minute] at absolute local minute t. */
  function kindAt(p, holidays, t) {
    var number = Math.floor(t / DAY), minute = t - number * DAY, segs = segmentsOf(p, holidays, number);
    for (var i = 0; i < segs.length; i++) {
      if (segs[i][0] <= minute && minute < segs[i][1]) return [segs[i][2], number * DAY + segs[i][1]];
    }
    return [CLOSED, (number + 1) * DAY];
  }

  function closing(p, holidays, end, t) {
    while (end - t <= ALWAYS_DAYS * DAY) {
      var later = kindAt(p, holidays, end);
      if (later[0] !== OPEN) return end;
      end = later[1];
    }
    return null;
  }

  function nextOpening(p, holidays, t) {
    var first = Math.floor(t / DAY);
    if (!p.openMonths) return null;
    for (var number = first; number <= first + HORIZON_DAYS; number++) {
      if (!(p.openMonths & (1 << (dayInfo(number).m - 1)))) continue;
      var segs = segmentsOf(p, holidays, number);
      for (var i = 0; i < segs.length; i++) {
        var kind = segs[i][2];
        if ((kind === OPEN || kind === OPEN_END) && number * DAY + segs[i][0] > t) return number * DAY + segs[i][0];
      }
    }
    return null;
  }

  function seasonStart(p, info) {
    var month = Math.floor(p.season[0] / 100), day = p.season[0] % 100;
    for (var year = info.y; year < info.y + 9; year++) {
      var start = Date.UTC(year, month - 1, day);
      if (new Date(start).getUTCDate() !== day) continue;  // 29 February
      var number = Math.floor(start / MS_DAY);
      if (info.md < month * 100 + day || year > info.y) return number * DAY;
    }
    return null;
  }

  /** {state, change, now}: state open|open_end|closed|season|upcoming|ended|paused|unknown. */
  function statusAt(p, holidays, t) {
    var today = Math.floor(t / DAY), info = dayInfo(today);
    var result = function (state, change) { return { state: state, change: change, now: t }; };
    if (p.status === "ended") return result("ended", null);
    if (p.status === "temporarily_closed") return result("paused", null);
    if (p.rules.length) {
      var here = kindAt(p, holidays, t);
      if (here[0] === OPEN) return result("open", closing(p, holidays, here[1], t));
      if (here[0] === OPEN_END) return result("open_end", null);
    }
    if (p.until !== null && today > p.until) return result("ended", null);
    if (p.from !== null && today < p.from) return result("upcoming", p.from * DAY);
    if (!inSeason(p, info)) return result("season", seasonStart(p, info));
    if (!p.rules.length) return result("unknown", null);
    return result("closed", nextOpening(p, holidays, t));
  }

  // --- words ------------------------------------------------------------------------------

  var WORDS = {
    de: { open: "Jetzt geöffnet", closed: "Geschlossen", closes: "schließt", opens: "öffnet",
      today: "heute", tomorrow: "morgen", at: "um", on: "am", always: "rund um die Uhr",
      season: "Saisonangebot — wieder ab {date}", upcoming: "Startet am {date}",
      ended: "Beendet", paused: "Vorübergehend geschlossen", openEnd: "Jetzt geöffnet — Ende offen",
      days: ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"],
      months: ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
        "September", "Oktober", "November", "Dezember"] },
    en: { open: "Open now", closed: "Closed", closes: "closes", opens: "opens",
      today: "today", tomorrow: "tomorrow", at: "at", on: "on", always: "24 hours",
      season: "Seasonal — back from {date}", upcoming: "Starts on {date}",
      ended: "Ended", paused: "Temporarily closed", openEnd: "Open now — no fixed closing time",
      days: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
      months: ["January", "February", "March", "April", "May", "June", "July", "August",
        "September", "October", "November", "December"] }
  };

  function pad(n) { return (n < 10 ? "0" : "") + n; }

  function longDate(number, lang, withYear) {
    var info = dayInfo(number), w = WORDS[lang];
    var text = w.longDate ? w.longDate.replace("{day}", info.d).replace("{month}", w.months[info.m - 1])
      : lang === "de" ? info.d + ". " + w.months[info.m - 1] : info.d + " " + w.months[info.m - 1];
    return withYear ? text + " " + info.y : text;
  }

  function when(minute, now, lang, isClosing) {
    var w = WORDS[lang];
    var number = minute % DAY === 0 ? Math.floor((minute - 1) / DAY) : Math.floor(minute / DAY);
    var rest = minute - number * DAY;
    var time = pad(Math.floor(rest / 60)) + ":" + pad(rest % 60);
    var delta = number - Math.floor(now / DAY);
    if (delta === 0) return isClosing ? w.at + " " + time : w.today + " " + w.at + " " + time;
    if (delta === 1) return w.tomorrow + " " + w.at + " " + time;
    if (delta < 7) return w.days[dayInfo(number).wd] + " " + w.at + " " + time;
    // a language without a word for "on" before a date (uk, tr) must not get a double space
    return [w.on, longDate(number, lang, false), w.at, time].filter(Boolean).join(" ");
  }

  function langOf(lang) {
    var base = String(lang || "de").toLowerCase().split("-")[0];
    return WORDS.hasOwnProperty(base) ? base : "de";
  }

  /** Words of a further language, as the page carries them (build_tools texts.status_words). */
  function addWords(lang, words) {
    WORDS[lang] = {};
    Object.keys(words).forEach(function (key) {
      WORDS[lang][key === "open_end" ? "openEnd" : key] = words[key];
    });
  }

  /** The sentence for a status; null for "unknown" (the page keeps its static text). */
  function textOf(status, lang) {
    lang = langOf(lang);
    var w = WORDS[lang];
    if (status.state === "ended" || status.state === "paused") return w[status.state];
    if (status.state === "unknown") return null;
    if (status.state === "open_end") return w.openEnd;
    if (status.state === "season" || status.state === "upcoming") {
      if (status.change === null) return w.closed;
      var day = Math.floor(status.change / DAY);
      return w[status.state].replace("{date}", longDate(day, lang, status.state === "upcoming"));
    }
    var head = status.state === "open" ? w.open : w.closed;
    if (status.change === null) return status.state === "open" ? head + " — " + w.always : head;
    var verb = status.state === "open" ? w.closes : w.opens;
    return head + " — " + verb + " " + when(status.change, status.now, lang, status.state === "open");
  }

  function isoMinute(minute) {
    var info = dayInfo(Math.floor(minute / DAY)), rest = minute % DAY;
    return info.y + "-" + pad(info.m) + "-" + pad(info.d) + "T" + pad(Math.floor(rest / 60)) + ":" + pad(rest % 60);
  }

  var core = {
    localMinute: localMinute, prepare: prepare, holidaySet: holidaySet, statusAt: statusAt,
    textOf: textOf, isoMinute: isoMinute, addWords: addWords,
    /** Pure entry point (Node tests): compact schedule, holiday list or set, Date. */
    evaluate: function (compact, holidays, date) {
      var set = Array.isArray(holidays) ? holidaySet(holidays) : holidays;
      return statusAt(prepare(compact), set, localMinute(date));
    }
  };

  if (typeof module !== "undefined" && module.exports) {
    module.exports = core;
    return;
  }

  // --- the page ---------------------------------------------------------------------------

  var prepared = {}, holidays = {}, pageLang = "de";

  function load() {
    var node = document.getElementById("atlas-hours-data");
    if (!node) return false;
    var data;
    try { data = JSON.parse(node.textContent); } catch (e) { return false; }
    holidays = holidaySet(data.holidays);
    if (data.lang && data.words) addWords(data.lang, data.words);
    Object.keys(data.offers || {}).forEach(function (id) { prepared[id] = prepare(data.offers[id]); });
    pageLang = langOf(document.documentElement.lang);
    return true;
  }

  function status(id, date) {
    var p = prepared[id];
    if (!p) return null;
    return statusAt(p, holidays, localMinute(date || new Date()));
  }

  function isOpen(id, date) {
    var p = prepared[id];
    if (!p || p.status === "ended" || p.status === "temporarily_closed" || !p.rules.length) return false;
    var kind = kindAt(p, holidays, localMinute(date || new Date()))[0];
    return kind === OPEN || kind === OPEN_END;
  }

  function statusText(id, date, lang) {
    var s = status(id, date);
    return s ? textOf(s, lang || pageLang) : null;
  }

  function setClass(el, name, on) {
    if (el.classList.contains(name) !== on) el.classList.toggle(name, on);
  }

  function refresh() {
    var now = new Date(), t = localMinute(now), open = {};
    var marks = document.querySelectorAll("[data-atlas-status]");
    for (var i = 0; i < marks.length; i++) {
      var el = marks[i], id = el.getAttribute("data-atlas-status"), p = prepared[id];
      if (!p) continue;
      var s = statusAt(p, holidays, t);
      open[id] = s.state === "open" || s.state === "open_end";
      var text = textOf(s, pageLang);
      if (text !== null && el.textContent !== text) el.textContent = text;
      var isOpenNow = s.state === "open" || s.state === "open_end";
      setClass(el, "is-open", isOpenNow);
      setClass(el, "is-closed", !isOpenNow && s.state !== "unknown");
      setClass(el, "is-unknown", s.state === "unknown");
    }
    applyFilter(now, open);
  }

  function applyFilter(now, known) {
    var box = document.querySelector("input[data-atlas-open-filter]");
    var only = !!(box && box.checked), open = 0;
    var items = document.querySelectorAll("[data-atlas-offer]");
    for (var i = 0; i < items.length; i++) {
      var id = items[i].getAttribute("data-atlas-offer");
      var yes = known && id in known ? known[id] : isOpen(id, now);
      if (yes) open++;
      var hide = only && !yes;
      if (items[i].hidden !== hide) items[i].hidden = hide;
    }
    var counts = document.querySelectorAll("[data-atlas-open-count]");
    for (var j = 0; j < counts.length; j++) counts[j].textContent = String(open);
  }

  function start() {
    if (!load()) return;
    var box = document.querySelector("input[data-atlas-open-filter]");
    if (box) box.addEventListener("change", function () { applyFilter(new Date()); });
    refresh();
    setInterval(refresh, 60000);
  }

  window.AtlasHours = { isOpen: isOpen, status: status, statusText: statusText, refresh: refresh, core: core };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
