/* The platform's service worker, served at /sw.js by lms.offline.views.service_worker.

   - Static files, the Sarabun font and the offline page are stored when it installs
     (Workbox's precache), so a repeat visit downloads only the page's HTML.
   - Pages: the network first; without a connection, the copy kept on the phone, else the
     offline page. Never the browser's error page. Pages the server marks no-store are
     not kept.
   - A signed-in user's pages are kept in a cache named after the user's key (the
     X-LMS-User-Cache header, lms/offline/keys.py). A page that comes back from the server
     for someone else, or for nobody, empties every other user's cache: a second learner on
     a shared phone never reads the first one's pages. */
{% autoescape off %}
const WORKBOX = {{ workbox }};
const PRECACHE = {{ precache }};
const OFFLINE_URL = {{ offline_url }};
const USER_HEADER = {{ user_header }};
{% endautoescape %}
const PUBLIC_PAGES = "lms-pages-public";
const USER_PAGES = "lms-pages-user-";
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

async function forgetUsersExcept(keep) {
  const names = await caches.keys();
  await Promise.all(
    names.filter((name) => name.startsWith(USER_PAGES) && name !== keep).map((name) => caches.delete(name)),
  );
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

self.addEventListener("message", (event) => {
  const data = event.data || {};
  if (data.type === "user" && data.key) {
    // A page of this user is open: nobody else's pages stay.
    event.waitUntil(forgetUsersExcept(USER_PAGES + data.key));
  } else if (data.type === "sign-out") {
    event.waitUntil(forgetUsersExcept(null));
  }
});
