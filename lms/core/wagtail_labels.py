"""Labels for Wagtail admin form fields that Wagtail leaves without one.

A form field without a label is shown under its Python name ("link_text" becomes
"Link text"), which no catalogue can translate. Wagtail's link choosers in the rich-text
editor and the filter of its task chooser have such fields; they get a translatable
label here, once, when the project starts (`CoreConfig.ready`).
"""

from functools import wraps

from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import choosers, workflows

LINK_CHOOSER_LABELS = {
    choosers.ExternalLinkChooserForm: {"link_text": _("Link text")},
    choosers.AnchorLinkChooserForm: {"link_text": _("Link text")},
    choosers.EmailLinkChooserForm: {
        "email_address": _("Email address"),
        "link_text": _("Link text"),
        "subject": _("Subject"),
        "body": _("Body"),
    },
    choosers.PhoneLinkChooserForm: {
        "phone_number": _("Phone number"),
        "link_text": _("Link text"),
    },
}


def wagtail_labels_install() -> None:
    """Give the fields above their labels. Running it twice changes nothing."""
    for form_class, labels in LINK_CHOOSER_LABELS.items():
        for name, label in labels.items():
            form_class.base_fields[name].label = label

    # The task type filter is added in the form's __init__, so it is labelled there.
    search_form = workflows.TaskChooserSearchForm
    if getattr(search_form.__init__, "labels_installed", False):
        return
    original_init = search_form.__init__

    @wraps(original_init)
    def __init__(self, *args, **kwargs):
        original_init(self, *args, **kwargs)
        if "task_type" in self.fields:
            self.fields["task_type"].label = _("Task type")

    __init__.labels_installed = True
    search_form.__init__ = __init__
