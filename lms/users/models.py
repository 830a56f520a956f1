"""People: learners and staff share one account model.

Many learners have no e-mail address, so the username is the only required
identifier; names are kept in Thai (with the title prefix that Thai documents
use) and optionally in English for bilingual certificates.
"""

from django.contrib.auth.models import AbstractUser, UserManager
from django.core.validators import RegexValidator
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

username_validator = RegexValidator(
    r"^[A-Za-z0-9._-]{3,40}\Z",
    _("A username may use English letters, digits and . _ - only, 3 to 40 characters."),
)


class TitlePrefix(models.TextChoices):
    NONE = "", _("(no title)")
    MR = "mr", "นาย"
    MRS = "mrs", "นาง"
    MISS = "miss", "นางสาว"
    BOY = "boy", "เด็กชาย"
    GIRL = "girl", "เด็กหญิง"


ENGLISH_TITLES = {
    TitlePrefix.MR: "Mr.",
    TitlePrefix.MRS: "Mrs.",
    TitlePrefix.MISS: "Miss",
    TitlePrefix.BOY: "Master",
    TitlePrefix.GIRL: "Miss",
}


class LearnerManager(UserManager):
    def get_by_natural_key(self, username):
        # Phones capitalise the first letter; "Somchai" and "somchai" are one account.
        return self.get(username__iexact=username)


class User(AbstractUser):
    username = models.CharField(
        _("username"),
        max_length=40,
        unique=True,
        validators=[username_validator],
        help_text=_("English letters, digits and . _ - (3 to 40 characters)."),
        error_messages={"unique": _("This username is already taken.")},
    )
    email = models.EmailField(_("e-mail address"), blank=True)
    phone = models.CharField(_("phone number"), max_length=20, blank=True)
    # "title" alone is a page's or a quiz's title everywhere in Wagtail's admin; the context
    # keeps the Thai for a person's name prefix apart.
    title_prefix = models.CharField(
        pgettext_lazy("person name prefix", "title"),
        max_length=8,
        choices=TitlePrefix.choices,
        blank=True,
        default="",
    )
    first_name = models.CharField(_("first name (Thai)"), max_length=100, blank=True)
    last_name = models.CharField(_("last name (Thai)"), max_length=100, blank=True)
    first_name_en = models.CharField(_("first name (English)"), max_length=100, blank=True)
    last_name_en = models.CharField(_("last name (English)"), max_length=100, blank=True)
    birth_year = models.PositiveSmallIntegerField(_("birth year (C.E.)"), null=True, blank=True)
    home_centre = models.ForeignKey(
        "centres.Centre",
        verbose_name=_("home centre"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="learners",
    )
    # The tracks (lms.core.tracks.Track) a learner chose at sign-up: courses are suggested
    # from them first.
    interests = models.JSONField(_("interests"), default=list, blank=True)
    must_change_password = models.BooleanField(
        _("must change password at next login"), default=False
    )
    anonymised_at = models.DateTimeField(_("anonymised at"), null=True, blank=True)

    objects = LearnerManager()

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        constraints = [
            models.UniqueConstraint(Lower("username"), name="users_username_ci_unique"),
        ]

    def __str__(self) -> str:
        return self.display_name or self.username

    @property
    def display_name(self) -> str:
        """Thai style: the title is written straight before the first name."""
        name = " ".join(part for part in (self.first_name, self.last_name) if part)
        if not name:
            return ""
        return f"{self.get_title_prefix_display() if self.title_prefix else ''}{name}"

    @property
    def display_name_en(self) -> str:
        name = " ".join(part for part in (self.first_name_en, self.last_name_en) if part)
        if not name:
            return ""
        title = ENGLISH_TITLES.get(self.title_prefix)
        return f"{title} {name}" if title else name

    def get_full_name(self) -> str:
        return self.display_name or self.username
