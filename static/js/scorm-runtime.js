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

  // The lesson page, kept before the package sees the stand-in below.
  var lessonPage = window.parent;

  var pending = null;
  function send(finished) {
    if (pending) {
      window.clearTimeout(pending);
      pending = null;
    }
    var cmi = api.renderCMIToJSONObject().cmi;
    lessonPage.postMessage(
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
  // Many packages look for the API in their parent frames only, never in their own
  // window, and without guarding the look: the lesson page is another origin to this
  // sandboxed document, and reading it throws. The package is given a stand-in parent
  // that holds the API and is its own parent, so every way of looking finds it.
  // (`parent` may be replaced by a page's own script; `top` cannot, and packages that
  // look there guard the look.)
  var standIn = {
    API: window.API || null,
    API_1484_11: window.API_1484_11 || null,
    postMessage: function () { lessonPage.postMessage.apply(lessonPage, arguments); },
  };
  standIn.parent = standIn;
  standIn.top = standIn;
  try {
    window.parent = standIn;
  } catch (error) {
    // A browser that does not let `parent` be replaced: the package looks as before.
  }

  window.addEventListener("pagehide", function () {
    if (pending) send(false);
  });
})();
