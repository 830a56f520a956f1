// Progress of a bulk issue: polls the page's JSON endpoint and updates the bar.
// Without JavaScript the page refreshes itself (<noscript> meta refresh) instead.
(function () {
  "use strict";
  var root = document.querySelector("[data-certificate-batch]");
  if (!root) return;
  var url = root.getAttribute("data-progress-url");
  var bar = root.querySelector("[data-batch-bar]");
  var text = root.querySelector("[data-batch-text]");
  var status = root.querySelector("[data-batch-status]");
  var finishedOnLoad = bar && Number(bar.value) >= Number(bar.max);
  if (finishedOnLoad) return;

  function update(data) {
    bar.max = data.total;
    bar.value = data.finished;
    bar.textContent = data.percent + "%";
    text.textContent = text.textContent.replace(/\d+(\D+)\d+/, data.finished + "$1" + data.total);
    ["issued", "rendered", "skipped", "failed"].forEach(function (key) {
      var el = root.querySelector('[data-batch-count="' + key + '"]');
      if (el) el.textContent = data[key];
    });
    if (data.done) {
      // Reload once to show the full list of who was skipped and why.
      window.location.reload();
      return;
    }
    if (data.skipped && status) status.setAttribute("data-skipped", data.skipped);
    window.setTimeout(poll, 1500);
  }

  function poll() {
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : Promise.reject(response.status); })
      .then(update)
      .catch(function () { window.setTimeout(poll, 5000); });
  }
  window.setTimeout(poll, 1000);
})();
