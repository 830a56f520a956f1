"""Thai text marked so that lines break only between words (lms/core/linebreaks.py)."""

import re

from django.template import Context, Template

import pytest

from lms.core.linebreaks import mark_text, mark_thai_words

WBR_OR_TAG = re.compile(r"<[^>]*>")


@pytest.fixture(autouse=True)
def _marking_on(settings):
    settings.LMS_THAI_LINE_BREAKS = True


def runs(html: str) -> list[str]:
    return re.findall(r'<span class="th-words">(.*?)</span>', html)


def test_each_thai_run_breaks_only_at_word_boundaries():
    html = mark_text("การขายสินค้าออนไลน์")
    assert runs(html) == ["การ<wbr>ขาย<wbr>สินค้า<wbr>ออนไลน์"]


def test_words_the_browser_splits_stay_whole():
    html = mark_text("ถ่ายภาพพื้นฐานรับเกียรติบัตรโซเชียลมีเดียโทรศัพท์มือถือ")
    words = runs(html)[0].split("<wbr>")
    for whole in ("ภาพ", "พื้นฐาน", "เกียรติบัตร", "โซเชียลมีเดีย", "โทรศัพท์มือถือ"):
        assert any(whole in word for word in words), (whole, words)
    assert len(words) >= 5


def test_text_reads_the_same_without_the_marks():
    text = "บทเรียน 3: ใช้ Excel ทำบัญชีร้านค้า ๆ ต่างๆ (20 นาที) &amp; อื่นๆ"
    assert WBR_OR_TAG.sub("", mark_text(text)) == text


def test_no_zero_width_characters_are_added():
    assert "\u200b" not in mark_text("การขายสินค้าออนไลน์") + mark_text("20 นาที")


def test_dates_and_numbers_with_units_stay_on_one_line():
    html = mark_text("ออกให้เมื่อ 4 ธันวาคม พ.ศ. 2569 ใช้เวลา 20 นาทีขึ้นไป ๓ ข้อ 4 ธ.ค. 69")
    kept = re.findall(r'<span class="nowrap">(.*?)</span>', html)
    assert kept == ["4 ธันวาคม พ.ศ. 2569", "20 นาที", "๓ ข้อ", "4 ธ.ค. 69"]
    # The words after the unit may still break from it.
    assert '20 นาที</span><wbr><span class="th-words">ขึ้นไป</span>' in html


def test_repetition_mark_never_starts_a_line():
    assert "<wbr>ๆ" not in mark_text("ของต่าง ๆ เช่นผักต่างๆนานา")


def test_english_and_single_clusters_are_left_alone():
    assert mark_text("Excel and LINE, 2569") == "Excel and LINE, 2569"
    assert mark_text("ก") == "ก"


def test_only_text_between_tags_is_marked():
    html = mark_thai_words(
        '<a href="/ค้นหา/" title="การขายสินค้า">การขายสินค้า</a>'
        "<script>const label = 'การขายสินค้า';</script>"
        "<style>.x::after { content: 'การขาย'; }</style>"
        "<textarea>การขายสินค้า</textarea><select><option>การขายสินค้า</option></select>"
        "<!-- การขายสินค้า -->"
    )
    assert html == (
        '<a href="/ค้นหา/" title="การขายสินค้า">'
        '<span class="th-words">การ<wbr>ขาย<wbr>สินค้า</span></a>'
        "<script>const label = 'การขายสินค้า';</script>"
        "<style>.x::after { content: 'การขาย'; }</style>"
        "<textarea>การขายสินค้า</textarea><select><option>การขายสินค้า</option></select>"
        "<!-- การขายสินค้า -->"
    )


def test_the_setting_turns_the_marking_off(settings):
    settings.LMS_THAI_LINE_BREAKS = False
    assert mark_thai_words("<p>การขายสินค้า</p>") == "<p>การขายสินค้า</p>"


def test_template_tag_marks_its_rendered_content_and_escapes_stay_escaped():
    template = Template(
        "{% load lms_tags %}{% thai_line_breaks %}<h1>{{ title }}</h1>{% endthai_line_breaks %}"
    )
    html = template.render(Context({"title": "<b>ภาพสินค้า</b>"}))
    assert html == '<h1>&lt;b&gt;<span class="th-words">ภาพ<wbr>สินค้า</span>&lt;/b&gt;</h1>'
