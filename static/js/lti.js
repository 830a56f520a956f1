// LTI pages: a launch opened as a whole tab goes straight to the course; inside a
// school's iframe the button opens it in a new window. A course choice is sent back to
// the school's system without a further click.
(function () {
  "use strict";
  var enter = document.querySelector("[data-lti-enter]");
  if (enter && window.top === window.self) {
    window.location.replace(enter.href);
  }
  var form = document.querySelector("form[data-lti-autosubmit]");
  if (form) {
    form.submit();
  }
})();
