"""The one error type of the service layer.

A service that refuses an action raises a `ServiceError` (or an app's subclass of it, so
that a caller can tell whose rule refused): `message` is shown to the person as it is, in
their language; `code` is for programs and tests; `status` is the HTTP status a view
answers with (400 unless the service says otherwise).
"""


class ServiceError(Exception):
    def __init__(self, message: str, *, code: str = "refused", status: int = 400):
        super().__init__(message)
        self.message = message
        self.code = code
        self.status = status
