// Progress of a learner import without reloading the page. Without JavaScript the
// page refreshes itself every few seconds (<noscript> meta refresh) instead.
(function () {
  "use strict";
  var box = document.querySelector(".import-progress[data-running]");
  if (!box || !window.fetch) return;
  var bar = box.querySelector("progress");
  var url = box.getAttribute("data-status-url");

  function show(data) {
    bar.value = data.percent;
    bar.textContent = data.percent + "%";
    document.querySelectorAll("[data-field]").forEach(function (node) {
      var key = node.getAttribute("data-field");
      if (key in data) node.textContent = data[key];
    });
  }

  function poll() {
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.json();
      })
      .then(function (data) {
        show(data);
        if (data.finished) {
          window.location.reload();
        } else {
          window.setTimeout(poll, 1500);
        }
      })
      .catch(function () {
        window.setTimeout(poll, 5000);
      });
  }
  window.setTimeout(poll, 1000);
})();
