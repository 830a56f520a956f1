"""The filters of the centre report: grouping, months, province, centre and track."""

import datetime as dt
import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from curricula.models import Track
from lms.centres import scoping
from lms.centres.forms import CentreChoiceField
from lms.centres.models import Centre, Province
from lms.users.models import User

from .reports import Dimension, ReportFilters


def parse_month(value: str) -> dt.date | None:
    """`2025-03` or the Buddhist-Era `2568-03` (typed where the browser has no month picker)."""
    match = re.fullmatch(r"\s*(\d{4})-(\d{1,2})\s*", value or "")
    if not match:
        return None
    year, month = int(match.group(1)), int(match.group(2))
    if year > 2400:
        year -= 543
    if not (2000 <= year <= 2200 and 1 <= month <= 12):
        return None
    return dt.date(year, month, 1)


class MonthField(forms.CharField):
    widget = forms.TextInput(attrs={"type": "month", "placeholder": "2568-01"})

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return None
        month = parse_month(value)
        if month is None:
            raise ValidationError(_("Enter a month such as 2568-01."))
        return month


class ReportFilterForm(forms.Form):
    by = forms.ChoiceField(label=_("Group by"), choices=Dimension.choices, initial=Dimension.CENTRE)
    date_from = MonthField(label=_("From (month)"), required=False)
    date_to = MonthField(label=_("To (month)"), required=False)
    province = forms.ModelChoiceField(
        label=_("Province"), queryset=Province.objects.all(), required=False, empty_label=_("All")
    )
    centre = CentreChoiceField(
        label=_("Centre"), queryset=Centre.objects.none(), required=False, empty_label=_("All")
    )
    track = forms.ChoiceField(
        label=_("Track"), choices=[("", _("All")), *Track.choices], required=False
    )

    def __init__(self, *args, user: User, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["centre"].queryset = scoping.centres_administered_by(user).select_related(
            "province"
        )
        if scoping.report_centre_ids(user) is not None:
            # Centre admins have few centres; a province filter would only confuse.
            del self.fields["province"]

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and end < start:
            self.add_error("date_to", _("The last month cannot come before the first."))
        return cleaned

    def report_args(self) -> tuple[str, ReportFilters]:
        data = self.cleaned_data if self.is_bound and self.is_valid() else {}
        province = data.get("province")
        centre = data.get("centre")
        return data.get("by") or Dimension.CENTRE, ReportFilters(
            date_from=data.get("date_from"),
            date_to=data.get("date_to"),
            province_id=province.pk if province else None,
            centre_id=centre.pk if centre else None,
            track=data.get("track") or None,
        )
