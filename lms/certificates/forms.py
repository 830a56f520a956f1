from django import forms
from django.utils.translation import gettext_lazy as _

from .codes import code_normalise


class VerifyForm(forms.Form):
    code = forms.CharField(
        label=_("Certificate code"),
        max_length=64,
        help_text=_(
            "The 20 letters and digits under the QR code, e.g. 7KQ2M-XW9PA-3RT8H-V6NBC. "
            "Spaces, dashes and small letters are fine."
        ),
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}
        ),
    )

    def clean_code(self) -> str:
        compact = code_normalise(self.cleaned_data["code"])
        if compact is None:
            raise forms.ValidationError(
                _(
                    "This does not look like a certificate code. A code has 20 letters and "
                    "digits; please check it against the certificate."
                )
            )
        return compact
