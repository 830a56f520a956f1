"""Repair the slugs Wagtail's Thai-dropping slugify left behind, keeping old links alive.

Before the slug was made from the romanised Thai title, titles such as
"บทที่ 1 จัดแสงและมุมกล้อง" got slugs like "-1", "-h1" or "-". Each such page (and so the
addresses of its subpages) gets a readable slug, and every old address redirects to
its page through Wagtail's redirects app.
"""

from django.conf import settings
from django.db import migrations

from lms.core.slugs import FALLBACK, slug_clean_typed, slug_from_text, slug_is_good


def _address(url_path: str, language_code: str) -> str:
    """The public address of a page: its url_path below its home page, language-prefixed."""
    below_home = "/" + url_path.strip("/").partition("/")[2]
    prefix = "" if language_code == settings.LANGUAGE_CODE else f"/{language_code}"
    return (prefix + below_home).rstrip("/") or "/"


def _new_slug(Page, page) -> str:
    base = slug_clean_typed(page.slug) or slug_from_text(page.title)
    if not slug_is_good(base):
        base = f"{FALLBACK}-{base}" if base else FALLBACK
    taken = set(
        Page.objects.filter(path__startswith=page.path[:-4], depth=page.depth)
        .exclude(pk=page.pk)
        .values_list("slug", flat=True)
    )
    candidate, suffix = base, 1
    while candidate in taken:
        suffix += 1
        candidate = f"{base}-{suffix}"
    return candidate


def repair_page_slugs(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    Revision = apps.get_model("wagtailcore", "Revision")
    Redirect = apps.get_model("wagtailredirects", "Redirect")
    ContentType = apps.get_model("contenttypes", "ContentType")
    page_type = ContentType.objects.filter(app_label="wagtailcore", model="page").first()

    bad_ids = [
        pk
        for pk, slug in Page.objects.filter(depth__gt=1)
        .order_by("depth", "path")
        .values_list("pk", "slug")
        if not slug_is_good(slug)
    ]
    for pk in bad_ids:
        page = Page.objects.get(pk=pk)  # fresh: a parent repaired earlier moved its url_path
        old_slug, old_prefix = page.slug, page.url_path
        page.slug = _new_slug(Page, page)
        new_prefix = old_prefix[: -len(old_slug) - 1] + page.slug + "/"
        # Plain updates: no save() logic of any model version runs here.
        Page.objects.filter(pk=page.pk).update(slug=page.slug)
        for moved in Page.objects.filter(path__startswith=page.path).select_related("locale"):
            old_url = _address(moved.url_path, moved.locale.language_code)
            Page.objects.filter(pk=moved.pk).update(
                url_path=new_prefix + moved.url_path[len(old_prefix) :]
            )
            Redirect.objects.update_or_create(
                old_path=old_url,
                site=None,
                defaults={
                    "redirect_page": moved,
                    "redirect_page_route_path": "",
                    "redirect_link": "",
                    "is_permanent": True,
                    "automatically_created": True,
                },
            )
        # A draft published later must not bring the old slug back.
        if page_type is not None:
            revisions = Revision.objects.filter(base_content_type=page_type, object_id=str(page.pk))
            for revision in revisions:
                if revision.content.get("slug") == old_slug:
                    revision.content["slug"] = page.slug
                    Revision.objects.filter(pk=revision.pk).update(content=revision.content)


class Migration(migrations.Migration):
    dependencies = [
        ("curricula", "0003_search_entry"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
    ]

    operations = [migrations.RunPython(repair_page_slugs, migrations.RunPython.noop)]
