// Progress of a background batch (a people import, a bulk issue), without reloading.
// The root [data-batch-progress] names its JSON in data-status-url (the contract of
// lms/core/batches.py). Each poll updates the root's <progress> (processed of total, or
// percent of 100 with data-batch-measure="percent") and every element with
// data-batch-field="name" (a key of the JSON, or of its "counts"); once the batch is
// finished the page reloads once to show the full result. Errors back off. Without
// JavaScript the page refreshes itself (<noscript> meta refresh) instead.
(function () {
  "use strict";
  var root = document.querySelector("[data-batch-progress]");
  if (!root || !window.fetch) return;
  var url = root.getAttribute("data-status-url");
  var bar = root.querySelector("progress");
  var delay = 1500;
  var failures = 0;

  function show(data) {
    if (bar && bar.getAttribute("data-batch-measure") === "percent") {
      bar.max = 100;
      bar.value = data.percent;
    } else if (bar) {
      bar.max = data.total || 1;
      bar.value = data.total ? data.processed : data.finished ? 1 : 0;
    }
    if (bar) bar.textContent = data.percent + "%";
    document.querySelectorAll("[data-batch-field]").forEach(function (node) {
      var key = node.getAttribute("data-batch-field");
      var value = key in data ? data[key] : (data.counts || {})[key];
      if (value !== undefined && value !== null) node.textContent = value;
    });
  }

  function poll() {
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.json();
      })
      .then(function (data) {
        failures = 0;
        show(data);
        if (data.finished) {
          window.location.reload();
        } else {
          window.setTimeout(poll, delay);
        }
      })
      .catch(function () {
        // Back off: 3 s, 6 s, 12 s … at most a minute between tries.
        failures += 1;
        window.setTimeout(poll, Math.min(60000, delay * Math.pow(2, failures)));
      });
  }
  window.setTimeout(poll, 1000);
})();
