"""Questions written as a GIFT file, for Moodle and for our own reader.

`gift_write(questions)` gives the text of a GIFT export: a "$CATEGORY:" line
whenever the bank path changes, each question with its title, its text as
"[html]…" (stored prompts are HTML), its answers with their weights and
feedback, and its general feedback after "####". Every special character of
GIFT is escaped, so reading the file back gives the same questions:

    [q.comparable() for q in gift_read(gift_write(qs)).questions]
        == [q.comparable() for q in qs]

Answers, matching items and feedback inherit the question's HTML format, so
they are written HTML-escaped; the few texts that HTML would not carry exactly
(blank lines in feedback, say) are marked [plain] instead. Short and number
answers and the right side of a matching pair are plain text in Moodle, and
are written as they are.

GIFT has no place for points, all-or-nothing scoring, notes for the grader,
a picture, or feedback for right and wrong answers outside true-or-false
questions: `gift_left_out` names what a question loses.
"""

import html
import re
from decimal import Decimal

from django.utils.translation import gettext as _

from ..models import MultipleScoring, QuestionKind
from .data import QuestionData
from .text_formats import FORMATS, HTML, MOODLE, to_text

_SPECIAL = str.maketrans(
    {
        "\\": "\\\\",
        "#": "\\#",
        "=": "\\=",
        "~": "\\~",
        "{": "\\{",
        "}": "\\}",
        ":": "\\:",
        "\n": "\\n",
        "\r": "",
    }
)
_MARKER = re.compile(r"\[(" + "|".join(FORMATS) + r")\]")
_CONTEXT = re.compile(r"^\$[a-z]+\$$")
FULL = Decimal(100)


def _escape(text: str) -> str:
    return text.translate(_SPECIAL)


def _number(value: Decimal) -> str:
    return f"{value.normalize():f}"


def _field(text: str, *, multiline: bool = False) -> str:
    """A plain-text answer, item or feedback, in the question's HTML format.

    Written [plain] when HTML would not give the text back exactly, unless it holds
    "->", which GIFT cannot escape and which next to "=" would make a matching question.
    """
    written = html.escape(text, quote=False).replace("\n", "<br>")
    if written[:1] in ("[", "%"):  # would read as a [format] or a %weight%
        written = f"&#{ord(written[0])};{written[1:]}"
    if to_text(written, HTML, multiline=multiline) != text and "->" not in text:
        written = "[plain]" + text
    return _escape(written)


def _as_written(text: str) -> str:
    """A short answer: plain text in Moodle, whatever its format; a marker is dropped.

    One is added before a text that starts like a marker, or like a comment ("//"),
    which a lone answer written on its own line would otherwise be.
    """
    marked = _MARKER.match(text) or text.startswith("//")
    return ("[plain]" if marked else "") + _escape(text)


def _title(title: str) -> str:
    if to_text(title, MOODLE) != title:
        title = html.escape(title, quote=False)
    return f"::{_escape(title)}::"


def _bank_path(names: list[str]) -> str:
    """Moodle's category path: "/" in a name doubled, a space against a slash at an end.

    A name that would read as Moodle's own ("top", or "$course$" first) starts with
    a character reference instead, which both Moodle and gift_read show as the letter.
    """
    parts = []
    for number, name in enumerate(names):
        if to_text(name, MOODLE) != name:
            name = html.escape(name, quote=False)
        if name == "top" or (number == 0 and _CONTEXT.match(name)):
            name = f"&#{ord(name[0])};{name[1:]}"
        name = name.replace("\\", "\\\\").replace("/", "//")
        if name.startswith("/"):
            name = " " + name
        if name.endswith("/"):
            name += " "
        parts.append(name)
    # "top" alone: back to the bank chosen on import (in Moodle, its context's top).
    return "/".join(parts) or "top"


def _feedback(text: str, *, multiline: bool = False) -> str:
    return "#" + _field(text, multiline=multiline) if text else ""


def _choice_lines(question: QuestionData) -> list[str]:
    """ "=" marks a single-choice question: only its first full-mark choice gets one, so
    that a "~" always stays to tell Moodle it is a choice question."""
    lines, marked = [], question.kind != QuestionKind.SINGLE
    for choice in question.choices:
        if not marked and choice.weight == FULL:
            mark, marked = "=", True
        elif choice.weight == 0:
            mark = "~"
        else:
            mark = f"~%{_number(choice.weight)}%"
        lines.append(mark + _field(choice.text) + _feedback(choice.feedback))
    return lines


def _answer_lines(question: QuestionData) -> list[str]:
    """Accepted answers after "="; a lone answer with "->" goes without, since "=" and
    "->" together make Moodle read a matching question."""
    lines = []
    alone = len(question.answers) == 1 and "->" in question.answers[0].text
    for answer in question.answers:
        weight = answer.weight != FULL or answer.text.startswith("%")
        mark = f"%{_number(answer.weight)}%" if weight else ""
        mark = mark if alone else "=" + mark
        lines.append(mark + _as_written(answer.text) + _feedback(answer.feedback))
    return lines


def _number_lines(question: QuestionData) -> list[str]:
    lines = []
    for number in question.numbers:
        mark = "=" if number.weight == FULL else f"=%{_number(number.weight)}%"
        if number.value is None:
            value = "*" + (f":{_number(number.tolerance)}" if number.tolerance else "")
        else:
            value = f"{_number(number.value)}:{_number(number.tolerance)}"
        lines.append(mark + value + _feedback(number.feedback))
    return lines


def _pair_lines(question: QuestionData) -> list[str]:
    """Items in the question's format; Moodle reads the side after "->" as plain text,
    without a [format] marker, up to the end (a further "->" is part of it)."""
    return [f"={_field(item)} -> {_escape(match)}" for item, match in question.pairs]


def _general(question: QuestionData) -> str:
    return "####" + _escape(question.general_feedback) if question.general_feedback else ""


def _question(question: QuestionData) -> str:
    head = (_title(question.title) if question.title else "") + "[html]" + _escape(question.prompt)
    kind = question.kind
    if kind == QuestionKind.DESCRIPTION:
        return head
    if kind == QuestionKind.ESSAY:
        return head + "{" + _general(question) + "}"
    if kind == QuestionKind.TRUE_FALSE:
        answer = "TRUE" if question.correct_answer_true else "FALSE"
        if question.feedback_incorrect or question.feedback_correct:
            answer += "#" + _field(question.feedback_incorrect, multiline=True)
        if question.feedback_correct:
            answer += "#" + _field(question.feedback_correct, multiline=True)
        return head + "{" + answer + _general(question) + "}"
    lines = {
        QuestionKind.SINGLE: _choice_lines,
        QuestionKind.MULTIPLE: _choice_lines,
        QuestionKind.SHORT_TEXT: _answer_lines,
        QuestionKind.NUMERIC: _number_lines,
        QuestionKind.MATCHING: _pair_lines,
    }[kind](question)
    if general := _general(question):
        lines.append(general)
    opening = "{#" if kind == QuestionKind.NUMERIC else "{"
    return "\n".join([head + opening, *("\t" + line for line in lines), "}"])


def gift_write(questions: list[QuestionData]) -> str:
    """The GIFT text of the questions, in their order (see the module docstring)."""
    blocks: list[str] = []
    category: list[str] = []
    for question in questions:
        if question.category != category:
            blocks.append(f"$CATEGORY: {_bank_path(question.category)}")
            category = question.category
        blocks.append(_question(question))
    return "\n\n".join(blocks) + "\n" if blocks else ""


def gift_left_out(question: QuestionData) -> list[str]:
    """What a GIFT file cannot carry of this question, in words for the person exporting."""
    lost = []
    if question.points != 1 and question.kind != QuestionKind.DESCRIPTION:
        lost.append(_("GIFT has no points: Moodle gives every question 1 point."))
    if question.kind == QuestionKind.MULTIPLE and question.scoring != MultipleScoring.PARTIAL:
        lost.append(
            _("GIFT has no all-or-nothing scoring: Moodle gives partial credit by the weights.")
        )
    if question.grader_info:
        lost.append(_("GIFT has no notes for the grader; they were left out."))
    if question.image is not None:
        lost.append(_("GIFT files hold no pictures; the picture was left out."))
    answers = question.answers if question.kind == QuestionKind.SHORT_TEXT else []
    if len(answers) > 1 and any("->" in answer.text for answer in answers):
        lost.append(
            _(
                "An accepted answer with “->” next to other answers makes GIFT read the "
                "question as matching pairs; change that answer before exporting."
            )
        )
    if question.kind != QuestionKind.TRUE_FALSE and (
        question.feedback_correct or question.feedback_incorrect
    ):
        lost.append(
            _(
                "GIFT has feedback for right and wrong answers only in true-or-false questions; "
                "it was left out."
            )
        )
    return lost
