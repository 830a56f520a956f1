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
PostgreSQL rank the same way.
"""

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property

from django.db import transaction
from django.db.models import Avg, Count, Q
from django.utils.html import format_html, format_html_join, strip_tags
from django.utils.safestring import SafeString

from wagtail.models import Locale, Page

from lms.core.cache_version import CacheVersion
from lms.core.text import index_tokens, segment_thai, tokenize
from lms.core.thai_match import fold

from .models import ActivityPage, CoursePage, LessonPage, SearchEntry, SearchPosting, SearchSynonym
from .search_query import (
    Concept,
    Vocabulary,
    did_you_mean,
    english_stem,
    query_concepts,
)

MAX_TERM_LENGTH = 100
# A word in the title counts as this many words of text (the title is in the text too).
TITLE_WEIGHT = 4
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
SNIPPET_LENGTH = 180

# Replaced whenever the index or the synonym list changes: vocabularies cached
# in each process are rebuilt on their next query.
SEARCH_INDEX_VERSION = CacheVersion("curricula-search-index-version")


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
        SEARCH_INDEX_VERSION.changed()
    return entry


def search_entry_remove(*, page_id: int) -> None:
    SearchEntry.objects.filter(page_id=page_id).delete()
    SEARCH_INDEX_VERSION.changed()


def search_index_rebuild() -> int:
    """Re-index every live course, lesson and activity plan. Returns the number indexed."""
    SearchEntry.objects.all().delete()
    count = 0
    for model in KINDS:
        for page in model.objects.live():
            search_entry_update(page=page)
            count += 1
    SEARCH_INDEX_VERSION.changed()
    return count


# --- Reading the index -----------------------------------------------------------------

_vocabularies: dict[int, tuple[str, Vocabulary]] = {}
_synonyms: dict[str, tuple[str, dict[str, frozenset[str]]]] = {}


def vocabulary_for(locale: Locale) -> Vocabulary:
    """The indexed words of one language, cached in this process until the index changes."""
    version = SEARCH_INDEX_VERSION.current()
    cached = _vocabularies.get(locale.pk)
    if cached and cached[0] == version:
        return cached[1]
    frequencies = dict(
        SearchPosting.objects.filter(entry__locale=locale)
        .values_list("term")
        .annotate(pages=Count("entry_id"))
        .values_list("term", "pages")
    )
    stats = SearchEntry.objects.filter(locale=locale).aggregate(
        pages=Count("page_id"), average=Avg("length")
    )
    vocabulary = Vocabulary(frequencies, stats["pages"] or 0, float(stats["average"] or 1.0))
    _vocabularies[locale.pk] = (version, vocabulary)
    return vocabulary


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

    @cached_property
    def snippet(self) -> SafeString:
        """A passage of the page around its best match, the matched words marked."""
        entry = getattr(self.page, "search_entry", None)
        return highlight(entry.text if entry else "", self.matched)


def _bm25(tf: float, length: int, idf: float, average_length: float) -> float:
    norm = BM25_K1 * (1 - BM25_B + BM25_B * length / average_length)
    return idf * tf * (BM25_K1 + 1) / (tf + norm)


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
    vocabulary = vocabulary_for(locale)
    concepts, phrases = query_concepts(query, vocabulary=vocabulary, synonyms=synonym_groups())
    # When most of what was typed matches nothing, a few stray syllables that do
    # match are not an answer: better to say so and suggest a spelling.
    unmatched = sum(len(concept.text) for concept in concepts if not concept.terms)
    if unmatched * 2 > sum(len(concept.text) for concept in concepts):
        return []
    return _rank(concepts, vocabulary, phrases, locale=locale, kind=kind, track=track, limit=limit)


def _rank(
    concepts: list[Concept],
    vocabulary: Vocabulary,
    phrases: list[str],
    *,
    locale: Locale,
    kind: str | None,
    track: str | None,
    limit: int,
) -> list[SearchHit]:
    terms = {term for concept in concepts for term in concept.terms}
    if not terms:
        return []
    postings = SearchPosting.objects.filter(term__in=terms, entry__locale=locale)
    if kind:
        postings = postings.filter(entry__kind=kind)
    if track:
        postings = postings.filter(entry__track=track)
    by_entry: dict[int, dict[str, float]] = {}
    lengths: dict[int, int] = {}
    kinds: dict[int, tuple[str, str]] = {}
    for (
        entry_id,
        term,
        title_count,
        body_count,
        length,
        entry_kind,
        entry_track,
    ) in postings.values_list(
        "entry_id",
        "term",
        "title_count",
        "body_count",
        "entry__length",
        "entry__kind",
        "entry__track",
    ):
        by_entry.setdefault(entry_id, {})[term] = body_count + TITLE_WEIGHT * title_count
        lengths[entry_id] = length
        kinds[entry_id] = (entry_kind, entry_track)
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
    scored = []
    for entry_id, counts in by_entry.items():
        score = 0.0
        covered = 0.0
        matched = set()
        for concept, weight_of_concept, idf in zip(concepts, importance, concept_idf, strict=True):
            best = 0.0
            best_term = None
            for term, weight in concept.terms.items():
                tf = counts.get(term)
                if tf:
                    value = weight * _bm25(tf, lengths[entry_id], idf, vocabulary.average_length)
                    if value > best:
                        best, best_term = value, term
            if best_term:
                score += best * (STOP_WEIGHT if concept.stop else 1.0)
                covered += weight_of_concept
                matched.add(best_term)
                matched.update(term for term in concept.terms if term in counts)
        # A page with every word asked for beats one with only the common ones.
        score *= (covered / total_importance) ** COVERAGE_POWER
        score *= KIND_BONUS.get(kinds[entry_id][0], 1.0)
        scored.append((score, entry_id, matched))
    if not scored:
        return []
    scored.sort(key=lambda item: (-item[0], item[1]))
    if phrases:
        scored = _phrase_bonus(scored, phrases)
    top = scored[0][0]
    kept = [item for item in scored if item[0] >= RELATIVE_CUTOFF * top][:limit]
    found = (
        Page.objects.filter(pk__in=[entry_id for _score, entry_id, _matched in kept])
        .live()
        .select_related("search_entry")
        .specific()
    )
    pages = {page.pk: page for page in found}
    return [
        SearchHit(
            page=pages[entry_id],
            kind=kinds[entry_id][0],
            track=kinds[entry_id][1],
            score=round(score, 3),
            matched=matched,
        )
        for score, entry_id, matched in kept
        if entry_id in pages
    ]


def _phrase_bonus(scored: list, phrases: list[str]) -> list:
    """Raise the leading pages that contain a typed run of words as it was typed
    (ฝาขวด, not ฝา here and ขวด there): one query over the best candidates."""
    leading = [entry_id for _score, entry_id, _matched in scored[:PHRASE_CANDIDATES]]
    condition = Q()
    for phrase in phrases:
        condition |= Q(text__contains=phrase)
    with_phrase = set(
        SearchEntry.objects.filter(condition, page_id__in=leading).values_list("page_id", flat=True)
    )
    if not with_phrase:
        return scored
    boosted = [
        (score * PHRASE_BONUS if entry_id in with_phrase else score, entry_id, matched)
        for score, entry_id, matched in scored
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


# --- Snippets --------------------------------------------------------------------------

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
