"""Messages from Wagtail's admin that its Thai catalogue (older than Wagtail 8) lacks.

Trainers meet these on every editing screen: the main menu, the Promote tab, the
moderation status. Listing them here puts them in our catalogue, which takes precedence
over Wagtail's. Never called.
"""

from django.utils.translation import gettext_noop, pgettext


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
    # The submit button reads "ส่งเข้าสู่การตรวจหลักสูตร" with the workflow's Thai name.
    gettext_noop("Submit to %(workflow_name)s")
    # Found by the crawl once the round's pages were merged.
    gettext_noop("%(time)s by %(user_display_name)s")
    gettext_noop("at %(time)s by %(user_display_name)s")
    gettext_noop("%(time_period)s ago by %(user_display_name)s")
    gettext_noop("Group approval task")
    gettext_noop("Task type")
    gettext_noop("Translate this page")
    gettext_noop("Select all users in listing")
    gettext_noop("Select all images in listing")
    gettext_noop("Select all documents in listing")


def _names_wagtail_leaves_english() -> None:  # pragma: no cover
    """Lower-case names of Wagtail's models and fields, which its Thai catalogue lacks.

    Wagtail shows them capitalised as form labels and column headings ("Admin theme",
    "Requested by"), inside sentences ("There are no log entries to display") and after
    counts ("4 page log entries"), so the Thai reads as a noun in all three places."""
    gettext_noop("admin theme")
    gettext_noop("contrast")
    gettext_noop("density")
    gettext_noop("submitted notifications")
    gettext_noop("approved notifications")
    gettext_noop("rejected notifications")
    gettext_noop("updated comments notifications")
    gettext_noop("profile picture")
    gettext_noop("just now")
    gettext_noop("workflow")
    gettext_noop("workflows")
    gettext_noop("task")
    gettext_noop("tasks")
    gettext_noop("requested by")
    gettext_noop("Requested By")
    gettext_noop("log entry")
    gettext_noop("log entries")
    gettext_noop("page log entry")
    gettext_noop("page log entries")
    gettext_noop("model log entry")
    gettext_noop("model log entries")
    gettext_noop("content types")
    gettext_noop("items")
    gettext_noop("pages")
    # What deleting an object does to what refers to it: "<field>: prevents deletion".
    gettext_noop("prevents deletion")
    gettext_noop("may prevent deletion")
    gettext_noop("will unset the reference")
    gettext_noop("will do nothing")
    gettext_noop("the %(model_name)s will also be deleted")
    gettext_noop("will be set to the default %(model_name)s")
    gettext_noop("will be set to a %(model_name)s specified by the system")
    # The label of an empty yes/no icon (lms/core/template_loaders.py).
    pgettext("yes/no column", "Not given")


def _dialogs_and_side_panels() -> None:  # pragma: no cover
    """What Wagtail keeps in dialogs and side panels until they open (keyboard shortcuts,
    publishing schedule, privacy, content checks, a lost connection), in its sidebar's help
    menu and on its bulk upload pages."""
    gettext_noop("Application")
    gettext_noop("Show keyboard shortcuts")
    gettext_noop("Toggle sidebar")
    gettext_noop("Toggle minimap")
    gettext_noop("Close modal dialogs (like this one)")
    gettext_noop("Save changes")
    gettext_noop("Add or show comments")
    gettext_noop("Text editing")
    gettext_noop("Cut")
    gettext_noop("Paste")
    gettext_noop("Paste without formatting")
    gettext_noop("Paste and match style")
    gettext_noop("Undo")
    gettext_noop("Redo")
    gettext_noop("Text formatting")
    gettext_noop("Insert or edit a link")
    gettext_noop("Monospace (code)")
    gettext_noop("Strike-through")
    gettext_noop("Superscript")
    gettext_noop("Subscript")
    gettext_noop("All keyboard shortcuts")
    gettext_noop("Keyboard shortcut")
    gettext_noop("account")
    gettext_noop(
        "Keyboard shortcuts are currently enabled; manage your %(account_link)s to disable them."
    )
    gettext_noop(
        "Keyboard shortcuts are currently disabled; manage your %(account_link)s to enable them."
    )
    gettext_noop("Close dialog")
    gettext_noop("Shortcuts")
    gettext_noop("Editor Guide")
    gettext_noop("What's new in Wagtail %(version)s")
    gettext_noop("Add Comment")
    gettext_noop("Schedule to publish")
    gettext_noop("Choose when this page should go live and/or expire")
    gettext_noop("Anyone with editing permissions can create schedules")
    gettext_noop("But only those with publishing permissions can make them effective.")
    gettext_noop(
        'This publishing schedule will only take effect after you select the "Schedule to publish" option'
    )
    gettext_noop("Save schedule")
    gettext_noop("Set privacy")
    gettext_noop("Choose who can view the live version of this page")
    gettext_noop("A network error occurred")
    gettext_noop(
        "Troubleshoot your connection to the site before proceeding. Open the editor in a separate tab to view the last saved version."
    )
    gettext_noop("View latest version")
    gettext_noop("Autosave is <span>paused</span>")
    gettext_noop("Save your changes before leaving")
    gettext_noop("How we calculate our metrics")
    gettext_noop(
        "We extract the main content from the page preview, remove all formatting, and calculate the number of words."
    )
    gettext_noop(
        "We calculate reading time from word count, using different reading speeds for different languages."
    )
    gettext_noop(
        "We use a readability formula based on length of words and sentences. Long sentences and words result in a worse readability score."
    )
    gettext_noop(
        'See our <a href="%(guide_link)s" target="_blank">content checks guide</a> for more information on how content metrics are calculated.'
    )
    gettext_noop("Show issue")
    gettext_noop("Document updated.")
    gettext_noop(
        "Please provide an image description to comply with best practices for accessibility."
    )
    gettext_noop("Report this error to your website administrator with the following information:")
    gettext_noop(
        "Upload successful. However, your new image seems to be a duplicate of this existing image. You may delete it if it wasn't required."
    )
    gettext_noop(
        "Upload successful. However, your new image seems to be a duplicate of an existing image. You may delete it if it wasn't required."
    )
