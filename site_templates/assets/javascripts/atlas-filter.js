/* Angebotsatlas: filter long planning tables (progressive enhancement).
 * Tables marked data-atlas-filter are complete without this script; it adds, above each
 * table with more than 8 rows, a search box (rows whose text holds every word stay) and —
 * when rows carry data-atlas-flagged — a switch "only flagged rows". Hidden rows get the
 * hidden attribute, so sorting (atlas-sort.js) keeps working on all rows. Without script no
 * control is shown that could not work. */
(function () {
  "use strict";
  var MIN_ROWS = 8;
  var counter = 0;

  function words(text) {
    return text.toLocaleLowerCase("de").split(/\s+/).filter(Boolean);
  }

  function apply(table, input, flagged, status) {
    var wanted = words(input.value);
    var onlyFlagged = flagged && flagged.checked;
    var rows = table.tBodies[0].rows;
    var shown = 0;
    Array.prototype.forEach.call(rows, function (row) {
      var text = row.textContent.toLocaleLowerCase("de");
      var ok = wanted.every(function (w) { return text.indexOf(w) !== -1; });
      if (onlyFlagged && !row.hasAttribute("data-atlas-flagged")) { ok = false; }
      row.hidden = !ok;
      if (ok) { shown += 1; }
    });
    status.textContent = shown + " von " + rows.length + " Zeilen";
  }

  function enhance(table) {
    if (!table.tBodies.length || table.tBodies[0].rows.length <= MIN_ROWS) { return; }
    if (table.getAttribute("data-atlas-filter") === "ready") { return; }
    table.setAttribute("data-atlas-filter", "ready");
    counter += 1;
    var id = "atlas-filter-" + counter;
    var box = document.createElement("p");
    box.className = "atlas-table-filter";
    var label = document.createElement("label");
    label.htmlFor = id;
    label.textContent = "Zeilen filtern: ";
    var input = document.createElement("input");
    input.type = "search";
    input.id = id;
    input.setAttribute("autocomplete", "off");
    label.appendChild(input);
    box.appendChild(label);
    var flagged = null;
    if (table.querySelector("tbody tr[data-atlas-flagged]")) {
      var switchLabel = document.createElement("label");
      flagged = document.createElement("input");
      flagged.type = "checkbox";
      switchLabel.appendChild(document.createTextNode(" "));
      switchLabel.appendChild(flagged);
      switchLabel.appendChild(document.createTextNode(" nur markierte"));
      box.appendChild(switchLabel);
    }
    var status = document.createElement("span");
    status.setAttribute("aria-live", "polite");
    status.className = "atlas-table-filter__count";
    box.appendChild(document.createTextNode(" "));
    box.appendChild(status);
    var wrap = table.parentNode.classList.contains("atlas-table-wrap") ? table.parentNode : table;
    wrap.parentNode.insertBefore(box, wrap);
    var update = function () { apply(table, input, flagged, status); };
    input.addEventListener("input", update);
    if (flagged) { flagged.addEventListener("change", update); }
    status.textContent = table.tBodies[0].rows.length + " Zeilen";
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("table[data-atlas-filter]"), enhance);
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);  /* Material's instant navigation */
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
