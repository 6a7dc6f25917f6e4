/* Load the search index only when someone searches.
 *
 * Material fetches search/search_index.json on every page view. For a large atlas that is
 * megabytes on a prepaid phone plan, for a visitor who came from a QR code to read one page.
 * This script (loaded in <head>, before Material's bundle) holds that one request back until
 * the visitor opens or focuses the search, or arrives with a query (?q=…). Everything else
 * goes to the browser's fetch unchanged.
 */
(function () {
  "use strict";
  var XHR = window.XMLHttpRequest;
  if (!XHR || !window.Promise) { return; }
  var release;
  var gate = new Promise(function (resolve) { release = resolve; });

  function open() {
    if (release) { release(); release = null; }
  }

  function isIndex(url) {
    try {
      return /\/search\/search_index\.json$/.test(new URL(String(url), window.location.href).pathname);
    } catch (e) {
      return false;
    }
  }

  // Material requests the index with XMLHttpRequest: remember each request's URL at open()
  // and hold send() back for the index until the gate opens.
  var realOpen = XHR.prototype.open;
  var realSend = XHR.prototype.send;
  XHR.prototype.open = function (method, url) {
    this.atlasIsIndex = isIndex(url);
    return realOpen.apply(this, arguments);
  };
  XHR.prototype.send = function (body) {
    if (this.atlasIsIndex && release) {
      var request = this;
      gate.then(function () { realSend.call(request, body); });
      return undefined;
    }
    return realSend.apply(this, arguments);
  };

  if (/[?&]q=/.test(window.location.search)) { open(); }
  document.addEventListener("focusin", function (event) {
    var target = event.target;
    if (target && target.closest && target.closest("[data-md-component=search], .md-search, .atlas-search")) {
      open();
    }
  }, true);
  document.addEventListener("change", function (event) {
    if (event.target && event.target.id === "__search") { open(); }
  }, true);
  document.addEventListener("keydown", function (event) {
    // Material's shortcuts for search ("/", "s", "f") focus the field; open on them too.
    if (event.key === "/" || event.key === "s" || event.key === "f") { open(); }
  }, true);
})();
