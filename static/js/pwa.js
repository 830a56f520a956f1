/* Installs the service worker (/sw.js) and keeps each user's kept pages to that user:
   signing out empties them before the sign-out form is sent (the server's answer also
   carries Clear-Site-Data). Nothing here is needed to learn: without it pages come from
   the network as before. */
(function () {
  "use strict";
  if (!("serviceWorker" in navigator)) return;

  var USER_PAGES = "lms-pages-user-";
  var meta = document.querySelector('meta[name="lms-user-cache"]');
  var key = meta ? meta.content : "";

  navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(function () {});
  if (key) {
    navigator.serviceWorker.ready.then(function (registration) {
      if (registration.active) registration.active.postMessage({ type: "user", key: key });
    });
  }

  function forgetUsers() {
    if (navigator.serviceWorker.controller) {
      navigator.serviceWorker.controller.postMessage({ type: "sign-out" });
    }
    if (!("caches" in window)) return Promise.resolve();
    return caches.keys().then(function (names) {
      return Promise.all(
        names.filter(function (name) { return name.indexOf(USER_PAGES) === 0; })
          .map(function (name) { return caches.delete(name); })
      );
    });
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.matches("form[data-sign-out]") || form.dataset.cleared) return;
    event.preventDefault();
    var waited = new Promise(function (resolve) { setTimeout(resolve, 1500); });
    Promise.race([forgetUsers(), waited]).catch(function () {}).then(function () {
      form.dataset.cleared = "1";
      form.submit();
    });
  });
})();
