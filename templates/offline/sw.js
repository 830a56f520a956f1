/* The platform's service worker, served at /sw.js by lms.offline.views.service_worker.

   - Static files, the Sarabun font and the offline page are stored when it installs
     (Workbox's precache), so a repeat visit downloads only the page's HTML.
   - Pages: the network first; without a connection, the copy kept on the phone, else the
     offline page. Never the browser's error page. Pages the server marks no-store are
     not kept.
   - A signed-in user's pages are kept in a cache named after the user's key (the
     X-LMS-User-Cache header, lms/offline/keys.py). A page that comes back from the server
     for someone else, or for nobody, empties every other user's cache: a second learner on
     a shared phone never reads the first one's pages. The same holds for the user's
     offline data in IndexedDB (lms-offline-<key>: downloaded courses, the queue of
     actions waiting to be sent; static/js/offline-learning.js).
   - Courses downloaded for offline reading are in the user's cache as well: their pages
     fall back to it like any kept page, their pictures are taken from it first (a
     rendition's address changes with its picture), their documents when the network fails.
   - A form the device may queue (form[data-offline-action]) that cannot reach the server
     is handed back to its page, which keeps it in the queue: the learner stays on the
     page instead of seeing an error. */
{% autoescape off %}
const WORKBOX = {{ workbox }};
const PRECACHE = {{ precache }};
const OFFLINE_URL = {{ offline_url }};
const USER_HEADER = {{ user_header }};
{% endautoescape %}
const PUBLIC_PAGES = "lms-pages-public";
const USER_PAGES = "lms-pages-user-";
const OFFLINE_DATA = "lms-offline-";
// Pages that are not kept for offline reading: staff work and account settings stay online.
const NOT_KEPT = [/^\/(en\/)?admin\//, /^\/(en\/)?accounts\//, /^\/(en\/)?centre\//, /^\/documents\//];

importScripts(WORKBOX["workbox-sw"]);
workbox.setConfig({ debug: false, modulePathCb: (name) => WORKBOX[name] });
const { precacheAndRoute, cleanupOutdatedCaches, matchPrecache } = workbox.precaching;
const { registerRoute } = workbox.routing;

self.addEventListener("install", () => self.skipWaiting());
workbox.core.clientsClaim();
cleanupOutdatedCaches();
precacheAndRoute(PRECACHE);

function deleteDatabase(name) {
  return new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(name);
    // Blocked: an open page closes its connection when asked (onversionchange), and the
    // deletion completes then; nothing to wait for here.
    request.onsuccess = request.onerror = request.onblocked = () => resolve();
  });
}

async function forgetOfflineDataExcept(keep) {
  if (!self.indexedDB || !indexedDB.databases) return;
  const databases = await indexedDB.databases();
  await Promise.all(
    databases
      .filter(({ name }) => name && name.startsWith(OFFLINE_DATA) && name !== keep)
      .map(({ name }) => deleteDatabase(name)),
  );
}

async function forgetUsersExcept(keep) {
  const names = await caches.keys();
  await Promise.all([
    ...names.filter((name) => name.startsWith(USER_PAGES) && name !== keep).map((name) => caches.delete(name)),
    forgetOfflineDataExcept(keep ? OFFLINE_DATA + keep.slice(USER_PAGES.length) : null),
  ]);
}

async function keptPage(request) {
  const names = await caches.keys();
  // The signed-in user's copy first (there is at most one user's cache), then a visitor's.
  const ordered = [...names.filter((name) => name.startsWith(USER_PAGES)), PUBLIC_PAGES];
  for (const name of ordered) {
    if (!names.includes(name)) continue;
    // Vary (Cookie, Accept-Language) is for shared caches; these are the user's own.
    const found = await (await caches.open(name)).match(request, { ignoreVary: true });
    if (found) return found;
  }
  return undefined;
}

async function remember(request, url, response, copy) {
  const key = response.headers.get(USER_HEADER);
  const userPages = key ? USER_PAGES + key : null;
  await forgetUsersExcept(userPages);
  // Pages marked no-store (the dashboard, certificates, reviews: personal records) are
  // never kept, as the server asks for shared computers; lessons and courses are.
  const noStore = /(^|,)\s*no-store\s*(,|$)/.test(response.headers.get("Cache-Control") || "");
  if (
    response.status === 200 &&
    response.type === "basic" &&
    !noStore &&
    !NOT_KEPT.some((p) => p.test(url.pathname))
  ) {
    await (await caches.open(userPages || PUBLIC_PAGES)).put(request, copy);
  }
}

registerRoute(
  ({ request }) => request.mode === "navigate",
  async ({ request, event, url }) => {
    let response;
    try {
      response = await fetch(request);
    } catch (error) {
      return (await keptPage(request)) || (await matchPrecache(OFFLINE_URL)) || Response.error();
    }
    if ((response.headers.get("Content-Type") || "").startsWith("text/html")) {
      event.waitUntil(remember(request, url, response, response.clone()));
    }
    return response;
  },
);

// A queued form's post that found no network: a page that recognises it (it was just
// submitted there) answers true and keeps it; the 204 then leaves the learner on that page.
async function handedBack(url) {
  const windows = await self.clients.matchAll({ type: "window" });
  const answers = windows.map(
    (client) =>
      new Promise((resolve) => {
        const channel = new MessageChannel();
        channel.port1.onmessage = (message) => resolve(Boolean(message.data));
        setTimeout(() => resolve(false), 2000);
        client.postMessage({ type: "submit-failed", url }, [channel.port2]);
      }),
  );
  return (await Promise.all(answers)).some(Boolean);
}

registerRoute(
  ({ request }) => request.mode === "navigate",
  async ({ request }) => {
    const url = request.url;
    try {
      return await fetch(request);
    } catch (error) {
      if (await handedBack(url)) return new Response(null, { status: 204 });
      return (await matchPrecache(OFFLINE_URL)) || Response.error();
    }
  },
  "POST",
);

// Pictures of a downloaded course: the copy on the phone first (no data spent twice).
registerRoute(
  ({ request, url }) => request.destination === "image" && url.origin === self.location.origin,
  async ({ request }) => (await keptPage(request)) || fetch(request),
);

// Documents and media fetched otherwise: the network first, the downloaded copy without it.
registerRoute(
  ({ request, url }) =>
    request.mode !== "navigate" &&
    url.origin === self.location.origin &&
    /^\/(documents|media)\//.test(url.pathname),
  async ({ request }) => {
    try {
      return await fetch(request);
    } catch (error) {
      return (await keptPage(request)) || Response.error();
    }
  },
);

self.addEventListener("message", (event) => {
  const data = event.data || {};
  if (data.type === "user" && data.key) {
    // A page of this user is open: nobody else's pages stay.
    event.waitUntil(forgetUsersExcept(USER_PAGES + data.key));
  } else if (data.type === "sign-out") {
    event.waitUntil(forgetUsersExcept(null));
  }
});
