"""Messages from Wagtail's admin that its Thai catalogue (older than Wagtail 8) lacks.

Trainers meet these on every editing screen: the main menu, the Promote tab, the
moderation status. Listing them here puts them in our catalogue, which takes precedence
over Wagtail's. Never called.
"""

from django.utils.translation import gettext_noop


def _messages_to_translate() -> None:  # pragma: no cover
    gettext_noop("Reports")
    gettext_noop("Help")
    gettext_noop("For search engines")
    gettext_noop("For site menus")
    gettext_noop("title tag")
    gettext_noop("meta description")
    gettext_noop(
        "The name of the page displayed on search engine results as the clickable headline."
    )
    gettext_noop("The descriptive text displayed underneath a headline in search engine results.")
    gettext_noop("In Moderation")
    gettext_noop("Skip to main content")
    gettext_noop("Collapse all")
    gettext_noop("Page title")
