"""Packages as other programs and people really make them.

Authoring tools and LMSs differ in what they put in a zip: Windows names files in its own
code page, macOS adds resource forks, people zip the folder rather than its contents,
launch addresses carry parameters, older tools write a DOCTYPE or name SCORM 2004's second
edition "CAM 1.3". Each of these is a package a centre would be given, and each must play.
"""

import io
import zipfile

from django.core.files.storage import default_storage

import pytest

from lms.core.archives import ArchiveError, archive_inspect
from lms.packages.models import ScormVersion
from lms.packages.services import package_upload

from .builders import MANIFEST_12, MANIFEST_2004_4, sco_html, zip_bytes

TITLE = "ความปลอดภัยออนไลน์"


def _manifest_12(href: str) -> str:
    return MANIFEST_12.format(title=TITLE).replace('href="index.html"', f'href="{href}"', 1)


def _legacy_zip(members: dict[str, bytes], encoding: str) -> bytes:
    """A zip whose names are in `encoding` without the UTF-8 flag, as Windows' own
    "compressed folder" writes them: written under ASCII stand-ins of the same length,
    whose bytes are then swapped for the real ones (names are outside the checksums)."""
    stand_ins = {}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for index, (name, data) in enumerate(members.items()):
            raw = name.encode(encoding)
            stand_in = f"{index:03d}".encode().ljust(len(raw), b"_")
            stand_ins[stand_in] = raw
            archive.writestr(stand_in.decode(), data)
    data = buffer.getvalue()
    for stand_in, raw in stand_ins.items():
        assert data.count(stand_in) == 2  # the local header and the central directory
        data = data.replace(stand_in, raw)
    return data


@pytest.mark.parametrize("encoding", ["cp874", "utf-8"])
def test_thai_file_names_without_the_utf8_flag_are_read_as_written(
    lessons, trainer, client, encoding
):
    page = "บทที่ 1 รู้ทันมิจฉาชีพ.html"
    data = _legacy_zip(
        {
            "imsmanifest.xml": _manifest_12("บทที่%201%20รู้ทันมิจฉาชีพ.html").encode(),
            page: sco_html(title=TITLE).encode(),
            "รูปภาพ/ปก.png": b"\x89PNG\r\n\x1a\n",
        },
        encoding,
    )
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert not any(info.flag_bits & 0x800 for info in archive.infolist())
    package = package_upload(lesson=lessons[0], file=io.BytesIO(data), uploaded_by=trainer)
    assert package.scos.get().launch == page
    assert default_storage.exists(f"{package.storage_prefix}/{page}")
    response = client.get(f"/packages/{package.pk}/content/{page}")
    assert response.status_code == 200
    assert TITLE.encode() in response.content
    assert client.get(f"/packages/{package.pk}/content/รูปภาพ/ปก.png").status_code == 200


def test_a_zipped_folder_with_mac_leftovers_is_lifted_to_the_top(lessons, trainer):
    data = zip_bytes(
        {
            "ความปลอดภัย/imsmanifest.xml": _manifest_12("index.html"),
            "ความปลอดภัย/index.html": sco_html(title=TITLE),
            "ความปลอดภัย/.DS_Store": b"\x00\x00\x00\x01Bud1",
            "__MACOSX/ความปลอดภัย/._index.html": b"\x00\x05\x16\x07",
        }
    )
    package = package_upload(lesson=lessons[0], file=io.BytesIO(data), uploaded_by=trainer)
    assert package.scos.get().launch == "index.html"
    assert package.file_count == 2
    _dirs, files = default_storage.listdir(package.storage_prefix)
    assert sorted(files) == ["imsmanifest.xml", "index.html"]


def test_a_launch_address_keeps_its_parameters(lessons, trainer):
    # As a widely copied sample package launches: one shared page told what to show.
    data = zip_bytes(
        {
            "imsmanifest.xml": _manifest_12("shared/launchpage.html?content=playing"),
            "shared/launchpage.html": sco_html(title=TITLE),
        }
    )
    package = package_upload(lesson=lessons[0], file=io.BytesIO(data), uploaded_by=trainer)
    assert package.scos.get().launch == "shared/launchpage.html?content=playing"


def test_backslash_folders_from_old_windows_tools_are_folders(lessons, trainer):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("imsmanifest.xml", _manifest_12("pages/index.html"))
        archive.writestr("pages\\index.html", sco_html(title=TITLE))
    package = package_upload(
        lesson=lessons[0], file=io.BytesIO(buffer.getvalue()), uploaded_by=trainer
    )
    assert default_storage.exists(f"{package.storage_prefix}/pages/index.html")
    # And a backslash still cannot climb out.
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("..\\..\\evil.html", "x")
    with pytest.raises(ArchiveError):
        archive_inspect(file=io.BytesIO(buffer.getvalue()))


def test_second_edition_and_a_doctype_are_read(lessons, trainer):
    manifest = (
        MANIFEST_2004_4.format(title=TITLE)
        .replace("2004 4th Edition", "CAM 1.3")
        .replace(
            '<?xml version="1.0" encoding="UTF-8"?>', '<?xml version="1.0"?>\n<!DOCTYPE manifest>'
        )
    )
    data = zip_bytes({"imsmanifest.xml": manifest, "index.html": sco_html(title=TITLE)})
    package = package_upload(lesson=lessons[0], file=io.BytesIO(data), uploaded_by=trainer)
    assert package.version == ScormVersion.SCORM_2004_3


def test_a_video_in_a_package_is_served_in_parts_and_pages_whole(lessons, trainer, client):
    video = bytes(range(256)) * 1000
    data = zip_bytes(
        {
            "imsmanifest.xml": _manifest_12("index.html"),
            "index.html": sco_html(title=TITLE),
            "story_content/intro.mp4": video,
        }
    )
    package = package_upload(lesson=lessons[0], file=io.BytesIO(data), uploaded_by=trainer)
    url = f"/packages/{package.pk}/content/story_content/intro.mp4"
    part = client.get(url, HTTP_RANGE="bytes=1000-1999")
    assert part.status_code == 206
    assert b"".join(part.streaming_content) == video[1000:2000]
    assert part["Content-Type"] == "video/mp4"
    assert "sandbox" in part["Content-Security-Policy"]
    page = client.get(f"/packages/{package.pk}/content/index.html", HTTP_RANGE="bytes=0-9")
    assert page.status_code == 200  # a page is always whole: the runtime goes into it
    assert b"scorm-runtime" in page.content
