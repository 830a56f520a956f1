"""Uploading packages: what is stored, and hostile packages refused with nothing left."""

import io
import stat
import zipfile

from django.utils import translation

import pytest

from lms.core.errors import ServiceError
from lms.packages.models import ScormPackage, ScormSco
from lms.packages.services import package_delete, package_upload

from .builders import MANIFEST_12, scorm12_package, scorm2004_package, zip_bytes
from .conftest import stored_names


def test_a_12_package_is_stored_with_its_structure(package12, lessons, trainer):
    assert package12.version == "1.2"
    assert package12.title == "ขายของออนไลน์ (1.2)"
    assert package12.lesson_id == lessons[0].pk and package12.uploaded_by == trainer
    assert package12.file_count == 5
    sco = package12.scos.get()
    assert (sco.identifier, sco.launch, sco.is_sco, float(sco.mastery_score)) == (
        "item-1",
        "index.html",
        True,
        60.0,
    )
    assert sorted(stored_names()) == sorted(
        f"{package12.storage_prefix}/{name}"
        for name in ("imsmanifest.xml", "index.html", "sco.js", "style.css", "fonts/sarabun.woff2")
    )


def test_a_2004_package_is_fourth_edition(package2004):
    assert package2004.version == "2004-4"
    assert package2004.is_2004 and package2004.pass_mark == 70


def test_a_lesson_has_at_most_one_package(package12, lessons, trainer):
    with translation.override("th"), pytest.raises(ServiceError) as caught:
        package_upload(lesson=lessons[0], file=io.BytesIO(scorm2004_package()), uploaded_by=trainer)
    assert caught.value.code == "lesson_taken"
    assert ScormPackage.objects.count() == 1
    assert len(stored_names()) == 5


def test_deleting_a_package_removes_its_files(package12, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        package_delete(package=package12)
    assert not ScormPackage.objects.exists() and not ScormSco.objects.exists()
    assert stored_names() == []


def _symlink_package() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("imsmanifest.xml", MANIFEST_12.format(title="x"))
        archive.writestr("index.html", "<p>x</p>")
        link = zipfile.ZipInfo("sco.js")
        link.external_attr = (stat.S_IFLNK | 0o777) << 16
        archive.writestr(link, "/etc/passwd")
    return buffer.getvalue()


def _zip_slip_package() -> bytes:
    good = {"imsmanifest.xml": MANIFEST_12.format(title="x"), "index.html": "<p>x</p>"}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in good.items():
            archive.writestr(name, data)
        archive.writestr(zipfile.ZipInfo("../../lms/urls.py.html"), "owned")
    return buffer.getvalue()


def _bomb_package() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("imsmanifest.xml", MANIFEST_12.format(title="x"))
        archive.writestr("index.html", "<p>x</p>")
        with archive.open("zeros.html", "w", force_zip64=True) as member:
            chunk = bytes(8 * 2**20)
            for _ in range(256):  # 2 GiB of zeros, about 9 MB deflated
                member.write(chunk)
    return buffer.getvalue()


HOSTILE = {
    "zip_slip": (_zip_slip_package, "unsafe_path", "ชี้ออกไปนอกแพ็กเกจ"),
    "symlink": (_symlink_package, "symlink", "ทางลัด"),
    "bomb": (_bomb_package, "zip_bomb", "อันตราย"),
    "no_manifest": (
        lambda: zip_bytes({"index.html": "<p>x</p>"}),
        "no_manifest",
        "ไม่มีไฟล์ imsmanifest.xml",
    ),
    "exe": (
        lambda: zip_bytes(
            {
                "imsmanifest.xml": MANIFEST_12.format(title="x"),
                "index.html": "<p>x</p>",
                "tools/setup.exe": b"MZ\x90\x00",
            }
        ),
        "denied_type",
        "ไฟล์โปรแกรม",
    ),
    "not_zip": (lambda: b"%PDF-1.4 not a zip", "not_zip", "ไม่ใช่ไฟล์บีบอัด"),
    "manifest_names_missing_file": (
        lambda: zip_bytes({"imsmanifest.xml": MANIFEST_12.format(title="x")}),
        "missing_launch",
        "index.html",
    ),
}


@pytest.mark.parametrize("kind", list(HOSTILE))
def test_hostile_packages_are_refused_in_thai_and_leave_nothing(kind, lessons, trainer):
    build, code, thai = HOSTILE[kind]
    with translation.override("th"), pytest.raises(ServiceError) as caught:
        package_upload(lesson=lessons[0], file=io.BytesIO(build()), uploaded_by=trainer)
    assert caught.value.code == code
    assert thai in caught.value.message
    assert not ScormPackage.objects.exists() and not ScormSco.objects.exists()
    assert stored_names() == []


def test_a_database_failure_after_extraction_removes_the_files(lessons, trainer, monkeypatch):
    def fail(*args, **kwargs):
        raise RuntimeError("database went away")

    monkeypatch.setattr(ScormSco.objects, "bulk_create", fail)
    with pytest.raises(RuntimeError):
        package_upload(lesson=lessons[0], file=io.BytesIO(scorm12_package()), uploaded_by=trainer)
    assert not ScormPackage.objects.exists()
    assert stored_names() == []


def test_the_demo_package_is_a_valid_12_package(lessons, trainer):
    from lms.setup.demo.scorm import demo_package

    package = package_upload(
        lesson=lessons[2], file=io.BytesIO(demo_package()), uploaded_by=trainer
    )
    assert package.version == "1.2" and package.file_count == 3
    assert package.scos.get().launch == "index.html"
