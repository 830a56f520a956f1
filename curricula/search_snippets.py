"""Result snippets: a passage of a page around the first matched word, matched words marked."""

import re
from collections.abc import Iterable

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from lms.core.text import segment_thai
from lms.core.thai_match import fold

from .search_query import english_stem

SNIPPET_LENGTH = 180

_PIECES = re.compile(r"[\u0e00-\u0e7f]+|[^\W_]+|.", re.DOTALL)


def _pieces(text: str) -> list[str]:
    """`text` cut into words and the characters between them; joined they give `text`."""
    out: list[str] = []
    for piece in _PIECES.findall(text):
        if re.match(r"[\u0e00-\u0e7f]", piece):
            out += segment_thai(piece)
        else:
            out.append(piece)
    return out


def highlight(text: str, terms: Iterable[str]) -> SafeString:
    """A passage of `text` around the first matched word, matched words in <mark>.

    A word is marked only where it stands as a word: ไลน์ is not marked inside
    ออนไลน์. Everything else is escaped.
    """
    terms = {term for term in terms if term}
    if not text:
        return SafeString("")
    lowered = fold(text) if len(fold(text)) == len(text) else text.lower()
    positions = [lowered.find(term) for term in terms]
    positions = [position for position in positions if position >= 0]
    start = 0
    if positions:
        first = min(positions)
        start = max(0, first - 50)
        if start:
            space = text.rfind(" ", 0, start + 1)
            start = space + 1 if space >= 0 and first - space < 90 else start
    window = text[start : start + SNIPPET_LENGTH]
    if start + SNIPPET_LENGTH < len(text):
        space = window.rfind(" ")
        if space > SNIPPET_LENGTH // 2:
            window = window[:space]
    pieces = _pieces(window)
    marked = [False] * len(pieces)
    folded = [fold(piece) for piece in pieces]
    for index in range(len(folded)):
        for size in (1, 2, 3):
            joined = "".join(folded[index : index + size])
            if joined in terms or (joined.isascii() and english_stem(joined) in terms):
                for offset in range(size):
                    if index + offset < len(marked):
                        marked[index + offset] = True
    groups: list[tuple[bool, str]] = []
    for piece, is_marked in zip(pieces, marked, strict=True):
        if groups and groups[-1][0] == is_marked:
            groups[-1] = (is_marked, groups[-1][1] + piece)
        else:
            groups.append((is_marked, piece))
    body = format_html_join(
        "", "{}", ((format_html("<mark>{}</mark>", part) if on else part,) for on, part in groups)
    )
    prefix = "… " if start else ""
    suffix = " …" if start + len(window) < len(text) else ""
    return format_html("{}{}{}", prefix, body, suffix)
