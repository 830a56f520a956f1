"""Certificates: templates chosen per course, and the certificates issued to learners."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class CertificateTemplate(models.Model):
    name = models.CharField(_("name"), max_length=200)

    class Meta:
        verbose_name = _("certificate template")
        verbose_name_plural = _("certificate templates")

    def __str__(self) -> str:
        return self.name
