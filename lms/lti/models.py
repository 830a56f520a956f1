"""Our courses inside a school's learning system (LTI 1.3): the platforms registered with
us, our own signing keys, the accounts linked to a platform's users, and the scores
waiting to be sent to a platform's gradebook."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class ToolKey(models.Model):
    """An RSA key pair of ours. The newest active key signs; every active key is published
    in /lti/jwks.json so that a platform still holding an older one keeps working."""

    kid = models.CharField(_("key id"), max_length=100, unique=True, editable=False)
    public_key = models.TextField(_("public key"), editable=False)
    # Written once by `tool_key_generate` and never shown in the admin.
    private_key = models.TextField(_("private key"), editable=False)
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("LTI signing key")
        verbose_name_plural = _("LTI signing keys")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.kid


class PlatformQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)


class Platform(models.Model):
    """A school's learning system (Moodle, Canvas …) that launches our courses."""

    name = models.CharField(_("name"), max_length=200)
    issuer = models.URLField(
        _("platform issuer"),
        max_length=255,
        help_text=_("The platform ID from the school's system, e.g. https://moodle.school.ac.th"),
    )
    client_id = models.CharField(_("client ID"), max_length=255)
    deployment_ids = models.TextField(
        _("deployment IDs"), help_text=_("One per line, as the school's system shows them.")
    )
    auth_login_url = models.URLField(_("authentication request URL"), max_length=1024)
    auth_token_url = models.URLField(_("access token URL"), max_length=1024)
    key_set_url = models.URLField(_("public keyset URL"), max_length=1024)
    learner_centre = models.ForeignKey(
        "centres.Centre",
        verbose_name=_("centre of new learners"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Learners who first arrive from this platform get this home centre."),
    )
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = PlatformQuerySet.as_manager()

    class Meta:
        verbose_name = _("LTI platform")
        verbose_name_plural = _("LTI platforms")
        constraints = [
            models.UniqueConstraint(fields=["issuer", "client_id"], name="lti_platform_unique"),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def deployment_id_list(self) -> list[str]:
        return [line.strip() for line in self.deployment_ids.splitlines() if line.strip()]


class LtiAccount(models.Model):
    """A platform's user (issuer and `sub`) linked to one of our accounts."""

    platform = models.ForeignKey(
        Platform, verbose_name=_("platform"), on_delete=models.PROTECT, related_name="accounts"
    )
    sub = models.CharField(_("user ID at the platform"), max_length=255)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="lti_accounts",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("linked LTI account")
        verbose_name_plural = _("linked LTI accounts")
        constraints = [
            models.UniqueConstraint(fields=["platform", "sub"], name="lti_account_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.platform} · {self.sub}"


class UsedNonce(models.Model):
    """Launch messages already accepted: the same message posted again is refused by the
    unique constraint, whatever a cache or a cookie says."""

    platform = models.ForeignKey(Platform, on_delete=models.CASCADE, related_name="+")
    nonce = models.CharField(max_length=255)
    expires_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["platform", "nonce"], name="lti_nonce_once"),
        ]

    def __str__(self) -> str:
        return self.nonce


class GradeLink(models.Model):
    """Where a linked learner's result in one course goes: a line item at the platform,
    named by the launch's Assignment and Grade Services claim."""

    account = models.ForeignKey(
        LtiAccount, verbose_name=_("linked account"), on_delete=models.CASCADE, related_name="+"
    )
    course = models.ForeignKey(
        "curricula.CoursePage", verbose_name=_("course"), on_delete=models.CASCADE, related_name="+"
    )
    lineitem_url = models.URLField(_("line item URL"), max_length=1024)
    scopes = models.JSONField(_("scopes"), default=list)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("gradebook link")
        verbose_name_plural = _("gradebook links")
        constraints = [
            models.UniqueConstraint(
                fields=["account", "course", "lineitem_url"], name="lti_grade_link_unique"
            ),
        ]

    def __str__(self) -> str:
        return self.lineitem_url


class ActivityProgress(models.TextChoices):
    INITIALIZED = "Initialized", _("not started")
    STARTED = "Started", _("started")
    IN_PROGRESS = "InProgress", _("in progress")
    COMPLETED = "Completed", _("completed")


class GradingProgress(models.TextChoices):
    PENDING = "Pending", _("pending")
    FULLY_GRADED = "FullyGraded", _("fully graded")


class ScoreOutboxQuerySet(models.QuerySet):
    def unsent(self):
        return self.filter(sent_at__isnull=True)


class ScoreOutbox(models.Model):
    """One change of a learner's result, to be posted once to the platform's line item."""

    link = models.ForeignKey(GradeLink, on_delete=models.CASCADE, related_name="scores")
    score_given = models.DecimalField(_("score"), max_digits=6, decimal_places=2)
    score_maximum = models.DecimalField(_("maximum score"), max_digits=6, decimal_places=2)
    activity_progress = models.CharField(max_length=20, choices=ActivityProgress.choices)
    grading_progress = models.CharField(max_length=20, choices=GradingProgress.choices)
    # The time the result changed, sent as the score's timestamp: a platform keeps the
    # latest, so a late resend of an older change never overwrites a newer one.
    changed_at = models.DateTimeField(_("changed at"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    attempts = models.PositiveIntegerField(_("failed attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    next_attempt_at = models.DateTimeField(_("next attempt at"), null=True, blank=True)
    key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)

    objects = ScoreOutboxQuerySet.as_manager()

    class Meta:
        verbose_name = _("score for a gradebook")
        verbose_name_plural = _("scores for gradebooks")
        indexes = [
            models.Index(
                fields=["next_attempt_at", "id"],
                name="lti_score_unsent",
                condition=Q(sent_at__isnull=True),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.score_given}/{self.score_maximum}"
