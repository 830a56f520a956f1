"""Search ranks what people type: variants, typos, digits, loanwords, synonyms,
"did you mean", highlighted snippets and one clear message when nothing matches."""

from wagtail.models import Locale

import pytest

from curricula.models import SearchSynonym
from curricula.search import highlight, search_pages, search_suggestion
from lms.core.thai_match import allowed_cost, edit_cost, variant_key
from tests.factories import CoursePageFactory, LessonPageFactory


@pytest.fixture
def thai(home):
    return Locale.objects.get(language_code="th")


@pytest.fixture
def shop(workforce_track, youth_track):
    books = CoursePageFactory(
        parent=workforce_track, title="ทำบัญชีร้านค้าด้วยสเปรดชีต", slug="books", summary="รายรับรายจ่าย"
    )
    packing = LessonPageFactory(
        parent=books,
        title="แพ็กสินค้าส่งไปรษณีย์",
        slug="packing",
        body=[("paragraph", "<p>ห่อบับเบิลสองชั้นแล้วติดฉลากให้ชัด</p>")],
    )
    channels = LessonPageFactory(
        parent=books,
        title="ช่องทางขายของ",
        slug="channels",
        body=[("paragraph", "<p>แจ้งสินค้าใหม่ในกลุ่มไลน์ของร้าน</p>")],
    )
    safety = CoursePageFactory(
        parent=youth_track, title="ปลอดภัยในโลกออนไลน์", slug="safety", summary="เรียนออนไลน์"
    )
    scams = LessonPageFactory(
        parent=safety,
        title="รหัสผ่านและลิงก์หลอกลวง",
        slug="scams",
        body=[("paragraph", "<p>แจ้งเหตุภัยออนไลน์ได้ที่สายด่วน 1441 ตลอดวัน</p>")],
    )
    pages = {"books": books, "packing": packing, "channels": channels}
    pages |= {"safety": safety, "scams": scams}
    for page in pages.values():
        page.save_revision().publish()
    return pages


def slugs(hits):
    return [hit.page.slug for hit in hits]


def test_thai_aware_costs():
    assert edit_cost("แพ็ค", "แพ็ก") < 0.5  # final consonant of the same sound
    assert edit_cost("รหัสผาน", "รหัสผ่าน") <= 0.2  # a forgotten tone mark
    assert edit_cost("ขาย", "กาย") >= 1  # a different initial sound is a different word
    assert edit_cost("ตา", "ตาก") > allowed_cost("ตา")
    assert variant_key("สเปรดชีท") == variant_key("สเปรดชีต")
    assert variant_key("๑๔๔๑") == "1441"


@pytest.mark.parametrize(
    ("query", "slug"),
    [
        ("สเปรดชีท", "books"),  # common spelling
        ("สเปรตชีต", "books"),  # a slipped key
        ("แพ็คสินค้า", "packing"),  # ค for ก
        ("รหัสผาน", "scams"),  # tone mark left out
        ("ลิ้งค์", "scams"),  # extra tone mark, ค for ก
        ("๑๔๔๑", "scams"),  # Thai digits
        ("Excel", "books"),  # the admins' synonym list, English on the Thai site
        ("เอ็กเซล", "books"),  # the loanword
        ("ขายของ", "channels"),
        ("ส่งของทางไปรษณีย์", "packing"),  # ของ for สินค้า
    ],
)
def test_what_people_type_finds_the_page_first(thai, shop, query, slug):
    assert slugs(search_pages(query=query, locale=thai))[0] == slug


def test_the_line_app_does_not_match_inside_online(thai, shop):
    assert slugs(search_pages(query="ไลน์", locale=thai)) == ["channels"]


def test_title_words_rank_above_body_words(thai, shop):
    assert slugs(search_pages(query="ออนไลน์", locale=thai))[0] == "safety"
    # The lesson that has it only in its text is found when it is all there is.
    assert slugs(search_pages(query="ออนไลน์", locale=thai, kind="lesson")) == ["scams"]


def test_a_synonym_added_in_the_admin_is_used_at_once(admin_client, thai, shop):
    assert search_pages(query="ตะกร้า", locale=thai) == []
    response = admin_client.post(
        "/admin/snippets/curricula/searchsynonym/add/", {"words": "ตะกร้า, บับเบิล", "note": ""}
    )
    assert response.status_code == 302
    assert SearchSynonym.objects.filter(words="ตะกร้า, บับเบิล").exists()
    assert slugs(search_pages(query="ตะกร้า", locale=thai)) == ["packing"]


def test_a_synonym_needs_two_words(admin_client):
    response = admin_client.post(
        "/admin/snippets/curricula/searchsynonym/add/", {"words": "ตะกร้า", "note": ""}
    )
    assert response.status_code == 200
    assert "อย่างน้อยสองคำ" in response.content.decode()
    assert not SearchSynonym.objects.filter(words="ตะกร้า").exists()


def test_did_you_mean_when_nothing_matches(client, thai, shop):
    assert search_pages(query="สเปดชีส", locale=thai) == []
    assert search_suggestion(query="สเปดชีส", locale=thai) == "สเปรดชีต"
    html = client.get("/search/", {"q": "สเปดชีส"}).content.decode()
    assert "คุณหมายถึง" in html
    assert "?q=%E0%B8%AA" in html  # a link that searches the suggestion


def test_one_clear_message_when_nothing_matches(client, thai, shop):
    html = client.get("/search/", {"q": "qwertyuiop"}).content.decode()
    assert html.count("ไม่พบผลลัพธ์") == 1
    assert "คุณหมายถึง" not in html
    assert "0 ผลลัพธ์" not in html


def test_matched_words_are_marked_in_the_snippet(client, thai, shop):
    html = client.get("/search/", {"q": "สายด่วน ๑๔๔๑"}).content.decode()
    assert "<mark>สายด่วน</mark>" in html
    assert "<mark>1441</mark>" in html


def test_a_word_is_marked_only_where_it_stands_alone():
    marked = str(highlight("ขายออนไลน์และในกลุ่มไลน์", {"ไลน์"}))
    assert "กลุ่ม<mark>ไลน์</mark>" in marked
    assert "ออน<mark>" not in marked
    assert "<script>" not in str(highlight("<script>ไลน์</script>", {"ไลน์"}))


def test_results_page_query_budget(client, thai, shop, django_assert_max_num_queries):
    client.get("/search/", {"q": "ออนไลน์"})  # warm the vocabulary
    with django_assert_max_num_queries(14):
        response = client.get("/search/", {"q": "สินค้าออนไลน์"})
    assert response.status_code == 200
