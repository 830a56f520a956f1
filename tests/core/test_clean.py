"""The one normaliser for typed text, and the form hook that applies it to every form."""

import unicodedata

from django import forms

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lms.core.clean import query_text, text_clean

NIKHAHIT_SARA_AA = "\u0e25\u0e4d\u0e32\u0e14\u0e27\u0e19"  # ลําดวน as some keyboards type it
SARA_AM = "\u0e25\u0e33\u0e14\u0e27\u0e19"  # ลำดวน


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        (NIKHAHIT_SARA_AA, SARA_AM),
        ("\u0e19\u0e4d\u0e49\u0e32", "\u0e19\u0e49\u0e33"),  # น + ํ + ้ + า = น้ำ
        ("\u0e19\u0e49\u0e4d\u0e32", "\u0e19\u0e49\u0e33"),  # tone mark first, then ํา
        ("ก\u0e48\u0e35", "กี\u0e48"),  # tone mark typed before the upper vowel
        ("ก\u0e32\u0e48", "ก\u0e48\u0e32"),  # tone mark typed after sara aa
        ("ก\u0e48\u0e48", "ก\u0e48"),  # a doubled tone mark
        ("ดีี", "ดี"),  # a doubled vowel
        ("เเปลก", "แปลก"),  # two sara e for sara ae
        ("ไม้เอก \u0e48", "ไม้เอก \u0e48"),  # a mark written alone on purpose stays
        ("สม\x00ชาย\x07", "สมชาย"),  # NUL and BEL
        ("\ufeffสมชาย\u200b", "สมชาย"),  # byte order mark, zero-width space
        ("a\ud800b", "ab"),  # a lone surrogate, which PostgreSQL refuses
        ("e\u0301", "\u00e9"),  # NFC
        ("สมชาย ใจดี", "สมชาย ใจดี"),  # spaces between words stay
        ("Hello, World!", "Hello, World!"),  # case and punctuation stay
    ],
)
def test_text_clean(typed, stored):
    assert text_clean(typed) == stored


def test_one_line_text_loses_line_breaks_and_multi_line_keeps_them():
    assert text_clean("บรรทัดหนึ่ง\r\nบรรทัดสอง\tจบ") == "บรรทัดหนึ่ง บรรทัดสอง จบ"
    assert (
        text_clean("บรรทัดหนึ่ง\r\n\r\nบรรทัดสอง\tจบ\x00", multiline=True) == "บรรทัดหนึ่ง\n\nบรรทัดสอง\tจบ"
    )


def test_the_thai_repairs_work_on_every_line():
    assert text_clean(f"ก\n{NIKHAHIT_SARA_AA}", multiline=True) == f"ก\n{SARA_AM}"


@given(st.text(max_size=80, alphabet=st.characters(codec="utf-8") | st.sampled_from("กาำ่้ํิีเ\x00")))
def test_text_clean_is_idempotent_and_leaves_no_controls(value):
    once = text_clean(value, multiline=True)
    assert text_clean(once, multiline=True) == once
    assert unicodedata.is_normalized("NFC", once)
    assert not any(unicodedata.category(ch) in ("Cc", "Cs") and ch not in "\t\n" for ch in once)


class PersonForm(forms.Form):
    name = forms.CharField()
    notes = forms.CharField(widget=forms.Textarea, required=False)
    password = forms.CharField(strip=False, widget=forms.PasswordInput)
    nickname = forms.CharField(required=False)


def test_every_form_text_field_is_cleaned_and_passwords_are_not():
    form = PersonForm(
        {
            "name": f"  {NIKHAHIT_SARA_AA}\x00 ",
            "notes": "หนึ่ง\r\nนํ้า",
            "password": f" {NIKHAHIT_SARA_AA} ",
            "nickname": "\x00\u200b",
        }
    )
    assert form.is_valid(), form.errors
    assert form.cleaned_data["name"] == SARA_AM
    assert form.cleaned_data["notes"] == "หนึ่ง\nน\u0e49\u0e33"
    # A password must hash exactly as it was set.
    assert form.cleaned_data["password"] == f" {NIKHAHIT_SARA_AA} "
    # Nothing but invisible characters is empty, not a stored blank.
    assert form.cleaned_data["nickname"] == ""


def test_a_required_field_of_only_control_characters_is_refused():
    form = PersonForm({"name": "\x00\x01", "password": "x"})
    assert not form.is_valid()
    assert "name" in form.errors


def test_model_forms_and_streamfield_blocks_are_cleaned_too():
    from wagtail import blocks

    assert blocks.CharBlock().clean(NIKHAHIT_SARA_AA) == SARA_AM
    assert blocks.TextBlock().clean(f"ก\r\n{NIKHAHIT_SARA_AA}") == f"ก\n{SARA_AM}"


def test_search_boxes_are_cleaned_and_cut():
    assert query_text({"q": f" {NIKHAHIT_SARA_AA}\x00 "}) == SARA_AM
    assert query_text({}) == ""
    assert len(query_text({"q": "ก" * 500})) == 100
