import json
import os
from pathlib import Path

from django.db import connections

import pytest

from curricula.models import Track, TrackPage
from lms.setup.platform import platform_setup

from .factories import CoursePageFactory, LessonPageFactory


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The test database holds the platform's fixed frame from the start: set up once
    here, each test's rollback leaves it in place. A transactional test empties the
    database; the next test that needs the frame sets it up again (`home`)."""
    for connection in connections.all(initialized_only=True):
        contents = getattr(connection, "_test_serialized_contents", None)
        if contents:
            connection._test_serialized_contents = _content_types_first(contents)
    with django_db_blocker.unblock():
        platform_setup()
    yield
    with django_db_blocker.unblock():
        _let_go_of_the_test_database()


def _let_go_of_the_test_database() -> None:
    """End every other session on the test database before it is dropped.

    A live server started by any test keeps a database connection per request thread
    for as long as its HTTP connection lives; when the run ends, one of them could still
    be open, and PostgreSQL refused to drop the database ("is being accessed by other
    users"), leaving it behind for the next run to recreate.
    """
    for connection in connections.all(initialized_only=True):
        if connection.vendor != "postgresql":
            continue
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                " WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )


def _content_types_first(serialized: str) -> str:
    """The rows a serialized-rollback test loads back, content types first.

    Django writes them app by app, and Wagtail's apps come before contenttypes. Loading
    a workflow task then asks for its content type (Wagtail's Task.__init__) before the
    content types are back: in an emptied database that creates the row anew, under a
    new id, and the saved row that follows clashes with it.
    """
    rows = json.loads(serialized)
    rows.sort(key=lambda row: row["model"] != "contenttypes.contenttype")
    return json.dumps(rows)


@pytest.fixture
def home(db):
    """The fixed frame every site has: locales, home pages, tracks, groups, workflow."""
    return platform_setup()


@pytest.fixture
def youth_track(home):
    return TrackPage.objects.get(locale=home.locale, track=Track.YOUTH)


@pytest.fixture
def workforce_track(home):
    return TrackPage.objects.get(locale=home.locale, track=Track.WORKFORCE)


@pytest.fixture
def early_track(home):
    return TrackPage.objects.get(locale=home.locale, track=Track.EARLY_CHILDHOOD)


@pytest.fixture
def course(workforce_track):
    return CoursePageFactory(parent=workforce_track, title="การขายสินค้าออนไลน์", slug="sell-online")


@pytest.fixture
def lessons(course):
    return [LessonPageFactory(parent=course, slug=f"lesson-{i}") for i in range(1, 4)]


CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def playwright_browser():
    # Django's async-unsafe guard trips on Playwright's event loop in the test thread.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(
            f"Chromium not found at {CHROMIUM}: run scripts/ensure-chromium or set CHROMIUM_PATH"
        )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture(autouse=True)
def _fresh_content_type_cache():
    """Tests that empty the database (transactional ones) recreate content types with new
    ids; forget the ids cached by an earlier test."""
    from django.contrib.contenttypes.models import ContentType

    ContentType.objects.clear_cache()
    yield


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: a rolled-back test can leave behind cached
    outlines of pages whose ids the next test reuses."""
    from django.core.cache import cache

    from curricula.search_index import forget_snapshots

    cache.clear()
    # Search keeps what it read of the index in the process, as of a generation
    # number; a rolled-back test hands the same numbers out again.
    forget_snapshots()
    yield


def admin_in_english(user):
    """Wagtail shows its admin in each user's preferred language (Thai by default); tests
    that read English messages from admin pages ask for English."""
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save(update_fields=["preferred_language"])
    return user


@pytest.fixture
def english():
    """Messages made in the test itself (services, parsers, templates rendered here) in
    English, and reverse() giving the /en/ addresses."""
    from django.utils import translation

    with translation.override("en"):
        yield


@pytest.fixture(autouse=True)
def _thai_by_default():
    """Every test starts in the site's default language. (A request leaves its language
    active in the test's thread; without this, what a test reads would depend on the test
    that ran before it.)"""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """Under `make test` (which provides PostgreSQL, Redis and Chromium) a skipped test
    is a failure: the suite runs whole or says why not."""
    report = yield
    if report.skipped and os.environ.get("LMS_TEST_NO_SKIPS") and not hasattr(report, "wasxfail"):
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else report.longrepr
        report.outcome = "failed"
        report.longrepr = f"skipped under make test, which must run everything: {reason}"
    return report


def pytest_terminal_summary(terminalreporter):
    """The counts that slow multi-process tests measure, printed at the end of the run, from
    parallel workers too. A test records `record_property("counts", ...)`: a line of text
    (printed as it is) or numbers by name (summed over the run, e.g. the replica tests')."""
    totals: dict[str, int] = {}
    for reports in terminalreporter.stats.values():
        for report in reports:
            for name, value in getattr(report, "user_properties", ()):
                if name != "counts":
                    continue
                when = getattr(report, "when", "")
                if isinstance(value, str) and when == "call":
                    terminalreporter.write_line(value)
                elif isinstance(value, dict) and when == "teardown":
                    for key, number in value.items():
                        totals[key] = totals.get(key, 0) + number
    if any(key.startswith("replica ") for key in totals):
        terminalreporter.write_line(
            f"replica test: {totals.get('replica reads', 0)} report reads on the replica, "
            f"{totals.get('replica fallbacks', 0)} fallbacks, "
            f"{totals.get('replica errors', 0)} errors"
        )
