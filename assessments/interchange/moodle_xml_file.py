"""An uploaded Moodle XML file made into an element tree, or refused with a reason.

Moodle writes its exports in UTF-8; a file saved again by a text editor may be
UTF-8 with a byte order mark, or UTF-16 (Windows Notepad's "Unicode"). Those are
read; a file declared in any other encoding (TIS-620, windows-874 …) is refused
with the advice to save it as UTF-8, because reading Thai in the wrong encoding
gives garbage that looks like a valid import.

The parser is defusedxml's: a document type declaration, entity declarations
and external references are refused, so a file cannot expand itself a billion
times or read files from the server. Pictures are inside the file (base64), so
the size limit is generous. Each `<question>` element's line is recorded, for
the report.
"""

import re
from xml.etree.ElementTree import Element, ParseError, TreeBuilder

from django.utils.translation import gettext as _

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser

from .data import ImportFileError

MAX_FILE_BYTES = 20 * 1024 * 1024
_BOM_UTF8 = b"\xef\xbb\xbf"
_BOMS_UTF16 = (b"\xff\xfe", b"\xfe\xff")
# UTF-16 without a byte order mark, recognised by its first character "<" (XML 1.0, appendix F).
_BARE_UTF16 = {b"<\x00?\x00": "utf-16-le", b"\x00<\x00?": "utf-16-be"}
_DECLARATION = re.compile(r"<\?xml\s.*?\?>", re.DOTALL)
_ENCODING = re.compile(r"\bencoding\s*=\s*[\"']([^\"']*)[\"']")
_READABLE = {"utf-8", "utf8", "utf-16", "utf16", "utf-16le", "utf-16be", "us-ascii", "ascii"}


def moodle_xml_check_size(size: int) -> None:
    """Refuse a file by its size alone, before reading it."""
    if size == 0:
        raise ImportFileError(_("The file is empty."))
    if size > MAX_FILE_BYTES:
        raise ImportFileError(
            _(
                "The file is too large (%(size)s MB). The limit for Moodle XML is %(limit)s MB; "
                "export the questions in smaller parts."
            )
            % {"size": round(size / 1024 / 1024, 1), "limit": MAX_FILE_BYTES // 1024 // 1024}
        )


def _not_xml() -> ImportFileError:
    return ImportFileError(
        _("This is not an XML file. Export the questions from Moodle in “Moodle XML” format.")
    )


def _decode(data: bytes) -> str:
    """The file's text, from UTF-8 (with or without a byte order mark) or UTF-16."""
    encoding = "utf-8-sig"
    if data.startswith(_BOMS_UTF16):
        encoding = "utf-16"
    elif data[:4] in _BARE_UTF16:
        encoding = _BARE_UTF16[data[:4]]
    elif b"\x00" in data:
        raise _not_xml()
    else:
        # Refuse a declared TIS-620 or windows-874 before the bytes fail as UTF-8.
        _check_declaration(data[:500].decode("latin-1").lstrip("\ufeff\u00ef\u00bb\u00bf"))
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as error:
        if encoding != "utf-8-sig":
            raise ImportFileError(_("The file could not be read as text.")) from None
        raise ImportFileError(
            _(
                "The file is not saved as UTF-8 (problem on line %(line)d). Export it from "
                "Moodle again, or open it in a text editor and save it with the UTF-8 encoding."
            )
            % {"line": data[: error.start].count(b"\n") + 1}
        ) from None
    return text.lstrip("\ufeff")


def _check_declaration(start: str) -> re.Match | None:
    """The XML declaration at the start, if any; ImportFileError if it names another encoding."""
    match = _DECLARATION.match(start.lstrip())
    declared = _ENCODING.search(match.group(0)) if match else None
    if declared and declared.group(1).strip().lower() not in _READABLE:
        raise ImportFileError(
            _(
                "The file is saved in the %(encoding)s encoding. Moodle XML files are UTF-8: "
                "export the file from Moodle again, or save it with the UTF-8 encoding."
            )
            % {"encoding": declared.group(1).strip()[:40]}
        )
    return match


def _without_declaration(text: str) -> str:
    """The text without its XML declaration, or ImportFileError for encodings other than UTF.

    The declaration goes because the parser is given UTF-8 whatever the file was
    in; its line breaks stay, so that line numbers still match the file. Blank
    lines before it, which a parser refuses, do no harm then.
    """
    body = text.lstrip()
    match = _check_declaration(body)
    if not match:
        return text
    lead = text[: len(text) - len(body)]
    return lead + "\n" * match.group(0).count("\n") + body[match.end() :]


class _LineParser(DefusedXMLParser):
    """A defused parser that notes the line each `<question>` element starts on."""

    def __init__(self):
        super().__init__(
            target=TreeBuilder(), forbid_dtd=True, forbid_entities=True, forbid_external=True
        )
        self.lines: dict[int, int] = {}

    def _start(self, tag, attr_list):
        element = super()._start(tag, attr_list)
        if tag == "question":
            self.lines[id(element)] = self.parser.CurrentLineNumber
        return element


def moodle_xml_tree(data: bytes) -> tuple[Element, dict[int, int]]:
    """The `<quiz>` element of a Moodle XML file and {id(question element): line}.

    ImportFileError, in the user's language, when the file is too large, not
    text, in another encoding, not well-formed XML (with the line), uses a DTD
    or entities, or is XML of another kind.
    """
    moodle_xml_check_size(len(data))
    text = _decode(data)
    if not text.lstrip().startswith("<"):
        raise _not_xml()
    text = _without_declaration(text)
    parser = _LineParser()
    try:
        parser.feed(text.encode("utf-8"))
        root = parser.close()
    except DefusedXmlException:
        raise ImportFileError(
            _(
                "The file declares a document type or entities, which Moodle never writes. "
                "For safety it is not read."
            )
        ) from None
    except ParseError as error:
        line, column = getattr(error, "position", (0, 0))
        raise ImportFileError(
            _(
                "The file is not valid XML: the problem is on line %(line)d, near column "
                "%(column)d. Export it from Moodle again, or correct that line in a text editor."
            )
            % {"line": line, "column": column + 1}
        ) from None
    if root.tag != "quiz":
        raise ImportFileError(
            _(
                "This XML file is not a Moodle question export: it starts with <%(tag)s> instead "
                "of <quiz>. Export the questions from Moodle's question bank in “Moodle XML” format."
            )
            % {"tag": root.tag}
        )
    return root, parser.lines
