"""What a learner's phone downloads for a lesson, without its pictures and videos.

Every file is fetched through the site with `Accept-Encoding: gzip`, the way a phone asks:
pages are compressed by the server, static files come compressed from WhiteNoise. A first
visit downloads the page and the files it links (styles, scripts and the Sarabun font);
a repeat visit downloads only the page, as the service worker holds the rest.
"""

import re
from urllib.parse import urljoin

from bs4 import BeautifulSoup

from lms.learning.services import enrollment_create
from lms.offline.precache import static_entries
from tests.factories import UserFactory

KB = 1024


def _downloaded(client, url: str) -> int:
    response = client.get(url, HTTP_ACCEPT_ENCODING="gzip")
    assert response.status_code == 200, url
    if response.streaming:
        return len(b"".join(response.streaming_content))
    return len(response.content)


def _linked_files(client, html: bytes, page_url: str) -> set[str]:
    soup = BeautifulSoup(html, "html.parser")
    files = {link["href"] for link in soup.select('link[rel="stylesheet"], link[rel="preload"]')}
    files |= {script["src"] for script in soup.select("script[src]")}
    # The fonts a stylesheet names: a Thai page uses the Thai and the Latin subsets, in
    # regular and bold.
    for stylesheet in [f for f in files if f.endswith(".css")]:
        css = b"".join(client.get(stylesheet).streaming_content).decode()
        files |= {urljoin(stylesheet, url) for url in re.findall(r'url\("([^"]+)"\)', css)}
    return {urljoin(page_url, f) for f in files}


def test_lesson_page_weight(client, course, lessons, record_property):
    learner = UserFactory(username="weight-learner")
    enrollment_create(user=learner, course=course)
    client.force_login(learner)
    page_url = lessons[0].url

    html = client.get(page_url).content
    files = _linked_files(client, html, page_url)
    page = _downloaded(client, page_url)
    first = page + sum(_downloaded(client, url) for url in files)

    # Everything besides the page is kept by the service worker, so a repeat visit (and a
    # visit to any other lesson) downloads only the page.
    precached = {entry["url"] for entry in static_entries()}
    assert files <= precached, files - precached
    repeat = page

    record_property(
        "counts",
        f"lesson page: first visit {first / KB:.0f} KB, repeat visit {repeat / KB:.0f} KB",
    )
    assert first <= 80 * KB
    assert repeat < 30 * KB
