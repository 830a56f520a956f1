"""Count the words of the search index already built, so that searching works at once
after the upgrade without `rebuild_search`."""

from django.db import migrations
from django.db.models import Count

# curricula.search_index.SEARCH_INDEX_FORMAT when this migration was written: the
# postings themselves are unchanged, so the index built before stays valid.
INDEX_FORMAT = 1


def fill(apps, schema_editor):
    SearchPosting = apps.get_model("curricula", "SearchPosting")
    SearchTerm = apps.get_model("curricula", "SearchTerm")
    SearchIndexState = apps.get_model("curricula", "SearchIndexState")
    counts = (
        SearchPosting.objects.values("entry__locale_id", "term")
        .annotate(pages=Count("entry_id"))
        .values_list("entry__locale_id", "term", "pages")
    )
    SearchTerm.objects.bulk_create(
        (
            SearchTerm(locale_id=locale_id, term=term, pages=pages, generation=1)
            for locale_id, term, pages in counts.iterator(chunk_size=5000)
        ),
        batch_size=5000,
    )
    # An index from before the ranked search stored no page lengths or texts: leave
    # it marked as another format, and `migrate` rebuilds it once it has finished.
    SearchEntry = apps.get_model("curricula", "SearchEntry")
    older = SearchEntry.objects.filter(length=0).exists()
    SearchIndexState.objects.update_or_create(
        pk=1, defaults={"generation": 1, "format": 0 if older else INDEX_FORMAT}
    )


def empty(apps, schema_editor):
    apps.get_model("curricula", "SearchTerm").objects.all().delete()
    apps.get_model("curricula", "SearchIndexState").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("curricula", "0008_search_vocabulary")]

    operations = [migrations.RunPython(fill, empty)]
