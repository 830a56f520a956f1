"""Search over courses, lessons and activity plans that works for Thai.

Thai runs words together ("การขายสินค้าออนไลน์"), so a plain substring or a
whitespace tokenizer either finds too much or nothing. Published text is split
into words with PyThaiNLP (lms.core.text.index_tokens: its dictionary segmenter
plus the other dictionary words a reader may see where the segmentation is
ambiguous, e.g. both ช่อง|ทางการ and ช่องทาง in "ช่องทางการขาย") and stored
space-separated in SearchEntry; a query is segmented the same way and every
query word must be a stored word. So "ออนไลน์" finds "การขายสินค้าออนไลน์",
"ขายออนไลน์" finds it too, while "ตา" does not match inside "ตาก". The last query
word also matches as a prefix, for people still typing. English goes through the
same path (split on spaces).
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Case, IntegerField, Value, When
from django.utils.html import strip_tags

from wagtail.models import Locale, Page

from lms.core.text import index_tokens, tokenize

from .models import ActivityPage, CoursePage, LessonPage, SearchEntry

MAX_QUERY_TOKENS = 8
MAX_QUERY_LENGTH = 200


def _stream_strings(value) -> Iterable[str]:
    """Every piece of text an author typed into a StreamField value (raw JSON)."""
    if isinstance(value, str):
        yield strip_tags(value)
    elif isinstance(value, dict):
        for key, item in value.items():
            if key in ("type", "id") and isinstance(item, str) and len(item) < 40:
                continue
            yield from _stream_strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _stream_strings(item)


def _page_text(page: Page) -> tuple[str, str]:
    """(title, full text) of a specific page."""
    parts = [page.title, getattr(page, "summary", "")]
    if isinstance(page, CoursePage):
        parts += [strip_tags(page.description), page.learning_outcomes]
        parts += [tag.name for tag in page.tags.all()]
    elif isinstance(page, LessonPage):
        parts += list(_stream_strings(list(page.body.raw_data)))
    elif isinstance(page, ActivityPage):
        parts += [page.materials, page.learning_goals, page.safety_notes, page.parent_tips]
        parts += list(_stream_strings(list(page.steps.raw_data)))
        parts += [tag.name for tag in page.tags.all()]
    return page.title, "\n".join(p for p in parts if p)


def _joined(words: list[str]) -> str:
    return f" {' '.join(words)} "


def _track_of(page: Page) -> str:
    from .models import TrackPage

    track = TrackPage.objects.ancestor_of(page).first()
    return track.track if track else ""


KINDS = {
    CoursePage: SearchEntry.Kind.COURSE,
    LessonPage: SearchEntry.Kind.LESSON,
    ActivityPage: SearchEntry.Kind.ACTIVITY,
}


def search_entry_update(*, page: Page) -> SearchEntry | None:
    """Index a live course, lesson or activity plan; drop the entry of anything else."""
    page = page.specific
    kind = KINDS.get(type(page))
    if kind is None:
        return None
    if not page.live:
        SearchEntry.objects.filter(page_id=page.pk).delete()
        return None
    title, text = _page_text(page)
    entry, _created = SearchEntry.objects.update_or_create(
        page_id=page.pk,
        defaults={
            "locale_id": page.locale_id,
            "kind": kind,
            "track": _track_of(page),
            "title_tokens": _joined(index_tokens(title)),
            "tokens": _joined(index_tokens(text)),
        },
    )
    return entry


def search_entry_remove(*, page_id: int) -> None:
    SearchEntry.objects.filter(page_id=page_id).delete()


def search_index_rebuild() -> int:
    """Re-index every live course, lesson and activity plan. Returns the number indexed."""
    SearchEntry.objects.all().delete()
    count = 0
    for model in KINDS:
        for page in model.objects.live():
            search_entry_update(page=page)
            count += 1
    return count


@dataclass
class SearchHit:
    page: Page
    kind: str
    track: str
    score: int


def query_tokens(query: str) -> list[str]:
    return tokenize((query or "")[:MAX_QUERY_LENGTH])[:MAX_QUERY_TOKENS]


def search_pages(
    *,
    query: str,
    locale: Locale,
    kind: str | None = None,
    track: str | None = None,
    limit: int = 50,
) -> list[SearchHit]:
    """Live pages in `locale` containing every word of `query`, best matches first.

    A word in the title counts more than one in the text; courses come before
    lessons of the same score.
    """
    words = query_tokens(query)
    if not words:
        return []
    entries = SearchEntry.objects.filter(locale=locale)
    if kind:
        entries = entries.filter(kind=kind)
    if track:
        entries = entries.filter(track=track)
    score_parts = []
    for index, word in enumerate(words):
        last = index == len(words) - 1
        # The last word may be unfinished: match it as the start of a word.
        needle = f" {word}" if last else f" {word} "
        entries = entries.filter(tokens__contains=needle)
        score_parts.append(
            Case(When(title_tokens__contains=needle, then=Value(10)), default=Value(1))
        )
    kind_bonus = Case(
        When(kind=SearchEntry.Kind.COURSE, then=Value(3)),
        When(kind=SearchEntry.Kind.ACTIVITY, then=Value(2)),
        default=Value(0),
        output_field=IntegerField(),
    )
    score = score_parts[0]
    for part in score_parts[1:]:
        score = score + part
    rows = list(
        entries.annotate(score=score + kind_bonus)
        .order_by("-score", "page__title")
        .values("page_id", "kind", "track", "score")[:limit]
    )
    found = Page.objects.filter(pk__in=[row["page_id"] for row in rows]).live().specific()
    pages = {page.pk: page for page in found}
    return [
        SearchHit(
            page=pages[row["page_id"]], kind=row["kind"], track=row["track"], score=row["score"]
        )
        for row in rows
        if row["page_id"] in pages
    ]
