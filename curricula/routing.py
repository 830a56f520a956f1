"""Find the page a URL names in one query, not two per level of the tree.

Wagtail's `Page.route` walks down from the site's root: for each path component it
fetches the child with that slug and then its specific page, so a lesson three levels
below the home page costs six queries before the view starts. Every page of the
curriculum tree routes the same way (none overrides `route`), so the home page can
fetch the whole chain of pages named by the path at once, by slug and depth, and
hand the request to the last one.
"""

from wagtail.models import Page


def route_chain(root: Page, components: list[str]) -> list[Page] | None:
    """The pages below `root` named by `components`, top first; None if a step is missing.

    One query: each component is matched by its slug at its depth, and each page must
    be a child of the one before it (slugs are only unique among siblings).
    """
    depth = root.depth
    candidates = Page.objects.filter(
        path__startswith=root.path,
        depth__gt=depth,
        depth__lte=depth + len(components),
        slug__in=set(components),
    ).only("path", "depth", "slug", "content_type_id")  # the page itself is fetched once found
    by_step: dict[tuple[int, str], list[Page]] = {}
    for page in candidates:
        by_step.setdefault((page.depth, page.slug), []).append(page)

    chain: list[Page] = []
    parent = root
    for step, slug in enumerate(components, start=1):
        child = next(
            (
                page
                for page in by_step.get((depth + step, slug), [])
                if page.path.startswith(parent.path)
            ),
            None,
        )
        if child is None:
            return None
        chain.append(child)
        parent = child
    return chain


def route_in_one_query(root: Page, request, components: list[str]):
    """Route as `Page.route` would, with the chain of pages fetched in one query.

    Falls back to Wagtail's own walk when a page on the way routes differently
    (overrides `route`), and answers 404 as it would when a step is missing.
    """
    chain = route_chain(root, components)
    if chain is None or any(
        page.specific_class is None or page.specific_class.route is not Page.route for page in chain
    ):
        return Page.route(root, request, components)
    *ancestors, page = chain
    page = _specific_with_locale(page)
    # As Wagtail's walk does: the parent travels with the page, so that the view's
    # `get_parent()` costs no query (the lesson page needs its course).
    parent = _specific_with_locale(ancestors[-1]) if ancestors else root
    page._cached_parent_obj = parent
    return page.route(request, [])


def _specific_with_locale(page: Page) -> Page:
    """The specific page with its locale, which the learner pages read (one query)."""
    return page.specific_class.objects.select_related("locale").get(pk=page.pk)
