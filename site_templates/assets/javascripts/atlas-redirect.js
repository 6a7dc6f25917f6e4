/* Alias pages: forward to the offer's current address, keeping any #fragment.
   The meta refresh does the same without JavaScript (but drops the fragment). */
(function () {
  var script = document.currentScript;
  var target = script && script.getAttribute("data-target");
  if (target) {
    window.location.replace(target + window.location.hash);
  }
})();
