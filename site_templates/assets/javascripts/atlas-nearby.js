/*
 * atlas-nearby.js — "In meiner Nähe": sorts a page's lists by distance to the visitor.
 *
 * Opt-in: nothing happens until the button is pressed; then the browser asks for the position
 * (navigator.geolocation). The position is used on this device only — this file sends no
 * request, stores nothing, and forgets the position when the page is left.
 *
 * MARKUP CONTRACT (site_templates/atlas/_macros.html: list_tools, nearby_button, place_data):
 *   <span data-atlas-nearby hidden data-text-*="…">      the texts shown (translatable there)
 *     <button data-atlas-nearby-button><span data-atlas-nearby-label>…</span></button>
 *   <p data-atlas-nearby-status role="status">           messages (sorted, refused, unavailable)
 *   <… data-atlas-nearby-scope>                          every ul/ol.atlas-list in here is sorted on its own
 *     <li data-atlas-offer data-place="fixed|hidden|none" data-lat data-lon>
 *         gets <span class="atlas-item__distance">350 m</span>; entries without a public place
 *         move to the end, in their former order, saying why there is no distance.
 * Distances are great-circle distances (haversine, mean Earth radius 6,371 km), shown as
 * "350 m" (10 m steps), "2,1 km" (below 10 km) or "12 km". ES5 on purpose: old phones.
 */
(function () {
  "use strict";

  var EARTH_M = 6371000;

  function rad(deg) { return deg * Math.PI / 180; }

  /** Great-circle distance in metres between two [lat, lon] points. */
  function distance(a, b) {
    var dLat = rad(b[0] - a[0]), dLon = rad(b[1] - a[1]);
    var h = Math.sin(dLat / 2) * Math.sin(dLat / 2) +
      Math.cos(rad(a[0])) * Math.cos(rad(b[0])) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
    return 2 * EARTH_M * Math.asin(Math.min(1, Math.sqrt(h)));
  }

  /** "350 m", "2,1 km", "12 km" (German decimal comma). */
  function format(metres) {
    if (metres < 995) return Math.round(metres / 10) * 10 + " m";
    if (metres < 9950) return (Math.round(metres / 100) / 10).toFixed(1).replace(".", ",") + " km";
    return Math.round(metres / 1000) + " km";
  }

  function start() {
    var box = document.querySelector("[data-atlas-nearby]");
    var scope = document.querySelector("[data-atlas-nearby-scope]");
    if (!box || !scope) return;
    var button = box.querySelector("[data-atlas-nearby-button]");
    var label = box.querySelector("[data-atlas-nearby-label]");
    var status = document.querySelector("[data-atlas-nearby-status]");
    var text = function (name) { return box.getAttribute("data-text-" + name) || ""; };
    var lists = scope.querySelectorAll("ul.atlas-list, ol.atlas-list");
    var original = [];  // each list's items in build order, to go back to A–Z
    for (var i = 0; i < lists.length; i++) {
      original.push(Array.prototype.slice.call(lists[i].children));
    }
    var sorted = false;
    box.hidden = false;

    function say(message) { if (status) status.textContent = message; }

    function mark(item, words, none) {
      var span = item.querySelector(".atlas-item__distance");
      if (!span) {
        span = document.createElement("span");
        item.appendChild(span);
      }
      span.className = "atlas-item__distance" + (none ? " atlas-item__distance--none" : "");
      span.textContent = words;
    }

    function sortBy(here) {
      for (var i = 0; i < lists.length; i++) {
        var items = original[i].map(function (item, index) {
          var lat = parseFloat(item.getAttribute("data-lat")), lon = parseFloat(item.getAttribute("data-lon"));
          var d = isNaN(lat) || isNaN(lon) ? Infinity : distance(here, [lat, lon]);
          return { item: item, index: index, d: d };
        });
        items.sort(function (a, b) { return a.d === b.d ? a.index - b.index : (a.d < b.d ? -1 : 1); });
        for (var j = 0; j < items.length; j++) {
          var entry = items[j];
          if (entry.item.hasAttribute("data-atlas-offer")) {
            if (entry.d === Infinity) {
              mark(entry.item, text(entry.item.getAttribute("data-place") === "hidden" ? "hidden" : "none"), true);
            } else {
              mark(entry.item, format(entry.d), false);
            }
          }
          lists[i].appendChild(entry.item);
        }
      }
      sorted = true;
      label.textContent = text("az");
      say(text("sorted"));
    }

    function alphabetical() {
      for (var i = 0; i < lists.length; i++) {
        for (var j = 0; j < original[i].length; j++) {
          var span = original[i][j].querySelector(".atlas-item__distance");
          if (span) span.parentNode.removeChild(span);
          lists[i].appendChild(original[i][j]);
        }
      }
      sorted = false;
      label.textContent = text("near");
      say("");
    }

    button.addEventListener("click", function () {
      if (sorted) { alphabetical(); return; }
      if (!navigator.geolocation) { say(text("unavailable")); return; }
      say(text("asking"));
      button.disabled = true;
      navigator.geolocation.getCurrentPosition(function (position) {
        button.disabled = false;
        sortBy([position.coords.latitude, position.coords.longitude]);
      }, function (error) {
        button.disabled = false;
        say(text(error && error.code === 1 ? "denied" : "unavailable"));
      }, { enableHighAccuracy: false, timeout: 20000, maximumAge: 300000 });
    });
  }

  window.AtlasNearby = { distance: distance, format: format };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
