"""Thai lines that break only between words.

Thai is written without spaces, so a browser finds line-break opportunities with its
own dictionary (ICU's in Chromium), which splits words it does not know: ภา|พ,
พื้น|ฐาน, โทรศัพท์มือ|ถือ. Here each run of Thai text is segmented with PyThaiNLP,
put in a `<span class="th-words">` that may not wrap (CSS `white-space: nowrap`), and
given a `<wbr>` at each word boundary: Chromium then breaks such a run only at a
`<wbr>`. `word-break: keep-all` would be the natural tool, but Chromium ignores it for
Thai. `<wbr>` rather than U+200B, because a zero-width space is copied with the text.

Dates ("4 ธันวาคม พ.ศ. 2569") and a number with its unit ("20 นาที") are kept on one
line in a `<span class="nowrap">`.

The work is done on rendered HTML, text between tags only (never inside a tag, an
attribute or an entity, and never in `<script>`, `<style>`, `<title>`, `<textarea>`
or `<option>`), with each distinct piece of text transformed once per process.
"""

import re
from functools import lru_cache

from django.conf import settings
from django.utils.safestring import SafeString, mark_safe

from pythainlp.tokenize import word_tokenize
from pythainlp.tokenize.tcc import segment as tcc_segment

from lms.core.thaidate import THAI_MONTHS, THAI_MONTHS_SHORT

# Words PyThaiNLP's dictionary lacks that appear in the platform's own text and that
# it would otherwise split (เกียรติ|บัตร): a line must not break inside them.
EXTRA_WORDS = frozenset(
    {
        "เกียรติบัตร",
        "โซเชียลมีเดีย",
        "สเปรดชีต",
        "สเปรดชีท",
        "ไลน์แมน",
        "อีคอมเมิร์ซ",
        "คิวอาร์โค้ด",
        "ออนไลน์",
    }
)

# Letters, vowels and tone marks; not the Thai digits (U+0E50–U+0E59), which go with
# numbers, and not ฯ / ๆ at the start (they belong to the word before).
_THAI_RUN = r"[\u0E01-\u0E4F]+"
_NUMBER = r"[0-9\u0E50-\u0E59][0-9\u0E50-\u0E59,.:]*"
_MONTH = "|".join(
    re.escape(month) for month in sorted(THAI_MONTHS + THAI_MONTHS_SHORT, key=len, reverse=True)
)
_DATE = (
    rf"[0-9\u0E50-\u0E59]{{1,2}}[ \u00a0]+(?:{_MONTH})"
    rf"(?:[ \u00a0]+(?:พ\.ศ\.|ค\.ศ\.)?[ \u00a0]*[0-9\u0E50-\u0E59]{{2,4}})?"
)
_PIECES = re.compile(
    rf"(?P<date>{_DATE})"
    rf"|(?P<number>{_NUMBER})(?P<space>[ \u00a0]+)(?P<unit>{_THAI_RUN})"
    rf"|(?P<run>{_THAI_RUN})"
)
_HAS_THAI = re.compile(r"[\u0E01-\u0E4F]")
# Text between tags, tags, comments and the elements whose text is not laid out as
# HTML text (or cannot hold a <wbr>).
_HTML = re.compile(
    r"(<!--.*?-->"
    r"|<(script|style|title|textarea|option)\b[^>]*>.*?</\2\s*>"
    r"|<[^>]*>)",
    re.DOTALL | re.IGNORECASE,
)
# Marks that may not begin a line: a word boundary just before one is not offered.
_NO_BREAK_BEFORE = frozenset("ๆฯ")

RUN_CLASS = "th-words"
NOWRAP_CLASS = "nowrap"


_LONGEST_EXTRA = 4  # tokens of the default segmentation that an extra word may span


@lru_cache(maxsize=8192)
def thai_words_of(run: str) -> tuple[str, ...]:
    """The words of a run of Thai letters, as the line breaking sees them.

    PyThaiNLP's default dictionary (the one search loads too: one copy in memory),
    with the pieces of an extra word put back together.
    """
    tokens = word_tokenize(run, engine="newmm", keep_whitespace=False)
    words: list[str] = []
    index = 0
    while index < len(tokens):
        for span in range(_LONGEST_EXTRA, 1, -1):
            joined = "".join(tokens[index : index + span])
            if index + span <= len(tokens) and joined in EXTRA_WORDS:
                words.append(joined)
                index += span
                break
        else:
            words.append(tokens[index])
            index += 1
    return tuple(words)


def _wrap_run(words: tuple[str, ...]) -> str:
    # One character cluster cannot be split by a browser: leave it as it is.
    if len(words) == 1 and len(tcc_segment(words[0])) <= 1:
        return words[0]
    parts = [words[0]]
    for word in words[1:]:
        parts.append(word if word[0] in _NO_BREAK_BEFORE else "<wbr>" + word)
    return f'<span class="{RUN_CLASS}">{"".join(parts)}</span>'


def _piece(match: re.Match) -> str:
    if match["date"]:
        return f'<span class="{NOWRAP_CLASS}">{match["date"]}</span>'
    if match["run"]:
        return _wrap_run(thai_words_of(match["run"]))
    words = thai_words_of(match["unit"])
    kept = f'<span class="{NOWRAP_CLASS}">{match["number"]}{match["space"]}{words[0]}</span>'
    if len(words) == 1:
        return kept
    rest = words[1:]
    return kept + ("" if rest[0][0] in _NO_BREAK_BEFORE else "<wbr>") + _wrap_run(rest)


@lru_cache(maxsize=20000)
def mark_text(text: str) -> str:
    """HTML text (no tags) with its Thai runs marked for breaking only between words."""
    if not _HAS_THAI.search(text):
        return text
    return _PIECES.sub(_piece, text)


def mark_thai_words(html: str) -> SafeString:
    """Rendered HTML with the text between its tags marked by `mark_text`."""
    if not getattr(settings, "LMS_THAI_LINE_BREAKS", True):
        return mark_safe(html)  # noqa: S308 - already rendered by the template engine
    parts = _HTML.split(html)
    out = []
    # split() with two groups gives: text, whole tag, inner group (or None), text, ...
    for index in range(0, len(parts), 3):
        out.append(mark_text(parts[index]))
        if index + 1 < len(parts):
            out.append(parts[index + 1])
    return mark_safe("".join(out))  # noqa: S308 - only <span> and <wbr> were added to text
