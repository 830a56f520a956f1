from django import forms
from django.utils.translation import gettext_lazy as _

from .models import TokenScope
from .services import MAX_LIFETIME_DAYS

LIFETIMES = [
    ("30", _("30 days")),
    ("90", _("90 days")),
    ("365", _("1 year")),
    ("", _("Until I revoke it")),
]


class TokenForm(forms.Form):
    name = forms.CharField(
        label=_("Name"),
        max_length=100,
        help_text=_('What the token is for, e.g. "Attendance app on the centre\'s tablet".'),
    )
    scope = forms.ChoiceField(
        label=_("Access"),
        choices=TokenScope.choices,
        initial=TokenScope.READ,
        widget=forms.RadioSelect,
    )
    expires_in_days = forms.TypedChoiceField(
        label=_("Valid for"),
        choices=LIFETIMES,
        coerce=int,
        empty_value=None,
        required=False,
        initial="90",
    )

    def clean_expires_in_days(self):
        value = self.cleaned_data.get("expires_in_days")
        if value is not None and not 1 <= value <= MAX_LIFETIME_DAYS:
            raise forms.ValidationError(_("Choose one of the lengths offered."))
        return value
