"""Every case the short-text normaliser promises (assessments/normalise.py), one by one."""

import pytest

from assessments.normalise import normalise_answer, parse_number

SAME = [
    # case
    ("PromptPay", "promptpay"),
    ("OTP", "otp"),
    # spaces: around, inside, non-breaking, zero-width
    ("  1441 ", "1441"),
    ("ไปรษณีย์ ไทย", "ไปรษณีย์ไทย"),
    ("น้ำพริก\u00a0ปลาย่าง", "น้ำพริกปลาย่าง"),
    ("สวัสดี\u200bครับ", "สวัสดีครับ"),
    ("=SUM( C2:C31 )", "=sum(c2:c31)"),
    # Thai and Arabic digits, full-width digits
    ("๑๔๔๑", "1441"),
    ("โทร ๑๔๔๑", "โทร1441"),
    ("\uff11\uff14\uff14\uff11", "1441"),
    # tone mark typed before an upper or lower vowel
    ("ก\u0e48\u0e35", "กี่"),
    ("ป\u0e48\u0e39", "ปู่"),
    ("ที\u0e48", "ที่"),
    # thanthakhat before the vowel
    ("ก\u0e4c\u0e34", "กิ์"),
    # sara am: composed, decomposed, with the tone mark in either place, or after it
    ("น\u0e4d\u0e32", "นำ"),
    ("น\u0e49\u0e4d\u0e32", "น้ำ"),
    ("น\u0e4d\u0e49\u0e32", "น้ำ"),
    ("น\u0e33\u0e49", "น้ำ"),
    # two sara e for sara ae
    ("\u0e40\u0e40ปลก", "แปลก"),
    # duplicated vowels and tone marks
    ("ดีี", "ดี"),
    ("ไก\u0e48\u0e48", "ไก่"),
    ("น้้ำ", "น้ำ"),
]


@pytest.mark.parametrize(("typed", "expected"), SAME)
def test_typed_variants_match(typed, expected):
    assert normalise_answer(typed) == normalise_answer(expected)


DIFFERENT = [
    ("ไก่", "ไก้"),  # a different tone mark is a different word
    ("ผักกาด", "ผักกาษ"),  # a different spelling
    ("1441", "1414"),
    ("ok", "o.k."),  # punctuation is not ignored
]


@pytest.mark.parametrize(("one", "other"), DIFFERENT)
def test_different_words_stay_different(one, other):
    assert normalise_answer(one) != normalise_answer(other)


def test_empty_and_blank_normalise_to_nothing():
    assert normalise_answer("") == ""
    assert normalise_answer(" \u200b ") == ""


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("1250", "1250"),
        ("๑๒๕๐", "1250"),
        ("1,250", "1250"),
        (" 12.5 ", "12.5"),
        ("-3", "-3"),
        ("\u22123", "-3"),
        ("๑,๒๕๐.๕", "1250.5"),
    ],
)
def test_numbers_in_thai_or_arabic_digits(typed, value):
    assert str(parse_number(typed)) == value


@pytest.mark.parametrize("typed", ["", "12 บาท", "1/2", "1e5", "NaN", "Infinity", "--1", "9" * 20])
def test_not_a_number(typed):
    assert parse_number(typed) is None
