/*
 * atlas-needs.js — the home page's need tiles count the offers open right now.
 *
 * MARKUP CONTRACT (site_templates/atlas/home.html; load after atlas-hours.js, both defer):
 *   <script type="application/json" id="atlas-hours-data">  distinct schedules "s0", "s1", …
 *   <script type="application/json" id="atlas-needs-data">
 *     {"needs": {"<category>": [["s0", 3], ["s4", 1]], ...}}   offers per schedule
 *   <ul data-atlas-needs-text="{n} jetzt offen">            the sentence (translatable)
 *     <span data-atlas-need-count="<category>">12 Angebote</span>
 *         text replaced by the sentence with the number open now; class is-open when > 0.
 * The evaluation is atlas-hours.js's (window.AtlasHours.isOpen); without it, or without
 * JavaScript, the tiles keep the total count. ES5 on purpose: old phones.
 */
(function () {
  "use strict";

  function start() {
    var node = document.getElementById("atlas-needs-data");
    var list = document.querySelector("[data-atlas-needs-text]");
    var hours = window.AtlasHours;
    if (!node || !list || !hours || typeof hours.isOpen !== "function") return;
    var needs;
    try { needs = JSON.parse(node.textContent).needs || {}; } catch (e) { return; }
    var sentence = list.getAttribute("data-atlas-needs-text");

    function refresh() {
      var now = new Date(), open = {};
      var counts = document.querySelectorAll("[data-atlas-need-count]");
      for (var i = 0; i < counts.length; i++) {
        var el = counts[i], groups = needs[el.getAttribute("data-atlas-need-count")] || [], n = 0;
        for (var j = 0; j < groups.length; j++) {
          var key = groups[j][0];
          if (!(key in open)) open[key] = hours.isOpen(key, now);
          if (open[key]) n += groups[j][1];
        }
        var text = sentence.replace("{n}", String(n));
        if (el.textContent !== text) el.textContent = text;
        el.classList.toggle("is-open", n > 0);
      }
    }

    refresh();
    window.setInterval(refresh, 60000);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
