"""Check and prepare what a learner uploads, before anything is stored.

Photos are recognised by their content (Pillow), never by their name. They are
turned upright, made no larger than MAX_SIDE pixels on the longest side and
encoded again from the pixels alone: a phone photo carries the place it was
taken in its EXIF data, and none of that metadata is kept. Other files must be
what their name claims (a PDF starts like a PDF, a .docx is an Office package).
"""

import io
import unicodedata
import warnings
import zipfile
from dataclasses import dataclass

from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from PIL import Image, ImageOps

from .models import FILE_TYPES, FileKind

try:  # iPhones may send HEIC photos; pillow-heif teaches Pillow to read them.
    from pillow_heif import register_heif_opener

    register_heif_opener()
except ImportError:  # pragma: no cover - pillow-heif is a declared dependency
    pass

MAX_SIDE = 2048
THUMBNAIL_SIDE = 480
MAX_PIXELS = 64_000_000
JPEG_QUALITY = 82
IMAGE_FORMATS = {"JPEG", "MPO", "PNG", "WEBP", "GIF", "HEIF", "AVIF"}
# Beginnings of programs, refused whatever their name says.
EXECUTABLE_MAGIC = (b"MZ", b"\x7fELF", b"#!", b"\xca\xfe\xba\xbe", b"\xcf\xfa\xed\xfe")
OOXML_FOLDERS = {"docx": "word/", "xlsx": "xl/", "pptx": "ppt/"}


class UploadRejected(Exception):
    """An upload that cannot be accepted; `message` is shown to the learner."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class PreparedFile:
    kind: str
    original_name: str
    extension: str
    content: bytes
    content_type: str
    width: int | None = None
    height: int | None = None
    thumbnail: bytes | None = None


def display_name(name: str) -> str:
    """The file name as the learner knows it, safe to show and short enough to store."""
    name = (name or "").replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C").strip()
    return (name or _("file"))[:150]


def _check_size(upload: UploadedFile, name: str, max_bytes: int) -> None:
    if upload.size is None or upload.size == 0:
        raise UploadRejected(_("“%(name)s” is empty.") % {"name": name})
    if upload.size > max_bytes:
        raise UploadRejected(
            _("“%(name)s” is %(size)s; the largest file allowed is %(limit)s.")
            % {
                "name": name,
                "size": filesizeformat(upload.size),
                "limit": filesizeformat(max_bytes),
            }
        )


def _not_a_photo(name: str) -> UploadRejected:
    return UploadRejected(
        _(
            "“%(name)s” is not a photo we can read. Take the photo again, or choose a JPEG "
            "or PNG picture."
        )
        % {"name": name}
    )


def prepare_image(upload: UploadedFile, *, max_bytes: int) -> PreparedFile:
    name = display_name(upload.name)
    _check_size(upload, name, max_bytes)
    upload.seek(0)
    head = upload.read(8)
    if head.startswith(EXECUTABLE_MAGIC):
        raise _not_a_photo(name)
    upload.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(upload)
            if image.format not in IMAGE_FORMATS:
                raise _not_a_photo(name)
            if image.width * image.height > MAX_PIXELS:
                raise UploadRejected(
                    _("“%(name)s” has too many pixels. Send a smaller photo.") % {"name": name}
                )
            if image.format in {"JPEG", "MPO"}:
                # Decode JPEGs straight at a reduced scale: fast and light on memory.
                image.draft("RGB", (MAX_SIDE, MAX_SIDE))
            image.seek(0)
            image.load()
            icc_profile = image.info.get("icc_profile")
            upright = ImageOps.exif_transpose(image)
    except UploadRejected:
        raise
    except (OSError, ValueError, SyntaxError, EOFError, Image.DecompressionBombError) as error:
        raise _not_a_photo(name) from error
    except Image.DecompressionBombWarning as error:
        raise UploadRejected(
            _("“%(name)s” has too many pixels. Send a smaller photo.") % {"name": name}
        ) from error

    has_alpha = upright.mode in {"RGBA", "LA", "PA"} or (
        upright.mode == "P" and "transparency" in upright.info
    )
    upright = upright.convert("RGBA" if has_alpha else "RGB")
    upright.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.LANCZOS)
    # A new image holds the pixels only: no EXIF (GPS, camera, time), XMP or comments.
    clean = Image.new(upright.mode, upright.size)
    clean.paste(upright)

    buffer = io.BytesIO()
    extra = {"icc_profile": icc_profile} if icc_profile else {}
    if has_alpha:
        clean.save(buffer, format="PNG", **extra)
        extension, content_type = "png", "image/png"
    else:
        clean.save(
            buffer, format="JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True, **extra
        )
        extension, content_type = "jpg", "image/jpeg"
    return PreparedFile(
        kind=FileKind.IMAGE,
        original_name=name,
        extension=extension,
        content=buffer.getvalue(),
        content_type=content_type,
        width=clean.width,
        height=clean.height,
        thumbnail=_thumbnail(clean),
    )


def _thumbnail(image: Image.Image) -> bytes:
    small = image.copy()
    small.thumbnail((THUMBNAIL_SIDE, THUMBNAIL_SIDE), Image.Resampling.LANCZOS)
    if small.mode == "RGBA":
        background = Image.new("RGB", small.size, "#ffffff")
        background.paste(small, mask=small.getchannel("A"))
        small = background
    buffer = io.BytesIO()
    small.save(buffer, format="JPEG", quality=75, optimize=True)
    return buffer.getvalue()


def _looks_like(extension: str, content: bytes) -> bool:
    if content.startswith(EXECUTABLE_MAGIC):
        return False
    if extension == "pdf":
        return content.startswith(b"%PDF-")
    if extension in {"txt", "csv"}:
        return b"\x00" not in content[:65536]
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as package:
            names = package.namelist()
            if extension in OOXML_FOLDERS:
                return "[Content_Types].xml" in names and any(
                    n.startswith(OOXML_FOLDERS[extension]) for n in names
                )
            # OpenDocument: a "mimetype" entry naming the type.
            if "mimetype" not in names:
                return False
            return package.read("mimetype").decode("ascii", "replace") == FILE_TYPES[extension]
    except (zipfile.BadZipFile, OSError, KeyError, RuntimeError, NotImplementedError):
        return False


def prepare_document(
    upload: UploadedFile, *, allowed_extensions: list[str], max_bytes: int
) -> PreparedFile:
    name = display_name(upload.name)
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if extension not in allowed_extensions:
        raise UploadRejected(
            _("“%(name)s” is not a file type this assignment takes (%(types)s).")
            % {"name": name, "types": ", ".join(allowed_extensions)}
        )
    _check_size(upload, name, max_bytes)
    upload.seek(0)
    content = upload.read()
    if not _looks_like(extension, content):
        raise UploadRejected(
            _("“%(name)s” is not a real %(type)s file. Save it again and choose it once more.")
            % {"name": name, "type": extension.upper()}
        )
    return PreparedFile(
        kind=FileKind.FILE,
        original_name=name,
        extension=extension,
        content=content,
        content_type=FILE_TYPES[extension],
    )
