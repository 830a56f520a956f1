"""Messages from Django itself that its Thai catalogue leaves untranslated.

Learners meet these in forms (password rules, length limits). Listing them here
puts them in our catalogue, which takes precedence over Django's. Never called.
"""

from django.utils.translation import gettext_noop, ngettext, pgettext


def _messages_to_translate() -> None:  # pragma: no cover
    gettext_noop("This password is too common.")
    gettext_noop("This password is entirely numeric.")
    gettext_noop("The password is too similar to the %(verbose_name)s.")
    gettext_noop("Your password can't be too similar to your other personal information.")
    gettext_noop("Your password can't be a commonly used password.")
    gettext_noop("Your password can't be entirely numeric.")
    gettext_noop("Enter the same password as before, for verification.")
    gettext_noop("Enter a whole number.")
    gettext_noop("Select a valid choice. That choice is not one of the available choices.")
    gettext_noop(
        "File extension “%(extension)s” is not allowed. Allowed extensions are: %(allowed_extensions)s."
    )
    gettext_noop("Continue")
    ngettext(
        "This password is too short. It must contain at least %(min_length)d character.",
        "This password is too short. It must contain at least %(min_length)d characters.",
        0,
    )
    ngettext(
        "Your password must contain at least %(min_length)d character.",
        "Your password must contain at least %(min_length)d characters.",
        0,
    )
    ngettext(
        "Ensure this value has at most %(limit_value)d character (it has %(show_value)d).",
        "Ensure this value has at most %(limit_value)d characters (it has %(show_value)d).",
        0,
    )
    ngettext(
        "Ensure this value has at least %(limit_value)d character (it has %(show_value)d).",
        "Ensure this value has at least %(limit_value)d characters (it has %(show_value)d).",
        0,
    )
    ngettext(
        "Ensure this filename has at most %(max)d character (it has %(length)d).",
        "Ensure this filename has at most %(max)d characters (it has %(length)d).",
        0,
    )


def _admin_messages() -> None:  # pragma: no cover
    """What the Thai-everywhere crawl (tests/proof/test_thai_everywhere.py) found in English
    on admin and account pages."""
    gettext_noop("Email address")
    gettext_noop("Universally unique identifier")
    gettext_noop(
        "The groups this user belongs to. A user will get all permissions granted to each of their groups."
    )
    gettext_noop("Your password can’t be a commonly used password.")
    gettext_noop("Your password can’t be entirely numeric.")
    gettext_noop("Your password can’t be too similar to your other personal information.")
    pgettext("ordinal 2", "{}nd")
    pgettext("ordinal 11, 12, 13", "{}th")
    pgettext("ordinal 1", "{}st")
    ngettext("%(num)d year", "%(num)d years", 0)
    ngettext("%(num)d month", "%(num)d months", 0)
    ngettext("%(num)d week", "%(num)d weeks", 0)
    ngettext("%(num)d day", "%(num)d days", 0)
    ngettext("%(num)d hour", "%(num)d hours", 0)
    ngettext("%(num)d minute", "%(num)d minutes", 0)
