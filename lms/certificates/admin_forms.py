"""Forms for the staff pages in the Wagtail admin."""

from django import forms
from django.conf import settings
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from curricula.models import CoursePage
from lms.centres.scoping import centres_visible_to, learners_visible_to
from lms.core.collation import thai_order
from lms.users.models import User

from .batches import MAX_BATCH_SIZE
from .services import MAX_REASON_LENGTH


def _courses():
    return CoursePage.objects.filter(locale__language_code=settings.LANGUAGE_CODE).order_by(
        thai_order("title")
    )


class CourseChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return obj.title if obj.live else f"{obj.title} ({_('not live')})"


class _StaffForm(forms.Form):
    def __init__(self, *args, actor: User, **kwargs):
        super().__init__(*args, **kwargs)
        self.actor = actor

    def _learner(self, username: str) -> User | None:
        return learners_visible_to(self.actor).filter(username__iexact=username.strip()).first()


class IssueForm(_StaffForm):
    learner = forms.CharField(
        label=_("Learner's username"),
        max_length=40,
        help_text=_("A learner at one of your centres."),
    )
    course = CourseChoiceField(label=_("Course"), queryset=CoursePage.objects.none())
    reason = forms.CharField(
        label=_("Reason"),
        max_length=MAX_REASON_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Why this certificate is issued by hand, e.g. “completed in class”."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["course"].queryset = _courses()

    def clean_learner(self) -> User:
        learner = self._learner(self.cleaned_data["learner"])
        if learner is None:
            raise forms.ValidationError(
                _("There is no learner with this username at your centres.")
            )
        return learner


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        max_length=MAX_REASON_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, required: bool = True, help_text: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reason"].required = required
        self.fields["reason"].help_text = help_text


class BatchForm(_StaffForm):
    course = CourseChoiceField(label=_("Course"), queryset=CoursePage.objects.none())
    centre = forms.ModelChoiceField(
        label=_("Centre"),
        queryset=None,
        required=False,
        empty_label=_("All my centres"),
        help_text=_("Only learners whose home centre is this one."),
    )
    usernames = forms.CharField(
        label=_("Learners"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "Usernames, one per line (or separated by commas). Leave empty for every learner "
            "enrolled in the course."
        ),
    )
    reason = forms.CharField(
        label=_("Note"),
        required=False,
        max_length=MAX_REASON_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["course"].queryset = _courses()
        self.fields["centre"].queryset = centres_visible_to(self.actor)

    def clean_usernames(self) -> list[User] | None:
        raw = self.cleaned_data["usernames"]
        names = [n.strip() for n in raw.replace(",", "\n").splitlines() if n.strip()]
        if not names:
            return None
        if len(names) > MAX_BATCH_SIZE:
            raise forms.ValidationError(
                _("Please list at most %(n)s learners at a time.") % {"n": MAX_BATCH_SIZE}
            )
        wanted = {n.lower() for n in names}
        # Usernames are compared without case, as at login.
        found = {
            user.username.lower(): user
            for user in learners_visible_to(self.actor)
            .annotate(username_lower=Lower("username"))
            .filter(username_lower__in=wanted)
        }
        missing = [n for n in names if n.lower() not in found]
        if missing:
            raise forms.ValidationError(
                _("Not found among the learners at your centres: %(names)s")
                % {"names": ", ".join(missing[:20])}
            )
        return [found[n.lower()] for n in names]
