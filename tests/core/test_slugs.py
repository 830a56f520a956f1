"""The slug maker: readable ASCII from Thai titles, never junk, unique among siblings."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lms.core.slugs import (
    MAX_LENGTH,
    slug_clean_typed,
    slug_for_page,
    slug_from_text,
    slug_is_good,
)
from tests.factories import CoursePageFactory, LessonPageFactory


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("บทที่ 1 จัดแสงและมุมกล้อง", "bot-thi-1-chat-saeng-lae-mum-klong"),
        ("การขายสินค้าออนไลน์", "kan-khai-sinkha-onlai"),
        ("ถ่ายวิดีโอสินค้าด้วยมือถือ รุ่นทดสอบ H1", "thai-widio-sinkha-duai-muethue-run-thotsop-h1"),
        ("Canva ออกแบบโพสต์ขายของ", "canva-okbaep-phot-khaikhong"),
        ("บทที่ ๒ แสง", "bot-thi-2-saeng"),  # Thai digits become Arabic ones
        ("Excel 365: ทำบัญชีง่าย ๆ!", "excel-365-tham-banchi-ngai-ngai"),  # ๆ repeats
    ],
)
def test_thai_titles_are_romanised_word_by_word(title, slug):
    assert slug_from_text(title) == slug


def test_a_long_title_is_cut_at_a_word_boundary():
    slug = slug_from_text("ศูนย์ดิจิทัลชุมชนตำบลโพธิ์ตาก อำเภอโพธิ์ตาก จังหวัดหนองคาย ประเทศไทย")
    assert len(slug) <= MAX_LENGTH
    assert slug.startswith("sun-dichithan-") and not slug.endswith("-")
    # One unbroken "word" longer than the limit is cut inside it.
    assert 0 < len(slug_from_text("x" * 300)) <= MAX_LENGTH


@pytest.mark.parametrize(
    "junk", ["", "-", "-1", "-h1", "1", "12-3", "h1-", "a--b", "Bot-Thi", "บท"]
)
def test_junk_is_not_a_good_slug(junk):
    assert not slug_is_good(junk)


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("my-lesson", "my-lesson"),
        ("My Lesson", "my-lesson"),
        ("แนะนำ", "naenam"),
        ("-", ""),
        ("-1", ""),
        ("-h1", ""),
        ("12", ""),
        ("h1-", ""),
        ("", ""),
    ],
)
def test_a_typed_slug_is_kept_tidied_or_refused(typed, kept):
    assert slug_clean_typed(typed) == kept


def test_titles_with_nothing_to_romanise_still_get_a_slug(workforce_track):
    assert slug_for_page(title="ๆ", parent=workforce_track) == "page"
    assert slug_for_page(title="๑๒๓", parent=workforce_track) == "page-123"


def test_a_clash_among_siblings_adds_2_then_3(workforce_track):
    course = CoursePageFactory(parent=workforce_track, slug="khai-khong")
    first = LessonPageFactory(parent=course, slug="bot-thi-1")
    assert slug_for_page(title="บทที่ 1", parent=course) == "bot-thi-1-2"
    LessonPageFactory(parent=course, slug="bot-thi-1-2")
    assert slug_for_page(title="บทที่ 1", parent=course) == "bot-thi-1-3"
    # A page keeps its own slug: it does not clash with itself.
    assert slug_for_page(title="บทที่ 1", parent=course, page=first) == "bot-thi-1"
    # The same title under another parent is free.
    assert slug_for_page(title="บทที่ 1", parent=workforce_track) == "bot-thi-1"


def test_a_suffix_still_fits_the_length(workforce_track):
    course = CoursePageFactory(parent=workforce_track, slug="long-course")
    title = "ศูนย์ดิจิทัลชุมชนตำบลโพธิ์ตาก อำเภอโพธิ์ตาก จังหวัดหนองคาย ประเทศไทย"
    first = slug_for_page(title=title, parent=course)
    LessonPageFactory(parent=course, slug=first)
    second = slug_for_page(title=title, parent=course)
    assert second != first and second.endswith("-2") and len(second) <= MAX_LENGTH


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=80))
def test_any_text_gives_a_good_slug_or_nothing(text):
    slug = slug_from_text(text)
    assert slug == "" or slug.isascii()
    assert not slug.startswith("-") and not slug.endswith("-") and "--" not in slug
    assert len(slug) <= MAX_LENGTH
