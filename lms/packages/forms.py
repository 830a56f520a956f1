"""The admin's upload form: a zip and how the package decides its lesson."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import ScormPackage


class PackageUploadForm(forms.ModelForm):
    package_file = forms.FileField(
        label=_("SCORM package (.zip)"),
        help_text=_("A zip exported as SCORM 1.2 or SCORM 2004, with imsmanifest.xml inside."),
        widget=forms.ClearableFileInput(attrs={"accept": ".zip,application/zip"}),
    )

    class Meta:
        model = ScormPackage
        fields = ["lesson", "title", "completes_lesson", "counts_as_quiz", "pass_mark"]

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["title"].required = False
        self.fields["title"].help_text = _("Leave empty to use the title in the package.")


class PackageEditForm(forms.ModelForm):
    class Meta:
        model = ScormPackage
        fields = ["title", "completes_lesson", "counts_as_quiz", "pass_mark"]

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, **kwargs)
