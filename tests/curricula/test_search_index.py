"""The search index stays current without recounting it: word counts kept as pages are
indexed, processes catching up by generation, a bounded number of queries per search,
and an upgrade that fills or rebuilds the index by itself."""

import importlib

from django.apps import apps
from django.core.management import call_command
from django.db.models import Count

from wagtail.models import Locale

import pytest

from curricula.models import SearchEntry, SearchIndexState, SearchPosting, SearchTerm
from curricula.search import search_index_rebuild, search_pages
from curricula.search_index import SEARCH_INDEX_FORMAT, forget_snapshots, snapshot_for
from tests.factories import CoursePageFactory, LessonPageFactory

fill_migration = importlib.import_module("curricula.migrations.0009_fill_search_vocabulary")


@pytest.fixture
def thai(home):
    return Locale.objects.get(language_code="th")


@pytest.fixture
def course(workforce_track):
    page = CoursePageFactory(
        parent=workforce_track, title="การขายสินค้าออนไลน์", slug="selling", summary="ผู้ผลิตชุมชน"
    )
    page.save_revision().publish()
    return page


def lesson(course, slug, title, text):
    page = LessonPageFactory(
        parent=course, title=title, slug=slug, body=[("paragraph", f"<p>{text}</p>")]
    )
    page.save_revision().publish()
    return page


def counted(thai) -> dict[str, int]:
    """Each word's page count as the postings say."""
    return dict(
        SearchPosting.objects.filter(entry__locale=thai)
        .values_list("term")
        .annotate(pages=Count("entry_id"))
        .values_list("term", "pages")
    )


def kept(thai) -> dict[str, int]:
    return dict(SearchTerm.objects.filter(locale=thai, pages__gt=0).values_list("term", "pages"))


def test_word_counts_follow_publishing_editing_and_unpublishing(thai, course):
    photo = lesson(course, "photo", "ถ่ายรูปสินค้า", "ใช้แสงจากหน้าต่าง")
    assert kept(thai) == counted(thai)
    assert kept(thai)["สินค้า"] == 2
    assert kept(thai)["หน้าต่าง"] == 1

    photo.body = [("paragraph", "<p>วางสินค้าบนผ้าขาว</p>")]
    photo.save_revision().publish()
    assert kept(thai) == counted(thai)
    assert "หน้าต่าง" not in kept(thai)
    # The row stays at zero, so that a process that knew the word learns it went.
    assert SearchTerm.objects.get(locale=thai, term="หน้าต่าง").pages == 0

    photo.unpublish()
    assert kept(thai) == counted(thai)
    assert kept(thai)["สินค้า"] == 1


def test_a_process_catches_up_with_changed_words_only(thai, course, django_assert_max_num_queries):
    assert search_pages(query="หน้าต่าง", locale=thai) == []
    snapshot = snapshot_for(thai)
    vocabulary = snapshot.vocabulary
    words_before = len(vocabulary.frequencies)

    lesson(course, "photo", "ถ่ายรูปสินค้า", "ใช้แสงจากหน้าต่าง")
    # Catching up reads the generation, the changed words and the list of pages: the
    # same three queries however many words the index holds.
    with django_assert_max_num_queries(3):
        caught_up = snapshot_for(thai)
    assert caught_up.vocabulary is vocabulary
    assert len(vocabulary.frequencies) > words_before
    assert vocabulary.frequencies["หน้าต่าง"] == 1
    assert [hit.page.slug for hit in search_pages(query="หน้าต่าง", locale=thai)] == ["photo"]
    # A typo reaches the new word through the lookup tables updated in place.
    assert [hit.page.slug for hit in search_pages(query="หน้าตาง", locale=thai)] == ["photo"]


def test_words_gone_from_the_index_leave_the_process_too(thai, course):
    photo = lesson(course, "photo", "ถ่ายรูปสินค้า", "ใช้แสงจากหน้าต่าง")
    assert search_pages(query="หน้าต่าง", locale=thai)
    photo.unpublish()
    assert "หน้าต่าง" not in snapshot_for(thai).vocabulary
    assert search_pages(query="หน้าต่าง", locale=thai) == []


def test_postings_kept_in_the_process_follow_an_edited_page(thai, course):
    photo = lesson(course, "photo", "ถ่ายรูปสินค้า", "ใช้แสงจากหน้าต่าง")
    lesson(course, "light", "จัดแสง", "แสงธรรมชาติดีที่สุด")
    assert "photo" in [hit.page.slug for hit in search_pages(query="แสง", locale=thai)]
    photo.body = [("paragraph", "<p>วางบนผ้าขาว</p>")]
    photo.save_revision().publish()
    assert [hit.page.slug for hit in search_pages(query="แสง", locale=thai)] == ["light"]


def test_a_search_costs_a_few_queries_however_many_results(
    thai, course, django_assert_max_num_queries
):
    for number in range(3):
        lesson(course, f"few-{number}", f"ห่อของ {number}", "ห่อสินค้าด้วยบับเบิล")
    for number in range(15):
        lesson(course, f"many-{number}", f"จัดส่งพัสดุ {number}", "จัดส่งพัสดุถึงลูกค้า")
    snapshot_for(thai)
    # Postings of the words not read yet, the phrase check, the pages by type (course,
    # lesson) and their indexed texts: never one query per result.
    for query, at_least in (("ห่อสินค้า", 3), ("จัดส่งพัสดุ", 15)):
        with django_assert_max_num_queries(6):
            hits = search_pages(query=query, locale=thai)
            for hit in hits:
                assert hit.snippet
        assert len(hits) >= at_least
    # Once read, a word's postings stay in the process until a page holding it changes.
    with django_assert_max_num_queries(5):
        search_pages(query="จัดส่งพัสดุ", locale=thai)


def test_rebuild_counts_every_word_again(thai, course):
    lesson(course, "photo", "ถ่ายรูปสินค้า", "ใช้แสงจากหน้าต่าง")
    SearchTerm.objects.update(pages=99)
    SearchTerm.objects.create(locale=thai, term="ไม่มีหน้าไหน", pages=3)
    search_index_rebuild()
    assert kept(thai) == counted(thai)


def test_the_upgrade_fills_the_word_counts_from_the_existing_index(thai, course):
    lesson(course, "photo", "ถ่ายรูปสินค้า", "ใช้แสงจากหน้าต่าง")
    SearchTerm.objects.all().delete()
    SearchIndexState.objects.all().delete()
    fill_migration.fill(apps, None)
    assert kept(thai) == counted(thai)
    assert SearchIndexState.objects.get().format == SEARCH_INDEX_FORMAT
    forget_snapshots()
    assert [hit.page.slug for hit in search_pages(query="หน้าต่าง", locale=thai)] == ["photo"]


def test_an_index_from_before_the_ranked_search_is_left_for_migrate_to_rebuild(thai, course):
    lesson(course, "photo", "ถ่ายรูปสินค้า", "ใช้แสงจากหน้าต่าง")
    SearchEntry.objects.update(length=0, text="")
    SearchTerm.objects.all().delete()
    SearchIndexState.objects.all().delete()
    fill_migration.fill(apps, None)
    assert SearchIndexState.objects.get().format != SEARCH_INDEX_FORMAT
    call_command("migrate", verbosity=0)
    assert not SearchEntry.objects.filter(length=0).exists()
    hit = search_pages(query="หน้าต่าง", locale=thai)[0]
    assert "หน้าต่าง" in hit.snippet


def test_migrate_rebuilds_an_index_written_by_older_indexing(thai, course):
    lesson(course, "photo", "ถ่ายรูปสินค้า", "ใช้แสงจากหน้าต่าง")
    SearchEntry.objects.all().delete()
    SearchIndexState.objects.update(format=SEARCH_INDEX_FORMAT - 1)
    call_command("migrate", verbosity=0)
    assert SearchIndexState.objects.get().format == SEARCH_INDEX_FORMAT
    assert SearchEntry.objects.filter(locale=thai).count() == 2
    assert [hit.page.slug for hit in search_pages(query="หน้าต่าง", locale=thai)] == ["photo"]
    # An index already in the current format is left alone.
    generation = SearchIndexState.objects.get().generation
    call_command("migrate", verbosity=0)
    assert SearchIndexState.objects.get().generation == generation
