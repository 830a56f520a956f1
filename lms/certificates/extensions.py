"""Extension points for apps above certificates (filled from their `AppConfig.ready()`).

Certificates knows nothing of what higher apps add to a certificate; it asks these
registries:

    from lms.certificates.extensions import (
        CERTIFICATE_LINKS, CERTIFICATE_LIST_PANELS, PDF_ATTACHMENTS,
    )

    CERTIFICATE_LINKS.register(links_for)          # fn(*, certificate) -> list[CertificateLink]
    CERTIFICATE_LIST_PANELS.register(panel_for)    # fn(*, request) -> str (safe HTML)
    PDF_ATTACHMENTS.register(attachments_for)      # fn(*, code) -> list[PdfAttachment]

Link and attachment functions must not query per certificate beyond what they need:
the learner's list calls them once for every certificate on it.
"""

from collections.abc import Callable
from dataclasses import dataclass

from lms.core.registry import Registry


@dataclass(frozen=True)
class CertificateLink:
    """A link under a certificate on the learner's list, optionally with a QR code image."""

    label: str
    url: str
    qr_data_uri: str = ""
    qr_label: str = ""


@dataclass(frozen=True)
class PdfAttachment:
    """A file embedded in the certificate PDF."""

    name: str
    content: bytes
    description: str = ""


CERTIFICATE_LINKS: Registry[Callable[..., list[CertificateLink]]] = Registry("certificate links")
CERTIFICATE_LIST_PANELS: Registry[Callable[..., str]] = Registry("certificate list panels")
PDF_ATTACHMENTS: Registry[Callable[..., list[PdfAttachment]]] = Registry("PDF attachments")


def certificate_links(*, certificate) -> list[CertificateLink]:
    return [link for provider in CERTIFICATE_LINKS for link in provider(certificate=certificate)]


def certificate_list_panels(*, request) -> list[str]:
    return [html for provider in CERTIFICATE_LIST_PANELS if (html := provider(request=request))]


def pdf_attachments(*, code: str) -> list[PdfAttachment]:
    return [item for provider in PDF_ATTACHMENTS for item in provider(code=code)]
