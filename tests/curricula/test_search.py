"""Thai-aware search: words inside unspaced Thai text are found, and only real words."""

from wagtail.models import Locale

import pytest

from curricula.models import SearchEntry
from curricula.search import search_index_rebuild, search_pages
from lms.core.text import index_tokens, tokenize
from lms.learning.services import enrollment_create, lesson_complete
from tests.factories import ActivityPageFactory, CoursePageFactory, LessonPageFactory, UserFactory


@pytest.fixture
def thai(home):
    return Locale.objects.get(language_code="th")


@pytest.fixture
def content(workforce_track, early_track):
    selling = CoursePageFactory(
        parent=workforce_track, title="การขายสินค้าออนไลน์", slug="selling", summary="ผู้ผลิตชุมชน"
    )
    channels = LessonPageFactory(parent=selling, title="รู้จักช่องทางการขายออนไลน์", slug="channels")
    photo = LessonPageFactory(
        parent=selling,
        title="ถ่ายรูปสินค้า",
        slug="photo",
        body=[("paragraph", "<p>ใช้แสงจากหน้าต่าง Window light</p>")],
    )
    tak = CoursePageFactory(
        parent=workforce_track, title="ของดีจังหวัดตาก", slug="tak", summary="ของฝาก"
    )
    caps = ActivityPageFactory(
        parent=early_track, title="นับฝาขวด", slug="caps", summary="นับเลขกับฝาขวดหลากสี"
    )
    for page in (selling, channels, photo, tak, caps):
        page.save_revision().publish()
    return {"selling": selling, "channels": channels, "photo": photo, "tak": tak, "caps": caps}


def titles(hits):
    return [hit.page.title for hit in hits]


def test_thai_segmentation_and_alternative_readings():
    assert tokenize("การขายสินค้าออนไลน์") == ["การ", "ขาย", "สินค้า", "ออนไลน์"]
    words = index_tokens("รู้จักช่องทางการขายออนไลน์")
    # The segmenter reads ช่อง|ทางการ; the index also keeps the other reading.
    assert {"ช่อง", "ทางการ", "ช่องทาง", "ขาย", "ออนไลน์"} <= set(words)
    assert "วัด" not in index_tokens("จังหวัดตาก")


def test_word_inside_unspaced_thai_is_found(thai, content):
    assert "การขายสินค้าออนไลน์" in titles(search_pages(query="ออนไลน์", locale=thai))


def test_word_from_an_ambiguous_segmentation_is_found(thai, content):
    assert titles(search_pages(query="ช่องทาง", locale=thai)) == ["รู้จักช่องทางการขายออนไลน์"]


def test_unspaced_query_of_several_words_must_all_match(thai, content):
    found = titles(search_pages(query="ขายออนไลน์", locale=thai))
    assert found[0] == "การขายสินค้าออนไลน์"  # a course with the words in its title ranks first
    assert "ถ่ายรูปสินค้า" not in found


def test_a_syllable_is_not_a_word(thai, content):
    assert "ของดีจังหวัดตาก" not in titles(search_pages(query="วัด", locale=thai))
    assert titles(search_pages(query="ตาก", locale=thai)) == ["ของดีจังหวัดตาก"]


def test_lesson_body_activity_and_english_are_searchable(thai, content):
    assert titles(search_pages(query="หน้าต่าง", locale=thai)) == ["ถ่ายรูปสินค้า"]
    assert titles(search_pages(query="WINDOW", locale=thai)) == ["ถ่ายรูปสินค้า"]
    assert titles(search_pages(query="ฝาขวด", locale=thai)) == ["นับฝาขวด"]
    assert titles(search_pages(query="ฝาขวด", locale=thai, kind="course")) == []


def test_last_word_matches_as_a_prefix_while_typing(thai, content):
    assert "การขายสินค้าออนไลน์" in titles(search_pages(query="ออนไล", locale=thai))


def test_unpublished_pages_leave_the_index(thai, content):
    content["photo"].unpublish()
    assert search_pages(query="หน้าต่าง", locale=thai) == []
    assert not SearchEntry.objects.filter(page_id=content["photo"].pk).exists()


@pytest.mark.parametrize(
    "query", ["", "   ", "%", "_", "' OR 1=1 --", "<script>", "ก" * 5000, "😀"]
)
def test_hostile_or_empty_queries_are_harmless(thai, content, client, query):
    search_pages(query=query, locale=thai)
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    assert "<script>" not in response.content.decode().split("<main", 1)[1].split('value="', 1)[0]


def test_rebuild_indexes_everything_live(thai, content):
    SearchEntry.objects.all().delete()
    assert search_index_rebuild() >= 5
    assert titles(search_pages(query="ช่องทาง", locale=thai)) == ["รู้จักช่องทางการขายออนไลน์"]


def test_results_show_track_level_and_the_learners_progress(client, content, db):
    learner = UserFactory(username="searcher")
    enrollment_create(user=learner, course=content["selling"])
    lesson_complete(user=learner, lesson=content["channels"])
    client.force_login(learner)
    html = client.get("/search/", {"q": "ออนไลน์"}).content.decode()
    assert "พัฒนาศักยภาพบุคลากรดิจิทัล" in html  # track
    assert "เริ่มต้น" in html  # level
    assert "เรียนไปแล้ว 50%" in html  # progress in the course (1 of 2 lessons)
    assert "คุณเรียนบทนี้จบแล้ว" in html  # the lesson's own state
