"""The certificate PDF: WeasyPrint renders templates/certificates/pdf/certificate.html.

Every image (background, logos, signatures, QR code) is embedded as a data URI
and the only fonts are Sarabun's, so the renderer never reaches the network and
`pdffonts` lists Sarabun alone.
"""

import base64
import datetime as dt
import logging
import mimetypes
import threading
from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

import segno
from weasyprint import HTML, Attachment
from weasyprint.text.fonts import FontConfiguration

from lms.core.fonts import FONT_STACK, sarabun_font_face_css
from lms.core.thaidate import format_english_date, format_thai_date

from . import pdf_text
from .codes import code_display
from .extensions import pdf_attachments
from .models import (
    Certificate,
    CertificateTemplate,
    Orientation,
    fill_placeholders,
)

logger = logging.getLogger(__name__)

SAMPLE_CODE = "5AMP1E0000000000000C"


@dataclass
class CertificateFacts:
    """What one certificate says, in Thai and in English."""

    code: str
    number: str
    learner_name: str
    learner_name_en: str
    course_title: str
    course_title_en: str
    track_title: str
    track_title_en: str
    hours: Decimal | None
    centre_name: str
    centre_name_en: str
    completed_at: dt.datetime
    issued_at: dt.datetime
    is_sample: bool = False
    extra: dict = field(default_factory=dict)

    @classmethod
    def of(cls, certificate: Certificate) -> "CertificateFacts":
        return cls(
            code=certificate.code,
            number=certificate.number,
            learner_name=certificate.learner_name,
            learner_name_en=certificate.learner_name_en,
            course_title=certificate.course_title,
            course_title_en=certificate.course_title_en,
            track_title=certificate.track_title,
            track_title_en=certificate.track_title_en,
            hours=certificate.hours,
            centre_name=certificate.centre_name,
            centre_name_en=certificate.centre_name_en,
            completed_at=certificate.completed_at,
            issued_at=certificate.issued_at,
        )

    @classmethod
    def sample(cls) -> "CertificateFacts":
        now = timezone.now()
        return cls(
            code=SAMPLE_CODE,
            number=f"{now.year + 543}/000123",
            learner_name="นางสาวสมใจ ใฝ่เรียน",
            learner_name_en="Miss Somjai Phairian",
            course_title="การขายสินค้าออนไลน์สำหรับผู้ผลิตชุมชน",
            course_title_en="Selling Products Online for Community Producers",
            track_title="พัฒนาศักยภาพบุคลากรดิจิทัล",
            track_title_en="Digital workforce",
            hours=Decimal("12"),
            centre_name="ศูนย์ดิจิทัลชุมชนตำบลโพธิ์ตาก",
            centre_name_en="Pho Tak Sub-district Community Digital Centre",
            completed_at=now,
            issued_at=now,
            is_sample=True,
        )


def verification_url(code: str) -> str:
    """The public address printed as a QR code (Thai, the site's default language)."""
    with translation.override(settings.LANGUAGE_CODE):
        path = reverse("certificates:verify", args=[code_display(code)])
    return f"{settings.SITE_URL}{path}"


def _hours(value: Decimal | None) -> str:
    if value is None:
        return ""
    text = f"{value:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


# Encoded images kept by each worker process: a batch of certificates shows the same
# logos and signatures on every page. Keyed by the image's file name, which changes when
# the image is replaced (the storage never reuses a name), so an edit is never missed.
_ENCODED_LIMIT = 64
_encoded: dict[tuple[int, str, str], str] = {}


def _data_uri(image, spec: str) -> str | None:
    """An image rendition as a data URI; None (and a log line) if the file is missing."""
    if image is None:
        return None
    key = (image.pk, image.file.name, spec)
    if key not in _encoded:
        encoded = _encode(image, spec)
        if encoded is None:
            return None  # tried again next time: the file may come back
        if len(_encoded) >= _ENCODED_LIMIT:
            _encoded.clear()
        _encoded[key] = encoded
    return _encoded[key]


def _encode(image, spec: str) -> str | None:
    try:
        rendition = image.get_rendition(spec)
        with rendition.file.open("rb") as handle:
            data = handle.read()
    except Exception:  # a missing or unreadable upload must not stop the certificate
        logger.warning("Certificate image %s could not be read", image.pk, exc_info=True)
        return None
    mime = mimetypes.guess_type(rendition.file.name)[0] or "image/png"
    return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"


# Any of the eight masks gives a valid code; searching for the best one took most of
# the QR code's time (about 7 of 8.5 ms a certificate). Mask 0 reads well in print.
QR_MASK = 0


def _qr_data_uri(url: str) -> str:
    return segno.make(url, error="m", mask=QR_MASK).svg_data_uri(scale=1, border=0, dark="#1b2430")


def _paragraphs(text: str, values: dict[str, str]) -> list[str]:
    filled = fill_placeholders(text, values)
    return [" ".join(part.split()) for part in filled.split("\n\n") if part.strip()]


def certificate_html(*, facts: CertificateFacts, template: CertificateTemplate) -> str:
    url = verification_url(facts.code)
    hours = _hours(facts.hours)
    values_th = {
        "learner_name": facts.learner_name,
        "course": facts.course_title,
        "track": facts.track_title,
        "hours": hours,
        "completion_date": format_thai_date(facts.completed_at),
        "centre": facts.centre_name or settings.WAGTAIL_SITE_NAME,
        "certificate_number": facts.number,
    }
    values_en = {
        "learner_name": facts.learner_name_en or facts.learner_name,
        "course": facts.course_title_en or facts.course_title,
        "track": facts.track_title_en or facts.track_title,
        "hours": hours,
        "completion_date": format_english_date(facts.completed_at),
        "centre": facts.centre_name_en or facts.centre_name or "Community Digital Centres",
        "certificate_number": facts.number,
    }
    signatories = [
        {
            "name": s.name,
            "position": s.position,
            "name_en": s.name_en or s.name,
            "position_en": s.position_en,
            "signature": _data_uri(s.signature_image, "max-600x240"),
        }
        for s in template.signatories.select_related("signature_image")
    ]
    logos = [
        uri
        for uri in (
            _data_uri(logo.image, "max-400x400") for logo in template.logos.select_related("image")
        )
        if uri
    ]
    landscape = template.orientation == Orientation.LANDSCAPE
    context = {
        "facts": facts,
        "template": template,
        "landscape": landscape,
        "page_width": "297mm" if landscape else "210mm",
        "page_height": "210mm" if landscape else "297mm",
        "font_face_css": sarabun_font_face_css(),
        "font_stack": FONT_STACK,
        "show_th": template.shows_thai,
        "show_en": template.shows_english,
        "bilingual": template.shows_thai and template.shows_english,
        "title": fill_placeholders(template.title, values_th),
        "intro": fill_placeholders(template.intro, values_th),
        "body": _paragraphs(template.body, values_th),
        "title_en": fill_placeholders(template.title_en, values_en),
        "intro_en": fill_placeholders(template.intro_en, values_en),
        "body_en": _paragraphs(template.body_en, values_en),
        "learner_name_en": values_en["learner_name"],
        "date_th": format_thai_date(facts.issued_at),
        "date_en": format_english_date(facts.issued_at),
        "verification_url": url,
        "display_code": code_display(facts.code),
        "qr": _qr_data_uri(url),
        "background": _data_uri(template.background_image, "max-2480x2480"),
        "logos": logos,
        "signatories": signatories,
        "site_name": settings.WAGTAIL_SITE_NAME,
    }
    # The certificate's own language decides its words, not the reader's interface.
    with translation.override(settings.LANGUAGE_CODE):
        return render_to_string("certificates/pdf/certificate.html", context)


_fonts = threading.local()


def _font_config() -> FontConfiguration:
    """One font configuration per thread, reused by every certificate it renders.

    A new one per document (WeasyPrint's default) loads the certificate's fonts again
    each time and keeps about 0.3 MiB of every load: a worker grew from 182 to 465 MiB
    over 1,000 certificates. Reused, memory stays flat and a render takes about half
    the time (docs/benchmarks.md).
    """
    if not hasattr(_fonts, "config"):
        _fonts.config = FontConfiguration()
    return _fonts.config


def certificate_pdf(*, facts: CertificateFacts, template: CertificateTemplate) -> bytes:
    html = certificate_html(facts=facts, template=template)
    # Each line of Thai carries its own text, so that copying gives จำนวน, not จานวน.
    pdf_text.install()
    # Files other apps embed (the digital credential); a sample certificate has none.
    attachments = (
        []
        if facts.is_sample
        else [
            Attachment(string=item.content, name=item.name, description=item.description)
            for item in pdf_attachments(code=facts.code)
        ]
    )
    return HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf(
        font_config=_font_config(), attachments=attachments
    )


def sample_certificate_pdf(*, template: CertificateTemplate) -> bytes:
    """A certificate for an invented learner, for the template preview in the admin."""
    return certificate_pdf(facts=CertificateFacts.sample(), template=template)
