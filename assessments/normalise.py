"""Matching typed answers the way a trainer would: same word, however it was typed.

What `normalise_answer` makes equal (each case has a test in
tests/assessments/test_normalise.py):

1. Letter case: "PromptPay" = "promptpay" (Unicode case folding).
2. Spaces: all whitespace is removed, including non-breaking and zero-width
   spaces, so "ไปรษณีย์ ไทย" = "ไปรษณีย์ไทย" and " 1441 " = "1441".
3. Digits: Thai digits equal Arabic digits, "๑๔๔๑" = "1441"; full-width forms
   equal their ASCII forms, "１４４１" = "1441" (Unicode NFKC).
4. Thai typing order, through PyThaiNLP's `normalize`:
   - a tone mark or thanthakhat typed before an above or below vowel,
     "ก่ี" = "กี่", "ปู่" = "ปู่";
   - sara am typed as nikhahit + sara aa, in any order with the tone mark,
     "น ํ ้ า", "น ้ ํ า" = "น้ำ"; a tone mark typed after sara am, "นำ้" = "น้ำ";
   - two sara e typed for sara ae, "เเ" = "แ";
   - duplicated vowels, tone marks and signs, "ดีี" = "ดี", "ก่่" = "ก่";
   - a stray mark at the very start, left over from a mistyped key.

Not made equal, on purpose: different tone marks ("ไก่" ≠ "ไก้"), different
spellings ("ผักกาด" ≠ "ผักกาษ"), and punctuation (a trainer who accepts "ok" and
"o.k." lists both).
"""

import re
import unicodedata
from decimal import Decimal, InvalidOperation

from pythainlp.util import normalize as thai_normalize
from pythainlp.util import thai_digit_to_arabic_digit

_WHITESPACE = re.compile(r"[\s\u200b\u200c\u200d\u2060\ufeff]+")
_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)$")


def normalise_answer(text: str) -> str:
    """The comparison form of a short text answer (see the module docstring)."""
    if not text:
        return ""
    # NFKC first: it folds full-width forms, and it splits sara am into nikhahit +
    # sara aa, which PyThaiNLP then recomposes in canonical order.
    text = unicodedata.normalize("NFKC", text)
    text = thai_digit_to_arabic_digit(text)
    text = text.casefold()
    # PyThaiNLP works on words separated by single spaces; spaces go afterwards.
    text = _WHITESPACE.sub(" ", text).strip()
    text = thai_normalize(text)
    return _WHITESPACE.sub("", text)


def parse_number(text: str) -> Decimal | None:
    """A learner's number: Thai or Arabic digits, thousands commas and spaces allowed.

    Returns None when the text is not a plain number ("12 บาท", "1/2", "1e5").
    """
    if text is None:
        return None
    text = unicodedata.normalize("NFKC", str(text))
    text = thai_digit_to_arabic_digit(text)
    text = _WHITESPACE.sub("", text).replace(",", "").replace("\u2212", "-")
    if not _NUMBER.match(text):
        return None
    try:
        value = Decimal(text)
    except InvalidOperation:
        return None
    if not value.is_finite() or abs(value) >= Decimal("1e11"):
        return None
    return value
