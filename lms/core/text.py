"""Text handling that works for Thai, which is written without spaces between words."""

import re
import unicodedata
from functools import lru_cache

from pythainlp.tokenize import word_tokenize

_THAI = re.compile(r"[\u0E00-\u0E7F]")
_SEPARATORS = re.compile(r"[\s\u200b]+")


def normalise(text: str) -> str:
    """NFC, lower case, one space between words, zero-width spaces removed."""
    text = unicodedata.normalize("NFC", text or "")
    return _SEPARATORS.sub(" ", text).strip().casefold()


@lru_cache(maxsize=4096)
def _segment(chunk: str) -> tuple[str, ...]:
    return tuple(word_tokenize(chunk, engine="newmm", keep_whitespace=False))


def tokenize(text: str) -> list[str]:
    """Split text into words, segmenting runs of Thai with PyThaiNLP's dictionary.

    "การขายสินค้าออนไลน์" becomes ["การ", "ขาย", "สินค้า", "ออนไลน์"]; English is
    split on spaces and punctuation. Tokens are normalised and keep only letters,
    marks and digits.
    """
    words: list[str] = []
    for chunk in normalise(text).split(" "):
        pieces = _segment(chunk) if _THAI.search(chunk) else (chunk,)
        for piece in pieces:
            for token in re.split(r"[^\w\u0E00-\u0E7F]+", piece):
                if token:
                    words.append(token)
    return words


def slugify_unicode(value: str, max_length: int = 100) -> str:
    """A URL slug that keeps Thai intact.

    Django's `slugify(allow_unicode=True)` drops Thai vowel and tone marks
    (they are not `\\w`), turning "สินค้า" into "สนคา". Keep letters, marks and
    digits of every script; everything else becomes a hyphen.
    """
    value = unicodedata.normalize("NFC", value or "").casefold()
    out = []
    for char in value:
        category = unicodedata.category(char)
        out.append(char if category[0] in "LMN" else "-")
    slug = re.sub(r"-{2,}", "-", "".join(out)).strip("-")
    return slug[:max_length].rstrip("-")
