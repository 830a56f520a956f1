/* Offline learning on the device, for a signed-in learner (the page carries the user's key
   in <meta name="lms-user-cache">, lms/offline/keys.py).

   - Download a course: the panel on the course page (section.offline-download) fetches the
     course's download.json, stores every address it lists in the user's page cache (the one
     the service worker reads, templates/offline/sw.js) and records the course in IndexedDB.
     At each connection (a page opened online, the "online" event) each downloaded course's
     version is checked and the course downloaded again when it changed.
   - The queue: a form[data-offline-action] submitted without a connection is kept in
     IndexedDB with a key of its own and sent to /offline/sync/ when the connection returns.
     The server applies each key once, so sending the same queue again counts once.
   - The indicator at the bottom of the page: offline, how many actions wait, what the server
     refused (until the learner dismisses it).

   Everything is per user: the database is named after the user's key, and the service
   worker and pwa.js delete other users' databases and caches. Nothing here is needed to
   learn online: without it the forms post as they always did. */
(function () {
  "use strict";

  const meta = document.querySelector('meta[name="lms-user-cache"]');
  const userKey = meta ? meta.content : "";
  const capable = "serviceWorker" in navigator && "caches" in window && "indexedDB" in window;
  if (!userKey || !capable) return;

  const USER_PAGES = "lms-pages-user-" + userKey;
  const DATABASE = "lms-offline-" + userKey;
  const SYNC_URL = "/offline/sync/";
  const BATCH = 25; // the server takes at most 50 actions a request
  const PARALLEL = 4; // downloads at a time: enough for Wi-Fi, gentle on a phone
  const RECHECK_MS = 5 * 60 * 1000; // page loads between checks of the downloads' versions

  const bar = document.querySelector("[data-offline-bar]");
  // The indicator's words (on every page) first, so that a message reads the same on the
  // course page as elsewhere; the course panel's as a fallback.
  const strings = Object.assign({}, readJson("offline-strings"), bar ? readStrings(bar) : {});
  const language = document.documentElement.lang || "th";
  let offline = !navigator.onLine;
  let lastSubmit = null;
  let sending = null;
  let retryTimer = null;
  let sentNote = "";
  let waitingCount = 0;

  function readJson(id) {
    const element = document.getElementById(id);
    if (!element) return {};
    try {
      return JSON.parse(element.textContent);
    } catch (error) {
      return {};
    }
  }

  function readStrings(element) {
    // data-text-offline-banner="..." → {offline_banner: "..."}
    const found = {};
    for (const [name, value] of Object.entries(element.dataset)) {
      if (name.startsWith("text")) {
        found[name.slice(4).replace(/[A-Z]/g, (c) => "_" + c.toLowerCase()).replace(/^_/, "")] = value;
      }
    }
    return found;
  }

  function text(name, values) {
    let value = strings[name] || "";
    for (const [key, replacement] of Object.entries(values || {})) {
      value = value.split("{" + key + "}").join(String(replacement));
    }
    return value;
  }

  function size(bytes) {
    const megabytes = bytes / (1024 * 1024);
    const unit = megabytes >= 1 ? "megabyte" : "kilobyte";
    const amount = megabytes >= 1 ? megabytes : Math.max(1, Math.round(bytes / 1024));
    return new Intl.NumberFormat(language, {
      style: "unit",
      unit: unit,
      unitDisplay: "long",
      maximumFractionDigits: 1,
    }).format(amount);
  }

  // IndexedDB: one database per user, three stores.
  let opening = null;
  function database() {
    if (!opening) {
      opening = new Promise((resolve, reject) => {
        const request = indexedDB.open(DATABASE, 1);
        request.onupgradeneeded = () => {
          const db = request.result;
          db.createObjectStore("downloads", { keyPath: "course" });
          db.createObjectStore("queue", { keyPath: "key" });
          db.createObjectStore("notices", { keyPath: "key" });
        };
        request.onsuccess = () => {
          const db = request.result;
          // Another user's page (or a sign-out) deletes this database: let it.
          db.onversionchange = () => {
            db.close();
            opening = null;
          };
          resolve(db);
        };
        request.onerror = () => {
          opening = null;
          reject(request.error);
        };
      });
    }
    return opening;
  }

  async function inStore(store, mode, work) {
    const db = await database();
    return new Promise((resolve, reject) => {
      const transaction = db.transaction(store, mode);
      const request = work(transaction.objectStore(store));
      transaction.oncomplete = () => resolve(request ? request.result : undefined);
      transaction.onerror = transaction.onabort = () => reject(transaction.error);
    });
  }

  const all = (store) => inStore(store, "readonly", (s) => s.getAll());
  const get = (store, key) => inStore(store, "readonly", (s) => s.get(key));
  const put = (store, value) => inStore(store, "readwrite", (s) => s.put(value));
  const remove = (store, key) => inStore(store, "readwrite", (s) => s.delete(key));

  async function queued() {
    const items = await all("queue");
    return items.sort((a, b) => a.at.localeCompare(b.at) || a.order - b.order);
  }

  // ---- Downloads ---------------------------------------------------------------------

  function absolute(url) {
    return new URL(url, location.href).href;
  }

  async function fetchJson(url) {
    const response = await fetch(url, { credentials: "same-origin", cache: "no-store" });
    if (!response.ok) {
      const error = new Error("HTTP " + response.status);
      error.status = response.status;
      throw error;
    }
    return response.json();
  }

  async function keep(cache, url) {
    const response = await fetch(url, { credentials: "same-origin", cache: "no-cache" });
    if (!response.ok) throw new Error("HTTP " + response.status + " " + url);
    const body = await response.blob();
    const headers = new Headers(response.headers);
    // The body is stored decoded; a followed redirect is stored as a plain answer, which
    // a navigation may use (a redirected response may not answer a navigation).
    headers.delete("Content-Encoding");
    headers.delete("Content-Length");
    await cache.put(
      absolute(url),
      new Response(body, { status: response.status, statusText: response.statusText, headers }),
    );
    return body.size;
  }

  // Addresses no longer needed by the course, unless another downloaded course needs them.
  async function forget(urls, course) {
    const others = (await all("downloads")).filter((record) => record.course !== course);
    const needed = new Set(others.flatMap((record) => record.urls.map(absolute)));
    const cache = await caches.open(USER_PAGES);
    await Promise.all(
      urls.map(absolute).filter((url) => !needed.has(url)).map((url) => cache.delete(url, { ignoreVary: true })),
    );
  }

  async function download(source, onProgress, manifest) {
    manifest = manifest || (await fetchJson(source));
    const course = String(manifest.course);
    const previous = await get("downloads", course);
    const urls = [...new Set(manifest.urls)];
    const cache = await caches.open(USER_PAGES);
    let bytes = 0;
    let done = 0;
    let next = 0;
    async function worker() {
      while (next < urls.length) {
        const url = urls[next++];
        bytes += await keep(cache, url);
        done += 1;
        if (onProgress) onProgress(done, urls.length);
      }
    }
    await Promise.all(Array.from({ length: Math.min(PARALLEL, urls.length) }, worker));
    const record = {
      course,
      version: manifest.version,
      title: manifest.title,
      bytes,
      urls,
      source,
      checked: Date.now(),
    };
    await put("downloads", record);
    if (previous) await forget(previous.urls.filter((url) => !urls.includes(url)), course);
    return record;
  }

  async function removeDownload(course) {
    const record = await get("downloads", course);
    if (!record) return;
    await remove("downloads", course);
    await forget(record.urls, course);
  }

  // Each downloaded course's version against the server's; a new version is downloaded.
  async function refreshDownloads(options) {
    const force = options && options.force;
    const updated = [];
    for (const record of await all("downloads")) {
      if (!force && Date.now() - (record.checked || 0) < RECHECK_MS) continue;
      let manifest;
      try {
        manifest = await fetchJson(record.source);
      } catch (error) {
        if (error.status === 404) {
          // No longer the learner's to read (enrolment ended, course withdrawn).
          await removeDownload(record.course);
        } else if (!error.status) {
          setOffline(true);
          return updated;
        }
        continue;
      }
      setOffline(false);
      const panel = panelFor(record.course);
      if (manifest.version !== record.version) {
        if (panel) panel.status.textContent = text("updating");
        try {
          const fresh = await download(record.source, null, manifest);
          updated.push(fresh.course);
          if (panel) showDownloaded(panel, fresh);
        } catch (error) {
          if (panel) panel.status.textContent = text("failed");
        }
      } else {
        record.checked = Date.now();
        await put("downloads", record);
      }
    }
    return updated;
  }

  // ---- The course page's panel ----------------------------------------------------------

  const panels = [];

  function panelFor(course) {
    return panels.find((panel) => panel.course === String(course));
  }

  function showDownloaded(panel, record) {
    panel.status.textContent = text("downloaded", { size: size(record.bytes) });
    panel.download.hidden = true;
    panel.remove.hidden = false;
    panel.progress.hidden = true;
  }

  function showNotDownloaded(panel) {
    panel.download.hidden = false;
    panel.download.disabled = false;
    panel.remove.hidden = true;
    panel.progress.hidden = true;
  }

  async function setUpPanel(section) {
    const panel = {
      section,
      course: String(section.dataset.offlineCourse),
      source: section.dataset.downloadUrl,
      status: section.querySelector("[data-offline-status]"),
      download: section.querySelector("[data-offline-download]"),
      remove: section.querySelector("[data-offline-remove]"),
      progress: document.createElement("progress"),
    };
    if (!panel.status || !panel.download || !panel.remove || !panel.source) return;
    panel.progress.hidden = true;
    panel.progress.className = "offline-download__progress";
    panel.progress.setAttribute("aria-label", text("downloading"));
    panel.status.before(panel.progress);
    panels.push(panel);

    const record = await get("downloads", panel.course);
    if (record) showDownloaded(panel, record);
    else showNotDownloaded(panel);
    section.hidden = false;

    panel.download.addEventListener("click", async () => {
      panel.download.disabled = true;
      panel.progress.hidden = false;
      panel.progress.removeAttribute("value");
      panel.status.textContent = text("downloading");
      try {
        const fresh = await download(panel.source, (done, total) => {
          panel.progress.max = total;
          panel.progress.value = done;
          panel.status.textContent = text("downloading") + " " + done + "/" + total;
        });
        showDownloaded(panel, fresh);
      } catch (error) {
        showNotDownloaded(panel);
        panel.status.textContent = text("failed");
        if (!navigator.onLine) setOffline(true);
      }
    });
    panel.remove.addEventListener("click", async () => {
      await removeDownload(panel.course);
      showNotDownloaded(panel);
      panel.status.textContent = text("removed");
      panel.download.focus();
    });
  }

  // ---- The queue -----------------------------------------------------------------------

  let order = 0;

  function formFields(form, submitter) {
    let data;
    try {
      data = new FormData(form, submitter || undefined);
    } catch (error) {
      data = new FormData(form);
    }
    const fields = [];
    for (const [name, value] of data.entries()) {
      // The page's CSRF token is stale by the time the queue is sent (the request carries
      // a fresh one in its header); files are not queued.
      if (name === "csrfmiddlewaretoken" || typeof value !== "string") continue;
      fields.push([name, value]);
    }
    return fields;
  }

  function field(fields, name) {
    const found = fields.find(([key]) => key === name);
    return found ? found[1] : null;
  }

  async function enqueue(form, fields) {
    const type = form.dataset.offlineAction;
    if (type === "assignment.draft") {
      // Only the latest draft of an assignment is worth sending.
      const assignment = field(fields, "assignment");
      for (const item of await queued()) {
        if (item.type === type && field(item.fields, "assignment") === assignment) await remove("queue", item.key);
      }
    }
    const item = { key: crypto.randomUUID(), type, fields, at: new Date().toISOString(), order: order++ };
    await put("queue", item);
    showSavedOnDevice(form, item.key);
    await render();
    return item;
  }

  function showSavedOnDevice(form, key) {
    let note = form.querySelector(".offline-note");
    if (!note) {
      note = document.createElement("p");
      note.className = "offline-note";
      note.setAttribute("role", "status");
      form.append(note);
    }
    note.dataset.key = key;
    note.textContent = text("saved_offline");
    if (form.dataset.offlineAction !== "assignment.draft") {
      // Sent once: the same lesson or paper is not queued twice by a second tap.
      form.querySelectorAll("button[type=submit], button:not([type]), input[type=submit]").forEach((button) => {
        button.disabled = true;
      });
    }
    if (form.dataset.offlineAction === "lesson.done") showPending(form);
  }

  function showPending(form) {
    if (form.querySelector(".offline-pending")) return;
    const badge = document.createElement("p");
    badge.className = "badge badge--warn offline-pending";
    badge.textContent = text("pending");
    form.prepend(badge);
    form.querySelectorAll("button").forEach((button) => {
      button.hidden = true;
    });
  }

  // A lesson marked done on this device and not yet sent shows as waiting.
  async function markPendingForms() {
    const items = await queued();
    document.querySelectorAll('form[data-offline-action="lesson.done"]').forEach((form) => {
      const lesson = field(formFields(form), "lesson");
      if (items.some((item) => item.type === "lesson.done" && field(item.fields, "lesson") === lesson)) {
        showPending(form);
      }
    });
  }

  function csrfToken() {
    const cookie = document.cookie.split("; ").find((part) => part.startsWith("csrftoken="));
    if (cookie) return decodeURIComponent(cookie.slice("csrftoken=".length));
    const input = document.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  function scheduleRetry() {
    if (retryTimer) return;
    retryTimer = setTimeout(() => {
      retryTimer = null;
      if (navigator.onLine) sync();
    }, 30000);
  }

  // Send the given actions (by default the whole queue) and apply the answers. The keys are
  // the ones stored, so a send repeated after a lost answer counts once on the server.
  async function sendNow(given) {
    const items = given || (await queued());
    const results = [];
    for (let start = 0; start < items.length; start += BATCH) {
      const batch = items.slice(start, start + BATCH);
      let response;
      try {
        response = await fetch(SYNC_URL, {
          method: "POST",
          credentials: "same-origin",
          headers: {
            "Content-Type": "application/json",
            Accept: "application/json",
            "X-CSRFToken": csrfToken(),
          },
          body: JSON.stringify({
            actions: batch.map(({ key, type, fields, at }) => ({ key, type, fields, at })),
          }),
        });
      } catch (error) {
        setOffline(true);
        scheduleRetry();
        break;
      }
      setOffline(false);
      if (!response.ok) {
        // Signed out (403), the server busy: the queue stays as it is for a later try.
        scheduleRetry();
        break;
      }
      const answer = await response.json();
      for (const result of answer.results || []) {
        const item = batch.find((candidate) => candidate.key === result.key);
        if (!item) continue;
        results.push(result);
        if (result.status === "done") {
          await remove("queue", item.key);
        } else if (result.status === "refused") {
          await remove("queue", item.key);
          await put("notices", {
            key: item.key,
            type: item.type,
            message: result.message || "",
            url: result.url || "",
            at: new Date().toISOString(),
          });
        }
      }
    }
    const sent = results.filter((result) => result.status === "done").length;
    if (sent) {
      sentNote = text("sent");
      // A short confirmation: the bar goes away again by itself.
      setTimeout(() => {
        sentNote = "";
        render();
      }, 10000);
    }
    await render();
    return results;
  }

  function sync(given) {
    if (!sending) {
      const run = () => sendNow(given);
      // One sender at a time across the learner's open pages.
      sending = (navigator.locks ? navigator.locks.request(DATABASE + "-sync", run) : run()).finally(() => {
        sending = null;
      });
      return sending;
    }
    return sending.then(() => sync(given));
  }

  document.addEventListener("submit", (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.matches("form[data-offline-action]")) return;
    const fields = formFields(form, event.submitter);
    if (!navigator.onLine) {
      event.preventDefault();
      enqueue(form, fields).catch(() => {});
      return;
    }
    // Online: the form posts as it always did. Should the post find no network, the
    // service worker asks this page to keep it (below).
    lastSubmit = { form, fields, url: absolute(form.action), at: Date.now() };
  });

  navigator.serviceWorker.addEventListener("message", (event) => {
    const data = event.data || {};
    if (data.type !== "submit-failed") return;
    const claim = lastSubmit && lastSubmit.url === data.url && Date.now() - lastSubmit.at < 60000;
    const port = event.ports && event.ports[0];
    if (claim) {
      const { form, fields } = lastSubmit;
      lastSubmit = null;
      setOffline(true);
      enqueue(form, fields).catch(() => {});
    }
    if (port) port.postMessage(Boolean(claim));
  });

  // Signing out deletes the queue with the rest of the learner's data (pwa.js, and the
  // server's Clear-Site-Data): what waits is sent first, when there is a connection. This
  // listener runs before pwa.js's (capture), holds the sign-out for at most a few seconds
  // and then submits it again.
  let signingOut = false;
  document.addEventListener(
    "submit",
    (event) => {
      const form = event.target;
      if (signingOut || !(form instanceof HTMLFormElement) || !form.matches("form[data-sign-out]")) return;
      // Nothing waiting (as last counted): the sign-out goes at once, as it always did.
      if (!navigator.onLine || waitingCount === 0) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      signingOut = true;
      const timeout = new Promise((resolve) => setTimeout(resolve, 5000));
      Promise.race([sync(), timeout])
        .catch(() => {})
        .then(() => form.requestSubmit());
    },
    true,
  );

  // ---- The indicator -------------------------------------------------------------------

  function setOffline(value) {
    if (offline === value) return;
    offline = value;
    render();
  }

  async function render() {
    const items = await queued();
    waitingCount = items.length;
    if (!bar) return;
    const notices = (await all("notices")).sort((a, b) => a.at.localeCompare(b.at));
    const state = bar.querySelector("[data-offline-state]");
    const waiting = bar.querySelector("[data-offline-queue]");
    const sent = bar.querySelector("[data-offline-sent]");
    const list = bar.querySelector("[data-offline-notices]");
    state.textContent = text("offline_banner");
    state.hidden = !offline;
    waiting.textContent = text("queued", { count: items.length });
    waiting.hidden = items.length === 0;
    sent.textContent = sentNote;
    sent.hidden = !sentNote || items.length > 0 || offline;
    list.replaceChildren(
      ...notices.map((notice) => {
        const entry = document.createElement("li");
        entry.className = "offline-bar__notice";
        const title = document.createElement("strong");
        title.textContent = text("refused_title");
        const message = document.createElement("span");
        message.textContent = notice.message;
        entry.append(title, " ", message);
        if (notice.url) {
          const link = document.createElement("a");
          link.href = notice.url;
          link.textContent = text("see");
          entry.append(" ", link);
        }
        const dismiss = document.createElement("button");
        dismiss.type = "button";
        dismiss.className = "button button--secondary offline-bar__dismiss";
        dismiss.textContent = text("dismiss");
        dismiss.addEventListener("click", async () => {
          await remove("notices", notice.key);
          await render();
        });
        entry.append(" ", dismiss);
        return entry;
      }),
    );
    list.hidden = notices.length === 0;
    // "Saved on this device" under a form, once its action has left the queue: sent, or
    // refused (the refusal is in the bar).
    const waitingKeys = new Set(items.map((item) => item.key));
    document.querySelectorAll(".offline-note[data-key]").forEach((note) => {
      if (waitingKeys.has(note.dataset.key)) return;
      const refused = notices.some((notice) => notice.key === note.dataset.key);
      if (refused) note.remove();
      else note.textContent = text("sent");
      delete note.dataset.key;
    });
    const shown = !state.hidden || !waiting.hidden || !sent.hidden || !list.hidden;
    bar.hidden = !shown;
    document.body.classList.toggle("has-offline-bar", shown);
  }

  // ---- At each connection ----------------------------------------------------------------

  async function connected() {
    setOffline(false);
    await sync();
    await refreshDownloads({ force: true });
  }

  window.addEventListener("online", () => {
    connected().catch(() => {});
  });
  window.addEventListener("offline", () => setOffline(true));

  async function start() {
    document.querySelectorAll("section.offline-download[data-offline-course]").forEach((section) => {
      setUpPanel(section).catch(() => {});
    });
    await markPendingForms();
    await render();
    if (navigator.onLine) {
      if ((await queued()).length) await sync();
      await refreshDownloads();
    }
  }

  // For the browser tests and the curious: the same functions the page uses.
  window.LMSOffline = {
    queue: queued,
    sync,
    refreshDownloads,
    downloads: () => all("downloads"),
    notices: () => all("notices"),
  };

  start().catch(() => {});
})();
