"""Rich text shown to learners, expanded by Wagtail and then sanitised.

Wagtail's editor only produces safe HTML, but rich text also arrives through
imports, the API and code. Whatever is stored, learners get only these tags.
"""

from django.utils.safestring import SafeString, mark_safe

from wagtail.rich_text import expand_db_html

import nh3

ALLOWED_TAGS = {
    "p",
    "br",
    "h2",
    "h3",
    "h4",
    "b",
    "strong",
    "i",
    "em",
    "u",
    "ol",
    "ul",
    "li",
    "a",
    "blockquote",
    "code",
    "pre",
    "hr",
    "sub",
    "sup",
    "img",
    "figure",
    "figcaption",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title", "class"},
    "img": {"src", "alt", "width", "height", "class"},
    "figure": {"class"},
}
ALLOWED_SCHEMES = {"http", "https", "mailto", "tel"}


def sanitise_html(html: str) -> str:
    return nh3.clean(
        html or "",
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_SCHEMES,
        link_rel="noopener",
    )


def render_richtext(value) -> SafeString:
    """Stored rich text (a string or RichText) as safe HTML for a learner page."""
    source = getattr(value, "source", value) or ""
    return mark_safe(sanitise_html(expand_db_html(str(source))))  # noqa: S308 - sanitised above
