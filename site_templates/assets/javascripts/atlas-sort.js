/* Angebotsatlas: sortable tables (progressive enhancement).
 * Tables marked data-atlas-sort are complete without this script. It turns each column
 * header into a button; numbers sort by data-sort-value, text by German collation.
 * No inline script is needed: the page loads this file with <script src defer>. */
(function () {
  "use strict";
  var collator = new Intl.Collator("de", { numeric: true, sensitivity: "base" });

  function cellValue(row, index) {
    var cell = row.cells[index];
    if (!cell) { return ""; }
    var raw = cell.getAttribute("data-sort-value");
    return raw !== null ? raw : cell.textContent.trim();
  }

  /* Empty cells ("–") stay last in both directions. */
  function compare(a, b, numeric, ascending) {
    var result;
    if (numeric) {
      var x = parseFloat(a), y = parseFloat(b);
      var xn = isNaN(x), yn = isNaN(y);
      if (xn || yn) { return xn === yn ? 0 : (xn ? 1 : -1); }
      result = x - y;
    } else {
      result = collator.compare(a, b);
    }
    return ascending ? result : -result;
  }

  function sortBy(table, index, header) {
    var body = table.tBodies[0];
    if (!body) { return; }
    var numeric = header.getAttribute("data-type") === "number";
    var ascending = header.getAttribute("aria-sort") !== "ascending";
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (r1, r2) {
      return compare(cellValue(r1, index), cellValue(r2, index), numeric, ascending);
    });
    rows.forEach(function (row) { body.appendChild(row); });
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) {
      th.removeAttribute("aria-sort");
    });
    header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
  }

  function enhance(table) {
    if (!table.tHead || !table.tHead.rows.length) { return; }
    if (table.getAttribute("data-atlas-sort") === "ready") { return; }
    table.setAttribute("data-atlas-sort", "ready");
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (header, index) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "atlas-sort-button";
      while (header.firstChild) { button.appendChild(header.firstChild); }
      header.appendChild(button);
      button.addEventListener("click", function () { sortBy(table, index, header); });
    });
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("table[data-atlas-sort]"), enhance);
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);  /* Material's instant navigation */
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
