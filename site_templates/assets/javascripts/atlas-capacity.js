/*
 * atlas-capacity.js — free places, live: "Stand 19:40: 3 Betten frei", fetched at view time.
 *
 * A shelter or the Kältehilfe office keeps a small JSON file on any static host (format:
 * docs/kapazitaet.md). This script fetches it in the visitor's browser with a size limit, a
 * timeout and no cookies, and shows the offer's entry with its time. Whatever is not a fresh,
 * well-formed count — an old count, a missing or broken file, one too big, a host too slow —
 * is shown as unknown ("Bitte anrufen"): never a stale number. Without JavaScript the element
 * stays hidden (nothing is shown rather than something untrue). Needs nothing else: no Leaflet,
 * no Material. Load with <script src defer>.
 *
 * MARKUP CONTRACT (site_templates/atlas/offer.html):
 *   <p data-atlas-capacity="offer-id" data-src="https://…/plaetze.json" hidden></p>
 *   <script type="application/json" id="atlas-capacity-data">{"id": …, "src": …,
 *     "maxAgeMinutes": 90, "maxBytes": 16384, "timeoutMs": 4000, "words": {"free": "Stand
 *     {time}: {available} {unit} frei", "free_of": …, "unknown": …, "unit": "Plätze",
 *     "unit_one": "Platz", "day": "{day}.{month}., {time}"}}</script>
 * The words come from the page language's catalogue (site_templates/i18n/), as the live
 * hours status gets its words; the script carries none of its own.
 *
 * Times are shown as Berlin wall-clock times (the EU rule, as atlas-alerts.js).
 * window.AtlasCapacity.refresh() fetches again (tests; a page left open refreshes every 5 min).
 */
(function () {
  "use strict";

  var ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$/;
  var FUTURE_SLACK = 300000;  // a host's clock a few minutes ahead is not an error

  function lastSundayUtc(year, month) {  // month 0-based; 01:00 UTC on the last Sunday
    var last = new Date(Date.UTC(year, month + 1, 0));
    return Date.UTC(year, month, last.getUTCDate() - last.getUTCDay(), 1);
  }

  function berlin(ms) {  // a Date whose UTC fields are the Berlin wall clock at `ms`
    var year = new Date(ms).getUTCFullYear();
    var summer = ms >= lastSundayUtc(year, 2) && ms < lastSundayUtc(year, 9);
    return new Date(ms + (summer ? 2 : 1) * 3600000);
  }

  function two(n) { return (n < 10 ? "0" : "") + n; }

  function timeText(ms, now, words) {
    var at = berlin(ms), today = berlin(now);
    var clock = two(at.getUTCHours()) + ":" + two(at.getUTCMinutes());
    if (at.toISOString().slice(0, 10) === today.toISOString().slice(0, 10)) return clock;
    return words.day.replace("{day}", at.getUTCDate()).replace("{month}", at.getUTCMonth() + 1)
      .replace("{time}", clock);
  }

  /** The offer's entry as {available, maximum, unit, ms}, or null when it is not usable now. */
  function usable(feed, id, maxAgeMs, now) {
    var offers = feed && typeof feed === "object" ? feed.offers : null;
    var e = offers && typeof offers === "object" && Object.prototype.hasOwnProperty.call(offers, id) ? offers[id] : null;
    if (!e || typeof e !== "object") return null;
    var ok = function (n) { return typeof n === "number" && n >= 0 && n % 1 === 0 && n < 100000; };
    if (!ok(e.available) || (e.maximum != null && (!ok(e.maximum) || e.maximum < e.available))) return null;
    if (e.unit != null && (typeof e.unit !== "string" || e.unit.length > 40)) return null;
    if (typeof e.updated !== "string" || !ISO.test(e.updated)) return null;
    var ms = Date.parse(e.updated);
    if (isNaN(ms) || now - ms > maxAgeMs || ms - now > FUTURE_SLACK) return null;
    return { available: e.available, maximum: e.maximum, unit: (e.unit || "").trim(), ms: ms };
  }

  /** Fill `el` with `template`, its {placeholders} from `values`. The feed's unit is German
   *  ("Betten"): on a page in another language it is marked lang="de" (screen readers). */
  function fill(el, template, values) {
    while (el.firstChild) el.removeChild(el.firstChild);
    var foreignPage = !/^de\b/.test(document.documentElement.lang || "de");
    template.split(/(\{\w+\})/).forEach(function (part) {
      var key = /^\{(\w+)\}$/.exec(part);
      if (!key) { if (part) el.appendChild(document.createTextNode(part)); return; }
      var value = String(values[key[1]] == null ? "" : values[key[1]]);
      if (key[1] === "unit" && foreignPage && values.unitFromFeed) {
        var span = document.createElement("span");
        span.lang = "de";
        span.textContent = value;
        el.appendChild(span);
      } else {
        el.appendChild(document.createTextNode(value));
      }
    });
  }

  function show(el, entry, now, words) {
    el.hidden = false;
    if (!entry) {
      el.setAttribute("data-atlas-capacity-state", "unknown");
      fill(el, words.unknown, {});
      return;
    }
    el.setAttribute("data-atlas-capacity-state", "known");
    var withMax = entry.maximum != null;
    fill(el, withMax ? words.free_of : words.free, {
      time: timeText(entry.ms, now, words), available: entry.available, maximum: entry.maximum,
      // the catalogue's own word agrees with the number; a feed's unit is used as given
      unit: entry.unit || (entry.available === 1 ? words.unit_one : words.unit),
      unitFromFeed: !!entry.unit
    });
  }

  /** Fetch `url` as JSON, giving up past `maxBytes` or `timeoutMs`; resolves null on any failure. */
  function fetchFeed(url, maxBytes, timeoutMs) {
    var controller = typeof AbortController === "function" ? new AbortController() : null;
    var timer = setTimeout(function () { if (controller) controller.abort(); done(null); }, timeoutMs);
    var settle;
    var result = new Promise(function (resolve) { settle = resolve; });
    function done(value) { clearTimeout(timer); settle(value); }
    fetch(url, { cache: "no-store", credentials: "omit", referrerPolicy: "no-referrer",
                 signal: controller ? controller.signal : undefined })
      .then(function (response) {
        var length = Number(response.headers.get("Content-Length"));
        if (!response.ok || length > maxBytes) throw new Error("refused");
        if (!response.body || !response.body.getReader) {
          return response.text().then(function (text) {
            if (text.length > maxBytes) throw new Error("too big");
            return text;
          });
        }
        var reader = response.body.getReader(), chunks = [], size = 0;
        function pump() {
          return reader.read().then(function (step) {
            if (step.done) return new TextDecoder().decode(concat(chunks, size));
            size += step.value.length;
            if (size > maxBytes) { reader.cancel(); throw new Error("too big"); }
            chunks.push(step.value);
            return pump();
          });
        }
        return pump();
      })
      .then(function (text) { done(JSON.parse(text)); })
      .catch(function () { if (controller) controller.abort(); done(null); });
    return result;
  }

  function concat(chunks, size) {
    var all = new Uint8Array(size), at = 0;
    for (var i = 0; i < chunks.length; i++) { all.set(chunks[i], at); at += chunks[i].length; }
    return all;
  }

  function settings() {
    var block = document.getElementById("atlas-capacity-data");
    try { return block ? JSON.parse(block.textContent) : null; } catch (e) { return null; }
  }

  function refresh() {
    var data = settings(), el = document.querySelector("[data-atlas-capacity]");
    if (!data || !el || el.getAttribute("data-src") !== data.src) return Promise.resolve();
    return fetchFeed(data.src, data.maxBytes, data.timeoutMs).then(function (feed) {
      var now = Date.now();
      show(el, usable(feed, data.id, data.maxAgeMinutes * 60000, now), now, data.words);
    });
  }

  window.AtlasCapacity = { refresh: refresh };
  function start() {
    refresh();
    setInterval(refresh, 300000);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
