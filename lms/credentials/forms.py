from django import forms
from django.utils.translation import gettext_lazy as _

from .verification import MAX_INPUT_BYTES, too_large_error


class CredentialVerifyForm(forms.Form):
    credential = forms.CharField(
        label=_("Paste the credential"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6, "spellcheck": "false", "autocomplete": "off"}),
        help_text=_("The text of the credential file (JSON), or its JWT."),
    )
    file = forms.FileField(
        label=_("Or upload the credential file"),
        required=False,
        help_text=_("A .json or .jwt file of at most 64 KB."),
    )

    def clean(self):
        cleaned = super().clean()
        upload = cleaned.get("file")
        text = cleaned.get("credential") or ""
        if upload is not None:
            if upload.size > MAX_INPUT_BYTES:
                raise forms.ValidationError(too_large_error().message, code="too_large")
            raw = upload.read(MAX_INPUT_BYTES + 1)
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError:
                raise forms.ValidationError(
                    _("The file is not a credential: it is not text."), code="unreadable"
                ) from None
        if not text.strip():
            raise forms.ValidationError(
                _("Paste a credential or choose its file."), code="required"
            )
        cleaned["text"] = text
        return cleaned


class CredentialConsentForm(forms.Form):
    show_name = forms.BooleanField(
        label=_("Show my name in my digital credentials"), required=False
    )
