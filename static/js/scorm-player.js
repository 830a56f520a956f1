/* The lesson page's side of the SCORM player.
 *
 * Opens a part of the package in a sandboxed frame whose name carries the learner's saved
 * data (read by js/scorm-runtime.js inside the package), receives the package's commits
 * by postMessage — only from that frame, only from the origin the package is served from —
 * and saves them with the learner's session and CSRF token.
 */
(function () {
  "use strict";
  var root = document.querySelector("[data-scorm-player]");
  var configElement = document.getElementById("scorm-player-config");
  if (!root || !configElement) return;
  var config = JSON.parse(configElement.textContent);
  var box = root.querySelector("[data-scorm-frame]");
  var status = root.querySelector("[data-scorm-status]");
  // A sandboxed document without allow-same-origin posts from the opaque origin "null".
  var expectedOrigin = config.origin || "null";
  var byId = {};
  config.scos.forEach(function (sco) { byId[sco.id] = sco; });
  var frame = null;
  var current = null;

  function say(text) {
    if (status) status.textContent = text || "";
  }

  function open(sco) {
    current = sco;
    var iframe = document.createElement("iframe");
    var sandbox = "allow-scripts allow-forms allow-popups allow-modals allow-downloads";
    iframe.setAttribute("sandbox", config.origin ? sandbox + " allow-same-origin" : sandbox);
    iframe.setAttribute("allow", "fullscreen; autoplay");
    iframe.setAttribute("allowfullscreen", "");
    iframe.className = "scorm-frame__iframe";
    iframe.title = sco.title;
    iframe.name = "lms-scorm:" + JSON.stringify({
      version: config.version,
      sco: sco.id,
      cmi: sco.cmi,
      parentOrigin: window.location.origin,
    });
    iframe.src = sco.url;
    box.replaceChildren(iframe);
    frame = iframe;
    root.querySelectorAll("[data-scorm-open]").forEach(function (button) {
      var here = String(sco.id) === button.getAttribute("data-scorm-open");
      if (here) button.setAttribute("aria-current", "step");
      else button.removeAttribute("aria-current");
    });
  }

  function save(sco, message) {
    say(root.dataset.saving);
    return fetch(sco.commit, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": root.dataset.csrf },
      body: JSON.stringify({ cmi: message.cmi, finished: message.finished }),
    })
      .then(function (response) {
        return response.json().then(function (body) { return { ok: response.ok, body: body }; });
      })
      .then(function (result) {
        if (!result.ok) {
          say(result.body.message || root.dataset.saveFailed);
          return;
        }
        if (result.body.cmi) sco.cmi = result.body.cmi;
        var mark = root.querySelector('[data-scorm-mark="' + sco.id + '"]');
        if (mark && result.body.sco_done) mark.textContent = "✓";
        if (result.body.lesson_done) {
          say(root.dataset.lessonDone);
          root.setAttribute("data-scorm-finished", "true");
        } else {
          say(root.dataset.saved);
        }
      })
      .catch(function () { say(root.dataset.saveFailed); });
  }

  window.addEventListener("message", function (event) {
    if (!frame || event.source !== frame.contentWindow) return;
    if (event.origin !== expectedOrigin) return;
    var data = event.data;
    if (!data || data.type !== "lms-scorm-commit" || !current || data.sco !== current.id) return;
    if (typeof data.cmi !== "object" || data.cmi === null) return;
    save(current, data);
  });

  root.addEventListener("click", function (event) {
    var button = event.target.closest("[data-scorm-open]");
    if (!button) return;
    var sco = byId[button.getAttribute("data-scorm-open")];
    if (sco && sco !== current) open(sco);
  });

  var start = byId[config.start] || config.scos[0];
  if (start) open(start);
})();
