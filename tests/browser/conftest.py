"""Browser tests: the system Chromium driven by Playwright against a live server.

Screenshots of each step go to test-artifacts/screenshots/<test name>/, listed at
the end of the run so a reviewer can look at them.
"""

import re
from pathlib import Path

import pytest

from tests.demo_data import demo_seed_for_test

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"
PHONE = {"width": 360, "height": 780}
DESKTOP = {"width": 1280, "height": 900}
# A journey that must work on a phone and at a desk: its screenshots go to one folder per
# width, as the ids end the test's node name.
WIDTHS = pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["360px", "desktop"])


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


class Shots:
    """Numbered screenshots of one test's steps."""

    def __init__(self, name: str):
        self.folder = ARTIFACTS / re.sub(r"[^\w.-]+", "_", name)
        self.folder.mkdir(parents=True, exist_ok=True)
        for old in self.folder.glob("*.png"):
            old.unlink()
        self.count = 0

    def __call__(self, page, step: str) -> Path:
        self.count += 1
        path = self.folder / f"{self.count:02d}-{step}.png"
        page.screenshot(path=str(path), full_page=True)
        return path


@pytest.fixture
def shots(request):
    return Shots(request.node.name)


@pytest.fixture
def phone(playwright_browser):
    context = playwright_browser.new_context(viewport=PHONE, locale="th-TH", device_scale_factor=1)
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


@pytest.fixture
def browser_page(playwright_browser):
    """Open a Thai page of the given size (PHONE, DESKTOP) in a context of its own."""
    contexts = []

    def open_page(viewport):
        context = playwright_browser.new_context(
            viewport=viewport, locale="th-TH", device_scale_factor=1
        )
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(15_000)
        return page

    yield open_page
    for context in contexts:
        context.close()


def fits(page, viewport=PHONE):
    """Nothing on the page needs more than the viewport's width (no sideways scrolling)."""
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= viewport["width"], f"{page.url} is {width} px wide"


@pytest.fixture(scope="session")
def live_server(live_server):
    """pytest-django's live server, made to let go of the test database when it stops.

    Each request thread of Django's live server has its own database connection, kept
    between requests (CONN_MAX_AGE on PostgreSQL) for as long as the browser keeps that
    HTTP connection open, and closed when the HTTP connection ends
    (ThreadedWSGIServer.close_request). Those threads are daemons that nobody waits for:
    when the run ended, the test database could be dropped before the last of them had
    closed its connection, and PostgreSQL refused ("is being accessed by other users").
    Made non-daemon, they are joined by server_close() when the server stops, and an idle
    HTTP connection times out, so that the join cannot hang on a browser left open.
    """
    httpd = live_server.thread.httpd
    httpd.daemon_threads = False
    httpd.block_on_close = True
    httpd.RequestHandlerClass = type(
        "ClosingRequestHandler", (httpd.RequestHandlerClass,), {"timeout": 30}
    )
    httpd.set_app(_static_for_any_origin(httpd.get_app()))
    yield live_server


def _static_for_any_origin(app):
    """Static files with `Access-Control-Allow-Origin: *`, as WhiteNoise serves them in
    production: the sandboxed H5P player (an opaque origin) loads the Thai font from them.
    The live server serves static files with Django's handler, which adds no such header."""

    def wrapped(environ, start_response):
        def start(status, headers, exc_info=None):
            if environ.get("PATH_INFO", "").startswith("/static/"):
                headers = [*headers, ("Access-Control-Allow-Origin", "*")]
            return start_response(status, headers, exc_info)

        return app(environ, start)

    return wrapped


@pytest.fixture
def demo(transactional_db, live_server):
    """A live server with the demo data; returns (base URL, demo_seed result)."""
    result = demo_seed_for_test()
    return live_server.url, result


def pytest_terminal_summary(terminalreporter):
    if ARTIFACTS.exists() and any(ARTIFACTS.rglob("*.png")):
        terminalreporter.write_sep("-", f"browser screenshots: {ARTIFACTS}")
