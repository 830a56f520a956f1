"""The installable app at 360 px: Chromium finds nothing missing to install it, the service
worker takes over, a lesson reloads without a connection (or the Thai offline page shows,
never the browser's error page), and after signing out nothing of the learner is kept."""

import time

import pytest

from lms.learning.services import enrollment_create
from tests.conftest import CHROMIUM, CHROMIUM_ARGS
from tests.factories import CoursePageFactory, LessonPageFactory, UserFactory

from .conftest import PHONE

PASSWORD = "pass-2566-ok"

# Every cached response, by cache, with the text of HTML pages.
CACHED_PAGES = """async () => {
  const found = {};
  for (const name of await caches.keys()) {
    const cache = await caches.open(name);
    found[name] = [];
    for (const request of await cache.keys()) {
      const response = await cache.match(request);
      const type = response.headers.get("Content-Type") || "";
      found[name].push({url: request.url, text: type.startsWith("text/html") ? await response.text() : ""});
    }
  }
  return found;
}"""


def _wait_for(page, script: str, *, timeout: float = 15.0):
    # Polled from here: the pages' policy forbids the eval that wait_for_function needs.
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = page.evaluate(script)
        if value:
            return value
        time.sleep(0.2)
    pytest.fail(f"timed out waiting for {script}")


@pytest.fixture
def course_for_learner(transactional_db, live_server, workforce_track):
    course = CoursePageFactory(parent=workforce_track, title="การขายสินค้าออนไลน์", slug="sell-pwa")
    lessons = [
        LessonPageFactory(parent=course, title=f"บทเรียนออฟไลน์ที่ {i}", slug=f"offline-{i}")
        for i in (1, 2)
    ]
    learner = UserFactory(username="offline-learner", first_name="มะลิ")
    enrollment_create(user=learner, course=course)
    return live_server.url, learner, lessons


def test_install_go_offline_and_sign_out(playwright_browser, course_for_learner, shots, tmp_path):
    base, learner, lessons = course_for_learner
    # A profile on disk, as on a phone: Chromium installs no app from an incognito window.
    context = playwright_browser.browser_type.launch_persistent_context(
        str(tmp_path / "profile"),
        executable_path=CHROMIUM,
        headless=True,
        args=CHROMIUM_ARGS,
        viewport=PHONE,
        locale="th-TH",
    )
    try:
        page = context.pages[0] if context.pages else context.new_page()
        page.set_default_timeout(15_000)
        page.goto(base + "/accounts/login/")
        page.fill("#id_username", learner.username)
        page.fill("#id_password", PASSWORD)
        page.get_by_role("button", name="เข้าสู่ระบบ").click()
        page.wait_for_url("**/learn/")

        lesson_url = base + lessons[0].url
        page.goto(lesson_url)
        cdp = context.new_cdp_session(page)
        manifest = cdp.send("Page.getAppManifest")
        assert manifest["url"].endswith("/manifest.webmanifest")
        assert manifest["errors"] == []
        # The worker must be running before Chromium calls the app installable.
        _wait_for(page, "navigator.serviceWorker.ready.then(r => r.active.state === 'activated')")
        assert cdp.send("Page.getInstallabilityErrors")["installabilityErrors"] == []

        # Opened again under the worker, the lesson is kept for this learner.
        page.reload()
        _wait_for(
            page,
            f"""caches.keys().then(async names => {{
                for (const n of names.filter(n => n.startsWith("lms-pages-user-"))) {{
                    if (await (await caches.open(n)).match("{lesson_url}", {{ignoreVary: true}})) return true;
                }}
                return false;
            }})""",
        )
        # The dashboard is a personal record marked no-store: it is never kept.
        page.goto(base + "/learn/")
        shots(page, "dashboard-online")

        page.goto(lesson_url)
        context.set_offline(True)
        page.reload()
        assert page.get_by_role("heading", name="บทเรียนออฟไลน์ที่ 1").is_visible()
        shots(page, "lesson-offline")
        # A page never opened: the Thai offline page, not the browser's error page.
        page.goto(base + lessons[1].url)
        assert page.get_by_role("heading", name="ไม่มีการเชื่อมต่ออินเทอร์เน็ต").is_visible()
        shots(page, "offline-page")
        page.goto(base + "/learn/")
        assert page.get_by_role("heading", name="ไม่มีการเชื่อมต่ออินเทอร์เน็ต").is_visible()

        context.set_offline(False)
        page.goto(lesson_url)
        page.get_by_role("button", name="ออกจากระบบ").click()
        page.wait_for_load_state("load")
        kept = page.evaluate(CACHED_PAGES)
        shots(page, "signed-out")
        assert not [name for name in kept if name.startswith("lms-pages-user-")]
        for name, entries in kept.items():
            for entry in entries:
                assert "มะลิ" not in entry["text"], (name, entry["url"])
                assert learner.username not in entry["text"], (name, entry["url"])
        # The sign-out removed the worker too (Clear-Site-Data); the next page installs it
        # again. Offline then, the learner's dashboard is not there to read: the offline page.
        _wait_for(page, "navigator.serviceWorker.ready.then(r => r.active.state === 'activated')")
        context.set_offline(True)
        page.goto(base + "/learn/")
        assert page.get_by_role("heading", name="ไม่มีการเชื่อมต่ออินเทอร์เน็ต").is_visible()
        assert "มะลิ" not in page.content()
        shots(page, "signed-out-offline")
    finally:
        context.close()
