"""Wagtail admin templates that write interface words straight into their markup.

A few of Wagtail's templates hold English as plain text instead of inside
`{% translate %}`: the search button of the dashboard and of every listing header, the
name of the header's actions area, the labels of the yes/no icons in listings ("True",
"False"). No catalogue reaches such text, and screen readers read it out. This loader
reads Wagtail's templates as the app-directories loader does and wraps those words in
`{% translate %}` as each template is read, so Wagtail's own file stays the one source.

Each fix names the exact text it replaces. When a Wagtail upgrade changes that text the
template refuses to load instead of quietly showing English again.
"""

from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from django.template.loaders.app_directories import Loader as AppDirectoriesLoader

import wagtail

WAGTAIL_DIR = Path(wagtail.__file__).resolve().parent

# template name -> (text in Wagtail's template, what it becomes)
LITERAL_FIXES: dict[str, list[tuple[str, str]]] = {
    "wagtailadmin/home.html": [
        (
            '<input type="submit" value="Search" class="button" />',
            '<input type="submit" value="{% translate "Search" %}" class="button" />',
        ),
    ],
    "wagtailadmin/shared/header.html": [
        (
            '<input type="submit" value="Search" class="button" />',
            '<input type="submit" value="{% translate "Search" %}" class="button" />',
        ),
    ],
    "wagtailadmin/shared/headers/_actions.html": [
        (
            '<nav aria-label="Actions"',
            '{% load i18n %}<nav aria-label="{% translate "Actions" %}"',
        ),
    ],
    # The icon's label is the value itself ("True", "False", "None").
    "wagtailadmin/tables/boolean_cell.html": [
        (
            "{% load wagtailadmin_tags %}",
            "{% load wagtailadmin_tags i18n %}"
            '{% translate "Yes" context "yes/no column" as yes_label %}'
            '{% translate "No" context "yes/no column" as no_label %}'
            '{% translate "Not given" context "yes/no column" as unknown_label %}',
        ),
        ("title=value|stringformat:'s' name=\"help\"", 'title=unknown_label name="help"'),
        ("title=value|stringformat:'s' name=\"check\"", 'title=yes_label name="check"'),
        ("title=value|stringformat:'s' name=\"cross\"", 'title=no_label name="cross"'),
    ],
}


def fixed_source(template_name: str, source: str) -> str:
    """Wagtail's template source with its English literals wrapped in `{% translate %}`."""
    for old, new in LITERAL_FIXES.get(template_name, []):
        if old not in source:
            raise ImproperlyConfigured(
                f"{template_name} no longer contains {old!r}: "
                "update LITERAL_FIXES in lms/core/template_loaders.py"
            )
        source = source.replace(old, new)
    return source


class Loader(AppDirectoriesLoader):
    """The app-directories loader, with the fixes above applied to Wagtail's templates."""

    def get_contents(self, origin):
        source = super().get_contents(origin)
        if origin.template_name in LITERAL_FIXES and Path(origin.name).is_relative_to(WAGTAIL_DIR):
            return fixed_source(origin.template_name, source)
        return source
