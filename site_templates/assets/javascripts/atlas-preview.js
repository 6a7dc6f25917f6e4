/* Preview only (mkdocs serve): reload the page when the preview server has a newer build.
   Does what MkDocs' inline live-reload script does, from a file, so that the site's CSP
   (scripts from the site itself only) stays as strict in the preview as when published. */
(function () {
  "use strict";
  var seen = null;
  function poll() {
    var url = "/livereload/" + (seen === null ? 0 : seen) + "/" + Date.now();
    fetch(url, { cache: "no-store" }).then(function (response) {
      return response.text();
    }).then(function (text) {
      var epoch = parseFloat(text);
      if (isNaN(epoch)) {  // the preview server is restarting or answered something else
        window.setTimeout(poll, 1000);
        return;
      }
      if (seen !== null && epoch > seen) {
        window.location.reload();
        return;
      }
      seen = epoch;
      poll();
    }).catch(function () {
      window.setTimeout(poll, 1000);
    });
  }
  poll();
})();
