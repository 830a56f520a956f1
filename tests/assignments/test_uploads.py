"""Uploads are judged by their content: photos are re-encoded upright, small enough and
without metadata; anything pretending to be something else is refused."""

import io
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile

import pytest
from PIL import Image

from lms.assignments.uploads import (
    MAX_SIDE,
    UploadRejected,
    display_name,
    prepare_document,
    prepare_image,
)

from .factories import EXECUTABLE, GPS_IFD, ORIENTATION, photo_bytes

MB = 1024 * 1024


def upload(name: str, content: bytes, content_type: str = "application/octet-stream"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def test_photo_loses_gps_and_camera_tags_and_is_kept_upright():
    # Orientation 6: the camera was turned, the pixels are stored sideways.
    raw = photo_bytes((1600, 1200), orientation=6)
    assert Image.open(io.BytesIO(raw)).getexif().get_ifd(GPS_IFD)  # the phone's photo has GPS
    prepared = prepare_image(upload("IMG_0001.JPG", raw, "image/jpeg"), max_bytes=15 * MB)
    stored = Image.open(io.BytesIO(prepared.content))
    exif = stored.getexif()
    assert GPS_IFD not in exif and not exif.get_ifd(GPS_IFD)
    assert ORIENTATION not in exif and 0x010F not in exif
    assert b"GPS" not in prepared.content and b"PhoneMaker" not in prepared.content
    # Turned upright: portrait now, and the red corner of the sideways original is top-right.
    assert stored.size == (1200, 1600) == (prepared.width, prepared.height)
    assert stored.convert("RGB").getpixel((1150, 50))[0] > 180
    assert stored.convert("RGB").getpixel((50, 50)) == pytest.approx((255, 255, 255), abs=8)
    assert prepared.content_type == "image/jpeg" and prepared.extension == "jpg"


def test_large_photo_is_resized_to_the_longest_side_limit():
    prepared = prepare_image(upload("big.jpg", photo_bytes((4032, 3024))), max_bytes=15 * MB)
    assert max(prepared.width, prepared.height) == MAX_SIDE
    assert (prepared.width, prepared.height) == (2048, 1536)
    thumb = Image.open(io.BytesIO(prepared.thumbnail))
    assert max(thumb.size) == 480


def test_small_photo_is_not_enlarged():
    prepared = prepare_image(upload("small.jpg", photo_bytes((640, 480))), max_bytes=15 * MB)
    assert (prepared.width, prepared.height) == (640, 480)


def test_png_with_transparency_stays_png_without_metadata():
    image = Image.new("RGBA", (300, 200), (0, 128, 0, 100))
    buffer = io.BytesIO()
    info = Image.Exif()
    info.get_ifd(GPS_IFD)[1] = "N"
    image.save(buffer, format="PNG", exif=info)
    prepared = prepare_image(upload("logo.png", buffer.getvalue()), max_bytes=MB)
    assert prepared.content_type == "image/png"
    stored = Image.open(io.BytesIO(prepared.content))
    assert stored.mode == "RGBA" and not stored.getexif()


def test_heic_photo_from_an_iphone_is_stored_as_jpeg():
    buffer = io.BytesIO()
    Image.new("RGB", (800, 600), "#1971c2").save(buffer, format="HEIF")
    prepared = prepare_image(upload("IMG_4021.HEIC", buffer.getvalue()), max_bytes=MB * 5)
    assert prepared.content_type == "image/jpeg"
    assert Image.open(io.BytesIO(prepared.content)).format == "JPEG"


@pytest.mark.parametrize(
    "content",
    [EXECUTABLE, b"\x7fELF\x02\x01\x01" + b"\x00" * 500, b"<html><script>alert(1)</script>"],
    ids=["windows-exe", "linux-elf", "html"],
)
def test_anything_but_a_picture_named_like_a_photo_is_refused(content):
    with pytest.raises(UploadRejected) as refused:
        prepare_image(upload("holiday.jpg", content, "image/jpeg"), max_bytes=MB)
    assert "holiday.jpg" in refused.value.message


@pytest.mark.parametrize("keep", [100, 300, 600])
def test_photo_cut_off_in_its_header_is_refused(keep):
    # (A photo cut inside its pixel data may be shown part grey: WeasyPrint, imported
    # by the certificates, sets Pillow's LOAD_TRUNCATED_IMAGES for the whole process.)
    raw = photo_bytes((800, 600))
    with pytest.raises(UploadRejected):
        prepare_image(upload("cut.jpg", raw[:keep]), max_bytes=MB)


def test_too_many_pixels_is_refused_before_decoding(english):
    buffer = io.BytesIO()
    Image.new("L", (10_000, 8_000)).save(buffer, format="PNG")  # 80 megapixels, tiny file
    with pytest.raises(UploadRejected) as refused:
        prepare_image(upload("bomb.png", buffer.getvalue()), max_bytes=MB)
    assert "pixels" in refused.value.message


def test_file_over_the_size_limit_is_refused_with_its_size():
    with pytest.raises(UploadRejected) as refused:
        prepare_image(upload("huge.jpg", b"\xff\xd8" + b"\x00" * (2 * MB)), max_bytes=MB)
    assert "2.0" in refused.value.message and "1.0" in refused.value.message


def test_empty_file_is_refused():
    with pytest.raises(UploadRejected):
        prepare_image(upload("empty.jpg", b""), max_bytes=MB)


def _docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def test_documents_must_be_what_their_name_says():
    ok = prepare_document(
        upload("plan.pdf", b"%PDF-1.7\n..."), allowed_extensions=["pdf", "docx"], max_bytes=MB
    )
    assert ok.content_type == "application/pdf"
    assert prepare_document(
        upload("plan.docx", _docx()), allowed_extensions=["pdf", "docx"], max_bytes=MB
    ).extension == ("docx")
    for name, content in [
        ("plan.pdf", EXECUTABLE),
        ("plan.docx", b"%PDF-1.7"),
        ("notes.txt", b"abc\x00\x00def"),
    ]:
        with pytest.raises(UploadRejected):
            prepare_document(
                upload(name, content), allowed_extensions=["pdf", "docx", "txt"], max_bytes=MB
            )


def test_file_type_not_allowed_by_the_assignment_is_refused():
    with pytest.raises(UploadRejected) as refused:
        prepare_document(upload("setup.exe", EXECUTABLE), allowed_extensions=["pdf"], max_bytes=MB)
    assert "pdf" in refused.value.message


def test_display_name_drops_folders_and_control_characters():
    assert display_name("C:\\Users\\malee\\รูป\nสินค้า.jpg") == "รูปสินค้า.jpg"
    assert len(display_name("ก" * 400 + ".jpg")) == 150
