/* Relays an activity's results from its sandboxed frame to the server, with the learner's
   session and CSRF token, and fits the frame to the activity's height. Only messages from
   the activity's own frame are read. */
(function () {
  "use strict";
  var MAX_HEIGHT = 20000;

  if (window.h5pLessonStarted) {
    return; // one script for every activity of the page
  }
  window.h5pLessonStarted = true;

  // Given by the lesson's status box, for an enrolled learner only: others' results are not kept.
  function csrfToken() {
    var holder = document.querySelector("[data-h5p-csrf]");
    return holder ? holder.getAttribute("data-h5p-csrf") : null;
  }

  function send(activity, message) {
    var status = activity.querySelector(".h5p-activity__status");
    status.textContent = activity.getAttribute("data-saving");
    fetch(activity.getAttribute("data-results-url"), {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": csrfToken() },
      body: JSON.stringify({
        lesson: parseInt(activity.getAttribute("data-lesson"), 10),
        verb: message.verb,
        completed: message.completed === true,
        score: message.score || {},
      }),
    })
      .then(function (response) {
        return response.json().then(function (data) {
          status.textContent = data.message || activity.getAttribute("data-failed");
          if (response.ok) {
            activity.setAttribute("data-saved", "true");
          }
        });
      })
      .catch(function () {
        status.textContent = activity.getAttribute("data-failed");
      });
  }

  var activities = Array.prototype.slice.call(document.querySelectorAll("[data-h5p-activity]"));
  if (!activities.length) {
    return;
  }
  window.addEventListener("message", function (event) {
    var data = event.data || {};
    activities.forEach(function (activity) {
      var frame = activity.querySelector("iframe");
      if (!frame || event.source !== frame.contentWindow) {
        return;
      }
      if (data.type === "h5p:resize" && typeof data.height === "number") {
        frame.style.height = Math.min(Math.max(data.height, 100), MAX_HEIGHT) + "px";
      } else if (data.type === "h5p:result") {
        if (csrfToken()) {
          send(activity, data);
        }
      }
    });
  });
})();
