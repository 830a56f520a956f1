"""Centres and who works at them."""

from django.conf import settings
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from lms.core.collation import thai_order


class Region(models.TextChoices):
    NORTH = "north", _("North")
    NORTHEAST = "northeast", _("Northeast")
    CENTRAL = "central", _("Central")
    EAST = "east", _("East")
    WEST = "west", _("West")
    SOUTH = "south", _("South")


class Province(models.Model):
    """Reference data, loaded by a migration: Thailand's 77 provinces."""

    code = models.CharField(_("code"), max_length=2, unique=True)
    name_th = models.CharField(_("name (Thai)"), max_length=100, unique=True)
    name_en = models.CharField(_("name (English)"), max_length=100, unique=True)
    region = models.CharField(_("region"), max_length=16, choices=Region.choices)

    class Meta:
        ordering = [thai_order("name_th")]
        verbose_name = _("province")
        verbose_name_plural = _("provinces")

    def __str__(self) -> str:
        return self.name_en if get_language() == "en" else self.name_th


class HostType(models.TextChoices):
    TEMPLE = "temple", _("Temple")
    MOSQUE = "mosque", _("Mosque")
    SCHOOL = "school", _("School")
    LOCAL_OFFICE = "local_office", _("Local government office")
    OTHER = "other", _("Other")


class CentreQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)


class Centre(models.Model):
    code = models.CharField(_("centre code"), max_length=20, unique=True)
    name_th = models.CharField(_("name (Thai)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    province = models.ForeignKey(
        Province, verbose_name=_("province"), on_delete=models.PROTECT, related_name="centres"
    )
    district = models.CharField(_("district (amphoe)"), max_length=100, blank=True)
    subdistrict = models.CharField(_("sub-district (tambon)"), max_length=100, blank=True)
    address = models.TextField(_("address"), blank=True)
    host_type = models.CharField(
        _("hosted by"), max_length=20, choices=HostType.choices, default=HostType.OTHER
    )
    contact_name = models.CharField(_("contact person"), max_length=200, blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=20, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = CentreQuerySet.as_manager()

    class Meta:
        ordering = [thai_order("province__name_th"), thai_order("name_th")]
        verbose_name = _("centre")
        verbose_name_plural = _("centres")
        indexes = [models.Index(fields=["province", "name_th"])]

    def __str__(self) -> str:
        if get_language() == "en" and self.name_en:
            return self.name_en
        return self.name_th


class StaffRoleKind(models.TextChoices):
    TRAINER = "trainer", _("Trainer")
    CENTRE_ADMIN = "centre_admin", _("Centre admin")


class StaffRole(models.Model):
    """A person's role at one centre. Scope for every staff view comes from these rows."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="staff_roles"
    )
    centre = models.ForeignKey(Centre, on_delete=models.CASCADE, related_name="staff_roles")
    role = models.CharField(_("role"), max_length=20, choices=StaffRoleKind.choices)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("staff role")
        verbose_name_plural = _("staff roles")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "centre", "role"], name="centres_staffrole_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.get_role_display()} · {self.centre}"
