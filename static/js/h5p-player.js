/* Runs the activity inside the sandboxed frame and tells the lesson page what happens:
   its height (so the frame fits it) and the activity's results (xAPI statements).
   This frame has no cookies and no access to the lesson page: postMessage is its only way out. */
(function () {
  "use strict";
  // The sandbox gives this frame no storage of its own (reading localStorage throws), and
  // H5P's core reads it, for its copy and paste: a store that lasts as long as the page.
  function memoryStorage() {
    var items = {};
    return {
      getItem: function (key) {
        return Object.prototype.hasOwnProperty.call(items, key) ? items[key] : null;
      },
      setItem: function (key, value) {
        items[key] = String(value);
      },
      removeItem: function (key) {
        delete items[key];
      },
      clear: function () {
        items = {};
      },
      key: function (index) {
        return Object.keys(items)[index] || null;
      },
      get length() {
        return Object.keys(items).length;
      },
    };
  }
  ["localStorage", "sessionStorage"].forEach(function (name) {
    try {
      window[name].getItem("h5p");
    } catch (error) {
      Object.defineProperty(window, name, { value: memoryStorage(), configurable: true });
    }
  });

  var container = document.getElementById("h5p-container");
  var options = JSON.parse(document.getElementById("h5p-options").textContent);

  function tell(message) {
    window.parent.postMessage(message, "*");
  }

  function reportHeight() {
    tell({ type: "h5p:resize", height: Math.ceil(document.documentElement.scrollHeight) });
  }

  function verbOf(statement) {
    var id = (statement.verb && statement.verb.id) || "";
    return id.substring(id.lastIndexOf("/") + 1);
  }

  function isTopLevel(statement) {
    // Questions inside a question set report too; only the whole activity counts.
    var context = statement.context || {};
    var activities = context.contextActivities || {};
    return !activities.parent || activities.parent.length === 0;
  }

  new H5PStandalone.H5P(container, options).then(function () {
    reportHeight();
    H5P.externalDispatcher.on("xAPI", function (event) {
      var statement = event.data && event.data.statement;
      if (!statement || !isTopLevel(statement)) {
        return;
      }
      var verb = verbOf(statement);
      if (verb !== "completed" && verb !== "answered") {
        return;
      }
      var result = statement.result || {};
      var score = result.score || {};
      tell({
        type: "h5p:result",
        verb: verb,
        completed: result.completion === true,
        score: { raw: score.raw, max: score.max, scaled: score.scaled },
      });
    });
  });

  if (window.ResizeObserver) {
    new ResizeObserver(reportHeight).observe(document.body);
  }
  window.addEventListener("load", reportHeight);
})();
