"""Thai first, English second: the interface and the content in both locales."""

from wagtail.models import Locale

import pytest
from bs4 import BeautifulSoup

from curricula.models import TrackPage


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def test_home_is_thai_with_thai_tracks(client, home):
    response = client.get("/")
    page = soup(response)
    assert page.html["lang"] == "th"
    titles = [a.text for a in page.select(".track-card h3 a")]
    assert titles == ["เยาวชน", "เด็กปฐมวัย", "พัฒนาศักยภาพบุคลากรดิจิทัล"]
    assert page.select_one(".site-nav a[href='/accounts/login/']").text == "เข้าสู่ระบบ"


def test_english_home_under_en(client, home):
    response = client.get("/en/")
    page = soup(response)
    assert response.status_code == 200
    assert page.html["lang"] == "en"
    assert [a.text for a in page.select(".track-card h3 a")] == [
        "Youth",
        "Early childhood",
        "Digital workforce",
    ]
    assert page.select_one(".site-nav a[href='/en/accounts/login/']").text == "Log in"


def test_switcher_links_to_the_same_page_in_the_other_language(client, home):
    thai_track = TrackPage.objects.get(locale__language_code="th", track="youth")
    english_track = thai_track.get_translation(Locale.objects.get(language_code="en"))
    page = soup(client.get(thai_track.url))
    link = page.select_one(".language-switcher a[hreflang='en']")
    assert link["href"] == english_track.url == "/en/youth/"
    back = soup(client.get(english_track.url)).select_one(".language-switcher a[hreflang='th']")
    assert back["href"] == thai_track.url == "/youth/"


def test_switcher_on_a_page_without_translation_goes_to_the_other_home(client, course):
    link = soup(client.get(course.url)).select_one(".language-switcher a[hreflang='en']")
    assert link["href"] == "/en/"


def test_switcher_on_a_non_page_view_keeps_the_path(client, db):
    link = soup(client.get("/accounts/login/")).select_one(".language-switcher a[hreflang='en']")
    assert link["href"] == "/en/accounts/login/"


@pytest.mark.parametrize("path", ["/", "/accounts/login/", "/courses/", "/search/"])
def test_no_english_interface_strings_leak_into_thai_pages(client, home, path):
    html = client.get(path).content.decode()
    for english in ("Log in", "Skip to content", "Search", "Courses", "Community Digital Centres"):
        assert f">{english}<" not in html, (path, english)


def test_time_zone_and_language_settings(settings):
    assert settings.LANGUAGE_CODE == "th"
    assert settings.TIME_ZONE == "Asia/Bangkok"
    assert [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES] == ["th", "en"]


def test_switcher_links_to_a_translation_only_once_it_is_live(client, course):
    english = course.copy_for_translation(Locale.objects.get(language_code="en"))
    assert not english.live
    link = soup(client.get(course.url)).select_one(".language-switcher a[hreflang='en']")
    assert link["href"] == "/en/"

    english.save_revision().publish()
    english.refresh_from_db()
    link = soup(client.get(course.url)).select_one(".language-switcher a[hreflang='en']")
    assert link["href"] == english.url
    back = soup(client.get(english.url)).select_one(".language-switcher a[hreflang='th']")
    assert back["href"] == course.url
