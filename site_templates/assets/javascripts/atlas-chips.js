/*
 * atlas-chips.js — filter chips: a pictogram and one word per need, above the map page's list
 * and the search form. One chip is pressed at a time ("Alle" shows everything).
 *
 * MARKUP CONTRACT (site_templates/atlas/_macros.html: need_chips):
 *   <div data-atlas-chips="map|search" hidden>           shown by this script
 *     <button data-atlas-chip="" aria-pressed="true">Alle</button>
 *     <button data-atlas-chip="<category>" aria-pressed="false">…</button>
 * map:    hides every [data-atlas-group] of another category and tells the maps
 *         (window.AtlasMap views ask window.AtlasChips.shows(category) for each marker).
 * search: sets the form's <select name="kategorie"> and fires its change event, so the search
 *         runs and the address keeps ?kategorie=…; a choice in the select presses its chip.
 * ES5 on purpose: old phones.
 */
(function () {
  "use strict";

  var chosen = "";
  window.AtlasChips = { shows: function (category) { return !chosen || category === chosen; } };

  function start() {
    var box = document.querySelector("[data-atlas-chips]");
    if (!box) return;
    var mode = box.getAttribute("data-atlas-chips");
    var chips = box.querySelectorAll("[data-atlas-chip]");
    var select = mode === "search" ? document.querySelector("select[name=kategorie]") : null;
    if (mode === "search" && !select) return;

    function press(category) {
      chosen = category;
      for (var i = 0; i < chips.length; i++) {
        var on = chips[i].getAttribute("data-atlas-chip") === category;
        chips[i].setAttribute("aria-pressed", on ? "true" : "false");
      }
    }

    function filterMap() {
      var groups = document.querySelectorAll("[data-atlas-group]");
      for (var i = 0; i < groups.length; i++) {
        groups[i].hidden = !window.AtlasChips.shows(groups[i].getAttribute("data-atlas-group"));
      }
      var views = (window.AtlasMap && window.AtlasMap.views) || [];
      for (var j = 0; j < views.length; j++) {
        if (views[j].map && typeof views[j].refresh === "function") views[j].refresh();
      }
    }

    function choose(category) {
      press(category);
      if (select) {
        if (select.value !== category) {
          select.value = category;
          var event;
          try { event = new Event("change", { bubbles: true }); } catch (e) {
            event = document.createEvent("Event");
            event.initEvent("change", true, false);
          }
          select.dispatchEvent(event);
        }
      } else {
        filterMap();
      }
    }

    for (var i = 0; i < chips.length; i++) {
      chips[i].addEventListener("click", function (e) {
        var category = e.currentTarget.getAttribute("data-atlas-chip");
        choose(category === chosen ? "" : category);
      });
    }
    if (select) {
      press(select.value);  // ?kategorie=… from the address, set by atlas-search.js
      select.addEventListener("change", function () { press(select.value); });
    }
    box.hidden = false;
    // On a phone the row scrolls sideways: a chip chosen by the address is brought into view.
    var pressed = box.querySelector("[aria-pressed=true]");
    if (pressed && pressed.offsetLeft + pressed.offsetWidth > box.clientWidth) {
      box.scrollLeft = pressed.offsetLeft - box.offsetLeft - 16;
    }
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
