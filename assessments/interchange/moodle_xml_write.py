"""Writing questions as a Moodle XML file that Moodle's question bank imports.

Pure: `moodle_xml_write(questions)` gives the bytes of a UTF-8 file laid out as
Moodle 4 exports it: a category entry whenever the bank changes, then each
question with its name, text, general feedback, marks and the elements of its
type. Questions that carry an error (not importable) are left out.

Texts: a question's text and general feedback are HTML, written in CDATA with
format="html"; every other text (choices, answers, items, feedback, notes for
the grader) is plain text and written with format="plain_text", which Moodle
shows as written. The picture is embedded as a `<file>` and shown at the end of
the question text with `<img src="@@PLUGINFILE@@/name">`. Weights are written
as Moodle writes them ("100", "33.33333", "-50").

Moodle accepts only its list of marks (100, 90, 83.33333, 80, 75, 70, 66.66667,
60, 50, 40, 33.33333, 30, 25, 20, 16.66667, 14.28571, 12.5, 11.11111, 10, 5, 0
and their negatives) unless "nearest grade" is chosen when importing; other
weights are written as they are. Reading the file back gives the same questions
(`QuestionData.comparable`); see moodle_xml_common for the elements that carry
our settings which Moodle has no place for.
"""

import base64
import html
import re
from decimal import Decimal
from urllib.parse import quote

from ..models import MultipleScoring, QuestionKind
from .data import QuestionData
from .moodle_xml_common import (
    PLUGINFILE,
    SCORING_ELEMENT,
    TYPE_NAMES,
    category_join,
    decimal_text,
    default_title,
)

# Characters XML 1.0 cannot hold, even in CDATA.
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_MARKUP = re.compile(r"[<>&]")
_UNSAFE_NAME = re.compile(r"[\x00-\x1f\\/:*?\"<>|#%&]+")
_SIGNATURES = {
    b"\x89PNG": ".png",
    b"\xff\xd8\xff": ".jpg",
    b"GIF8": ".gif",
    b"RIFF": ".webp",
}
# Moodle's penalty for a wrong try in its "several tries" modes, per type, as it writes it.
_PENALTY = {"truefalse": "1.0000000", "essay": "0.0000000", "description": "0.0000000"}


def _text(value: str) -> str:
    """A text for an element: CDATA when it holds markup, as Moodle writes it."""
    value = _NOT_XML.sub("", value or "")
    if not _MARKUP.search(value):
        return value
    return "<![CDATA[" + value.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def _text_element(tag: str, value: str, fmt: str, indent: int, extra: str = "") -> str:
    pad = "  " * indent
    return (
        f'{pad}<{tag} format="{fmt}">\n{pad}  <text>{_text(value)}</text>\n{extra}{pad}</{tag}>\n'
    )


def _plain(tag: str, value: str, indent: int = 2) -> str:
    return _text_element(tag, value, "plain_text", indent)


def _picture_name(question: QuestionData) -> str:
    name = (question.image.name or "").replace("\\", "/").rsplit("/", 1)[-1]
    name = _UNSAFE_NAME.sub("_", name).strip(" .")
    if "." not in name:
        content = question.image.content
        ext = next((e for sig, e in _SIGNATURES.items() if content.startswith(sig)), ".png")
        name = (name or "picture") + ext
    return name


def _question_text(question: QuestionData) -> str:
    if question.image is None:
        return _text_element("questiontext", question.prompt, "html", 2)
    name = _picture_name(question)
    img = (
        f'<p><img src="{PLUGINFILE}/{quote(name)}" '
        f'alt="{html.escape(question.image.alt, quote=True)}"></p>'
    )
    encoded = base64.b64encode(question.image.content).decode("ascii")
    file = f'      <file name="{html.escape(name, quote=True)}" path="/" encoding="base64">'
    return _text_element(
        "questiontext", question.prompt + img, "html", 2, f"{file}{encoded}</file>\n"
    )


def _answer(fraction, text: str, feedback: str, text_format: str, extra: str = "") -> str:
    return (
        f'    <answer fraction="{decimal_text(fraction)}" format="{text_format}">\n'
        f"      <text>{_text(text)}</text>\n"
        f"{_plain('feedback', feedback, 3)}{extra}"
        "    </answer>\n"
    )


def _combined_feedback(question: QuestionData) -> str:
    return (
        _plain("correctfeedback", question.feedback_correct)
        + _plain("partiallycorrectfeedback", "")
        + _plain("incorrectfeedback", question.feedback_incorrect)
    )


def _choices(question: QuestionData) -> str:
    single = "true" if question.kind == QuestionKind.SINGLE else "false"
    out = [
        f"    <single>{single}</single>\n",
        "    <shuffleanswers>true</shuffleanswers>\n",
        "    <answernumbering>none</answernumbering>\n",
        "    <showstandardinstruction>1</showstandardinstruction>\n",
        _combined_feedback(question),
    ]
    out += [_answer(c.weight, c.text, c.feedback, "plain_text") for c in question.choices]
    return "".join(out)


def _true_false(question: QuestionData) -> str:
    right = question.correct_answer_true
    out = []
    for statement in (True, False):
        fraction = Decimal(100 if right is statement else 0)
        says_right = statement is (right is not False)
        feedback = question.feedback_correct if says_right else question.feedback_incorrect
        word = "true" if statement else "false"
        out.append(_answer(fraction, word, feedback, "moodle_auto_format"))
    return "".join(out)


def _short_text(question: QuestionData) -> str:
    out = ["    <usecase>0</usecase>\n"]
    out += [_answer(a.weight, a.text, a.feedback, "moodle_auto_format") for a in question.answers]
    return "".join(out)


def _numeric(question: QuestionData) -> str:
    out = []
    for number in question.numbers:
        value = "*" if number.value is None else decimal_text(number.value)
        tolerance = f"      <tolerance>{decimal_text(number.tolerance)}</tolerance>\n"
        out.append(_answer(number.weight, value, number.feedback, "moodle_auto_format", tolerance))
    out.append(
        "    <unitgradingtype>0</unitgradingtype>\n"
        "    <unitpenalty>0.1000000</unitpenalty>\n"
        "    <showunits>3</showunits>\n"
        "    <unitsleft>0</unitsleft>\n"
    )
    return "".join(out)


def _matching(question: QuestionData) -> str:
    out = ["    <shuffleanswers>true</shuffleanswers>\n", _combined_feedback(question)]
    for item, match in question.pairs:
        out.append(
            '    <subquestion format="plain_text">\n'
            f"      <text>{_text(item)}</text>\n"
            f"      <answer>\n        <text>{_text(match)}</text>\n      </answer>\n"
            "    </subquestion>\n"
        )
    return "".join(out)


def _essay(question: QuestionData) -> str:
    return (
        "    <responseformat>plain</responseformat>\n"
        "    <responserequired>1</responserequired>\n"
        "    <responsefieldlines>10</responsefieldlines>\n"
        "    <minwordlimit></minwordlimit>\n"
        "    <maxwordlimit></maxwordlimit>\n"
        "    <attachments>0</attachments>\n"
        "    <attachmentsrequired>0</attachmentsrequired>\n"
        "    <maxbytes>0</maxbytes>\n"
        "    <filetypeslist></filetypeslist>\n"
        + _plain("graderinfo", question.grader_info)
        + _text_element("responsetemplate", "", "html", 2)
    )


_WRITERS = {
    QuestionKind.SINGLE: _choices,
    QuestionKind.MULTIPLE: _choices,
    QuestionKind.TRUE_FALSE: _true_false,
    QuestionKind.SHORT_TEXT: _short_text,
    QuestionKind.NUMERIC: _numeric,
    QuestionKind.MATCHING: _matching,
    QuestionKind.ESSAY: _essay,
    QuestionKind.DESCRIPTION: lambda question: "",
}


# Types whose Moodle elements already hold the feedback for right and wrong answers.
_OWN_FEEDBACK = (
    QuestionKind.SINGLE,
    QuestionKind.MULTIPLE,
    QuestionKind.MATCHING,
    QuestionKind.TRUE_FALSE,
)


def _ours(question: QuestionData) -> str:
    """Our settings that Moodle has no element for on this type (moodle_xml_common)."""
    out = []
    kind = question.kind
    feedback = question.feedback_correct or question.feedback_incorrect
    if kind not in _OWN_FEEDBACK and feedback:
        out.append(_plain("correctfeedback", question.feedback_correct))
        out.append(_plain("incorrectfeedback", question.feedback_incorrect))
    if kind != QuestionKind.ESSAY and question.grader_info:
        out.append(_plain("graderinfo", question.grader_info))
    if question.scoring != MultipleScoring.PARTIAL:
        out.append(f"    <{SCORING_ELEMENT}>{_text(question.scoring)}</{SCORING_ELEMENT}>\n")
    return "".join(out)


def _tags(question: QuestionData) -> str:
    if not question.tags:
        return ""
    tags = "".join(f"      <tag><text>{_text(tag)}</text></tag>\n" for tag in question.tags)
    return f"    <tags>\n{tags}    </tags>\n"


def _question(question: QuestionData, number: int) -> str:
    qtype = TYPE_NAMES[question.kind]
    grade = (
        0 if question.kind == QuestionKind.DESCRIPTION and question.points == 1 else question.points
    )
    return (
        f"<!-- question: {number}  -->\n"
        f'  <question type="{qtype}">\n'
        f"    <name>\n      <text>{_text(question.title or default_title(question.prompt))}</text>\n"
        "    </name>\n"
        + _question_text(question)
        + _text_element("generalfeedback", question.general_feedback, "html", 2)
        + f"    <defaultgrade>{grade}.0000000</defaultgrade>\n"
        f"    <penalty>{_PENALTY.get(qtype, '0.3333333')}</penalty>\n"
        "    <hidden>0</hidden>\n"
        "    <idnumber></idnumber>\n"
        + _WRITERS[question.kind](question)
        + _ours(question)
        + _tags(question)
        + "  </question>\n\n"
    )


def _category(names: list[str]) -> str:
    return (
        "<!-- question: 0  -->\n"
        '  <question type="category">\n'
        f"    <category>\n      <text>{_text(category_join(names))}</text>\n    </category>\n"
        + _text_element("info", "", "moodle_auto_format", 2)
        + "    <idnumber></idnumber>\n"
        "  </question>\n\n"
    )


def moodle_xml_write(questions: list[QuestionData]) -> bytes:
    """A Moodle XML file of the questions (those with an error or no kind are left out)."""
    parts = ['<?xml version="1.0" encoding="UTF-8"?>\n<quiz>\n']
    category: list[str] = []
    number = 0
    for question in questions:
        if question.error or question.kind not in _WRITERS:
            continue
        if question.category != category:
            category = list(question.category)
            parts.append(_category(category))
        number += 1
        parts.append(_question(question, number))
    parts.append("</quiz>\n")
    return "".join(parts).encode("utf-8")
