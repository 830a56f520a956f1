from django import forms
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.forms import TaskStateCommentForm
from wagtail.models import Page

from anyascii import anyascii


def ascii_slug(title: str) -> str:
    """ "การขายสินค้าออนไลน์" → "karkhaysinkhaoonailn": Thai titles become readable ASCII slugs."""
    return slugify(anyascii(title or ""))[:70].strip("-")


class CurriculumPageForm(WagtailAdminPageForm):
    """Lets a trainer leave the slug empty under a Thai title.

    The admin's slug helper cannot transliterate Thai, so it leaves the slug blank;
    the form fills it from the title instead of refusing the page.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "slug" in self.fields:
            self.fields["slug"].required = False

    def clean(self):
        if not self.cleaned_data.get("slug") and self.cleaned_data.get("title"):
            base = ascii_slug(self.cleaned_data["title"]) or "page"
            candidate, suffix = base, 1
            while not Page._slug_is_available(candidate, self.parent_page, self.instance):
                suffix += 1
                candidate = f"{base}-{suffix}"
            self.cleaned_data["slug"] = candidate
            self.instance.slug = candidate
        return super().clean()


class CoursePageForm(CurriculumPageForm):
    """A course's prerequisites are other courses in its own language: never the course
    itself, nor its own translations (they share its translation key)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("prerequisites")
        if field is None:
            return
        locale_id = self.instance.locale_id or getattr(self.parent_page, "locale_id", None)
        field.queryset = (
            field.queryset.filter(locale_id=locale_id)
            .exclude(translation_key=self.instance.translation_key)
            .order_by("title")
        )


class ReviewCommentForm(TaskStateCommentForm):
    """The reviewer's comment on a decision, labelled for who reads it."""

    comment = forms.CharField(
        label=_("Comment for the trainer"),
        required=False,
        widget=forms.Textarea({"rows": 3}),
        help_text=_("The trainer sees it in the page's history."),
    )
