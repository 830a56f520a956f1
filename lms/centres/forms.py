"""Form pieces every staff page uses: date and time inputs, choosing a centre."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Centre


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, **kwargs):
        super().__init__(format="%H:%M", **kwargs)


class CentreChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Centre) -> str:
        return f"{obj} ({obj.province})"


def centre_field(centres, **kwargs) -> CentreChoiceField:
    field = CentreChoiceField(
        label=_("Centre"), queryset=centres.select_related("province"), **kwargs
    )
    return field


def single_choice(form: forms.Form, name: str) -> None:
    """Staff of one centre are not asked which centre."""
    field = form.fields[name]
    choices = list(field.queryset[:2])
    if len(choices) == 1:
        field.initial = choices[0].pk
        field.widget = forms.HiddenInput()
