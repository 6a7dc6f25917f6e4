/*
 * atlas-lazymap.js — a map's Leaflet only when someone may look at it.
 *
 * An offer page is opened from a QR code on a prepaid phone; its map sits far below the first
 * screen, and on a list page the map comes after the list. Leaflet (42 KB gzip), markercluster
 * and atlas-map.js would be most of such a page's weight, so every page carries only the map's
 * place (build_tools/maps):
 *
 *   <div data-atlas-map data-atlas-lazy data-atlas-css="leaflet.css atlas-map.css"
 *        data-atlas-js="leaflet.js atlas-map.js" hidden> … <button data-atlas-load> …
 *
 * This file shows the placeholder and loads those files, scripts in their order, when the map
 * comes onto the screen (IntersectionObserver) or "Karte anzeigen" is tapped; then
 * atlas-map.js draws the map. When the map asks for consent before tiles, the consent button
 * is the only trigger: no Leaflet for a box of text. States in data-atlas-lazy: "" →
 * "loading" → "loaded"; atlas-map.js leaves a map alone until "loaded". ES5, no dependency.
 *
 * The consent to load tiles (for the browser session) is read and written here alone.
 */
(function () {
  "use strict";

  var CONSENT_KEY = "atlas-map-consent"; // kept for the browser session, never sent
  // Only once the map is on screen: a head start of a few hundred pixels would load Leaflet on
  // every short offer page (their maps start 900–1,000 px down at 360 × 740).
  var MARGIN = "0px";

  function consentGiven() {
    try {
      return window.sessionStorage.getItem(CONSENT_KEY) === "1";
    } catch (e) {
      return false;
    }
  }

  function rememberConsent() {
    try {
      window.sessionStorage.setItem(CONSENT_KEY, "1");
    } catch (e) {
      /* private mode: ask again next page */
    }
  }

  function urls(root, name) {
    var list = (root.getAttribute(name) || "").split(/\s+/), out = [];
    for (var i = 0; i < list.length; i++) if (list[i]) out.push(list[i]);
    return out;
  }

  function say(root, text) {
    var status = root.querySelector("[data-atlas-map-status]");
    if (status) status.textContent = text;
  }

  // Stylesheets and scripts into <head>; scripts in order (async = false), done() once all
  // arrived. A file that fails makes done(false): the list above the map carries everything.
  function fetchAll(css, js, done) {
    var left = css.length + js.length, failed = false;
    function one(ok) {
      failed = failed || !ok;
      left -= 1;
      if (left === 0) done(!failed);
    }
    if (!left) return done(true);
    var head = document.head || document.getElementsByTagName("head")[0];
    for (var i = 0; i < css.length; i++) {
      var link = document.createElement("link");
      link.rel = "stylesheet";
      link.href = css[i];
      link.onload = function () { one(true); };
      link.onerror = function () { one(false); };
      head.appendChild(link);
    }
    for (var j = 0; j < js.length; j++) {
      var script = document.createElement("script");
      script.src = js[j];
      script.async = false;
      script.onload = function () { one(true); };
      script.onerror = function () { one(false); };
      head.appendChild(script);
    }
  }

  /** A message in the page's language: the map config's `texts` (build_tools/maps/render.py
   *  SCRIPT_TEXTS), German when a page has none (a map embedded by an older build). */
  function text(root, key, german) {
    try {
      var texts = JSON.parse(root.querySelector("script[data-atlas-config]").textContent).texts || {};
      return texts[key] || german;
    } catch (e) {
      return german;
    }
  }

  function load(root, byHand) {
    if (root.getAttribute("data-atlas-lazy") !== "") return;
    root.setAttribute("data-atlas-lazy", "loading");
    say(root, text(root, "map_loading", "Karte wird geladen …"));
    if (byHand) {
      // Whoever tapped lands in the map (Leaflet makes its container focusable).
      root.addEventListener("atlas-map:ready", function () {
        var canvas = root.querySelector("[data-atlas-canvas]");
        if (canvas && canvas.focus) canvas.focus();
      });
    }
    // Leaflet already on the page (another map loaded it): only the stylesheets.
    var js = window.L && window.AtlasMap ? [] : urls(root, "data-atlas-js");
    fetchAll(urls(root, "data-atlas-css"), js, function (ok) {
      if (!ok || !window.AtlasMap) {
        root.setAttribute("data-atlas-lazy", "");
        say(root, text(root, "map_failed", "Die Karte konnte nicht geladen werden. Alle Angaben stehen auch im Text."));
        return;
      }
      say(root, "");
      root.setAttribute("data-atlas-lazy", "loaded");
      window.AtlasMap.init();
    });
  }

  function needsConsent(root) {
    try {
      var cfg = JSON.parse(root.querySelector("script[data-atlas-config]").textContent);
      return !!cfg.consent && !consentGiven();
    } catch (e) {
      return false;
    }
  }

  function prepare(root, observer) {
    root.hidden = false;
    var consent = root.querySelector("[data-atlas-consent]");
    var canvas = root.querySelector("[data-atlas-canvas]");
    if (needsConsent(root)) {
      canvas.hidden = true;
      consent.querySelector("[data-atlas-consent-button]").addEventListener("click", function () {
        rememberConsent();
        consent.hidden = true;
        canvas.hidden = false;
        load(root, true);
      });
      return;
    }
    if (consent) consent.hidden = true;
    var button = root.querySelector("[data-atlas-load]");
    if (button) button.addEventListener("click", function () { load(root, true); });
    if (observer) observer.observe(root);
  }

  function start() {
    var roots = document.querySelectorAll("[data-atlas-map][data-atlas-lazy]");
    var observer = null;
    if (window.IntersectionObserver) {
      observer = new IntersectionObserver(function (entries) {
        for (var i = 0; i < entries.length; i++) {
          if (!entries[i].isIntersecting) continue;
          observer.unobserve(entries[i].target);
          load(entries[i].target, false);
        }
      }, { rootMargin: MARGIN });
    }
    for (var i = 0; i < roots.length; i++) {
      if (roots[i].getAttribute("data-atlas-lazy") === "") prepare(roots[i], observer);
    }
  }

  // Deferred: the document is parsed when this runs; no need to wait for anything else.
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
