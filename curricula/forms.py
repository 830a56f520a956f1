from django import forms
from django.core.validators import validate_slug, validate_unicode_slug
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.forms import TaskStateCommentForm

from lms.core.slugs import slug_clean_typed, slug_for_page


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
            field.required = False
            field.help_text = _(
                "The last part of the page's address. Leave it: it is made from the Thai "
                "title (e.g. “bot-thi-1-chat-saeng”). You may edit it; old addresses "
                "keep working."
            )
            # Thai typed into the slug is romanised in clean(), so let it get that far.
            field.validators = [
                validator
                for validator in field.validators
                if validator not in (validate_slug, validate_unicode_slug)
            ]
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
