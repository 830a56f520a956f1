"""Uploading an .h5p file: a playable package is unpacked into storage; anything else is
refused with a Thai message and leaves neither files nor a row."""

import io
import json
import zipfile

import pytest

from lms.core.archives import ArchiveError
from lms.h5p.models import H5PContent
from lms.h5p.packages import H5PPackageError
from lms.h5p.services import h5p_content_create, h5p_content_delete, h5p_content_replace
from tests.factories import UserFactory

from .h5p_packages import build_package, package_files

pytestmark = pytest.mark.django_db


def stored_files(media):
    return sorted(str(p.relative_to(media)) for p in media.rglob("*") if p.is_file())


def test_a_playable_package_is_unpacked_and_recorded(media):
    trainer = UserFactory()
    content = h5p_content_create(file=build_package(), uploaded_by=trainer)
    assert content.title == "กดปุ่มเพื่อส่งคำตอบ"  # from h5p.json, none given
    assert content.main_library == "H5P.TestButton"
    assert content.metadata["preloadedDependencies"][0]["machineName"] == "H5P.TestButton"
    assert content.uploaded_by == trainer
    assert content.size == sum(len(data) for data in package_files().values())
    assert stored_files(media) == sorted(f"{content.storage_prefix}/{n}" for n in package_files())


def _refusal(files, media):
    with pytest.raises((H5PPackageError, ArchiveError)) as refused:
        h5p_content_create(file=build_package(files))
    assert not H5PContent.objects.exists()
    assert stored_files(media) == []
    return refused.value


def test_without_h5p_json_it_is_refused(media):
    files = package_files()
    del files["h5p.json"]
    error = _refusal(files, media)
    assert error.code == "missing_file"
    assert error.message == "ไฟล์นี้ไม่ใช่แพ็กเกจ H5P เพราะไม่มีไฟล์ h5p.json"


def test_damaged_h5p_json_is_refused(media):
    files = package_files()
    files["h5p.json"] = b'{"title": "broken",'
    error = _refusal(files, media)
    assert error.code == "bad_json"
    assert "h5p.json" in error.message and "เสียหาย" in error.message


@pytest.mark.parametrize(
    "change",
    [
        lambda h5p: h5p.pop("mainLibrary"),
        lambda h5p: h5p.update(mainLibrary="H5P.Other"),
        lambda h5p: h5p.update(mainLibrary=["H5P.TestButton"]),
    ],
    ids=["missing", "not-among-dependencies", "not-a-name"],
)
def test_a_package_that_does_not_name_its_main_library_is_refused(media, change):
    files = package_files()
    h5p = json.loads(files["h5p.json"])
    change(h5p)
    files["h5p.json"] = json.dumps(h5p).encode()
    assert _refusal(files, media).code == "no_main_library"


@pytest.mark.parametrize(
    "dependencies", [None, "H5P.TestButton", [{"machineName": "H5P.TestButton"}]]
)
def test_badly_listed_dependencies_are_refused(media, dependencies):
    files = package_files()
    h5p = json.loads(files["h5p.json"])
    if dependencies is None:
        del h5p["preloadedDependencies"]
    else:
        h5p["preloadedDependencies"] = dependencies
    files["h5p.json"] = json.dumps(h5p).encode()
    assert _refusal(files, media).code == "bad_dependencies"


def test_without_content_json_it_is_refused(media):
    files = package_files()
    del files["content/content.json"]
    assert _refusal(files, media).message == ("ไฟล์นี้ไม่ใช่แพ็กเกจ H5P เพราะไม่มีไฟล์ content/content.json")


def test_a_library_the_content_needs_must_be_inside(media):
    files = package_files()
    del files["H5P.TestButton-1.0/library.json"]
    del files["H5P.TestButton-1.0/button.js"]
    error = _refusal(files, media)
    assert error.code == "missing_library"
    assert "H5P.TestButton 1.0" in error.message


def test_a_library_that_a_library_needs_must_be_inside_too(media):
    files = package_files()
    del files["H5P.TestStyle-1.0/library.json"]
    del files["H5P.TestStyle-1.0/style.css"]
    error = _refusal(files, media)
    assert error.code == "missing_library"
    assert "H5P.TestStyle 1.0" in error.message


def test_a_library_missing_its_script_is_refused(media):
    files = package_files()
    del files["H5P.TestButton-1.0/button.js"]
    assert _refusal(files, media).code == "missing_library_file"


@pytest.mark.parametrize(
    ("extra", "code"),
    [
        ("../../escape.js", "unsafe_path"),
        ("H5P.TestButton-1.0/tool.exe", "denied_type"),
    ],
)
def test_hostile_zips_are_refused_by_the_archive_check(media, extra, code):
    files = package_files()
    files[extra] = b"MZ"
    error = _refusal(files, media)
    assert isinstance(error, ArchiveError) and error.code == code


def test_a_symlink_inside_is_refused(media):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in package_files().items():
            archive.writestr(name, data)
        link = zipfile.ZipInfo("content/secrets")
        link.external_attr = 0o120777 << 16
        archive.writestr(link, "/etc/passwd")
    buffer.seek(0)
    with pytest.raises(ArchiveError) as refused:
        h5p_content_create(file=buffer)
    assert refused.value.code == "symlink"
    assert stored_files(media) == [] and not H5PContent.objects.exists()


def test_not_a_zip_is_refused(media):
    error = _refusal_of_bytes(b"this is not a zip", media)
    assert error.code == "not_zip"


def _refusal_of_bytes(data, media):
    with pytest.raises(ArchiveError) as refused:
        h5p_content_create(file=io.BytesIO(data))
    assert stored_files(media) == []
    return refused.value


def test_replacing_the_package_swaps_the_files_and_keeps_the_row(
    media, django_capture_on_commit_callbacks
):
    content = h5p_content_create(file=build_package(), title="กิจกรรม")
    old_prefix = content.storage_prefix
    with django_capture_on_commit_callbacks(execute=True):
        h5p_content_replace(content=content, file=build_package(title="ฉบับใหม่"))
    content.refresh_from_db()
    assert content.title == "กิจกรรม" and content.storage_prefix != old_prefix
    assert all(name.startswith(content.storage_prefix) for name in stored_files(media))


def test_a_refused_replacement_changes_nothing(media):
    content = h5p_content_create(file=build_package(), title="กิจกรรม")
    before = stored_files(media)
    files = package_files()
    del files["h5p.json"]
    with pytest.raises(H5PPackageError):
        h5p_content_replace(content=content, file=build_package(files))
    content.refresh_from_db()
    assert stored_files(media) == before
    assert all(name.startswith(content.storage_prefix) for name in before)


def test_deleting_an_activity_deletes_its_files(media, django_capture_on_commit_callbacks):
    content = h5p_content_create(file=build_package())
    with django_capture_on_commit_callbacks(execute=True):
        h5p_content_delete(content=content)
    assert stored_files(media) == [] and not H5PContent.objects.exists()
