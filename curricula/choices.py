"""The choices pages and the search index share: tracks and levels."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Track(models.TextChoices):
    YOUTH = "youth", _("Youth")
    EARLY_CHILDHOOD = "early_childhood", _("Early childhood")
    WORKFORCE = "workforce", _("Digital workforce")


class Level(models.TextChoices):
    BEGINNER = "beginner", _("Beginner")
    INTERMEDIATE = "intermediate", _("Intermediate")
    ADVANCED = "advanced", _("Advanced")
