/* The SCORM runtime inside a package's document.
 *
 * The content view puts this script (after scorm-again's build) first in the <head> of
 * every page of a package. It does anything only in the document the lesson page
 * launched: that frame's name carries the learner's saved data, so the API object exists
 * before the package's own scripts look for it (window.API for SCORM 1.2,
 * window.API_1484_11 for 2004), and resumes where the learner stopped. The document is
 * sandboxed and cannot talk to the site: each commit is handed to the lesson page by
 * postMessage, and the lesson page saves it.
 */
(function () {
  "use strict";
  var PREFIX = "lms-scorm:";
  var config;
  try {
    if (typeof window.name !== "string" || window.name.indexOf(PREFIX) !== 0) return;
    config = JSON.parse(window.name.slice(PREFIX.length));
  } catch (error) {
    return;
  }
  var is2004 = config.version === "2004";
  var Runtime = is2004 ? window.Scorm2004API : window.Scorm12API;
  if (typeof Runtime !== "function") return;
  var api = new Runtime({
    lmsCommitUrl: false,
    autocommit: false,
    logLevel: 5,
    sendFullCommit: true,
  });
  api.loadFromJSON(config.cmi || {}, "");

  var pending = null;
  function send(finished) {
    if (pending) {
      window.clearTimeout(pending);
      pending = null;
    }
    var cmi = api.renderCMIToJSONObject().cmi;
    window.parent.postMessage(
      { type: "lms-scorm-commit", sco: config.sco, finished: !!finished, cmi: cmi },
      config.parentOrigin
    );
  }
  function soon() {
    // A package that sets values but never commits is saved a moment later all the same.
    if (pending) window.clearTimeout(pending);
    pending = window.setTimeout(function () { send(false); }, 3000);
  }
  if (is2004) {
    api.on("Commit", function () { send(false); });
    api.on("Terminate", function () { send(true); });
    api.on("SetValue.cmi.*", soon);
    window.API_1484_11 = api;
  } else {
    api.on("LMSCommit", function () { send(false); });
    api.on("LMSFinish", function () { send(true); });
    api.on("LMSSetValue.cmi.*", soon);
    window.API = api;
  }
  window.addEventListener("pagehide", function () {
    if (pending) send(false);
  });
})();
