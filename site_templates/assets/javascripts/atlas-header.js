/*
 * atlas-header.js — the header's two moves from Material's bundle, for pages without it.
 *
 * Offer pages skip Material's bundle (35 KB gzip; overrides/main.html). Of what it does there,
 * two things show: the header casts its shadow only once the page is scrolled, and its title
 * turns from the site's name to the page's heading once that heading has scrolled under the
 * header. Same classes as Material (md-header--shadow, md-header__title--active), so the theme's
 * CSS does the rest. Without JavaScript the header keeps the site's name and its shadow.
 */
(function () {
  "use strict";
  var header = document.querySelector("[data-md-component=header]");
  var title = document.querySelector("[data-md-component=header-title]");
  var heading = document.querySelector(".md-content h1");
  if (!header || !title) return;
  var queued = false;

  function toggle(el, name, on) {
    if (el.classList.contains(name) !== on) el.classList.toggle(name, on);
  }

  function update() {
    queued = false;
    var bottom = header.getBoundingClientRect().bottom;
    toggle(header, "md-header--shadow", window.pageYOffset > 0);
    toggle(title, "md-header__title--active", !!heading && heading.getBoundingClientRect().bottom <= bottom);
  }

  window.addEventListener("scroll", function () {
    if (!queued) {
      queued = true;
      window.requestAnimationFrame(update);
    }
  }, { passive: true });
  window.addEventListener("resize", update);
  update();
})();
