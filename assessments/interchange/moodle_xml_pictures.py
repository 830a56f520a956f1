"""The picture of a question, from the files Moodle embeds in its XML.

Moodle stores a picture shown in a text as a `<file name=".." path="/"
encoding="base64">` element next to the text, and the text shows it with
`<img src="@@PLUGINFILE@@/name">`. A question here has one picture, shown under
its text: the first picture of the question text becomes it (with the alt text
of its `<img>`), and its `<img>` is taken out of the text. Every other picture
and file is left out with a warning saying so. Bytes that are not a picture the
platform can show are refused with a warning, never an error.
"""

import base64
import binascii
import html
import re
from html.parser import HTMLParser
from io import BytesIO
from urllib.parse import unquote
from xml.etree.ElementTree import Element

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from PIL import Image

from .data import ImageData, QuestionData
from .moodle_xml_common import PLUGINFILE
from .text_formats import PLAIN, to_text

IMG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
# The formats of WAGTAILIMAGES_EXTENSIONS, as Pillow names them.
PICTURE_FORMATS = {"PNG", "JPEG", "GIF", "WEBP"}
_DATA_URL = re.compile(r"^data:image/[a-z+.-]+;base64,(.*)$", re.IGNORECASE | re.DOTALL)


def _max_bytes() -> int:
    return getattr(settings, "WAGTAILIMAGES_MAX_UPLOAD_SIZE", 10 * 1024 * 1024)


class _ImgAttributes(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.attributes: dict[str, str] = {}

    def handle_starttag(self, tag, attrs):
        self.attributes = {name: value or "" for name, value in attrs}

    handle_startendtag = handle_starttag


def img_attributes(tag: str) -> dict[str, str]:
    parser = _ImgAttributes()
    parser.feed(tag)
    parser.close()
    return parser.attributes


def _base64(value: str) -> bytes | None:
    try:
        return base64.b64decode("".join((value or "").split()), validate=True)
    except (binascii.Error, ValueError):
        return None


def embedded_files(element: Element | None) -> dict[str, bytes | None]:
    """{path + name: content} of the `<file>` elements of a text (None: not base64)."""
    files: dict[str, bytes | None] = {}
    if element is None:
        return files
    for file in element.findall("file"):
        path = (file.get("path") or "/").strip() or "/"
        path = path if path.endswith("/") else path + "/"
        key = path + (file.get("name") or "").strip()
        if key not in files:
            files[key] = _base64(file.text or "")
    return files


def picture_problem(content: bytes | None) -> str:
    """Why these bytes cannot be the question's picture ("" when they can)."""
    if not content:
        return _("it is not a picture")
    if len(content) > _max_bytes():
        return _("it is larger than %(size)s MB") % {"size": _max_bytes() // 1024 // 1024}
    try:
        with Image.open(BytesIO(content)) as picture:
            kind = picture.format
            picture.verify()
    except Exception:  # Pillow raises many kinds for damaged or hostile files
        return _("it is not a picture")
    if kind not in PICTURE_FORMATS:
        return _("pictures of this kind (%(kind)s) cannot be shown; use PNG, JPEG, GIF or WebP") % {
            "kind": kind
        }
    return ""


def _file_name(key: str) -> str:
    return key.rsplit("/", 1)[-1]


def _source(src: str, files: dict[str, bytes | None], question: QuestionData):
    """(name, content, file key) an `<img src>` points to, or None after a warning."""
    src = html.unescape(src or "").strip()
    data = _DATA_URL.match(src)
    if data:
        return "picture", _base64(data.group(1)), None
    if src.startswith(PLUGINFILE):
        key = unquote(src[len(PLUGINFILE) :].split("?", 1)[0])
        key = key if key.startswith("/") else "/" + key
        if key not in files:
            question.warn(
                _("The picture “%(name)s” is not in the file; it is left out.")
                % {"name": _file_name(key)}
            )
            return None
        return _file_name(key), files[key], key
    question.warn(
        _(
            "A picture in the question text comes from another website (%(address)s); it is "
            "left out. Download it and add it to the question."
        )
        % {"address": src[:200]}
    )
    return None


def take_picture(text: str, element: Element | None, question: QuestionData) -> str:
    """The question text without its pictures; the first one becomes question.image.

    `element` is the `<questiontext>` element holding the embedded files.
    """
    files = embedded_files(element)
    used: set[str] = set()
    others = 0
    for tag in IMG.findall(text):
        attributes = img_attributes(tag)
        found = _source(attributes.get("src", ""), files, question)
        if found is None:
            continue
        name, content, key = found
        if key:
            used.add(key)
        if question.image is not None:
            others += 1
            continue
        problem = picture_problem(content)
        if problem:
            question.warn(
                _("The picture “%(name)s” is left out: %(problem)s.")
                % {"name": name, "problem": problem}
            )
            continue
        alt = to_text(attributes.get("alt", ""), PLAIN)[:255]
        question.image = ImageData(name=name, content=content, alt=alt)
    if others:
        question.warn(
            ngettext(
                "Moodle shows %(count)d more picture in the question text; only the first is "
                "kept, as the question's picture.",
                "Moodle shows %(count)d more pictures in the question text; only the first is "
                "kept, as the question's picture.",
                others,
            )
            % {"count": others}
        )
    unused = [_file_name(key) for key in files if key not in used]
    if unused:
        question.warn(
            _("Files attached to the question text are left out: %(names)s.")
            % {"names": ", ".join(unused)}
        )
    return IMG.sub("", text)


def legacy_picture(question_element: Element, question: QuestionData) -> None:
    """Moodle 1.x's `<image>` and `<image_base64>`, when the text has no picture."""
    encoded = question_element.findtext("image_base64")
    name = (question_element.findtext("image") or "").strip()
    if not encoded or not name:
        return
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    if question.image is not None:
        question.warn(
            _("The picture “%(name)s” is left out: the question already has one.") % {"name": name}
        )
        return
    content = _base64(encoded)
    problem = picture_problem(content)
    if problem:
        question.warn(
            _("The picture “%(name)s” is left out: %(problem)s.")
            % {"name": name, "problem": problem}
        )
        return
    question.image = ImageData(name=name, content=content, alt="")
