"""Demo certificates: the default template with a logo and two signatories, and the
certificate of every course the demo learner has completed, rendered at once.

Idempotent: finds what exists by its title or name and only adds what is missing.
"""

import io
import math

from django.core.files.images import ImageFile

from wagtail.images.models import Image
from wagtail.models import Collection

from PIL import Image as PILImage
from PIL import ImageDraw

from lms.certificates.models import CertificateSignatory, CertificateTemplateLogo, RenderStatus
from lms.certificates.services import (
    certificate_issue_on_completion,
    certificate_render,
    certificate_template_default,
)
from lms.learning.models import Enrollment

SIGNATORIES = [
    {
        "name": "นางวันเพ็ญ แก้วมณี",
        "position": "ผู้ดูแลศูนย์ดิจิทัลชุมชนตำบลโพธิ์ตาก",
        "name_en": "Mrs. Wanphen Kaewmanee",
        "position_en": "Centre Administrator",
        "seed": 3,
    },
    {
        "name": "นายประเสริฐ วงศ์ใหญ่",
        "position": "ผู้อำนวยการกองส่งเสริมการเรียนรู้ดิจิทัล",
        "name_en": "Mr. Prasert Wongyai",
        "position_en": "Director, Digital Learning Promotion",
        "seed": 7,
    },
]


def _png(image: PILImage.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def signature_png(seed: int) -> bytes:
    """A hand-written-looking stroke, different for each seed (no real signature)."""
    width, height = 600, 200
    image = PILImage.new("RGBA", (width, height), (255, 255, 255, 0))
    draw = ImageDraw.Draw(image)
    points = []
    for step in range(0, 481):
        t = step / 480
        x = 40 + 520 * t
        y = 110 + 45 * math.sin(t * (9 + seed) + seed) * (1 - t * 0.6) + 18 * math.sin(t * 31)
        points.append((x, y))
    draw.line(points, fill=(20, 40, 110, 255), width=5, joint="curve")
    draw.line([(60, 165), (520, 150)], fill=(20, 40, 110, 255), width=3)
    return _png(image)


def logo_png() -> bytes:
    """A round emblem: a phone with signal waves, in the platform's blue."""
    size = 400
    image = PILImage.new("RGBA", (size, size), (255, 255, 255, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse([8, 8, size - 8, size - 8], fill=(11, 79, 138, 255))
    draw.ellipse([30, 30, size - 30, size - 30], outline=(201, 162, 39, 255), width=10)
    draw.rounded_rectangle([150, 120, 250, 300], radius=18, fill=(255, 255, 255, 255))
    draw.rectangle([162, 140, 238, 270], fill=(11, 79, 138, 255))
    for radius in (60, 95, 130):
        draw.arc(
            [200 - radius, 110 - radius, 200 + radius, 110 + radius],
            start=220,
            end=320,
            fill=(255, 255, 255, 255),
            width=12,
        )
    return _png(image)


def _image(title: str, filename: str, data: bytes) -> Image:
    image = Image.objects.filter(title=title).first()
    if image is None:
        image = Image(
            title=title,
            collection=Collection.get_first_root_node(),
            file=ImageFile(io.BytesIO(data), name=filename),
        )
        image.save()
    return image


def seed(result: dict) -> None:
    """Called by lms.setup.demo.seed.demo_seed with what it created."""
    template = certificate_template_default()
    if not template.logos.exists():
        logo = _image("ตราศูนย์ดิจิทัลชุมชน (ตัวอย่าง)", "demo-centre-emblem.png", logo_png())
        CertificateTemplateLogo.objects.create(template=template, image=logo, sort_order=0)
    if not template.signatories.exists():
        for order, spec in enumerate(SIGNATORIES):
            signature = _image(
                f"ลายมือชื่อตัวอย่าง {order + 1}",
                f"demo-signature-{order + 1}.png",
                signature_png(spec["seed"]),
            )
            CertificateSignatory.objects.create(
                template=template,
                sort_order=order,
                signature_image=signature,
                **{k: v for k, v in spec.items() if k != "seed"},
            )

    learner = result["users"]["demo-learner"]
    for enrollment in (
        Enrollment.objects.completed().filter(user=learner).select_related("user", "course")
    ):
        certificate = certificate_issue_on_completion(enrollment=enrollment)
        if certificate.status != RenderStatus.RENDERED:
            # Rendered now rather than by a worker, so the demo has its PDF at once.
            certificate_render(certificate_id=certificate.pk)
