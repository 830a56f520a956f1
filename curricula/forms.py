from django import forms
from django.core.validators import validate_slug, validate_unicode_slug
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.forms.pages import CopyForm
from wagtail.forms import TaskStateCommentForm

from lms.core.slugs import slug_clean_typed, slug_for_page, slug_unique_among_siblings

SLUG_HELP_TEXT = _(
    "The last part of the page's address. Leave it: it is made from the Thai "
    "title (e.g. “bot-thi-1-chat-saeng”). You may edit it; old addresses "
    "keep working."
)


def _accept_thai_in_slug(field: forms.Field) -> None:
    # Thai typed into the slug is romanised in clean(), so let it get that far.
    field.required = False
    field.validators = [
        validator
        for validator in field.validators
        if validator not in (validate_slug, validate_unicode_slug)
    ]


class CurriculumPageForm(WagtailAdminPageForm):
    """Every page saved in the admin ends with a readable ASCII slug.

    The slug may be left empty (it is made from the Thai title, as the editor's script
    shows while the trainer types), typed in Thai (it is romanised), or be junk left by
    Wagtail's own slugify ("-", "-1", "-h1"): it is repaired, never refused.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("slug")
        if field is not None:
            _accept_thai_in_slug(field)
            field.help_text = SLUG_HELP_TEXT
            if self.parent_page is not None:
                field.widget.attrs.update(self._slug_follows_title_attrs())

    def _slug_follows_title_attrs(self) -> dict[str, str]:
        """Hand the slug to static/js/admin-slug.js instead of Wagtail's slug controller.

        Wagtail's `w-slug` would fill the slug from the title with a slugify that keeps
        no Thai letter. The title still announces itself through Wagtail's `w-sync`
        events (check on focus, apply while typing); the script answers them with the
        server's romanised slug, and stops following once the slug is edited by hand.
        """
        return {
            "data-controller": "lms-slug",
            "data-action": (
                "w-sync:check->lms-slug#check "
                "w-sync:apply->lms-slug#follow:prevent "
                "blur->lms-slug#tidy"
            ),
            "data-lms-slug-url-value": reverse("curricula_slug_for_title"),
            "data-lms-slug-parent-value": str(self.parent_page.pk),
            "data-lms-slug-page-value": str(self.instance.pk or ""),
            # Wagtail's title stops syncing the slug once a page is live; so do we.
            "data-lms-slug-follow-value": "false"
            if self.instance.live and self.instance.pk
            else "true",
        }

    def clean(self):
        if "slug" in self.fields and "slug" not in self.errors:
            slug = slug_clean_typed(self.cleaned_data.get("slug") or "")
            title = self.cleaned_data.get("title")
            if not slug and title:
                slug = slug_for_page(title=title, parent=self.parent_page, page=self.instance)
            self.cleaned_data["slug"] = slug
            self.instance.slug = slug
        return super().clean()


class CurriculumCopyForm(CopyForm):
    """Wagtail's copy form, with the slug made as the page editor makes it.

    The new slug follows the new Thai title while the trainer types (the editor's
    script, static/js/admin-slug.js), and stays editable. Posted as it is (no
    JavaScript, or saved before the script answered) the form still ends with a
    readable slug that no sibling under the new parent uses: Wagtail's form offers
    the original's slug, which would clash with the original under the same parent
    ("This slug is already in use", from Wagtail's catalogue half in English).
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["new_slug"]
        _accept_thai_in_slug(field)
        field.help_text = SLUG_HELP_TEXT
        field.widget.attrs.update(
            {
                "data-controller": "lms-slug",
                "data-action": "blur->lms-slug#tidy",
                "data-lms-slug-url-value": reverse("curricula_slug_for_title"),
                "data-lms-slug-parent-value": str(self.page.get_parent().pk),
                "data-lms-slug-parent-field-value": "new_parent_page",
                "data-lms-slug-title-field-value": "new_title",
                "data-lms-slug-follow-value": "true",
                # The original's slug is offered, not chosen: the title may replace it.
                "data-lms-slug-adopt-value": "true",
            }
        )

    def clean(self):
        # Settle the slug first, so that Wagtail's clash check sees the one to be used.
        if "new_slug" not in self.errors:
            self.cleaned_data["new_slug"] = self._new_slug()
        return super().clean()

    def _new_slug(self) -> str:
        posted = (self.cleaned_data.get("new_slug") or "").strip()
        slug = slug_clean_typed(posted)
        title = self.cleaned_data.get("new_title") or self.page.title
        parent = self.cleaned_data.get("new_parent_page") or self.page.get_parent()
        untouched = posted == self.page.slug
        if not slug or (untouched and title != self.page.title):
            # Left empty, junk ("-", "-1"), or left as the original's under a new title.
            return slug_for_page(title=title, parent=parent)
        if untouched:
            # A copy under the same title keeps the original's slug, numbered: "-2".
            return slug_unique_among_siblings(base=slug, parent=parent)
        # Typed by hand: kept as typed (romanised); a clash is for the trainer to resolve.
        return slug


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
