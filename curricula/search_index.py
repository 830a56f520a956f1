"""The search index as one process reads it, kept current by reading only what changed.

Ranking needs, for one language: the indexed words with how many pages hold each
(the vocabulary, also used to read queries), each page's length, kind and track,
and the postings of the words asked for. Counting every posting again after each
publish took seconds at a few thousand pages, and every process paid it on its
first search after any change. Instead:

- `SearchTerm` keeps each word's page count, updated as pages are indexed, and
  stamped with the index generation that last touched it;
- a process keeps an `IndexSnapshot` per language and, when the shared cache
  says the index changed, reads only the words stamped after the generation it
  has seen, and the small table of pages;
- postings of the words searched for stay in the process (up to
  `POSTING_CACHE_SIZE` of them), dropped word by word as those words change.

A process that starts, or finds the shared cache emptied, reads everything once.
"""

from collections import OrderedDict
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db.models import Count

from wagtail.models import Locale

from lms.core.cache_version import CacheVersion

from .models import SearchEntry, SearchIndexState, SearchPosting, SearchTerm
from .search_query import Vocabulary

# Raise when a change to indexing (tokens, counts) makes the stored index stale:
# `migrate` then rebuilds it (curricula.apps).
SEARCH_INDEX_FORMAT = 1

# Replaced whenever the index or the synonym list changes: each process then
# catches up with the database on its next search.
SEARCH_INDEX_VERSION = CacheVersion("curricula-search-index-version")

# Postings kept per process, counted one per page a word is on (some 20 MB at most).
POSTING_CACHE_SIZE = 200_000

# A word in the title counts as this many words of text (the title is in the text too).
TITLE_WEIGHT = 4


# --- Writing -----------------------------------------------------------------------------


def index_generation_next() -> int:
    """The next index generation, holding the state row's lock until the transaction ends.

    Writers of the index wait for each other here, so generations commit in order.
    """
    state = SearchIndexState.objects.select_for_update().filter(pk=1).first()
    if state is None:
        SearchIndexState.objects.get_or_create(pk=1, defaults={"format": SEARCH_INDEX_FORMAT})
        state = SearchIndexState.objects.select_for_update().get(pk=1)
    state.generation += 1
    state.save(update_fields=["generation"])
    return state.generation


def search_terms_count(
    *, locale_id: int, removed: set[str], added: set[str], changed: set[str], generation: int
) -> None:
    """Record that a page lost the words `removed`, gained `added` and holds `changed`
    with other counts. Call inside the transaction that took `generation`."""
    touched = removed | added | changed
    if not touched:
        return
    rows = {
        row.term: row for row in SearchTerm.objects.filter(locale_id=locale_id, term__in=touched)
    }
    new_rows = []
    for term in touched:
        row = rows.get(term)
        if row is None:
            row = SearchTerm(locale_id=locale_id, term=term, pages=0)
            new_rows.append(row)
        row.pages = max(0, row.pages + (term in added) - (term in removed))
        row.generation = generation
    SearchTerm.objects.bulk_update(list(rows.values()), ["pages", "generation"], batch_size=500)
    SearchTerm.objects.bulk_create(new_rows, batch_size=500)


def search_terms_recount(*, generation: int) -> None:
    """Count every word's pages again from the postings (after a rebuild)."""
    counts = {
        (locale_id, term): pages
        for locale_id, term, pages in SearchPosting.objects.values("entry__locale_id", "term")
        .annotate(pages=Count("entry_id"))
        .values_list("entry__locale_id", "term", "pages")
        .iterator(chunk_size=5000)
    }
    differing = []
    for row in SearchTerm.objects.all().iterator(chunk_size=5000):
        pages = counts.pop((row.locale_id, row.term), 0)
        if row.pages != pages:
            row.pages = pages
            row.generation = generation
            differing.append(row)
    SearchTerm.objects.bulk_update(differing, ["pages", "generation"], batch_size=2000)
    SearchTerm.objects.bulk_create(
        (
            SearchTerm(locale_id=locale_id, term=term, pages=pages, generation=generation)
            for (locale_id, term), pages in counts.items()
        ),
        batch_size=2000,
    )


# --- Reading -----------------------------------------------------------------------------


@dataclass
class IndexSnapshot:
    """What one process knows of one language's index, as of `generation`."""

    locale_id: int
    vocabulary: Vocabulary
    generation: int
    version: str
    # page id -> (length, kind, track)
    entries: dict[int, tuple[int, str, str]] = field(default_factory=dict)
    postings: OrderedDict = field(default_factory=OrderedDict)
    cached_postings: int = 0
    _norms: dict[int, float] = field(default_factory=dict)
    _norms_key: tuple = ()
    _saturation: dict[str, dict[int, float]] = field(default_factory=dict)
    _saturation_key: tuple = ()

    def posting_lists(self, terms: set[str]) -> dict[str, dict[int, int]]:
        """Each word's pages with its weighted count (text + TITLE_WEIGHT x title);
        words not kept yet are read in one query."""
        missing = [term for term in terms if term not in self.postings]
        if missing:
            fetched: dict[str, dict[int, int]] = {term: {} for term in missing}
            entries = self.entries
            # Pages of this language are picked here: joining the pages in the
            # query would double its time.
            for term, entry_id, title_count, body_count in SearchPosting.objects.filter(
                term__in=missing
            ).values_list("term", "entry_id", "title_count", "body_count"):
                if entry_id in entries:
                    fetched[term][entry_id] = body_count + TITLE_WEIGHT * title_count
            for term, pages in fetched.items():
                self.postings[term] = pages
                self.cached_postings += len(pages) + 1
        found = {}
        for term in terms:
            self.postings.move_to_end(term)
            found[term] = self.postings[term]
        while self.cached_postings > POSTING_CACHE_SIZE and len(self.postings) > len(terms):
            term, pages = self.postings.popitem(last=False)
            self._saturation.pop(term, None)
            self.cached_postings -= len(pages) + 1
        return found

    def saturations(self, terms: set[str], k1: float, b: float) -> dict[str, dict[int, float]]:
        """For each word, its pages with BM25's saturated count tf / (tf + length norm):
        the part of a page's score that does not depend on the query."""
        postings = self.posting_lists(terms)
        norms = self.length_norms(k1, b)
        if self._saturation_key != self._norms_key:
            self._saturation = {}
            self._saturation_key = self._norms_key
        # A page indexed since this process last read the list of pages counts as
        # one of average length until the next read.
        average_norm = k1
        found = {}
        for term in terms:
            saturated = self._saturation.get(term)
            if saturated is None:
                saturated = {
                    entry_id: tf / (tf + norms.get(entry_id, average_norm))
                    for entry_id, tf in postings[term].items()
                    if tf
                }
                self._saturation[term] = saturated
            found[term] = saturated
        return found

    def length_norms(self, k1: float, b: float) -> dict[int, float]:
        """BM25's length normalisation of each page, k1 * (1 - b + b * length / average)."""
        key = (k1, b, self.generation, len(self.entries))
        if self._norms_key != key:
            average = self.vocabulary.average_length
            self._norms = {
                page_id: k1 * (1 - b + b * length / average)
                for page_id, (length, _kind, _track) in self.entries.items()
            }
            self._norms_key = key
        return self._norms

    def forget_postings(self, terms) -> None:
        for term in terms:
            self._saturation.pop(term, None)
            pages = self.postings.pop(term, None)
            if pages is not None:
                self.cached_postings -= len(pages) + 1


_snapshots: dict[int, IndexSnapshot] = {}


def _entries_of(locale_id: int) -> dict[int, tuple[int, str, str]]:
    return {
        page_id: (length, kind, track)
        for page_id, length, kind, track in SearchEntry.objects.filter(
            locale_id=locale_id
        ).values_list("page_id", "length", "kind", "track")
    }


def _current_generation() -> int:
    return SearchIndexState.objects.filter(pk=1).values_list("generation", flat=True).first() or 0


def _statistics(entries: dict) -> tuple[int, float]:
    pages = len(entries)
    average = sum(length for length, _kind, _track in entries.values()) / pages if pages else 1.0
    return pages, average


def _load(locale_id: int, version: str) -> IndexSnapshot:
    generation = _current_generation()
    frequencies = dict(
        SearchTerm.objects.filter(locale_id=locale_id, pages__gt=0).values_list("term", "pages")
    )
    entries = _entries_of(locale_id)
    pages, average = _statistics(entries)
    return IndexSnapshot(
        locale_id=locale_id,
        vocabulary=Vocabulary(frequencies, pages, average),
        generation=generation,
        version=version,
        entries=entries,
    )


def _catch_up(snapshot: IndexSnapshot, version: str) -> IndexSnapshot:
    """Apply the changes made since the snapshot's generation."""
    generation = _current_generation()
    if generation < snapshot.generation:
        # The database went back (a restore): start again.
        return _load(snapshot.locale_id, version)
    if generation > snapshot.generation:
        changes = dict(
            SearchTerm.objects.filter(
                locale_id=snapshot.locale_id, generation__gt=snapshot.generation
            ).values_list("term", "pages")
        )
        snapshot.entries = _entries_of(snapshot.locale_id)
        snapshot._norms_key = ()
        pages, average = _statistics(snapshot.entries)
        snapshot.vocabulary.apply(changes, pages=pages, average_length=average)
        snapshot.forget_postings(changes)
        snapshot.generation = generation
    snapshot.version = version
    return snapshot


def snapshot_for(locale: Locale) -> IndexSnapshot:
    """This process's view of the index of `locale`, brought up to date."""
    found = cache.get(SEARCH_INDEX_VERSION.key)
    snapshot = _snapshots.get(locale.pk)
    if found is None or snapshot is None:
        # A new process, or the shared cache was emptied: what this process
        # saw before cannot be trusted to be a state the database went through.
        version = SEARCH_INDEX_VERSION.current()
        snapshot = _load(locale.pk, version)
    elif snapshot.version != found:
        snapshot = _catch_up(snapshot, found)
    _snapshots[locale.pk] = snapshot
    return snapshot


def forget_snapshots() -> None:
    _snapshots.clear()


def search_index_outdated() -> bool:
    """Whether the stored index was built by indexing code of another format.

    No state row means an empty database (migrations make the row; a flush between
    tests removes it): nothing to rebuild, and the row comes with the first change.
    """
    state = SearchIndexState.objects.filter(pk=1).first()
    return state is not None and state.format != SEARCH_INDEX_FORMAT


def search_index_format_record() -> None:
    """Note that the index now holds what the current indexing code writes."""
    SearchIndexState.objects.filter(pk=1).update(format=SEARCH_INDEX_FORMAT)
