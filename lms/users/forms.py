import re
import unicodedata

from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lms.centres.models import Centre, Province
from lms.core.clean import text_clean
from lms.core.collation import thai_order
from lms.core.numbers import digits_ascii
from lms.core.tracks import Track

from .models import User

BUDDHIST_ERA_OFFSET = 543
NAME_MAX = 100

phone_validator = RegexValidator(
    r"^0[0-9]{8,9}$",
    _("Enter a Thai phone number of 9 or 10 digits starting with 0, e.g. 0812345678."),
)


def phone_normalise(value: str) -> str:
    """A Thai phone number as digits starting with 0, however it was written.

    Thai digits (๐๘๑...), spaces, dashes and brackets, +66 or 66 in front, and a
    leading 0 that a spreadsheet dropped from a number cell are all accepted. The
    result is not validated: pass it to `phone_validator`.
    """
    # Separators go; anything else (a letter, "²") stays so that the validator refuses it.
    digits = re.sub(r"[\s\-.()/]+", "", digits_ascii(value or ""))
    if digits.startswith("+66"):
        digits = "0" + digits[3:]
    elif digits.startswith("66") and len(digits) == 11:
        digits = "0" + digits[2:]
    elif len(digits) == 9 and digits[0] in "689":
        digits = "0" + digits
    return digits


def clean_birth_year(value: int | None) -> int | None:
    """Accept the Buddhist Era (2540) that Thai people write, or the Common Era (1997)."""
    if value is None:
        return None
    year = value - BUDDHIST_ERA_OFFSET if value > 2400 else value
    this_year = timezone.localdate().year
    if not 1900 <= year <= this_year - 3:
        raise ValidationError(_("Enter a birth year such as 2540 (B.E.) or 1997 (C.E.)."))
    return year


NAME_PUNCTUATION = set(" -.'’")


def clean_name(value: str) -> str:
    """Letters of any script with their vowel and tone marks, spaces, - . and '.

    Thai names keep their marks (NFC); emoji, digits, angle brackets and other
    symbols are refused with a message rather than stored.
    """
    value = " ".join(text_clean(value).split())
    for char in value:
        if char not in NAME_PUNCTUATION and unicodedata.category(char)[0] not in "LM":
            raise ValidationError(
                _(
                    "A name may contain letters, spaces, dots, hyphens and apostrophes only (not “%(char)s”)."
                )
                % {"char": char}
            )
    return value


class ProfileFieldsMixin(forms.Form):
    interests = forms.MultipleChoiceField(
        label=_("What would you like to learn? (optional)"),
        choices=Track.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Courses of these tracks are suggested to you first."),
    )
    birth_year = forms.IntegerField(
        label=_("Birth year"),
        required=False,
        min_value=1,
        max_value=9999,
        help_text=_("Buddhist Era (e.g. 2540) or Common Era (e.g. 1997)."),
        # A text box, not type="number": browsers empty a number box typed in Thai digits.
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "bday-year"}),
    )

    def clean_birth_year(self):
        return clean_birth_year(self.cleaned_data.get("birth_year"))

    def clean_first_name(self):
        return clean_name(self.cleaned_data.get("first_name", ""))

    def clean_last_name(self):
        return clean_name(self.cleaned_data.get("last_name", ""))

    def clean_first_name_en(self):
        return clean_name(self.cleaned_data.get("first_name_en", ""))

    def clean_last_name_en(self):
        return clean_name(self.cleaned_data.get("last_name_en", ""))

    def clean_phone(self):
        phone = phone_normalise(self.cleaned_data.get("phone", ""))
        if phone:
            phone_validator(phone)
        return phone

    def clean_email(self):
        return (self.cleaned_data.get("email") or "").strip().lower()


def centre_choices(province_code: str | None):
    queryset = Centre.objects.active().select_related("province")
    queryset = queryset.filter(province__code=province_code) if province_code else queryset.none()
    return queryset.order_by(thai_order("name_th"))


class SignupForm(ProfileFieldsMixin, forms.ModelForm):
    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("At least 8 characters; not only numbers; not like your username."),
    )
    password2 = forms.CharField(
        label=_("Password again"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    province = forms.ModelChoiceField(
        label=_("Province of your centre"),
        queryset=Province.objects.all(),
        required=False,
        to_field_name="code",
        empty_label=_("Choose a province"),
    )

    class Meta:
        model = User
        fields = [
            "username",
            "title_prefix",
            "first_name",
            "last_name",
            "first_name_en",
            "last_name_en",
            "birth_year",
            "phone",
            "email",
            "home_centre",
            "interests",
        ]
        labels = {
            "first_name": _("First name (Thai)"),
            "last_name": _("Last name (Thai)"),
            "first_name_en": _("First name in English (optional)"),
            "last_name_en": _("Last name in English (optional)"),
            "phone": _("Phone (optional)"),
            "email": _("E-mail (optional)"),
            "home_centre": _("Your community digital centre (optional)"),
        }
        help_texts = {
            "last_name": _("Your name as it is printed on your certificates."),
            "first_name_en": _("Printed on English certificates."),
            "email": _("Only needed to reset your password yourself."),
        }
        widgets = {
            "username": forms.TextInput(
                attrs={"autocomplete": "username", "autocapitalize": "none", "spellcheck": "false"}
            ),
            "phone": forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
        }

    field_order = [
        "username",
        "password1",
        "password2",
        "title_prefix",
        "first_name",
        "last_name",
        "first_name_en",
        "last_name_en",
        "birth_year",
        "phone",
        "email",
        "province",
        "home_centre",
        "interests",
    ]

    def __init__(self, *args, province_code: str | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["first_name"].required = True
        self.fields["last_name"].required = True
        code = province_code or (self.data.get("province") if self.is_bound else None)
        self.fields["home_centre"].queryset = centre_choices(code)
        self.fields["home_centre"].empty_label = (
            _("Choose your centre") if code else _("Choose a province first")
        )
        if code:
            self.initial.setdefault("province", code)

    def clean_username(self):
        username = (self.cleaned_data.get("username") or "").strip()
        if User.objects.filter(username__iexact=username).exists():
            raise ValidationError(_("This username is already taken."), code="unique")
        return username

    def clean(self):
        cleaned = super().clean()
        password1, password2 = cleaned.get("password1"), cleaned.get("password2")
        if password1 and password2 and password1 != password2:
            self.add_error("password2", _("The two passwords do not match."))
        elif password1:
            candidate = User(
                username=cleaned.get("username", ""),
                first_name=cleaned.get("first_name", ""),
                last_name=cleaned.get("last_name", ""),
                email=cleaned.get("email", ""),
            )
            try:
                password_validation.validate_password(password1, candidate)
            except ValidationError as error:
                self.add_error("password1", error)
        return cleaned


class ProfileForm(ProfileFieldsMixin, forms.ModelForm):
    province = forms.ModelChoiceField(
        label=_("Province of your centre"),
        queryset=Province.objects.all(),
        required=False,
        to_field_name="code",
        empty_label=_("Choose a province"),
    )

    class Meta:
        model = User
        fields = [
            "title_prefix",
            "first_name",
            "last_name",
            "first_name_en",
            "last_name_en",
            "birth_year",
            "phone",
            "email",
            "home_centre",
            "interests",
        ]
        labels = SignupForm.Meta.labels
        help_texts = SignupForm.Meta.help_texts
        widgets = SignupForm.Meta.widgets

    field_order = [
        "title_prefix",
        "first_name",
        "last_name",
        "first_name_en",
        "last_name_en",
        "birth_year",
        "phone",
        "email",
        "province",
        "home_centre",
        "interests",
    ]

    def __init__(self, *args, province_code: str | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["first_name"].required = True
        self.fields["last_name"].required = True
        instance = kwargs.get("instance")
        code = province_code or (self.data.get("province") if self.is_bound else None)
        if not code and instance is not None and instance.home_centre_id:
            code = instance.home_centre.province.code
        self.fields["home_centre"].queryset = centre_choices(code)
        self.fields["home_centre"].empty_label = (
            _("Choose your centre") if code else _("Choose a province first")
        )
        if code:
            self.initial["province"] = code
        if instance is not None and instance.birth_year:
            # Show the year the way Thai readers write it.
            self.initial["birth_year"] = instance.birth_year + BUDDHIST_ERA_OFFSET


class LoginForm(AuthenticationForm):
    error_messages = {
        "invalid_login": _("The username or password is not right. Check them and try again."),
        "inactive": _("The username or password is not right. Check them and try again."),
    }

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        self.fields["username"].widget.attrs.update(
            {"autocapitalize": "none", "spellcheck": "false"}
        )


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    confirm = forms.BooleanField(
        label=_(
            "I understand that my name and contact details will be erased and cannot be recovered."
        ),
    )

    def __init__(self, *args, user: User, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self):
        password = self.cleaned_data.get("password")
        if not self.user.check_password(password):
            raise ValidationError(_("The password is not right."))
        return password
