/*
 * atlas-alerts.js — is an alert active today? Decided in the visitor's browser.
 *
 * A static page built days ago must neither show an ended alert nor miss one that has started,
 * so the build writes every alert with its window and this script hides the others. Without
 * JavaScript every alert shows with its dates ("gilt vom 1.12. bis 5.12."). Needs nothing else:
 * no Leaflet, no Material bundle, no atlas-hours.js. Load with <script src defer>.
 *
 * MARKUP CONTRACT (site_templates/atlas/alerts.html, offer.html):
 *   <div data-atlas-alerts> … </div>                 a banner: hidden when none inside is active
 *   <div data-atlas-alert data-atlas-from="2026-12-01" data-atlas-until="2027-02-28"
 *        data-atlas-level="kaelte">                   one alert; from/until inclusive, each optional
 *   <li data-atlas-seasonal> in ul.atlas-list         raised while a kaelte alert is active: moved
 *        to the top of its list, and <html> gets the class atlas-kaelte (the CSS highlights them)
 *
 * Days are Europe/Berlin days whatever the visitor's time zone (the EU rule, as atlas-hours.js).
 * window.AtlasAlerts.refresh(date?) re-evaluates (tests, a page left open over midnight).
 */
(function () {
  "use strict";

  var MS_DAY = 86400000;

  function lastSundayUtc(year, month) {  // month 0-based; 01:00 UTC on the last Sunday
    var last = new Date(Date.UTC(year, month + 1, 0));
    return Date.UTC(year, month, last.getUTCDate() - last.getUTCDay(), 1);
  }

  /** Days since 1970-01-01 of the Berlin calendar day at `date`. */
  function berlinDay(date) {
    var ms = date.getTime(), year = new Date(ms).getUTCFullYear();
    var summer = ms >= lastSundayUtc(year, 2) && ms < lastSundayUtc(year, 9);
    return Math.floor((ms + (summer ? 2 : 1) * 3600000) / MS_DAY);
  }

  function dayNumber(iso) {  // "2026-12-01" -> days since epoch; "" -> null
    if (!iso) return null;
    return Math.floor(Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / MS_DAY);
  }

  function activeOn(el, today) {
    var from = dayNumber(el.getAttribute("data-atlas-from"));
    var until = dayNumber(el.getAttribute("data-atlas-until"));
    return (from === null || from <= today) && (until === null || today <= until);
  }

  function setHidden(el, hide) {
    if (el.hidden !== hide) el.hidden = hide;
  }

  // Seasonal offers first while Kältehilfe is on: done once, in DOM order, so that keyboard and
  // screen-reader order match what is seen (a CSS `order` would not).
  var raised = false;
  function raiseSeasonal() {
    if (raised) return;
    raised = true;
    var lists = document.querySelectorAll("ul.atlas-list");
    for (var i = 0; i < lists.length; i++) {
      var items = lists[i].querySelectorAll(":scope > li[data-atlas-seasonal]");
      for (var j = items.length - 1; j >= 0; j--) lists[i].insertBefore(items[j], lists[i].firstChild);
    }
  }

  function refresh(date) {
    var today = berlinDay(date || new Date()), cold = false;
    var alerts = document.querySelectorAll("[data-atlas-alert]");
    for (var i = 0; i < alerts.length; i++) {
      var on = activeOn(alerts[i], today);
      setHidden(alerts[i], !on);
      if (on && alerts[i].getAttribute("data-atlas-level") === "kaelte") cold = true;
    }
    var banners = document.querySelectorAll("[data-atlas-alerts]");
    for (var k = 0; k < banners.length; k++) {
      setHidden(banners[k], !banners[k].querySelector("[data-atlas-alert]:not([hidden])"));
    }
    document.documentElement.classList.toggle("atlas-kaelte", cold);
    if (cold) raiseSeasonal();
  }

  window.AtlasAlerts = { refresh: refresh };
  function start() {
    refresh();
    setInterval(refresh, 60000);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
