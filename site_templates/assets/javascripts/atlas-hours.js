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
 *   {"r": [[days, months, ph, nth, spans], ...], "s": ["11-01", "03-31"],
 *    "f": "2026-01-01", "u": "2026-12-31", "x": "ended" | "temporarily_closed"}
 *   days: weekday bit mask (bit 0 = Monday); months: bit mask (bit 0 = January, 0 = all);
 *   ph: 1 for public holidays; nth: [weekday, k, ...] (k = 1..5 or -1..-5);
 *   spans: [start, end, ...] minutes after midnight, end may pass 1440 (past midnight).
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
    info = {
      y: y, m: m, d: day, md: m * 100 + day,
      wd: (d.getUTCDay() + 6) % 7,
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

  function prepare(c) {
    var md = function (s) { return +s.slice(0, 2) * 100 + +s.slice(3, 5); };
    var rules = c.r || [], openMonths = 0;  // months in which some rule opens (a shortcut only)
    rules.forEach(function (r) { if (r[4].length) openMonths |= r[1] || 4095; });
    return {
      rules: rules, openMonths: openMonths,
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

  function ruleMatches(rule, info, isHoliday) {
    var days = rule[0], months = rule[1], ph = rule[2], nth = rule[3];
    if (months && !(months & (1 << (info.m - 1)))) return false;
    if (!days && !nth.length && !ph) return true;
    if (days & (1 << info.wd)) return true;
    if (ph && isHoliday) return true;
    for (var i = 0; i < nth.length; i += 2) {
      if (nth[i] === info.wd && (nth[i + 1] === info.first || nth[i + 1] === info.last)) return true;
    }
    return false;
  }

  var NONE = [];
  function spansOn(p, holidays, number) {
    if (p.from !== null && number < p.from) return NONE;
    if (p.until !== null && number > p.until) return NONE;
    var info = dayInfo(number);
    if (!inSeason(p, info)) return NONE;
    var found = null, isHoliday = holidays[number] === true;
    for (var i = 0; i < p.rules.length; i++) {
      if (ruleMatches(p.rules[i], info, isHoliday)) found = p.rules[i];
    }
    return found ? found[4] : NONE;
  }

  function coveringEnd(p, holidays, t) {
    var best = null, today = Math.floor(t / DAY);
    for (var number = today - 1; number <= today; number++) {
      var spans = spansOn(p, holidays, number), base = number * DAY;
      for (var i = 0; i < spans.length; i += 2) {
        var s = base + spans[i], e = base + spans[i + 1];
        if (s <= t && t < e && (best === null || e > best)) best = e;
      }
    }
    return best;
  }

  function closing(p, holidays, end, t) {
    while (end - t <= ALWAYS_DAYS * DAY) {
      var later = coveringEnd(p, holidays, end);
      if (later === null) return end;
      end = later;
    }
    return null;
  }

  function nextOpening(p, holidays, t) {
    var first = Math.floor(t / DAY);
    if (!p.openMonths) return null;
    for (var number = first; number <= first + HORIZON_DAYS; number++) {
      if (!(p.openMonths & (1 << (dayInfo(number).m - 1)))) continue;
      var spans = spansOn(p, holidays, number);
      for (var i = 0; i < spans.length; i += 2) {
        if (number * DAY + spans[i] > t) return number * DAY + spans[i];
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

  /** {state, change, now}: state open|closed|season|upcoming|ended|paused|unknown. */
  function statusAt(p, holidays, t) {
    var today = Math.floor(t / DAY), info = dayInfo(today);
    var result = function (state, change) { return { state: state, change: change, now: t }; };
    if (p.status === "ended") return result("ended", null);
    if (p.status === "temporarily_closed") return result("paused", null);
    if (p.rules.length) {
      var end = coveringEnd(p, holidays, t);
      if (end !== null) return result("open", closing(p, holidays, end, t));
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
      ended: "Beendet", paused: "Vorübergehend geschlossen",
      days: ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"],
      months: ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
        "September", "Oktober", "November", "Dezember"] },
    en: { open: "Open now", closed: "Closed", closes: "closes", opens: "opens",
      today: "today", tomorrow: "tomorrow", at: "at", on: "on", always: "24 hours",
      season: "Seasonal — back from {date}", upcoming: "Starts on {date}",
      ended: "Ended", paused: "Temporarily closed",
      days: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
      months: ["January", "February", "March", "April", "May", "June", "July", "August",
        "September", "October", "November", "December"] }
  };

  function pad(n) { return (n < 10 ? "0" : "") + n; }

  function longDate(number, lang, withYear) {
    var info = dayInfo(number), w = WORDS[lang];
    var text = lang === "de" ? info.d + ". " + w.months[info.m - 1] : info.d + " " + w.months[info.m - 1];
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
    return w.on + " " + longDate(number, lang, false) + " " + w.at + " " + time;
  }

  function langOf(lang) { return String(lang || "de").toLowerCase().indexOf("en") === 0 ? "en" : "de"; }

  /** The sentence for a status; null for "unknown" (the page keeps its static text). */
  function textOf(status, lang) {
    lang = langOf(lang);
    var w = WORDS[lang];
    if (status.state === "ended" || status.state === "paused") return w[status.state];
    if (status.state === "unknown") return null;
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
    textOf: textOf, isoMinute: isoMinute,
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
    return !!p && p.status !== "ended" && p.status !== "temporarily_closed" &&
      p.rules.length > 0 && coveringEnd(p, holidays, localMinute(date || new Date())) !== null;
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
      open[id] = s.state === "open";
      var text = textOf(s, pageLang);
      if (text !== null && el.textContent !== text) el.textContent = text;
      setClass(el, "is-open", s.state === "open");
      setClass(el, "is-closed", s.state !== "open" && s.state !== "unknown");
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
