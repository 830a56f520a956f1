"""Ralph's LRS application with its file-system backend appending to its statements file.

Run by scripts/lrs under uvicorn in Ralph's own virtualenv (never imported by the project).
Ralph's file-system LRS backend writes every request with its default "create" operation
into one file per user, so the second write fails ("already exists and overwrite is not
allowed") and only the first batch of statements could ever be stored. "append" is one of
the backend's own write operations; everything else is Ralph as published: its API,
validation, authentication, duplicate-id handling and queries.
"""

from ralph.backends.data.base import BaseOperationType
from ralph.backends.lrs.fs import FSLRSBackend

FSLRSBackend.default_operation_type = BaseOperationType.APPEND

from ralph.api import app  # noqa: E402  (after the backend is set up)

__all__ = ["app"]
