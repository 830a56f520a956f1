"""Certificates: templates chosen per course, and the certificates issued to learners.

A certificate row is written in the same transaction as the completion that earns
it; its PDF is rendered afterwards by a Celery task. The row is the truth (what
verification answers from); the PDF is a copy of it that can be rendered again.
"""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.http import HttpResponse
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
)
from wagtail.models import Orderable, PreviewableMixin

from .codes import code_display

MAX_SIGNATORIES = 3
MAX_LOGOS = 4

# Placeholders an author may write in a template's text, and what they stand for.
PLACEHOLDERS = {
    "learner_name": _("the learner's name (English name on English text)"),
    "course": _("the course title"),
    "track": _("the track of the course"),
    "hours": _("the course's hours"),
    "completion_date": _("the date the course was completed"),
    "centre": _("the learner's centre"),
    "certificate_number": _("the certificate number"),
}
_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")


def _placeholder_help() -> str:
    return ", ".join(f"{{{name}}}" for name in PLACEHOLDERS)


def validate_placeholders(text: str) -> None:
    unknown = sorted(
        {name for name in _PLACEHOLDER.findall(text or "") if name not in PLACEHOLDERS}
    )
    if unknown:
        raise ValidationError(
            _("Unknown placeholder: %(names)s. You can use %(known)s.")
            % {"names": ", ".join(f"{{{n}}}" for n in unknown), "known": _placeholder_help()}
        )


def fill_placeholders(text: str, values: dict[str, str]) -> str:
    """Replace known {placeholders}; anything else is left as written."""
    return _PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), text or "")


class Orientation(models.TextChoices):
    LANDSCAPE = "landscape", _("Landscape")
    PORTRAIT = "portrait", _("Portrait")


class CertificateLanguage(models.TextChoices):
    THAI = "th", _("Thai")
    ENGLISH = "en", _("English")
    BILINGUAL = "bilingual", _("Thai and English")


class CertificateTemplate(PreviewableMixin, ClusterableModel):
    """How a certificate looks. Courses choose one; courses without one use the default."""

    name = models.CharField(_("name"), max_length=200)
    is_default = models.BooleanField(
        _("default template"),
        default=False,
        help_text=_("Used for every course that has not chosen a template."),
    )
    orientation = models.CharField(
        _("orientation"), max_length=10, choices=Orientation.choices, default=Orientation.LANDSCAPE
    )
    language = models.CharField(
        _("language"),
        max_length=10,
        choices=CertificateLanguage.choices,
        default=CertificateLanguage.THAI,
    )
    title = models.CharField(_("title (Thai)"), max_length=120, default="เกียรติบัตร")
    intro = models.CharField(
        _("line before the name (Thai)"),
        max_length=200,
        blank=True,
        default="ขอมอบเกียรติบัตรฉบับนี้ให้ไว้เพื่อแสดงว่า",
    )
    body = models.TextField(
        _("text after the name (Thai)"),
        blank=True,
        help_text=_(
            "Placeholders: {learner_name}, {course}, {track}, {hours}, {completion_date}, "
            "{centre}, {certificate_number}. A blank line starts a new paragraph."
        ),
        validators=[validate_placeholders],
    )
    title_en = models.CharField(
        _("title (English)"), max_length=120, blank=True, default="Certificate of Completion"
    )
    intro_en = models.CharField(
        _("line before the name (English)"),
        max_length=200,
        blank=True,
        default="This is to certify that",
    )
    body_en = models.TextField(
        _("text after the name (English)"),
        blank=True,
        help_text=_("Used on English and bilingual certificates. Same placeholders as above."),
        validators=[validate_placeholders],
    )
    background_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("background image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Covers the whole page; leave empty for a printed border."),
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("name"),
                FieldRowPanel([FieldPanel("orientation"), FieldPanel("language")]),
                FieldPanel("is_default"),
                FieldPanel("background_image"),
            ],
            heading=_("Layout"),
        ),
        MultiFieldPanel(
            [FieldPanel("title"), FieldPanel("intro"), FieldPanel("body")],
            heading=_("Thai text"),
        ),
        MultiFieldPanel(
            [FieldPanel("title_en"), FieldPanel("intro_en"), FieldPanel("body_en")],
            heading=_("English text"),
        ),
        InlinePanel("logos", label=_("Logo"), max_num=MAX_LOGOS, heading=_("Logos")),
        InlinePanel(
            "signatories",
            label=_("Signatory"),
            max_num=MAX_SIGNATORIES,
            heading=_("Signatories (up to three)"),
        ),
    ]

    class Meta:
        verbose_name = _("certificate template")
        verbose_name_plural = _("certificate templates")
        constraints = [
            models.UniqueConstraint(
                fields=["is_default"],
                condition=Q(is_default=True),
                name="certificates_template_one_default",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def shows_thai(self) -> bool:
        return self.language != CertificateLanguage.ENGLISH

    @property
    def shows_english(self) -> bool:
        return self.language != CertificateLanguage.THAI

    def clean(self):
        super().clean()
        if self.is_default:
            others = CertificateTemplate.objects.filter(is_default=True).exclude(pk=self.pk)
            if others.exists():
                raise ValidationError(
                    {"is_default": _("Another template is the default. Untick it there first.")}
                )

    # Previews in the admin render a sample certificate as the real PDF.
    preview_modes = [("", _("Sample certificate (PDF)"))]

    @property
    def preview_sizes(self):
        return [size for size in super().preview_sizes if size["name"] == "desktop"]

    @property
    def default_preview_size(self):
        return "desktop"

    def serve_preview(self, request, mode_name):
        from .pdf import sample_certificate_pdf  # pdf imports this module

        response = HttpResponse(
            sample_certificate_pdf(template=self), content_type="application/pdf"
        )
        response["Content-Disposition"] = 'inline; filename="sample-certificate.pdf"'
        return response


class CertificateTemplateLogo(Orderable):
    template = ParentalKey(CertificateTemplate, on_delete=models.CASCADE, related_name="logos")
    image = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("logo"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("image")]

    class Meta(Orderable.Meta):
        verbose_name = _("logo")
        verbose_name_plural = _("logos")


class CertificateSignatory(Orderable):
    template = ParentalKey(
        CertificateTemplate, on_delete=models.CASCADE, related_name="signatories"
    )
    name = models.CharField(_("name (Thai)"), max_length=200)
    position = models.CharField(_("position (Thai)"), max_length=200, blank=True)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    position_en = models.CharField(_("position (English)"), max_length=200, blank=True)
    signature_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("signature image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A scan of the signature on a white or transparent background."),
    )

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("position")]),
        FieldRowPanel([FieldPanel("name_en"), FieldPanel("position_en")]),
        FieldPanel("signature_image"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("signatory")
        verbose_name_plural = _("signatories")

    def __str__(self) -> str:
        return self.name


class RenderStatus(models.TextChoices):
    PENDING = "pending", _("Being prepared")
    RENDERED = "rendered", _("Ready")
    FAILED = "failed", _("Could not be prepared")


class IssueSource(models.TextChoices):
    COMPLETION = "completion", _("Course completed")
    MANUAL = "manual", _("Issued by staff")


class CertificateQuerySet(models.QuerySet):
    def valid(self):
        return self.filter(revoked_at__isnull=True)

    def revoked(self):
        return self.filter(revoked_at__isnull=False)

    def pending(self):
        return self.filter(status=RenderStatus.PENDING, revoked_at__isnull=True)


class Certificate(models.Model):
    # 100 random bits in Crockford base32, stored compact (20 symbols).
    code = models.CharField(_("verification code"), max_length=20, unique=True, editable=False)
    # The human sequence printed on the PDF, e.g. 2569/000042 (Buddhist year of issue).
    number = models.CharField(_("certificate number"), max_length=20, unique=True)
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("learner"),
        on_delete=models.CASCADE,
        related_name="certificates",
    )
    # The canonical (Thai) course page, like every learner record.
    course = models.ForeignKey(
        "curricula.CoursePage",
        verbose_name=_("course"),
        on_delete=models.PROTECT,
        related_name="certificates",
    )
    enrollment = models.ForeignKey(
        "learning.Enrollment",
        verbose_name=_("enrolment"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="certificates",
    )
    template = models.ForeignKey(
        CertificateTemplate,
        verbose_name=_("template"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="certificates",
    )
    source = models.CharField(_("issued because"), max_length=12, choices=IssueSource.choices)
    issue_reason = models.TextField(_("reason for issuing"), blank=True)
    issued_at = models.DateTimeField(_("issued at"))
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("issued by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    completed_at = models.DateTimeField(_("completed at"))

    # What the certificate says, fixed when it is issued (and refreshed on re-issue),
    # so the PDF and the verification page always agree.
    learner_name = models.CharField(_("learner's name"), max_length=250)
    learner_name_en = models.CharField(_("learner's name (English)"), max_length=250, blank=True)
    course_title = models.CharField(_("course title"), max_length=255)
    course_title_en = models.CharField(_("course title (English)"), max_length=255, blank=True)
    track_title = models.CharField(_("track"), max_length=255, blank=True)
    track_title_en = models.CharField(_("track (English)"), max_length=255, blank=True)
    hours = models.DecimalField(_("hours"), max_digits=5, decimal_places=1, null=True, blank=True)
    centre = models.ForeignKey(
        "centres.Centre",
        verbose_name=_("centre"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="certificates",
    )
    centre_name = models.CharField(_("centre name"), max_length=200, blank=True)
    centre_name_en = models.CharField(_("centre name (English)"), max_length=200, blank=True)

    status = models.CharField(
        _("file"), max_length=10, choices=RenderStatus.choices, default=RenderStatus.PENDING
    )
    # The PDF, in the private "certificates" storage (never served as media).
    file_name = models.CharField(max_length=255, blank=True, editable=False)
    file_version = models.PositiveIntegerField(default=1, editable=False)
    render_attempts = models.PositiveIntegerField(default=0, editable=False)
    render_count = models.PositiveIntegerField(default=0, editable=False)
    last_render_error = models.TextField(blank=True, editable=False)
    rendered_at = models.DateTimeField(_("file ready at"), null=True, blank=True)
    enqueued_at = models.DateTimeField(null=True, blank=True, editable=False)
    notified_at = models.DateTimeField(null=True, blank=True, editable=False)

    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("revoked by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    revoked_reason = models.TextField(_("reason for revoking"), blank=True)

    objects = CertificateQuerySet.as_manager()

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        ordering = ["-issued_at", "-pk"]
        permissions = [("revoke_certificate", "Can revoke certificate")]
        constraints = [
            # One valid certificate per learner and course; revoked ones stay on record.
            models.UniqueConstraint(
                fields=["learner", "course"],
                condition=Q(revoked_at__isnull=True),
                name="certificates_one_valid_per_course",
            ),
            models.CheckConstraint(
                condition=Q(revoked_at__isnull=True) | ~Q(revoked_reason=""),
                name="certificates_revoked_has_reason",
            ),
            models.CheckConstraint(
                condition=~Q(source=IssueSource.MANUAL) | ~Q(issue_reason=""),
                name="certificates_manual_has_reason",
            ),
        ]
        indexes = [
            models.Index(fields=["status", "enqueued_at"], name="certificates_pending"),
            models.Index(fields=["learner", "-issued_at"], name="certificates_learner"),
            models.Index(fields=["course", "-issued_at"], name="certificates_course"),
        ]

    def __str__(self) -> str:
        return f"{self.number} · {self.learner_name}"

    @property
    def is_valid(self) -> bool:
        return self.revoked_at is None

    @property
    def is_ready(self) -> bool:
        return self.status == RenderStatus.RENDERED and bool(self.file_name)

    @property
    def display_code(self) -> str:
        return code_display(self.code)


class CertificateSequence(models.Model):
    """The last certificate number handed out in a Buddhist year (gap-free, per year)."""

    year = models.PositiveIntegerField(primary_key=True)
    last = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("certificate number sequence")

    def __str__(self) -> str:
        return f"{self.year}: {self.last}"


# Bulk issue (a background batch) lives in its own module; imported here so that the
# app's models are all found in one place.
from .batch_models import BatchItemOutcome, CertificateBatch, CertificateBatchItem  # noqa: E402

__all__ = ["BatchItemOutcome", "CertificateBatch", "CertificateBatchItem"]
