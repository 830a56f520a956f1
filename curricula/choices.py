"""The choices pages and the search index share: tracks and levels."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from lms.core.tracks import Track

__all__ = ["Level", "Track"]


class Level(models.TextChoices):
    BEGINNER = "beginner", _("Beginner")
    INTERMEDIATE = "intermediate", _("Intermediate")
    ADVANCED = "advanced", _("Advanced")
