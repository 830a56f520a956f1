"""Events of certificates that apps above certificates act on.

`certificate_issued(sender=Certificate, certificate=...)` is sent once per new
certificate (on completion or by hand), inside the transaction that inserts it, after
its audit entry. Receivers' writes commit or roll back with the certificate.

`certificate_revoked(sender=Certificate, certificate_id=...)` is sent once a revocation
is committed.
"""

from django.dispatch import Signal

certificate_issued = Signal()
certificate_revoked = Signal()
