"""Open Badges 3.0 credentials beside certificates: the issuer's signing keys, the
fixed status-list place of each certificate, and the learner's consent to be named.

The credential itself is not stored: it is built from the certificate row and signed
when asked for, so it always says what the certificate says.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class IssuerKeyQuerySet(models.QuerySet):
    def active(self):
        return self.filter(retired_at__isnull=True)

    def published(self):
        # Retired keys stay published: credentials they signed must keep verifying.
        return self.order_by("created_at", "pk")


class IssuerKey(models.Model):
    """An Ed25519 key of the issuer. Exactly one is active; retired ones stay published."""

    kid = models.CharField(_("key id"), max_length=64, unique=True, editable=False)
    public_jwk = models.JSONField(_("public key (JWK)"), editable=False)
    # The private key, encrypted (lms.credentials.keys); never shown or exported.
    private_key_encrypted = models.TextField(editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    retired_at = models.DateTimeField(_("retired at"), null=True, blank=True)

    objects = IssuerKeyQuerySet.as_manager()

    class Meta:
        verbose_name = _("issuer key")
        verbose_name_plural = _("issuer keys")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["retired_at"],
                condition=Q(retired_at__isnull=True),
                name="credentials_one_active_key",
            ),
        ]

    def __str__(self) -> str:
        return self.kid

    @property
    def is_active(self) -> bool:
        return self.retired_at is None


class CertificateCredential(models.Model):
    """A certificate's place in the revocation status list and its recipient salt.

    Allocated once, the first time the certificate's credential is built, and never
    changed: a credential carries its status index for as long as it is kept.
    """

    certificate = models.OneToOneField(
        "certificates.Certificate",
        verbose_name=_("certificate"),
        on_delete=models.CASCADE,
        related_name="credential",
    )
    status_list = models.PositiveIntegerField(default=1)
    status_index = models.PositiveIntegerField(null=True, editable=False)
    salt = models.CharField(max_length=32, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("certificate credential")
        verbose_name_plural = _("certificate credentials")
        constraints = [
            models.UniqueConstraint(
                fields=["status_list", "status_index"], name="credentials_one_status_index"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.status_list}/{self.status_index}"


class CredentialConsent(models.Model):
    """Whether a learner lets their name appear in their credentials (off until they say)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("learner"),
        on_delete=models.CASCADE,
        related_name="credential_consent",
    )
    show_name = models.BooleanField(_("show my name in digital credentials"), default=False)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("credential consent")
        verbose_name_plural = _("credential consents")

    def __str__(self) -> str:
        return f"{self.user_id}: {self.show_name}"
