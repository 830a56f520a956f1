from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm


class H5PContentForm(WagtailAdminModelForm):
    """Title and the .h5p file; the service checks and unpacks the file on save."""

    package = forms.FileField(
        label=_("H5P file (.h5p)"),
        help_text=_(
            "Export the activity from H5P.org or Lumi with its libraries included. "
            "The file is checked before it is saved."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".h5p,application/zip"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["title"].required = False
        self.fields["title"].help_text = _("Leave empty to use the title inside the package.")
        if self.instance.pk:
            self.fields["package"].required = False
            self.fields["package"].help_text = _(
                "Upload a file only to replace the activity; learners' results stay."
            )

    def clean_package(self):
        package = self.cleaned_data.get("package")
        if package and not package.name.lower().endswith(".h5p"):
            raise forms.ValidationError(_("Choose a file whose name ends in .h5p."))
        return package
