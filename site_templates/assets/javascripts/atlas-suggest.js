/*
 * atlas-suggest.js — on a German page, a visible link to the same page in the browser's
 * language, when the atlas has that page (a QR code on a wall always opens the German page).
 *
 * Reads navigator.languages on the device and asks nothing of any server. Never redirects:
 * the person decides. Says nothing when German comes first among the browser's languages.
 * Dismissed once ("×"), it stays away on this device (localStorage). The texts are in the
 * language switch's data-atlas-suggest, in each language's own words (site_templates/i18n).
 */
(function () {
  "use strict";
  var nav = document.querySelector("nav.atlas-langs[data-atlas-suggest]");
  if (!nav || document.documentElement.lang !== "de") return;
  var KEY = "atlas-suggest-dismissed";
  try { if (window.localStorage.getItem(KEY)) return; } catch (e) { /* storage off: ask anyway */ }
  var texts;
  try { texts = JSON.parse(nav.getAttribute("data-atlas-suggest")); } catch (e) { return; }
  var wanted = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || ""];
  var code = null;
  for (var i = 0; i < wanted.length; i++) {
    var primary = String(wanted[i]).toLowerCase().split("-")[0];
    if (primary === "de") return;
    if (texts[primary] && nav.querySelector('a[hreflang="' + primary + '"]')) { code = primary; break; }
  }
  if (!code) return;
  var own = texts[code];
  var target = nav.querySelector('a[hreflang="' + code + '"]');
  var box = document.createElement("p");
  box.className = "atlas-suggest atlas-noprint";
  box.lang = code;
  box.dir = own.dir;
  var link = document.createElement("a");
  link.href = target.getAttribute("href");
  link.hreflang = code;
  link.textContent = own.text;
  var close = document.createElement("button");
  close.type = "button";
  close.className = "atlas-suggest__close";
  close.setAttribute("aria-label", own.close);
  close.textContent = "\u00d7";
  close.addEventListener("click", function () {
    try { window.localStorage.setItem(KEY, "1"); } catch (e) { /* storage off: gone for this page */ }
    box.parentNode.removeChild(box);
    nav.querySelector("a").focus();
  });
  box.appendChild(link);
  box.appendChild(close);
  nav.parentNode.insertBefore(box, nav.nextSibling);
})();
