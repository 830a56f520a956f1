"""Statements waiting for (or already handed to) the Learning Record Store."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class StatementOutboxQuerySet(models.QuerySet):
    def unsent(self):
        return self.filter(sent_at__isnull=True)

    def failing(self):
        return self.filter(sent_at__isnull=True, attempts__gt=0)


class StatementOutbox(models.Model):
    # Fixed when the event happens and sent with the statement: the LRS keeps one
    # statement per id, so a resend after a lost response is never a second statement.
    statement_id = models.UUIDField(_("statement id"), unique=True, default=uuid.uuid4)
    statement = models.JSONField(_("statement"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    attempts = models.PositiveIntegerField(_("failed attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    next_attempt_at = models.DateTimeField(_("next attempt at"), null=True, blank=True)

    objects = StatementOutboxQuerySet.as_manager()

    class Meta:
        verbose_name = _("xAPI statement")
        verbose_name_plural = _("xAPI statements")
        indexes = [
            # The drain reads only the unsent rows, oldest first.
            models.Index(
                fields=["next_attempt_at", "id"],
                name="xapi_outbox_unsent",
                condition=Q(sent_at__isnull=True),
            ),
        ]

    def __str__(self) -> str:
        return str(self.statement_id)


class LearnerAgent(models.Model):
    """The opaque name a learner has in statements: neither their username nor their name,
    and stable for as long as the account exists."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="xapi_agent"
    )
    name = models.UUIDField(_("agent name"), unique=True, default=uuid.uuid4, editable=False)

    class Meta:
        verbose_name = _("xAPI agent")
        verbose_name_plural = _("xAPI agents")

    def __str__(self) -> str:
        return str(self.name)
