/*
 * atlas-needs.js — the home page's need tiles count the offers open right now.
 *
 * MARKUP CONTRACT (site_templates/atlas/home.html; load after atlas-hours.js, both defer):
 *   <ul data-atlas-needs-text="{n} jetzt offen"            the sentence (translatable there)
 *       [data-atlas-needs-src="kategorien/jetzt-offen.json"]>  the data, when not inline
 *     <span data-atlas-need-count="<category>">12 Angebote</span>
 *         text replaced by the sentence with the number open now; class is-open when > 0.
 *   <script type="application/json" id="atlas-needs-data">  the data, when small enough:
 *     {"holidays": [...], "schedules": {"s0": <compact>, ...},
 *      "needs": {"<category>": [["s0", 3], ["s4", 1]], ...}}   offers per distinct schedule
 * The evaluation is atlas-hours.js's own (window.AtlasHours.core); without it, or without
 * JavaScript, the tiles keep the total count. ES5 on purpose: old phones.
 */
(function () {
  "use strict";

  function counter(list, data, core) {
    var sentence = list.getAttribute("data-atlas-needs-text");
    var holidays = core.holidaySet(data.holidays || []), prepared = {};
    var schedules = data.schedules || {}, needs = data.needs || {};
    Object.keys(schedules).forEach(function (key) { prepared[key] = core.prepare(schedules[key]); });

    return function refresh() {
      var t = core.localMinute(new Date()), open = {};
      var counts = list.querySelectorAll("[data-atlas-need-count]");
      for (var i = 0; i < counts.length; i++) {
        var el = counts[i], groups = needs[el.getAttribute("data-atlas-need-count")] || [], n = 0;
        for (var j = 0; j < groups.length; j++) {
          var key = groups[j][0];
          if (!(key in open)) {
            var state = prepared[key] ? core.statusAt(prepared[key], holidays, t).state : "unknown";
            open[key] = state === "open" || state === "open_end";
          }
          if (open[key]) n += groups[j][1];
        }
        var text = sentence.replace("{n}", String(n));
        if (el.textContent !== text) el.textContent = text;
        el.classList.toggle("is-open", n > 0);
      }
    };
  }

  function run(list, data, core) {
    var refresh = counter(list, data, core);
    refresh();
    window.setInterval(refresh, 60000);
  }

  function start() {
    var list = document.querySelector("[data-atlas-needs-text]");
    var core = window.AtlasHours && window.AtlasHours.core;
    if (!list || !core) return;
    var node = document.getElementById("atlas-needs-data");
    if (node) {
      try { run(list, JSON.parse(node.textContent), core); } catch (e) { /* keep the totals */ }
      return;
    }
    var src = list.getAttribute("data-atlas-needs-src");
    if (!src) return;
    var xhr = new XMLHttpRequest();
    xhr.open("GET", src);
    xhr.onload = function () {
      if (xhr.status < 200 || xhr.status >= 300) return;
      try { run(list, JSON.parse(xhr.responseText), core); } catch (e) { /* keep the totals */ }
    };
    xhr.send();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
