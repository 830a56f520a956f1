"""Forms of the class pages: a class, a session, a people import."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from curricula.models import CoursePage
from lms.centres import scoping
from lms.centres.forms import DateInput, TimeInput, centre_field, single_choice
from lms.centres.spreadsheets import MAX_UPLOAD_BYTES
from lms.users.models import User

from . import scoping as class_scoping
from .models import Cohort
from .selectors import course_choices, trainer_choices


class CourseChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return obj.title


class TrainerChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: User) -> str:
        return obj.display_name or obj.username


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
            self.fields = {"centre": centre_field(scoping.centres_visible_to(user)), **self.fields}
            single_choice(self, "centre")
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
                "centre": centre_field(centres),
                "cohort": forms.ModelChoiceField(
                    label=_("Add them to a class (optional)"),
                    queryset=class_scoping.cohorts_visible_to(user)
                    .filter(centre__in=centres)
                    .select_related("centre"),
                    required=False,
                    empty_label=_("No class: only create the accounts"),
                ),
                **self.fields,
            }
            single_choice(self, "centre")

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
