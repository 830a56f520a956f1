"""Reads of the xAPI outbox."""

from dataclasses import dataclass

from django.db.models import Count, Q

from .models import StatementOutbox


@dataclass(frozen=True)
class OutboxCounts:
    sent: int
    waiting: int
    failing: int


def outbox_counts() -> OutboxCounts:
    """How many statements were sent, wait to be sent, and wait after a failed try."""
    counts = StatementOutbox.objects.aggregate(
        sent=Count("pk", filter=Q(sent_at__isnull=False)),
        waiting=Count("pk", filter=Q(sent_at__isnull=True)),
        failing=Count("pk", filter=Q(sent_at__isnull=True, attempts__gt=0)),
    )
    return OutboxCounts(**counts)
