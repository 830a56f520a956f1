"""The platform's three tracks: curricula files pages under them, and people name the ones
they want to learn in (lms.users), so the choice lives below both."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Track(models.TextChoices):
    YOUTH = "youth", _("Youth")
    EARLY_CHILDHOOD = "early_childhood", _("Early childhood")
    WORKFORCE = "workforce", _("Digital workforce")
