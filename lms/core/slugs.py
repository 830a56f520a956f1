"""Page slugs made from Thai titles: readable ASCII by the Royal Thai General System.

Wagtail's own slug helpers (in the browser and in `Page.full_clean`) keep no Thai letter,
so "บทที่ 1 จัดแสงและมุมกล้อง" became `-1`. Here the title is romanised word by word
(`lms.core.rtgs`), so the same title becomes `bot-thi-1-chat-saeng-lae-mum-klong`, a
slug a trainer can read and a learner can paste into a chat.
"""

import re
from typing import TYPE_CHECKING

from anyascii import anyascii

from lms.core.rtgs import romanise_words

if TYPE_CHECKING:
    from wagtail.models import Page

# Long enough for a few words of a title, short enough to read in an address bar.
MAX_LENGTH = 60
# Used when a title has nothing that can be written in ASCII (e.g. only "ๆ").
FALLBACK = "page"

_NOT_ALNUM = re.compile(r"[^a-z0-9]+")
_GOOD = re.compile(r"^(?=[a-z0-9-]*[a-z])[a-z0-9]+(?:-[a-z0-9]+)*$")


def _shorten(slug: str, max_length: int) -> str:
    if len(slug) <= max_length:
        return slug
    cut = slug[:max_length]
    # Prefer ending at a word boundary when that keeps most of the length.
    if slug[max_length] != "-" and "-" in cut and cut.rfind("-") > max_length // 2:
        cut = cut[: cut.rfind("-")]
    return cut.strip("-")


def slug_from_text(text: str, *, max_length: int = MAX_LENGTH) -> str:
    """A readable ASCII slug for any text; "" when nothing in it can be written in ASCII.

    "บทที่ 1 จัดแสงและมุมกล้อง" → "bot-thi-1-chat-saeng-lae-mum-klong"; ASCII words and
    digits are kept as they are (lower-cased), Thai digits become Arabic ones, ๆ repeats
    the word before it ("ง่าย ๆ" → "ngai-ngai").
    """
    ascii_text = anyascii(" ".join(romanise_words(text))).lower()
    slug = _NOT_ALNUM.sub("-", ascii_text).strip("-")
    return _shorten(slug, max_length)


def slug_is_good(slug: str) -> bool:
    """Lower-case ASCII words joined by single dashes, with at least one letter.

    Refuses what Wagtail's Thai-dropping slugify left behind: "", "-", "-1", "-h1", "12".
    """
    return bool(_GOOD.match(slug or ""))


def slug_clean_typed(slug: str) -> str:
    """A slug someone typed (or a program gave), made good; "" when it is junk.

    A good slug is kept exactly. Thai or capitals are romanised and lower-cased
    ("แนะนำ" → "naenam"). What Wagtail's Thai-dropping slugify leaves behind ("-",
    "-1", "-h1", "12", "h1-") is junk: the title has to be used instead.
    """
    slug = (slug or "").strip()
    if slug_is_good(slug):
        return slug
    if not slug or slug.startswith("-") or slug.endswith("-"):
        return ""
    cleaned = slug_from_text(slug)
    return cleaned if slug_is_good(cleaned) else ""


def slug_for_page(*, title: str, parent: "Page | None", page: "Page | None" = None) -> str:
    """The slug made from a page's title, unique among its siblings under `parent`.

    Never empty, never a bare number: a title with nothing to romanise gives "page"; a
    clash with a sibling adds -2, -3...
    """
    base = slug_from_text(title)
    if not slug_is_good(base):
        base = f"{FALLBACK}-{base}" if base else FALLBACK
    return slug_unique_among_siblings(base=base, parent=parent, page=page)


def slug_unique_among_siblings(
    *, base: str, parent: "Page | None", page: "Page | None" = None
) -> str:
    """`base`, or `base-2`, `base-3`... whichever no sibling of `page` under `parent` uses."""
    if parent is None:
        return base
    # Every candidate starts with this prefix, even when the base is cut to fit a suffix.
    siblings = parent.get_children().filter(slug__startswith=base[: MAX_LENGTH // 4])
    if page is not None and page.pk:
        siblings = siblings.exclude(pk=page.pk)
    taken = set(siblings.values_list("slug", flat=True))
    candidate, suffix = base, 1
    while candidate in taken:
        suffix += 1
        ending = f"-{suffix}"
        candidate = _shorten(base, MAX_LENGTH - len(ending)) + ending
    return candidate
