/*
 * Quiz sheet: save each answer as soon as it changes, and count down the time.
 * The page works without this file: every button on the sheet posts and saves all answers.
 * Replies from the server never contain right answers or grading.
 */
(function () {
  "use strict";

  var form = document.querySelector("form[data-autosave-url]");
  if (!form || !window.fetch || !window.FormData) {
    return;
  }
  var url = form.getAttribute("data-autosave-url");
  var token = form.querySelector("input[name=csrfmiddlewaretoken]");
  var messages = {
    saved: form.getAttribute("data-msg-saved"),
    saving: form.getAttribute("data-msg-saving"),
    offline: form.getAttribute("data-msg-offline")
  };
  var timers = {};
  var dirty = {};
  // One request per question at a time, so an older answer never lands after a newer one.
  var inFlight = {};
  var again = {};

  function setStatus(section, text, state) {
    var node = section.querySelector("[data-save-status]");
    if (node) {
      node.textContent = text;
      node.setAttribute("data-state", state);
    }
  }

  function hasAnswer(section) {
    var fields = section.querySelectorAll("input, select, textarea");
    for (var i = 0; i < fields.length; i++) {
      var field = fields[i];
      if (field.type === "hidden" || field.type === "submit") {
        continue;
      }
      if (field.type === "radio" || field.type === "checkbox") {
        if (field.checked) {
          return true;
        }
      } else if (field.value.trim() !== "") {
        return true;
      }
    }
    return false;
  }

  function updateMap(section) {
    var position = section.getAttribute("data-position");
    var link = document.querySelector("[data-map='" + position + "']");
    if (link) {
      link.classList.toggle("is-answered", hasAnswer(section));
    }
    var counter = document.querySelector("[data-answered-count]");
    if (counter) {
      counter.textContent = String(document.querySelectorAll(".quiz-map__item.is-answered").length);
    }
  }

  function payload(section) {
    var data = new FormData();
    data.append("csrfmiddlewaretoken", token ? token.value : "");
    data.append("present", section.getAttribute("data-position"));
    var fields = section.querySelectorAll("input, select, textarea");
    for (var i = 0; i < fields.length; i++) {
      var field = fields[i];
      if (!field.name || field.name === "present" || field.type === "submit") {
        continue;
      }
      if ((field.type === "radio" || field.type === "checkbox") && !field.checked) {
        continue;
      }
      data.append(field.name, field.value);
    }
    return data;
  }

  function finished(section, position) {
    inFlight[position] = false;
    if (again[position]) {
      again[position] = false;
      save(section);
    }
  }

  function save(section) {
    var position = section.getAttribute("data-position");
    if (inFlight[position]) {
      again[position] = true;
      return;
    }
    inFlight[position] = true;
    setStatus(section, messages.saving, "saving");
    fetch(url, {
      method: "POST",
      body: payload(section),
      credentials: "same-origin",
      headers: { "X-Requested-With": "fetch", Accept: "application/json" }
    })
      .then(function (response) {
        return response.json();
      })
      .then(function (body) {
        if (body.closed && body.redirect) {
          window.location.assign(body.redirect);
          return;
        }
        if (again[position]) {
          finished(section, position);
          return;
        }
        if (body.ok) {
          delete dirty[position];
          setStatus(section, "\u2713 " + messages.saved, "saved");
          updateMap(section);
        } else if (body.errors && body.errors[position]) {
          setStatus(section, body.errors[position], "error");
        } else {
          setStatus(section, body.message || messages.offline, "error");
        }
        finished(section, position);
      })
      .catch(function () {
        dirty[position] = section;
        setStatus(section, messages.offline, "error");
        finished(section, position);
      });
  }

  function sectionOf(target) {
    return target && target.closest ? target.closest("[data-position]") : null;
  }

  form.addEventListener("change", function (event) {
    var section = sectionOf(event.target);
    if (section) {
      window.clearTimeout(timers[section.getAttribute("data-position")]);
      save(section);
    }
  });

  // Typed answers save after a pause in typing; an essay after a longer one.
  form.addEventListener("input", function (event) {
    var section = sectionOf(event.target);
    var type = event.target.type;
    if (!section || (type !== "text" && type !== "textarea")) {
      return;
    }
    var position = section.getAttribute("data-position");
    window.clearTimeout(timers[position]);
    timers[position] = window.setTimeout(function () {
      save(section);
    }, type === "textarea" ? 1500 : 900);
  });

  window.addEventListener("online", function () {
    Object.keys(dirty).forEach(function (position) {
      save(dirty[position]);
    });
  });

  // The clock only informs: the deadline is kept and enforced on the server.
  var clock = document.querySelector("[data-seconds-left]");
  if (clock) {
    var display = clock.querySelector("[data-clock]");
    var end = Date.now() + parseInt(clock.getAttribute("data-seconds-left"), 10) * 1000;
    var expiredUrl = clock.getAttribute("data-expired-url");
    var tick = function () {
      var left = Math.max(0, Math.round((end - Date.now()) / 1000));
      var minutes = Math.floor(left / 60);
      var seconds = left % 60;
      if (display) {
        display.textContent = minutes + ":" + (seconds < 10 ? "0" : "") + seconds;
      }
      if (left <= 0) {
        window.clearInterval(timer);
        window.location.assign(expiredUrl);
      }
    };
    var timer = window.setInterval(tick, 1000);
    tick();
  }
})();
