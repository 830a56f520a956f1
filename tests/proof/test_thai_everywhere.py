"""Every screen a Thai user opens is Thai: a crawl that fails on visible English words.

Signed in as each staff role and as a learner, the crawl opens every page of the permission
matrix that role may open, every admin URL that needs no argument, and then follows the links
it finds (admin and site) until it has seen each kind of page a few times. On each HTML page
(and each chooser's HTML inside its JSON answer) it reads what a person sees: text outside
script and style, the title/placeholder/aria-label/alt attributes and the labels of buttons.
Any English word there fails the test unless it is

- in ALLOWED (reviewed: brand names, file formats, units, codes), or
- part of something people typed (a page title, a person's name, a file name), which is
  content, not interface: those strings are read from the database and taken out first.

Each request runs inside a savepoint that is rolled back, so nothing one page does changes
what the next one shows. The pages opened are listed in test-artifacts/thai-everywhere/.
"""

import json
import re
from collections import defaultdict
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

from django.apps import apps
from django.conf import settings
from django.db import models, transaction
from django.urls import Resolver404, resolve, reverse

import pytest

from curricula.models import SearchSynonym
from lms.users.models import User
from tests.proof.test_url_matrix import MATRIX, _admin_patterns, _url, _world

pytestmark = pytest.mark.django_db

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "thai-everywhere"

# role -> (username, the permission matrix's column for that person)
ROLES = {
    "trainer": ("demo-trainer", "trainer"),
    "centre_admin": ("demo-centre-admin", "admin_a"),
    "national_admin": ("demo-admin", "national"),
    "learner": ("demo-learner", "learner"),
}

# Reviewed: English that a Thai reader expects to see as it is.
# fmt: off
ALLOWED = {
    # brands and products
    "wagtail", "django", "sarabun", "youtube", "facebook", "line", "google", "tiktok",
    "shopee", "lazada", "excel", "libreoffice", "chromium", "gravatar", "vimeo", "instagram",
    "moodle", "javascript", "lumi",
    # a language's name in its own language (the locale switcher, Wagtail's locale labels)
    "english",
    # file formats and technical names people meet as they are
    "pdf", "csv", "xlsx", "xls", "zip", "json", "svg", "png", "jpg", "jpeg", "gif", "webp", "avif",
    "heic", "ico", "mp", "gift", "utf", "url", "urls", "html", "qr", "id", "uuid", "seo",
    "api", "http", "https", "www", "did", "openapi", "sms", "otp",
    # e-learning standards, known to trainers by these names (Thai writes them so too)
    "scorm", "lti",
    # digital credentials: the token format, its key set and signature algorithm
    "jwt", "jwks", "eddsa",
    "docx", "pptx", "odt", "ods", "odp", "txt", "tsv", "xml",
    # units
    "px", "kb", "mb", "gb", "tb",
}
# fmt: on
# Addresses, file names and certificate codes are read as they are.
NOT_WORDS = re.compile(
    r"\{\w+\}|https?://\S+|\S+\.(?:png|jpe?g|gif|webp|pdf|csv|xlsx|mp4|docx?|zip|xml|h5p)\b|"
    # a site named by its domain ("H5P.org")
    r"\b[\w-]+\.(?:org|com|net|co\.th|go\.th)\b|\b[A-Z0-9]{4,}(?:-[A-Z0-9]{2,})+\b"
    # a page's slug shown as an example ("bot-thi-1-chat-saeng"): an address, not words
    r"|\b[a-z0-9]+(?:-[a-z0-9]+){2,}\b"
)
# Letters with at least one more: a single letter is a list marker or a variable, not a word.
WORD = re.compile(r"[A-Za-z][A-Za-z’']*[A-Za-z]")
# Elements whose text a person does not read as interface. A <template> is read: Wagtail's
# dialogs (keyboard shortcuts, publishing schedule, privacy) wait in one until opened.
SKIPPED = {"script", "style", "textarea", "code", "kbd", "samp", "pre", "svg"}
VOID = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
}
VISIBLE_ATTRIBUTES = ("title", "placeholder", "aria-label", "alt")
BUTTON_INPUTS = {"submit", "button", "reset"}
# Kinds of page seen this many times are not opened again (the next course's edit page
# shows the same interface).
PER_KIND = 2
MAX_PAGES = 400


class VisibleText(HTMLParser):
    """Collects the strings a person sees on a page.

    Text marked with another language (`lang="en"`, as the language switcher's "English")
    is left out: it is meant to be read in that language."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.skipping = 0
        self.open: list[tuple[str, bool]] = []  # (tag, skipped) of the elements we are in
        self.strings: list[str] = []
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        lang = attributes.get("lang")
        skip = tag in SKIPPED or bool(lang and not lang.startswith("th"))
        if tag not in VOID:
            self.open.append((tag, skip))
            self.skipping += skip
        if tag == "a" and attributes.get("href"):
            self.links.append(attributes["href"])
        if self.skipping or skip:
            return
        for name in VISIBLE_ATTRIBUTES:
            if attributes.get(name):
                self.strings.append(attributes[name])
        if tag == "input" and attributes.get("type") in BUTTON_INPUTS and attributes.get("value"):
            self.strings.append(attributes["value"])

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if not any(open_tag == tag for open_tag, _skip in self.open):
            return
        while self.open:
            open_tag, skip = self.open.pop()
            self.skipping -= skip
            if open_tag == tag:
                break

    def handle_data(self, data):
        if not self.skipping and data.strip():
            self.strings.append(data.strip())


def _content_strings() -> list[str]:
    """What people typed (titles, names, file names): content, not interface.

    Fields with choices are left out: their stored values are codes that must never be
    shown raw."""
    found = set()
    for model in apps.get_models():
        fields = [
            field.attname
            for field in model._meta.concrete_fields
            if isinstance(field, (models.CharField, models.TextField, models.FileField))
            and not field.choices
        ]
        if not fields:
            continue
        for row in model._default_manager.values_list(*fields):
            for value in row:
                if value and WORD.search(str(value)) and len(str(value)) < 300:
                    found.add(str(value).strip())
    for user in User.objects.all():
        found.add(user.get_full_name())
    # A synonym group is shown joined ("Excel, เอ็กเซล, สเปรดชีต"): typed words, not interface.
    for synonyms in SearchSynonym.objects.all():
        found.add(str(synonyms))
    # Longest first, so a title is taken out before a word inside it.
    return sorted((s for s in found if len(s) >= 3), key=len, reverse=True)


def english_strings(strings, content) -> dict[str, set[str]]:
    """The strings with English words in them, and those words."""
    found = {}
    for original in strings:
        if not WORD.search(original):
            continue
        # Addresses and file names first: a typed word inside one must not split it.
        text = NOT_WORDS.sub(" ", original)
        for typed in content:
            if typed in text:
                text = text.replace(typed, " ")
        words = {word for word in WORD.findall(text) if word.lower() not in ALLOWED}
        if words:
            found[original] = words
    return found


def english_words(strings, content) -> set[str]:
    return set().union(*english_strings(strings, content).values())


def _kind(path: str, query: str) -> str:
    try:
        match = resolve(path)
    except Resolver404:
        return path
    keys = ",".join(sorted({part.split("=")[0] for part in query.split("&") if part}))
    name = match.view_name
    if name == "wagtail_serve":
        # Each page type is a kind of its own; the page's depth stands in for it.
        name += str(path.count("/"))
    return f"{name}?{keys}"


def _followed(href: str, here: str) -> str | None:
    """The link as a path to open, or None when it leaves the pages the crawl reads."""
    parts = urlsplit(href)
    if parts.scheme not in ("", "http", "https") or (parts.netloc and parts.netloc != "testserver"):
        return None
    path = parts.path
    if not path:
        return None
    if not path.startswith("/"):
        path = urlsplit(here).path.rsplit("/", 1)[0] + "/" + path
    if (
        path.startswith(("/en/", "/static/", "/media/", "/documents/"))
        or "logout" in path
        or "/login/" in path
        or path.rstrip("/").endswith("failwhale")
        # Sign in as another person / download files: not pages to read.
        or path.endswith((".pdf", ".csv", ".xlsx", ".zip", ".png", ".jpg", ".svg"))
    ):
        return None
    return path + (f"?{parts.query}" if parts.query else "")


def _seeds(role_column: str, world: dict) -> list[str]:
    seeds = ["/admin/"] if role_column != "learner" else ["/"]
    for name, row in MATRIX.items():
        if row.method == "get" and row.expect[role_column] == "ok":
            seeds.append(_url(name, world) + row.query)
    if role_column != "learner":
        for pattern, route in _admin_patterns():
            if (
                pattern.name
                and not re.search(r"[<(^]", route)
                # Wagtail's page for testing the server-error screen raises on purpose.
                and pattern.name != "wagtailadmin_error_test"
            ):
                seeds.append("/" + route.lstrip("^").rstrip("$"))
        seeds += [
            reverse("wagtailadmin_choose_page"),
            reverse("wagtailimages_chooser:choose"),
            reverse("wagtaildocs_chooser:choose"),
        ]
    return seeds


def _page_strings(response) -> tuple[list[str], list[str]] | None:
    kind = response.get("Content-Type", "")
    if kind.startswith("text/html"):
        body = response.content.decode()
    elif kind.startswith("application/json"):
        try:
            body = json.loads(response.content).get("html")
        except (ValueError, AttributeError):
            return None
        if not isinstance(body, str):
            return None
    else:
        return None
    parser = VisibleText()
    parser.feed(body)
    return parser.strings, parser.links


def _session(client) -> str | None:
    cookie = client.cookies.get(settings.SESSION_COOKIE_NAME)
    return cookie.value if cookie else None


def crawl(client, user, seeds: list[str], content: list[str]):
    seen_kinds: dict[str, int] = defaultdict(int)
    queued = set()
    queue = []
    for seed in seeds:
        if seed not in queued:
            queued.add(seed)
            queue.append(seed)
    opened: list[str] = []
    english: dict[str, dict[str, set[str]]] = {}
    session = _session(client)
    while queue and len(opened) < MAX_PAGES:
        url = queue.pop(0)
        path, _, query = url.partition("?")
        kind = _kind(path, query)
        if seen_kinds[kind] >= PER_KIND:
            continue
        with transaction.atomic():
            response = client.get(url, headers={"accept-language": "th"})
            transaction.set_rollback(True)
        if _session(client) != session:
            # The page replaced the session (a password-reset link does) and the rollback
            # took the new one away: sign in again.
            client.force_login(user)
            session = _session(client)
        assert response.status_code < 500, f"{url} answered {response.status_code}"
        if response.status_code != 200:
            continue
        page = _page_strings(response)
        if page is None:
            continue
        seen_kinds[kind] += 1
        strings, links = page
        opened.append(url)
        found = english_strings(strings, content)
        if found:
            english[url] = found
        for href in links:
            link = _followed(href, url)
            if link and link not in queued:
                queued.add(link)
                queue.append(link)
    return opened, english


def _normal(text: str) -> str:
    return re.sub(r"\d+", "N", " ".join(text.split()))


def test_every_page_each_role_opens_is_thai(client):
    world = _world()
    content = _content_strings()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    english_seen: dict[str, str] = {}
    counts = {}
    for role, (username, column) in ROLES.items():
        client.logout()
        user = User.objects.get(username=username)
        client.force_login(user)
        opened, english = crawl(client, user, _seeds(column, world), content)
        admin_pages = [url for url in opened if url.startswith("/admin/")]
        counts[role] = (len(opened), len(admin_pages))
        (ARTIFACTS / f"{role}.txt").write_text(
            f"{len(opened)} pages opened, {len(admin_pages)} of them in the admin\n\n"
            + "\n".join(opened)
            + "\n\nEnglish found:\n"
            + "\n".join(
                f"{url}\n" + "\n".join(f"    {text!r}" for text in found)
                for url, found in english.items()
            ),
            encoding="utf-8",
        )
        for url, found in english.items():
            for text in found:
                english_seen.setdefault(_normal(text), f"{role} {url}")
    (ARTIFACTS / "summary.txt").write_text(
        f"pages opened (all, admin): {counts}\n\nEnglish found:\n"
        + "\n".join(f"{text}  ({where})" for text, where in sorted(english_seen.items())),
        encoding="utf-8",
    )
    print("pages opened (all, admin):", counts)
    for role in ("trainer", "centre_admin", "national_admin"):
        assert counts[role][1] > 50, f"{role} opened too few admin pages: {counts[role]}"
    assert counts["national_admin"][1] > 100
    assert counts["learner"][0] > 10
    assert not english_seen, "English on Thai screens:\n" + "\n".join(
        f"{where}: {text!r}" for text, where in sorted(english_seen.items())
    )


@pytest.mark.parametrize(
    ("strings", "expected"),
    [
        (["หน้าทั้งหมด 32 หน้า"], set()),
        (["32 Pages"], {"Pages"}),
        (["ไฟล์ PDF ขนาด 2 MB"], set()),
        (["การขายออนไลน์ Selling online"], set()),  # a title someone typed
        (["ยกเลิก", "More actions"], {"More", "actions"}),
        # File names and addresses are not words, even with a typed title inside them.
        (["demo-centre-emblem_x1.png", "http://testserver/centre/check-in/2.ab/"], set()),
        # An example slug in a help text is an address, but a hyphenated phrase is not.
        (["เช่น “bot-thi-1-chat-saeng”"], set()),
        (["Step-by-step guide"], {"Step", "by", "step", "guide"}),
    ],
)
def test_english_words_finds_interface_words_only(strings, expected):
    assert english_words(strings, ["Selling online", "centre"]) == expected
