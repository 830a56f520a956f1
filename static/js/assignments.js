/* Hand-in page helpers. Everything works without this file: drafts are saved by
   the "Save draft" button, and the server checks every upload. This only keeps the
   text while the learner types, warns early about too many or too large files,
   and stops a second tap from sending the photos twice. */
(function () {
  "use strict";
  var form = document.querySelector("form[data-autosave-url]");
  if (!form) return;

  var textarea = form.querySelector("textarea[name='text']");
  var status = form.querySelector("[data-autosave-status]");
  var csrf = form.querySelector("input[name='csrfmiddlewaretoken']");
  var timer = null;
  var lastSaved = textarea ? textarea.value : "";

  function say(element, text) {
    if (element) element.textContent = text || "";
  }

  function save() {
    timer = null;
    if (!textarea || textarea.value === lastSaved) return;
    var body = new FormData();
    body.append("csrfmiddlewaretoken", csrf.value);
    body.append("text", textarea.value);
    var sent = textarea.value;
    fetch(form.dataset.autosaveUrl, {
      method: "POST",
      body: body,
      credentials: "same-origin",
      headers: { "X-Requested-With": "fetch" },
    })
      .then(function (response) { return response.json(); })
      .then(function (data) {
        if (data.saved) lastSaved = sent;
        say(status, data.message || "");
      })
      .catch(function () {
        say(status, form.dataset.autosaveFailed || "");
      });
  }

  if (textarea) {
    textarea.addEventListener("input", function () {
      if (timer) window.clearTimeout(timer);
      timer = window.setTimeout(save, 2500);
    });
    textarea.addEventListener("blur", function () {
      if (timer) { window.clearTimeout(timer); save(); }
    });
  }

  var check = form.querySelector("[data-file-check]");
  var inputs = form.querySelectorAll("input[type='file']");
  var maxFiles = parseInt(form.dataset.maxFiles, 10) || 0;
  var maxBytes = parseInt(form.dataset.maxBytes, 10) || 0;
  var have = parseInt(form.dataset.haveFiles, 10) || 0;

  function checkFiles() {
    var count = have;
    var tooBig = [];
    inputs.forEach(function (input) {
      Array.prototype.forEach.call(input.files || [], function (file) {
        count += 1;
        if (maxBytes && file.size > maxBytes) tooBig.push(file.name);
      });
    });
    var problems = [];
    if (maxFiles && count > maxFiles) problems.push(form.dataset.tooMany || "");
    if (tooBig.length) problems.push((form.dataset.tooBig || "") + " " + tooBig.join(", "));
    say(check, problems.join(" "));
    return problems.length === 0;
  }
  inputs.forEach(function (input) { input.addEventListener("change", checkFiles); });

  var sending = false;
  form.addEventListener("submit", function (event) {
    if (sending) { event.preventDefault(); return; }
    if (timer) { window.clearTimeout(timer); timer = null; }
    sending = true;
    var hasFiles = Array.prototype.some.call(inputs, function (input) {
      return input.files && input.files.length > 0;
    });
    if (hasFiles) say(check, form.dataset.sending || "");
  });
  // Coming back with the browser's back button must allow sending again.
  window.addEventListener("pageshow", function () { sending = false; });
})();
