"""Search speed with many published pages: `python -m bench.search --pages 5000`.

Adds published pages (text recombined from the demo lessons plus dictionary
words, so the vocabulary grows as real content would) until the Thai index
holds `--pages` pages, then times search_pages for every query of the villagers' set
and some extra everyday queries, several rounds, and prints p50/p95/max, with the
time a new process takes to read the word list and the time a process takes to
catch up after a publish. A baseline (one page loaded by id) is timed between the
searches; the command fails (status 1) when search p95 is over TARGET_RATIO times
the baseline's p95.

Run it against a throwaway PostgreSQL database that has the demo content
(`manage.py seed_demo --force`): it adds pages and does not remove them.
"""

import argparse
import random
import statistics
import sys
import time

import django


def _texts() -> list[str]:
    from curricula.models import LessonPage
    from curricula.search import _page_text

    return [
        _page_text(page)[1] for page in LessonPage.objects.live().filter(locale__language_code="th")
    ]


def add_pages(target: int, seed: int = 7) -> int:
    """Add published pages until the Thai index holds `target`; return how many were added.

    Creating thousands of lessons through Wagtail takes about a second each on a
    busy machine, so the pages are plain Wagtail pages written in bulk under one
    parent, and each is indexed as search_entry_update would index a lesson of
    six demo sentences and twenty dictionary words: the index rows are the same
    kind and size as real ones, and search_pages reads them the same way.
    """
    import uuid
    from collections import Counter

    from django.contrib.contenttypes.models import ContentType
    from django.db import transaction

    from wagtail.models import Locale, Page

    from pythainlp.corpus import thai_words

    from curricula.models import SearchEntry, SearchPosting
    from curricula.search import SEARCH_INDEX_VERSION, _clean_text, _term_counts
    from curricula.search_index import index_generation_next, search_terms_recount

    thai = Locale.objects.get(language_code="th")
    have = SearchEntry.objects.filter(locale=thai).count()
    if have >= target:
        return 0
    rng = random.Random(seed)
    words = sorted(thai_words())
    sentences = [part for text in _texts() for part in text.split("\n") if len(part) > 20]
    counted = {sentence: _term_counts(sentence) for sentence in sentences}
    home = Page.objects.get(depth=2, locale=thai)
    parent = home.get_children().filter(slug="bench-search").first()
    if parent is None:
        parent = home.add_child(instance=Page(title="ทดสอบการค้นหา", slug="bench-search"))
    content_type = ContentType.objects.get_for_model(Page)
    start = parent.numchild
    needed = target - have
    for batch_start in range(0, needed, 500):
        batch = range(start + batch_start, start + min(batch_start + 500, needed))
        pages, entries, postings = [], [], []
        for number in batch:
            title_words = rng.sample(words, 3)
            chosen = rng.sample(sentences, 6)
            extra = rng.sample(words, 20)
            pages.append(
                Page(
                    title=" ".join(title_words),
                    draft_title=" ".join(title_words),
                    slug=f"page-{number + 1}",
                    path=Page._get_path(parent.path, parent.depth + 1, number + 1),
                    depth=parent.depth + 1,
                    numchild=0,
                    url_path=f"{parent.url_path}page-{number + 1}/",
                    content_type=content_type,
                    locale=thai,
                    translation_key=uuid.uuid4(),
                    live=True,
                )
            )
            counts = Counter()
            for sentence in chosen:
                counts.update(counted[sentence])
            counts.update(extra + title_words)
            entries.append((title_words, chosen, extra, counts))
        with transaction.atomic():
            created = Page.objects.bulk_create(pages)
            SearchEntry.objects.bulk_create(
                SearchEntry(
                    page_id=page.pk,
                    locale=thai,
                    kind="lesson",
                    track="workforce",
                    title_tokens=" ".join(title_words),
                    tokens=" ".join(counts),
                    text=_clean_text(" ".join(chosen + extra)),
                    length=sum(counts.values()),
                )
                for page, (title_words, chosen, extra, counts) in zip(created, entries, strict=True)
            )
            for page, (title_words, _chosen, _extra, counts) in zip(created, entries, strict=True):
                postings += [
                    SearchPosting(
                        entry_id=page.pk,
                        term=term,
                        title_count=1 if term in title_words else 0,
                        body_count=count,
                    )
                    for term, count in counts.items()
                ]
            SearchPosting.objects.bulk_create(postings, batch_size=5000)
            Page.objects.filter(pk=parent.pk).update(numchild=start + batch.stop - start)
        print(f"  {have + batch.stop - start} pages indexed", flush=True)
    with transaction.atomic():
        search_terms_recount(generation=index_generation_next())
    SEARCH_INDEX_VERSION.replace()
    return needed


EXTRA_QUERIES = [
    "วิธีขายของออนไลน์ให้ได้ดี",
    "ถ่ายรูปอาหารให้น่ากิน",
    "โทรศัพท์",
    "สินค้าชุมชน",
    "ตั้งรหัสผ่านให้ปลอดภัย",
    "สูตรบวกเลขในตาราง",
    "ส่งพัสดุ",
    "ลิ้งค์แปลกๆ ในไลน์",
    "เด็กเล็ก",
    "excel สรุปกำไร",
]


# The budget: p95 under 50 ms at 5,000 pages. Machines differ and this one is
# shared, so the check is a ratio to a baseline timed in the same run, interleaved with
# the searches so that a busy machine slows both: loading one published page by id, the
# least any result costs. p95 against p95, because bursts of load on a shared machine
# reach both tails alike. The baseline's p95 was 3.3 ms on the development machine, so
# 50 ms is about 15 of them; the search before this budget measured 25 to 27.
TARGET_MS = 50
TARGET_RATIO = 15


def _p95(timings: list[float]) -> float:
    ordered = sorted(timings)
    return ordered[max(0, int(len(ordered) * 0.95) - 1)]


def _baseline_ms(page_ids: list[int], rng: random.Random) -> float:
    from wagtail.models import Page

    started = time.perf_counter()
    Page.objects.filter(pk=rng.choice(page_ids)).live().specific().first()
    return (time.perf_counter() - started) * 1000


def _word_list_times(thai) -> tuple[float, float]:
    """(ms for a new process to read the word list, ms for a process to catch up
    after a lesson is published again)."""
    from curricula.models import LessonPage
    from curricula.search import search_entry_update
    from curricula.search_index import forget_snapshots, snapshot_for

    forget_snapshots()
    started = time.perf_counter()
    snapshot_for(thai)
    load = (time.perf_counter() - started) * 1000
    lesson = LessonPage.objects.live().filter(locale=thai).first()
    search_entry_update(page=lesson)
    started = time.perf_counter()
    snapshot_for(thai)
    catch_up = (time.perf_counter() - started) * 1000
    return load, catch_up


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=5000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args(argv)
    django.setup()
    from wagtail.models import Locale

    from curricula.models import SearchEntry
    from curricula.search import search_pages, vocabulary_for
    from tests.curricula.search_eval import QUERIES

    started = time.perf_counter()
    added = add_pages(args.pages)
    if added:
        print(f"Added {added} pages in {time.perf_counter() - started:.0f} s")
    thai = Locale.objects.get(language_code="th")
    english = Locale.objects.get(language_code="en")
    pages = SearchEntry.objects.filter(locale=thai).count()
    load, catch_up = _word_list_times(thai)
    vocabulary = vocabulary_for(thai)
    vocabulary_for(english)
    queries = [
        (english if query.startswith("en:") else thai, query.removeprefix("en:"))
        for query, _expected, _why in QUERIES
    ] + [(thai, query) for query in EXTRA_QUERIES]
    page_ids = list(SearchEntry.objects.values_list("page_id", flat=True))
    rng = random.Random(11)
    # The first round reads each word's postings from the database, as a process does
    # the first time a word is searched for after a page holding it changed.
    timings: list[float] = []
    first_round: list[float] = []
    baseline: list[float] = []
    for round_number in range(args.rounds):
        for locale, query in queries:
            started = time.perf_counter()
            search_pages(query=query, locale=locale)
            elapsed = (time.perf_counter() - started) * 1000
            timings.append(elapsed)
            if round_number == 0:
                first_round.append(elapsed)
            # Interleaved, so that whatever else the machine does weighs on both alike.
            baseline.append(_baseline_ms(page_ids, rng))
    p95 = _p95(timings)
    ratio = p95 / _p95(baseline)
    print(
        f"{pages} Thai pages, {len(vocabulary.frequencies)} indexed words; word list read "
        f"in {load:.0f} ms by a new process, caught up in {catch_up:.1f} ms after a publish"
    )
    print(
        f"{len(timings)} searches ({len(queries)} queries x {args.rounds}): "
        f"p50 {statistics.median(timings):.1f} ms, p95 {p95:.1f} ms, max {max(timings):.1f} ms; "
        f"first round p95 {_p95(first_round):.1f} ms"
    )
    print(
        f"baseline (one page by id): p50 {statistics.median(baseline):.2f} ms, "
        f"p95 {_p95(baseline):.2f} ms; search p95 = {ratio:.1f} x the baseline's p95 "
        f"(target {TARGET_RATIO}, about {TARGET_MS} ms)"
    )
    if ratio > TARGET_RATIO:
        print(
            f"FAIL: search p95 is {ratio:.1f} baselines, over the target of {TARGET_RATIO}",
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
