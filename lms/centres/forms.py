"""Forms of the staff pages. Choices are limited to what the staff member may use
(lms.centres.scoping); the services check again."""

import datetime as dt
import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from curricula.models import ActivityPage, CoursePage, Track
from lms.users.models import User

from . import scoping
from .models import Centre, Cohort, Province
from .reports import Dimension, ReportFilters
from .selectors import activity_choices, course_choices, trainer_choices
from .services import MAX_ADULTS, MAX_CHILDREN_PER_AGE
from .spreadsheets import MAX_UPLOAD_BYTES


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


class CourseChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return obj.title


class ActivityChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return _("%(title)s (ages %(min)s–%(max)s)") % {
            "title": obj.title,
            "min": obj.age_min,
            "max": obj.age_max,
        }


class TrainerChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: User) -> str:
        return obj.display_name or obj.username


def _centre_field(centres, **kwargs) -> CentreChoiceField:
    field = CentreChoiceField(
        label=_("Centre"), queryset=centres.select_related("province"), **kwargs
    )
    return field


def _single_choice(form: forms.Form, name: str) -> None:
    """Staff of one centre are not asked which centre."""
    field = form.fields[name]
    choices = list(field.queryset[:2])
    if len(choices) == 1:
        field.initial = choices[0].pk
        field.widget = forms.HiddenInput()


class CohortForm(forms.Form):
    name = forms.CharField(
        label=_("Class name"),
        max_length=200,
        help_text=_("For example: ขายของออนไลน์ รุ่นที่ 1 (มกราคม)"),
    )
    course = CourseChoiceField(label=_("Course"), queryset=CoursePage.objects.none())
    start_date = forms.DateField(label=_("Starts on"), widget=DateInput())
    end_date = forms.DateField(label=_("Ends on"), required=False, widget=DateInput())
    trainers = TrainerChoiceField(
        label=_("Trainers"),
        queryset=User.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, user: User, cohort: Cohort | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.cohort = cohort
        if cohort is None:
            self.fields["course"].queryset = course_choices()
            self.fields = {"centre": _centre_field(scoping.centres_visible_to(user)), **self.fields}
            _single_choice(self, "centre")
            centre_ids = scoping.staff_centre_ids(user)
        else:
            del self.fields["course"]
            centre_ids = {cohort.centre_id}
        self.fields["trainers"].queryset = trainer_choices(centre_ids=centre_ids)

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start_date"), cleaned.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("A class cannot end before it starts."))
        return cleaned


class SessionForm(forms.Form):
    date = forms.DateField(label=_("Date"), widget=DateInput())
    start_time = forms.TimeField(label=_("Starts at"), widget=TimeInput())
    end_time = forms.TimeField(label=_("Ends at"), widget=TimeInput())
    place = forms.CharField(label=_("Place"), max_length=200, required=False)
    topic = forms.CharField(label=_("Topic"), max_length=200, required=False)

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start_time"), cleaned.get("end_time")
        if start and end and end <= start:
            self.add_error("end_time", _("A session must end after it starts."))
        return cleaned


class ImportUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Spreadsheet (.xlsx or .csv)"),
        help_text=_("Up to 10,000 people; the first row holds the column headings."),
        widget=forms.ClearableFileInput(
            attrs={
                "accept": ".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            }
        ),
    )

    def __init__(self, *args, user: User, cohort: Cohort | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fixed_cohort = cohort
        if cohort is None:
            centres = scoping.centres_administered_by(user)
            self.fields = {
                "centre": _centre_field(centres),
                "cohort": forms.ModelChoiceField(
                    label=_("Add them to a class (optional)"),
                    queryset=scoping.cohorts_visible_to(user)
                    .filter(centre__in=centres)
                    .select_related("centre"),
                    required=False,
                    empty_label=_("No class: only create the accounts"),
                ),
                **self.fields,
            }
            _single_choice(self, "centre")

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise ValidationError(
                _("The file is larger than %(mb)s MB.") % {"mb": MAX_UPLOAD_BYTES // (1024 * 1024)}
            )
        return upload

    def clean(self):
        cleaned = super().clean()
        if self.fixed_cohort is not None:
            cleaned["cohort"] = self.fixed_cohort
            cleaned["centre"] = self.fixed_cohort.centre
        elif (
            cleaned.get("cohort")
            and cleaned.get("centre")
            and cleaned["cohort"].centre_id != cleaned["centre"].pk
        ):
            self.add_error("cohort", _("The class belongs to another centre."))
        return cleaned


class ImportConfirmForm(forms.Form):
    only_valid_rows = forms.BooleanField(
        label=_("Import only the rows without errors; leave the rows with errors out"),
        required=False,
    )


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
                "centre": _centre_field(scoping.centres_visible_to(user)),
                **self.fields,
            }
            _single_choice(self, "centre")
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
