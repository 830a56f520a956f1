"""Factories and sample files for assignment tests."""

import io
from pathlib import Path

from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile

import factory
from factory.django import DjangoModelFactory
from PIL import Image

from lms.assignments.models import Assignment, Grading
from lms.users import roles
from lms.users.models import User
from tests.factories import StaffRoleFactory, UserFactory

GPS_IFD = 0x8825
ORIENTATION = 0x0112


class AssignmentFactory(DjangoModelFactory):
    class Meta:
        model = Assignment

    title = factory.Sequence(lambda n: f"ถ่ายรูปสินค้า {n}")
    instructions = "<p>ถ่ายรูปสินค้าของคุณ 2 รูป แล้วเขียนประกาศขาย</p>"
    accepts_text = True
    accepts_images = True
    max_files = 5
    max_file_mb = 15


def rubric(*criteria: tuple[str, list[tuple[str, int]]]) -> list:
    return [
        (
            "criterion",
            {
                "title": title,
                "description": "",
                "levels": [
                    {"label": label, "points": points, "description": ""}
                    for label, points in levels
                ],
            },
        )
        for title, levels in criteria
    ]


SIMPLE_RUBRIC = rubric(
    ("แสงและความคมชัด", [("ต้องปรับปรุง", 0), ("พอใช้", 1), ("ดี", 2)]),
    ("ประกาศขาย", [("ต้องปรับปรุง", 0), ("พอใช้", 1), ("ดี", 2)]),
)


def rubric_assignment(**kwargs) -> Assignment:
    return AssignmentFactory(grading=Grading.RUBRIC, rubric=SIMPLE_RUBRIC, pass_points=3, **kwargs)


def photo_bytes(
    size: tuple[int, int] = (1200, 900),
    *,
    gps: bool = True,
    orientation: int | None = None,
    colour: str = "#c92a2a",
    fmt: str = "JPEG",
) -> bytes:
    """A photo as a phone makes it: EXIF with the camera, and GPS tags unless told not to."""
    image = Image.new("RGB", size, "#ffffff")
    # A red block in the top-left corner shows which way up the stored photo is.
    image.paste(colour, (0, 0, size[0] // 4, size[1] // 4))
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"
    exif[0x0110] = "Model X"
    if orientation:
        exif[ORIENTATION] = orientation
    if gps:
        gps_ifd = exif.get_ifd(GPS_IFD)
        gps_ifd[1] = "N"
        gps_ifd[2] = (17.0, 52.0, 30.5)
        gps_ifd[3] = "E"
        gps_ifd[4] = (102.0, 44.0, 12.25)
    buffer = io.BytesIO()
    image.save(buffer, format=fmt, exif=exif, quality=90)
    return buffer.getvalue()


# A Windows program: what a renamed "photo.jpg" really is in the bad-input tests.
EXECUTABLE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 2048


def photo(name: str = "IMG_0001.JPG", **kwargs) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, photo_bytes(**kwargs), content_type="image/jpeg")


def stored_files(root: Path) -> list[Path]:
    """Every file under the media folder: what the storage really holds."""
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


def make_trainer(username: str, centre) -> User:
    user = UserFactory(username=username)
    user.groups.add(Group.objects.get(name=roles.TRAINERS))
    StaffRoleFactory(user=user, centre=centre)
    return user
