/* Installs the service worker (/sw.js) and keeps each user's kept pages to that user:
   signing out empties them (the server's answer also carries Clear-Site-Data). Nothing
   here is needed to learn: without it pages come from the network as before. */
(function () {
  "use strict";
  if (!("serviceWorker" in navigator)) return;

  var USER_PAGES = "lms-pages-user-";
  var OFFLINE_DATA = "lms-offline-";
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
    // The user's downloads and queue (IndexedDB, static/js/offline-learning.js) go too.
    var databases = window.indexedDB && indexedDB.databases
      ? indexedDB.databases().then(function (found) {
        found.forEach(function (database) {
          if (database.name && database.name.indexOf(OFFLINE_DATA) === 0) indexedDB.deleteDatabase(database.name);
        });
      })
      : Promise.resolve();
    if (!("caches" in window)) return databases;
    return Promise.all([databases, caches.keys().then(function (names) {
      return Promise.all(
        names.filter(function (name) { return name.indexOf(USER_PAGES) === 0; })
          .map(function (name) { return caches.delete(name); })
      );
    })]);
  }

  // The form is sent at once: the worker, told here, empties the caches on its own time
  // (its waitUntil outlives this page), and the server's answer clears them again.
  document.addEventListener("submit", function (event) {
    if (event.target.matches("form[data-sign-out]")) forgetUsers().catch(function () {});
  });
})();
