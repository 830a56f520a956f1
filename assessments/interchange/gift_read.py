"""Moodle's GIFT format read into QuestionData, with a report for each question.

Pure: no database. `gift_decode` turns an uploaded file into text or refuses it
(empty, too large, binary, not Unicode); `gift_read` turns the text into one
QuestionData per question, each importable or carrying the reason it is not
(`error`, with its `line`), and what could not be carried over as Moodle
would (`warnings`).

Read as Moodle reads it (question/format/gift): questions are separated by
blank lines; lines starting with "//" are comments (Moodle's "[id:…]" and
"[tag:…]" in them are reported, having no place here); "::title::" names a
question; \\~ \\= \\# \\{ \\} \\: \\\\ and \\n escape; a [html], [moodle], [plain] or
[markdown] marker sets the format of the question text, which answers, items
and feedback inherit unless they have their own; the answer part {…} in the
middle of the text leaves a blank "_____"; "####" starts the general feedback;
no braces make a description, empty braces an essay (see gift_answers for the
answer part). "$CATEGORY: a/b" puts the questions that follow into the bank
a › b below the bank chosen on import: Moodle's context ("$course$/") and
"top" are left out, and "//" in a name is a "/".

Limits of our model: a title longer than 255 characters is shortened with a
warning, as Moodle does, since only trainers see it; an answer, item or
feedback longer than its field is an error, because cutting it would change
what learners read or what counts as right.
"""

import re
import unicodedata
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from ..validation import QuestionDraft, question_problems
from .data import ImportFileError, ImportReport, QuestionData
from .gift_answers import (
    NONCHARACTERS,
    Invalid,
    note_markup,
    protect,
    read_answers,
    restore,
    split_format,
)
from .text_formats import MOODLE, html_to_text, to_html, to_text

MAX_FILE_BYTES = 1024 * 1024
MAX_QUESTIONS = 1000
TITLE_MAX = 255
BANK_NAME_MAX = 200
SOURCE_MAX = 2000
BLANK = "_____"

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_THAI_LETTER = re.compile(r"[\u0e01-\u0e2e]")
_STRAY_MARK = re.compile(r"(?:^|[^\u0e01-\u0e5b])[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]")
_CONTEXT = re.compile(r"^\$[a-z]+\$$")
_CATEGORY_SLASH = re.compile(r"(?<!/)/(?!/)")
_ID = re.compile(r"\[id:((?:\\\]|[^\]\x00-\x1f])+)\]")
_TAGS = re.compile(r"\[tag:((?:\\\]|[^\]<>`\x00-\x1f])+)\]")
_CATEGORY = "$CATEGORY:"


# --- The file ---------------------------------------------------------------------------------


def gift_check_size(size: int) -> None:
    """Refuse a file by its size alone, before reading it."""
    if size == 0:
        raise ImportFileError(_("The file is empty."))
    if size > MAX_FILE_BYTES:
        raise ImportFileError(
            _(
                "The file is too large (%(size)s KB). The limit is %(limit)s KB; split it into parts."
            )
            % {"size": size // 1024, "limit": MAX_FILE_BYTES // 1024}
        )


def _utf16_without_mark(data: bytes) -> str | None:
    """The UTF-16 byte order of a file without a byte order mark, if its NUL bytes tell.

    GIFT always has ASCII braces and spaces, whose second byte is NUL, always on the
    same side; Thai letters have none. Binary files have NULs on both sides.
    """
    if len(data) % 2 or b"\x00" not in data:
        return None
    even = data[0::2].count(0)
    odd = data[1::2].count(0)
    if odd and not even:
        return "utf-16-le"
    if even and not odd:
        return "utf-16-be"
    return None


def _not_text() -> ImportFileError:
    return ImportFileError(
        _("This is not a text file. Export the questions from Moodle in GIFT format.")
    )


def gift_decode(data: bytes) -> str:
    """The text of an uploaded GIFT file, or ImportFileError saying how to save it as UTF-8.

    UTF-8 with or without a byte order mark, and UTF-16 (little or big endian,
    with a byte order mark or without, told by its NUL bytes) are read. Thai in
    TIS-620 or Windows-874, other encodings and binary files are refused.
    """
    gift_check_size(len(data))
    if data.startswith(b"\xef\xbb\xbf"):
        encoding = "utf-8-sig"
    elif data.startswith(b"\xff\xfe"):
        encoding = "utf-16-le"
        data = data[2:]
    elif data.startswith(b"\xfe\xff"):
        encoding = "utf-16-be"
        data = data[2:]
    elif encoding := _utf16_without_mark(data):
        pass
    elif b"\x00" in data:
        raise _not_text()
    else:
        encoding = "utf-8"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as error:
        if encoding.startswith("utf-16"):
            raise ImportFileError(_("The file could not be read as text.")) from None
        raise _encoding_error(data, error.start) from None
    if _CONTROL.search(text):
        if encoding.startswith("utf-16"):
            raise _not_text()
        raise ImportFileError(
            _("The file contains control characters that a GIFT text file never has.")
        )
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _looks_thai(text: str) -> bool:
    """Text decoded as Windows-874 that reads as Thai: Thai letters, and no vowel or tone
    mark standing after anything but a Thai character (as Latin-1's é would)."""
    return bool(_THAI_LETTER.search(text)) and not _STRAY_MARK.search(text)


def _encoding_error(data: bytes, position: int) -> ImportFileError:
    try:
        thai = _looks_thai(data.decode("cp874"))
    except UnicodeDecodeError:
        thai = False
    if thai:
        return ImportFileError(
            _(
                "The file is saved in the old Thai encoding (TIS-620 or Windows-874), not "
                "UTF-8. Open it in Notepad, choose File › Save As, set Encoding to UTF-8, save, "
                "and upload the saved file."
            )
        )
    return ImportFileError(
        _(
            "The file is not saved as UTF-8 (problem at byte %(position)d). Open it in a "
            "text editor and save it again with the UTF-8 encoding."
        )
        % {"position": position}
    )


def _shorten(text: str, limit: int) -> str:
    """At most `limit` characters, never cutting a Thai vowel or tone mark off its letter."""
    end = limit
    while 0 < end < len(text) and unicodedata.category(text[end]).startswith("M"):
        end -= 1
    return text[:end].rstrip()


# --- Blocks and categories --------------------------------------------------------------------


@dataclass
class _Block:
    """The lines between blank lines: (line number, trimmed text), comments as " "."""

    lines: list[tuple[int, str]] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)
    raw: list[tuple[int, str]] = field(default_factory=list)  # as written, for the report

    def content(self) -> list[tuple[int, str]]:
        return [(number, text) for number, text in self.lines if text != " "]

    def after(self, number: int) -> "_Block":
        """The block without its lines up to line `number`."""
        return _Block(
            lines=[line for line in self.lines if line[0] > number],
            comments=self.comments,
            raw=[line for line in self.raw if line[0] > number],
        )


def _blocks(text: str) -> list[_Block]:
    blocks, block = [], _Block()
    for number, line in enumerate(text.split("\n"), 1):
        stripped = line.strip()
        if not stripped:
            if block.content():
                blocks.append(block)
            block = _Block()
            continue
        block.raw.append((number, line))
        if stripped.startswith("//"):
            block.comments.append(stripped)
            stripped = " "  # as Moodle does: the comment's line stays, empty
        block.lines.append((number, stripped))
    if block.content():
        blocks.append(block)
    return blocks


def _bank_names(path: str, warnings: list[str]) -> list[str]:
    names = [
        restore(protect(name)).replace("//", "/").strip() for name in _CATEGORY_SLASH.split(path)
    ]
    if names and _CONTEXT.match(names[0]):
        names.pop(0)  # Moodle's $course$, $system$ … (where the bank lives in Moodle)
    found = []
    for name in names:
        if name == "top":  # Moodle's hidden top category of every context
            continue
        name = to_text(name, MOODLE)
        if not name:
            continue
        if len(name) > BANK_NAME_MAX:
            warnings.append(
                _("The bank name “%(name)s…” is longer than 200 characters and was shortened.")
                % {"name": _shorten(name, 40)}
            )
            name = _shorten(name, BANK_NAME_MAX)
        found.append(name)
    return found


def _comment_warnings(question: QuestionData, comments: list[str]) -> None:
    text = "\n".join(comments)
    if match := _ID.search(text):
        question.warn(
            _(
                "Moodle would give the question the ID number “%(id)s”; questions here have "
                "none, so it was left out."
            )
            % {"id": match.group(1).replace("\\]", "]").strip()}
        )
    if tags := [tag.replace("\\]", "]").strip() for tag in _TAGS.findall(text)]:
        question.warn(
            _(
                "Moodle would tag the question %(tags)s; skill tags here are chosen on the "
                "question's page, so they were left out."
            )
            % {"tags": ", ".join(f"“{tag}”" for tag in tags)}
        )


# --- One question -----------------------------------------------------------------------------


def _take_title(question: QuestionData, text: str) -> str:
    if not text.startswith("::"):
        return text
    text = text[2:]
    end = text.find("::")
    if end == -1:
        question.warn(
            _(
                "The title has no closing “::”; Moodle reads it as part of the question text, "
                "and so did we."
            )
        )
        return text
    title = to_text(restore(text[:end]), MOODLE)
    if len(title) > TITLE_MAX:
        question.warn(_("Moodle shortens titles to 255 characters, and so did we."))
        title = _shorten(title, TITLE_MAX)
    question.title = title
    return text[end + 2 :].strip()


def _answer_part(text: str) -> tuple[str | None, str]:
    """(answer part or None for no braces, question text with the blank if one is due)."""
    start, end = text.find("{"), text.find("}")
    if start == -1 and end == -1:
        return None, text
    if start == -1 or end == -1 or end < start:
        raise Invalid(
            _("A “{” or “}” is missing. If the brace belongs to the text, write it as \\{ or \\}.")
        )
    if "{" in text[start + 1 : end] or "{" in text[end + 1 :] or "}" in text[end + 1 :]:
        raise Invalid(
            _(
                "A question can have only one answer part {…}. If a brace belongs to the text, "
                "write it as \\{ or \\}."
            )
        )
    answers = text[start + 1 : end].strip()
    if end == len(text) - 1:
        return answers, text[:start]
    return answers, text[:start] + BLANK + text[end + 1 :]


def _draft(question: QuestionData) -> QuestionDraft:
    return QuestionDraft(
        kind=question.kind,
        choices=[(c.text, c.weight > 0, c.weight) for c in question.choices],
        accepted_answers=[(a.text, a.weight) for a in question.answers],
        numbers=[(n.value, n.weight) for n in question.numbers],
        pairs=question.pairs,
        correct_answer_true=question.correct_answer_true,
    )


def _read_question(question: QuestionData, body: str) -> None:
    try:
        text = _take_title(question, protect(body))
        answers, prompt = _answer_part(text)
        general = ""
        if answers is not None and (cut := answers.rfind("####")) != -1:
            general, answers = answers[cut + 4 :], answers[:cut].strip()
        fmt, prompt = split_format(prompt, MOODLE)
        note_markup(question, prompt, fmt, rich=True)
        question.prompt = to_html(prompt, fmt)
        if general:
            general_fmt, general = split_format(general, fmt)
            note_markup(question, general, general_fmt, rich=True)
            question.general_feedback = to_html(general, general_fmt)
        read_answers(question, answers, fmt)
        if not html_to_text(question.prompt).replace(BLANK, "").strip():
            raise Invalid(_("The question has no text."))
        if problems := question_problems(_draft(question)):
            raise Invalid(next(iter(problems.values())))
    except Invalid as error:
        question.error = str(error)


def gift_read(text: str) -> ImportReport:
    """Every question of a GIFT text, each valid or with the reason it is not.

    ImportFileError when the text holds no question, or too many.
    """
    text = NONCHARACTERS.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    report = ImportReport(format="gift")
    category: list[str] = []
    category_warnings: list[str] = []
    for block in _blocks(text):
        lines = block.content()
        joined = False
        while lines and lines[0][1].startswith(_CATEGORY):
            category_warnings = []
            category = _bank_names(lines[0][1][len(_CATEGORY) :], category_warnings)
            # Moodle would read the rest of the block as part of the category's name.
            joined = len(lines) > 1
            block = block.after(lines[0][0])
            lines = block.content()
        if not lines:
            continue
        if len(report.questions) >= MAX_QUESTIONS:
            raise ImportFileError(
                _("The file has more than %(count)d questions; split it into parts.")
                % {"count": MAX_QUESTIONS}
            )
        question = QuestionData(
            number=len(report.questions) + 1,
            line=lines[0][0],
            source="\n".join(line for _number, line in block.raw)[:SOURCE_MAX],
            category=list(category),
        )
        if joined:
            question.warn(
                _(
                    "There is no blank line after the $CATEGORY line: Moodle would read this "
                    "question as part of the bank's name. We read it as a question; leave a "
                    "blank line after $CATEGORY lines."
                )
            )
        for warning in category_warnings:
            question.warn(warning)
        _comment_warnings(question, block.comments)
        _read_question(question, "\n".join(text for _number, text in block.lines).strip())
        report.questions.append(question)
    if not report.questions:
        raise ImportFileError(_("No questions were found in the file."))
    return report
