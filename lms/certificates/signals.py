"""Events certificates announce to higher apps, sent once the change is committed."""

from django.dispatch import Signal

# Sent with `certificate_id` after a revocation is committed.
certificate_revoked = Signal()
