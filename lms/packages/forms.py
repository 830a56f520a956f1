"""The admin's upload form: a zip and how the package decides its lesson."""

from django import forms
from django.utils.translation import gettext_lazy as _

from curricula.models import LessonPage

from .models import ScormPackage


class LessonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, lesson):
        parent = lesson.get_parent()
        return f"{parent.title} › {lesson.title}" if parent else lesson.title


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
        # Lessons without a package yet, in the order of the site's tree.
        self.fields["lesson"] = LessonChoiceField(
            label=_("lesson"),
            queryset=LessonPage.objects.exclude(scorm_packages__isnull=False).order_by("path"),
        )
        self.fields["title"].required = False
        self.fields["title"].help_text = _("Leave empty to use the title in the package.")


class PackageEditForm(forms.ModelForm):
    class Meta:
        model = ScormPackage
        fields = ["title", "completes_lesson", "counts_as_quiz", "pass_mark"]

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, **kwargs)
