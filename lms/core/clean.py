"""One form for every string people type, whichever way it comes in.

`text_clean` is applied to every form's text fields (see `forms_text_clean_install`),
to the JSON and autosave endpoints, to spreadsheet and GIFT imports, to search
queries and to names that usernames are made from. What it does:

1. Unicode NFC, so a letter with a combining mark is stored one way.
2. The Thai repairs, through PyThaiNLP's rules (`pythainlp.util.normalize`'s
   parts, without its whitespace collapsing, which would flatten paragraphs):
   nikhahit + sara aa (U+0E4D U+0E32, also with a tone mark between) becomes sara
   am (U+0E33); a tone mark typed before an upper or lower vowel, or after a
   following vowel, is put in its place; two sara e become sara ae; repeated
   vowels, tone marks and signs are kept once. A mark standing alone after a
   space is kept: a lesson about tone marks writes "ไม้เอก ่" on purpose.
3. NUL and the other control characters are removed (tab and newline stay in
   multi-line text; in one-line text they become spaces), and so are the byte
   order mark, zero-width space and non-joiner, and lone surrogates, which the
   database refuses.

Nothing else changes: case, spaces inside the text and punctuation are the
writer's. Running it twice gives the same result as once.
"""

import re
import unicodedata

from pythainlp.util.normalize import remove_repeat_vowels

# C0 and C1 controls except tab, newline and carriage return; DEL; lone surrogates;
# the byte order mark and the zero-width space and non-joiner (PyThaiNLP's remove_zw).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufeff\u200b\u200c]")
_LINE_BREAKS = re.compile(r"\r\n?|[\u2028\u2029]")
_ONE_LINE = re.compile(r"[\t\n]")
_THAI = re.compile(r"[\u0e01-\u0e5b]")


def _thai_repair(text: str) -> str:
    if not _THAI.search(text):
        return text
    return remove_repeat_vowels(text)


def text_clean(value: str | None, *, multiline: bool = False) -> str:
    """The stored form of a string someone typed (see the module docstring)."""
    if not value:
        return ""
    text = unicodedata.normalize("NFC", str(value))
    text = _CONTROL.sub("", text)
    text = _LINE_BREAKS.sub("\n", text)
    if not multiline:
        text = _ONE_LINE.sub(" ", text)
    text = _thai_repair(text)
    # A repair can leave a combination NFC would write differently; NFC is cheap.
    return unicodedata.normalize("NFC", text)


def text_is_clean(value: str, *, multiline: bool = True) -> bool:
    return text_clean(value, multiline=multiline) == value


def forms_text_clean_install() -> None:
    """Make every Django form text field clean its value with `text_clean`.

    `forms.CharField.to_python` is the one step every text input of every form
    passes: our forms, Django's auth forms, Wagtail's page, snippet and settings
    forms, and StreamField's CharBlock and TextBlock. Fields with `strip=False`
    keep the value exactly as typed: those are passwords, which must hash the
    same as when they were set. Textareas keep their line breaks.
    """
    from django import forms

    original = forms.CharField.to_python
    if getattr(original, "text_clean", False):
        return

    def to_python(self, value):
        value = original(self, value)
        if isinstance(value, str) and value and self.strip:
            # Text inputs are one line; textareas and rich-text editors are not.
            multiline = not isinstance(self.widget, forms.widgets.Input)
            value = text_clean(value, multiline=multiline).strip() or self.empty_value
        return value

    to_python.text_clean = True
    forms.CharField.to_python = to_python


def query_text(params, name: str = "q", *, max_length: int = 100) -> str:
    """A search box's text from a query string, cleaned like any typed text.

    "ลําดวน" typed with nikhahit + sara aa finds the stored "ลำดวน".
    """
    return text_clean(params.get(name, ""))[: max_length * 2].strip()[:max_length]
