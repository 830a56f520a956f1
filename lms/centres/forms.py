"""Form pieces every staff page uses: date and time inputs, choosing a centre."""

from django import forms
from django.utils.translation import gettext_lazy as _

from lms.core.cache_version import CacheVersion
from lms.core.widgets import CachedLongSelect

from .models import Centre


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, **kwargs):
        super().__init__(format="%H:%M", **kwargs)


# Every centre and province change replaces it (receivers in apps.py).
CENTRE_CHOICES = CacheVersion("centres:choices")


class CentreSelect(CachedLongSelect):
    """A national admin chooses among 2,222 centres: drawn once, kept in the cache."""

    version = CENTRE_CHOICES


class CentreChoiceField(forms.ModelChoiceField):
    widget = CentreSelect

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
