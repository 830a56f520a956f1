"""The form of an early-childhood session: which activity plan, when, how many took part."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from curricula.models import ActivityPage
from lms.centres import scoping
from lms.centres.forms import DateInput, centre_field, single_choice
from lms.users.models import User

from .selectors import activity_choices
from .services import MAX_ADULTS, MAX_CHILDREN_PER_AGE


class ActivityChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return _("%(title)s (ages %(min)s–%(max)s)") % {
            "title": obj.title,
            "min": obj.age_min,
            "max": obj.age_max,
        }


def _count_field(label, maximum: int) -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        min_value=0,
        max_value=maximum,
        initial=0,
        # A text box with the number pad: a type="number" box empties itself when the
        # count is typed in Thai digits (๓), which the field itself accepts.
        widget=forms.TextInput(attrs={"inputmode": "numeric", "size": 4}),
    )


class EarlyChildhoodForm(forms.Form):
    activity = ActivityChoiceField(label=_("Activity plan"), queryset=ActivityPage.objects.none())
    date = forms.DateField(label=_("Date"), widget=DateInput())
    children_age_3 = _count_field(_("3 years"), MAX_CHILDREN_PER_AGE)
    children_age_4 = _count_field(_("4 years"), MAX_CHILDREN_PER_AGE)
    children_age_5 = _count_field(_("5 years"), MAX_CHILDREN_PER_AGE)
    children_age_6 = _count_field(_("6 years"), MAX_CHILDREN_PER_AGE)
    adults = _count_field(_("Adults (parents, carers)"), MAX_ADULTS)
    notes = forms.CharField(
        label=_("Notes (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("How it went, what to change next time. Do not write children's names."),
    )

    def __init__(self, *args, user: User, editing: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["activity"].queryset = activity_choices()
        if not editing:
            self.fields = {
                "centre": centre_field(scoping.centres_visible_to(user)),
                **self.fields,
            }
            single_choice(self, "centre")
        self.fields["date"].initial = timezone.localdate()

    def clean_date(self):
        date = self.cleaned_data["date"]
        if date > timezone.localdate():
            raise ValidationError(_("The date cannot be in the future."))
        return date

    def clean(self):
        cleaned = super().clean()
        ages = [cleaned.get(f"children_age_{age}") for age in (3, 4, 5, 6)]
        if all(value is not None for value in ages) and not sum(ages):
            raise ValidationError(_("Enter how many children took part."))
        return cleaned
