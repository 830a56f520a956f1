"""Search over courses, lessons and activity plans that ranks, for Thai.

Thai runs words together ("การขายสินค้าออนไลน์"), so published text is split
into words with PyThaiNLP (lms.core.text.index_tokens: its dictionary segmenter
plus the other dictionary words a reader may see where the segmentation is
ambiguous) and stored as one SearchPosting per word, with how often it occurs in
the title and the text. A query is read against those indexed words
(curricula.search_query): spelling variants, typos, Thai digits, loanwords and
the synonyms admins keep all lead to indexed words. Pages are ranked by BM25
over the matching words, a title word counting several times a body word; pages
far below the best match are left out, so a result list stays short and
relevant. Nothing here depends on the database's text search, so SQLite and
PostgreSQL rank the same way. Each process ranks from what it keeps of the index
(curricula.search_index), catching up with changes as they are made.
"""

import heapq
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property

from django.db import transaction
from django.utils.html import strip_tags
from django.utils.safestring import SafeString

from wagtail.models import Locale, Page

from lms.core.text import index_tokens, tokenize
from lms.core.thai_match import fold

from .models import (
    ActivityPage,
    CoursePage,
    LessonPage,
    SearchEntry,
    SearchPosting,
    SearchSynonym,
    SearchTerm,
)
from .search_index import (
    SEARCH_INDEX_VERSION,
    IndexSnapshot,
    index_generation_next,
    search_index_format_record,
    search_terms_count,
    search_terms_recount,
    snapshot_for,
)
from .search_query import (
    Concept,
    Vocabulary,
    did_you_mean,
    english_stem,
    query_concepts,
)
from .search_snippets import highlight

MAX_TERM_LENGTH = 100
BM25_K1 = 1.2
BM25_B = 0.75
# Pages scoring below this share of the best page are not what was asked for.
RELATIVE_CUTOFF = 0.5
COVERAGE_POWER = 2
# What a little word (อยาก, ยังไง, ที่) counts for next to the words that carry meaning.
STOP_WEIGHT = 0.3
# A page holding the words exactly as typed together, among this many leading ones.
PHRASE_BONUS = 1.5
PHRASE_CANDIDATES = 40
KIND_BONUS = {"course": 1.1, "activity": 1.05, "lesson": 1.0}

__all__ = ["SEARCH_INDEX_VERSION", "search_entry_update", "search_pages"]


def _stream_strings(value) -> Iterable[str]:
    """Every piece of text an author typed into a StreamField value (raw JSON)."""
    if isinstance(value, str):
        yield strip_tags(value)
    elif isinstance(value, dict):
        for key, item in value.items():
            # Block types, ids, heading levels and callout kinds are not text.
            if key in ("type", "id", "level", "kind") and isinstance(item, str) and len(item) < 40:
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


def _clean_text(text: str) -> str:
    """The page text as stored for snippets: NFC, ํา repaired, one space between words."""
    text = unicodedata.normalize("NFC", text).replace("\u0e4d\u0e32", "\u0e33")
    return re.sub(r"[\s\u200b\ufeff]+", " ", text).strip()


def _term_counts(text: str) -> Counter:
    """How often each index word occurs in `text`."""
    folded = fold(text)
    counts = Counter(token for token in tokenize(folded) if len(token) <= MAX_TERM_LENGTH)
    for word in index_tokens(folded):
        if word not in counts and len(word) <= MAX_TERM_LENGTH:
            counts[word] = max(1, folded.count(word))
    for token, count in list(counts.items()):
        if token.isascii() and token.isalpha():
            stem = english_stem(token)
            if stem != token:
                counts[stem] += count
    return counts


def search_entry_update(*, page: Page) -> SearchEntry | None:
    """Index a live course, lesson or activity plan; drop the entry of anything else."""
    page = page.specific
    kind = KINDS.get(type(page))
    if kind is None:
        return None
    if not page.live:
        search_entry_remove(page_id=page.pk)
        return None
    title, text = _page_text(page)
    title_counts = _term_counts(title)
    body_counts = _term_counts(text)
    with transaction.atomic():
        generation = index_generation_next()
        before = SearchEntry.objects.filter(page_id=page.pk).values_list("locale_id", flat=True)
        old_locale = before.first()
        old_terms = set(
            SearchPosting.objects.filter(entry_id=page.pk).values_list("term", flat=True)
        )
        entry, _created = SearchEntry.objects.update_or_create(
            page_id=page.pk,
            defaults={
                "locale_id": page.locale_id,
                "kind": kind,
                "track": _track_of(page),
                "title_tokens": _joined(list(title_counts)),
                "tokens": _joined(list(body_counts)),
                # Snippets come from the text below the title, which is shown anyway.
                "text": _clean_text(text.split("\n", 1)[1] if "\n" in text else text),
                "length": len(tokenize(text)),
            },
        )
        entry.postings.all().delete()
        SearchPosting.objects.bulk_create(
            SearchPosting(
                entry=entry,
                term=term,
                title_count=min(title_counts.get(term, 0), 32767),
                body_count=min(count, 32767),
            )
            for term, count in body_counts.items()
        )
        new_terms = set(body_counts)
        if old_locale is not None and old_locale != page.locale_id:
            search_terms_count(
                locale_id=old_locale,
                removed=old_terms,
                added=set(),
                changed=set(),
                generation=generation,
            )
            old_terms = set()
        # Words the page keeps are touched too: their counts on this page may differ.
        search_terms_count(
            locale_id=page.locale_id,
            removed=old_terms - new_terms,
            added=new_terms - old_terms,
            changed=old_terms & new_terms,
            generation=generation,
        )
        SEARCH_INDEX_VERSION.changed()
    return entry


def search_entry_remove(*, page_id: int) -> None:
    with transaction.atomic():
        locale_id = (
            SearchEntry.objects.filter(page_id=page_id).values_list("locale_id", flat=True).first()
        )
        if locale_id is None:
            return
        generation = index_generation_next()
        terms = set(SearchPosting.objects.filter(entry_id=page_id).values_list("term", flat=True))
        SearchEntry.objects.filter(page_id=page_id).delete()
        search_terms_count(
            locale_id=locale_id, removed=terms, added=set(), changed=set(), generation=generation
        )
        SEARCH_INDEX_VERSION.changed()


def search_index_rebuild() -> int:
    """Re-index every live course, lesson and activity plan. Returns the number indexed."""
    with transaction.atomic():
        generation = index_generation_next()
        SearchEntry.objects.all().delete()
        SearchTerm.objects.update(pages=0, generation=generation)
    count = 0
    for model in KINDS:
        for page in model.objects.live():
            search_entry_update(page=page)
            count += 1
    with transaction.atomic():
        # Exact counts, whatever deletions went past search_entry_remove before.
        search_terms_recount(generation=index_generation_next())
        search_index_format_record()
        SEARCH_INDEX_VERSION.changed()
    return count


# --- Reading the index -----------------------------------------------------------------

_synonyms: dict[str, tuple[str, dict[str, frozenset[str]]]] = {}


def vocabulary_for(locale: Locale) -> Vocabulary:
    """The indexed words of one language, as this process holds them (up to date)."""
    return snapshot_for(locale).vocabulary


def synonym_groups() -> dict[str, frozenset[str]]:
    """Each word of the admins' synonym list mapped to the other words of its group."""
    version = SEARCH_INDEX_VERSION.current()
    cached = _synonyms.get("all")
    if cached and cached[0] == version:
        return cached[1]
    groups: dict[str, set[str]] = {}
    for synonym in SearchSynonym.objects.all():
        words = {fold(word) for word in synonym.word_list()}
        for word in words:
            groups.setdefault(word, set()).update(words - {word})
    result = {word: frozenset(others) for word, others in groups.items()}
    _synonyms["all"] = (version, result)
    return result


@dataclass
class SearchHit:
    page: Page
    kind: str
    track: str
    score: float
    matched: set[str] = field(default_factory=set)
    text: str = ""  # the page's plain text, as indexed

    @cached_property
    def snippet(self) -> SafeString:
        """A passage of the page around its best match, the matched words marked."""
        return highlight(self.text, self.matched)


def _idf(pages: int, frequency: int) -> float:
    return math.log(1 + (pages - frequency + 0.5) / (frequency + 0.5))


def search_pages(
    *,
    query: str,
    locale: Locale,
    kind: str | None = None,
    track: str | None = None,
    limit: int = 50,
) -> list[SearchHit]:
    """Live pages in `locale` that match `query`, best matches first.

    Each query word (with its variants, loanword forms and synonyms) adds its
    BM25 score; a word in the title counts more than one in the text; courses
    come a little before lessons of the same score.
    """
    if not (query or "").strip():
        return []
    snapshot = snapshot_for(locale)
    concepts, phrases = query_concepts(
        query, vocabulary=snapshot.vocabulary, synonyms=synonym_groups()
    )
    # When most of what was typed matches nothing, a few stray syllables that do
    # match are not an answer: better to say so and suggest a spelling.
    unmatched = sum(len(concept.text) for concept in concepts if not concept.terms)
    if unmatched * 2 > sum(len(concept.text) for concept in concepts):
        return []
    return _rank(concepts, snapshot, phrases, kind=kind, track=track, limit=limit)


def _rank(
    concepts: list[Concept],
    snapshot: IndexSnapshot,
    phrases: list[str],
    *,
    kind: str | None,
    track: str | None,
    limit: int,
) -> list[SearchHit]:
    terms = {term for concept in concepts for term in concept.terms}
    if not terms:
        return []
    vocabulary = snapshot.vocabulary
    saturations = snapshot.saturations(terms, BM25_K1, BM25_B)
    entries = snapshot.entries
    allowed = None
    if kind or track:
        allowed = {
            entry_id
            for entry_id, (_length, entry_kind, entry_track) in entries.items()
            if (not kind or entry_kind == kind) and (not track or entry_track == track)
        }
    # A word and its variants, loanword forms and synonyms are one thing asked for:
    # they share the rarity of the commonest of them, so that a rare spelling
    # does not outrank the word most pages use.
    concept_idf = [
        _idf(
            vocabulary.pages,
            max((vocabulary.frequencies.get(term, 1) for term in concept.terms), default=1),
        )
        for concept in concepts
    ]
    # How much each query word matters: its rarest indexed form. Words the index
    # lacks entirely ("อยาก") do not count against a page.
    importance = [
        idf * (STOP_WEIGHT if concept.stop else 1.0)
        for concept, idf in zip(concepts, concept_idf, strict=True)
    ]
    total_importance = sum(importance) or 1.0
    scores: dict[int, float] = {}
    covered: dict[int, float] = {}
    for concept, weight_of_concept, idf in zip(concepts, importance, concept_idf, strict=True):
        # Each page's best BM25 among the words that stand for this concept, the
        # likeliest best first.
        best: dict[int, float] = {}
        for term, weight in sorted(concept.terms.items(), key=lambda item: -item[1]):
            saturated = saturations[term]
            factor = weight * idf * (BM25_K1 + 1)
            if factor <= 0:
                continue  # only with counts gone stale: no page gains from the word
            if not best:
                best = {entry_id: factor * value for entry_id, value in saturated.items()}
                continue
            for entry_id in saturated.keys() - best.keys():
                best[entry_id] = factor * saturated[entry_id]
            for entry_id in saturated.keys() & best.keys():
                value = factor * saturated[entry_id]
                if value > best[entry_id]:
                    best[entry_id] = value
        stop = STOP_WEIGHT if concept.stop else 1.0
        if allowed is not None:
            best = {entry_id: value for entry_id, value in best.items() if entry_id in allowed}
        for entry_id, value in best.items():
            scores[entry_id] = scores.get(entry_id, 0.0) + value * stop
            covered[entry_id] = covered.get(entry_id, 0.0) + weight_of_concept
    if not scores:
        return []
    scored = []
    for entry_id, score in scores.items():
        # A page with every word asked for beats one with only the common ones.
        score *= (covered[entry_id] / total_importance) ** COVERAGE_POWER
        entry_kind = entries.get(entry_id, (0, "", ""))[1]
        scored.append((-score * KIND_BONUS.get(entry_kind, 1.0), entry_id))
    # Only the leading pages can be shown: the phrase bonus raises some of the first
    # PHRASE_CANDIDATES, so no page further down can reach the first `limit`.
    leading = [
        (-negative, entry_id)
        for negative, entry_id in heapq.nsmallest(max(limit, PHRASE_CANDIDATES), scored)
    ]
    # The leading pages' kinds, tracks and texts (for the phrase bonus and snippets).
    indexed = {
        page_id: (kind, track, text)
        for page_id, kind, track, text in SearchEntry.objects.filter(
            page_id__in=[entry_id for _score, entry_id in leading]
        ).values_list("page_id", "kind", "track", "text")
    }
    if phrases:
        leading = _phrase_bonus(leading, phrases, indexed)
    top = leading[0][0]
    kept = [(score, entry_id) for score, entry_id in leading if score >= RELATIVE_CUTOFF * top]
    kept = kept[:limit]
    ids = [entry_id for _score, entry_id in kept]
    # A result shows a page's title, summary and address, never its lesson body or steps.
    # (Wagtail's specific() reads each page type apart and drops a select_related.)
    pages = {
        page.pk: page
        for page in Page.objects.filter(pk__in=ids).live().defer_streamfields().specific()
    }
    return [
        SearchHit(
            page=pages[entry_id],
            kind=indexed[entry_id][0],
            track=indexed[entry_id][1],
            text=indexed[entry_id][2],
            score=round(score, 3),
            # Every asked-for word on the page, to be marked in its snippet.
            matched={term for term in terms if entry_id in saturations[term]},
        )
        for score, entry_id in kept
        if entry_id in pages and entry_id in indexed
    ]


def _phrase_bonus(scored: list, phrases: list[str], indexed: dict) -> list:
    """Raise the leading pages that contain a typed run of words as it was typed
    (ฝาขวด, not ฝา here and ขวด there)."""
    with_phrase = {
        entry_id
        for _score, entry_id in scored[:PHRASE_CANDIDATES]
        if entry_id in indexed and any(phrase in indexed[entry_id][2] for phrase in phrases)
    }
    if not with_phrase:
        return scored
    boosted = [
        (score * PHRASE_BONUS if entry_id in with_phrase else score, entry_id)
        for score, entry_id in scored
    ]
    boosted.sort(key=lambda item: (-item[0], item[1]))
    return boosted


def search_suggestion(*, query: str, locale: Locale) -> str:
    """A nearby query that would find something ("did you mean"), or ""."""
    if not (query or "").strip():
        return ""
    vocabulary = vocabulary_for(locale)
    suggestion = did_you_mean(query, vocabulary=vocabulary, synonyms=synonym_groups())
    if (
        suggestion
        and fold(suggestion) != fold(query)
        and search_pages(query=suggestion, locale=locale, limit=1)
    ):
        return suggestion
    return ""
