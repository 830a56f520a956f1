"""Writes to the curriculum tree that the admin's own flows do not make for us."""

from django.db import transaction

from wagtail.models import Page

from lms.core.slugs import slug_clean_typed, slug_for_page, slug_unique_among_siblings


@transaction.atomic
def page_slug_repair(*, page: Page) -> bool:
    """Give `page` a good slug if it has a junk one; True when it changed.

    Wagtail's copy saves the copy without cleaning it, so a junk slug typed in the copy
    form ("-", "-1") would be kept. The new slug is made as the editor makes it, and
    the page's and its subpages' addresses follow (Page.save updates them).
    """
    slug = slug_clean_typed(page.slug)
    if slug == page.slug:
        return False
    page = page.specific
    parent = page.get_parent()
    if slug:
        page.slug = slug_unique_among_siblings(base=slug, parent=parent, page=page)
    else:
        page.slug = slug_for_page(title=page.title, parent=parent, page=page)
    page.save(clean=False)
    return True
