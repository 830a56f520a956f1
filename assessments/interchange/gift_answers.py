"""The answer part of a GIFT question, {…}, read the way Moodle reads it.

`read_answers` fills one kind's fields of a QuestionData from the text between
the braces (escapes already swapped for placeholders by `protect`, general
feedback already taken off) and the question's text format. Answers, matching
items and feedback are written in that format unless they start with their own
[html], [moodle], [plain] or [markdown] marker; short and number answers may
carry a marker too, but Moodle keeps their text as written, and so do we.

The kind follows Moodle's order of tests: nothing between the braces is an
essay; a leading "#" a number question; any "~" a choice question (single
choice if any answer starts with "=", else multiple); "=" and "->" matching;
T, TRUE, F or FALSE true-or-false; anything else short answer.

A problem that keeps the question out raises Invalid with the message for the
report. Where Moodle would do something else, the question gets a warning that
says what Moodle does and what we did.
"""

import re
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

import markdown as markdown_lib

from lms.core.numbers import digits_ascii

from ..models import QuestionKind
from .data import AnswerData, ChoiceData, NumberData, QuestionData
from .text_formats import ALLOWED_TAGS, FORMATS, MARKDOWN, PLAIN, to_text

# Moodle's field sizes, kept by our model.
CHOICE_MAX = 500
ANSWER_MAX = 200
PAIR_MAX = 300
FEEDBACK_MAX = 500
# A number is stored with 4 decimal places and at most 11 digits before the point.
NUMBER_PLACES = 4
NUMBER_LIMIT = Decimal("1e11")
WEIGHT_PLACES = 5
_LIMITS = {"choice": CHOICE_MAX, "answer": ANSWER_MAX, "pair": PAIR_MAX, "feedback": FEEDBACK_MAX}

# While a question is split at its special characters, the escaped ones wait as
# Unicode noncharacters (reserved for a program's own use; gift_read removes any
# from the file first).
_BACKSLASH = "\ufdd0"
_ESCAPED = {
    ":": "\ufdd1",
    "#": "\ufdd2",
    "=": "\ufdd3",
    "{": "\ufdd4",
    "}": "\ufdd5",
    "~": "\ufdd6",
    "n": "\ufdd7",
}
_RESTORE = str.maketrans(
    {placeholder: "\n" if char == "n" else char for char, placeholder in _ESCAPED.items()}
    | {_BACKSLASH: "\\"}
)
NONCHARACTERS = re.compile("[\ufdd0-\ufdef]")

_WEIGHT = re.compile(r"%(-?\d+(?:\.\d*)?)%")
_TAG = re.compile(r"<([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>")
# Layout-only tags: dropping them loses nothing a reader sees.
_LAYOUT = {"div", "span"}
_RICH_KEPT = ALLOWED_TAGS | {"strong", "em"} | _LAYOUT
_PLAIN_KEPT = {"p", "br"} | _LAYOUT
TRUE_FALSE = ("T", "TRUE", "F", "FALSE")


class Invalid(Exception):
    """The question cannot be imported; the message says why."""


def protect(text: str) -> str:
    """Escaped special characters (\\: \\# \\= \\{ \\} \\~ \\n, and \\\\) out of the way."""
    text = text.replace("\\\\", _BACKSLASH)
    for char, placeholder in _ESCAPED.items():
        text = text.replace("\\" + char, placeholder)
    return text


def restore(text: str) -> str:
    return text.translate(_RESTORE)


def split_format(text: str, default: str) -> tuple[str, str]:
    """The format of a part (its [marker] or the default) and its text, escapes restored."""
    if text.startswith("["):
        end = text.find("]")
        if end > 0 and text[1:end] in FORMATS:
            return text[1:end], restore(text[end + 1 :]).strip()
    return default, restore(text).strip()


def note_markup(question: QuestionData, text: str, fmt: str, *, rich: bool) -> None:
    """Warn about pictures and formatting the stored text will not have."""
    if fmt == PLAIN:
        return
    source = markdown_lib.markdown(text) if fmt == MARKDOWN else text
    tags = {name.lower() for name in _TAG.findall(source)}
    if "img" in tags:
        question.warn(
            _(
                "Moodle shows the picture from its file store; the file is not in a GIFT "
                "file, so the picture was left out."
            )
        )
    lost = tags - (_RICH_KEPT if rich else _PLAIN_KEPT) - {"img"}
    if lost and rich:
        question.warn(
            _(
                "Moodle would show formatting that questions here do not have (such as links, "
                "tables, headings or colours); it was removed and the words were kept."
            )
        )
    elif lost:
        question.warn(
            _(
                "Moodle would show formatting in answers, matching items and feedback; here "
                "they are plain text, so the formatting was removed and the words were kept."
            )
        )


def plain_field(
    question: QuestionData, text: str, default: str, *, field: str, multiline: bool = False
) -> str:
    """An answer, item or feedback (with its own format or the question's) as plain text."""
    fmt, body = split_format(text, default)
    note_markup(question, body, fmt, rich=False)
    value = to_text(body, fmt, multiline=multiline)
    _check_length(value, field)
    return value


def _check_length(value: str, field: str) -> None:
    """Refuse a text longer than its field ("choice", "answer", "pair", "feedback")."""
    if field not in _LIMITS or len(value) <= _LIMITS[field]:
        return
    if field == "choice":
        raise Invalid(_("An answer is longer than 500 characters."))
    if field == "answer":
        raise Invalid(_("An accepted answer is longer than 200 characters."))
    if field == "pair":
        raise Invalid(_("A matching pair is longer than 300 characters."))
    raise Invalid(_("A feedback text is longer than 500 characters."))


def _weight(question: QuestionData, part: str, *, lowest: int) -> tuple[Decimal | None, str]:
    """The %weight% at the start of an answer, if any, and the rest of the answer."""
    match = _WEIGHT.match(part)
    if not match:
        return None, part
    weight = Decimal(match.group(1))
    if not lowest <= weight <= 100:
        if lowest < 0:
            raise Invalid(
                _("The weight %(weight)s %% is outside −100 … 100 %%.") % {"weight": match.group(1)}
            )
        raise Invalid(
            _(
                "Accepted answers and numbers earn 0 to 100 %% of the marks; %(weight)s %% is "
                "not possible."
            )
            % {"weight": match.group(1)}
        )
    if weight.as_tuple().exponent < -WEIGHT_PLACES:
        rounded = round(weight, WEIGHT_PLACES)
        question.warn(
            _("The weight %(weight)s %% was rounded to %(rounded)s %%.")
            % {"weight": match.group(1), "rounded": f"{rounded.normalize():f}"}
        )
        weight = rounded
    return weight, part[match.end() :]


def _parts(answers: str, separator: str) -> list[str]:
    """The answers between separators, the empty text before the first one dropped."""
    parts = answers.split(separator)
    if not parts[0].strip():
        parts.pop(0)
    return [part.strip() for part in parts]


def _choices(question: QuestionData, answers: str, fmt: str) -> None:
    parts = _parts(answers.replace("=", "~="), "~")
    if len(parts) < 2:
        raise Invalid(_("A choice question needs at least two answers."))
    for part in parts:
        if part.startswith("="):
            weight, part = Decimal(100), part[1:]
            if written := _WEIGHT.match(part):
                question.warn(
                    _(
                        "Moodle reads “=%(weight)s” in a choice question as a fully right answer "
                        "whose text starts with “%(weight)s”, and so did we. To give part of the "
                        "marks, write “~%(weight)s”."
                    )
                    % {"weight": written.group(0)}
                )
        else:
            found, part = _weight(question, part, lowest=-100)
            weight = found if found is not None else Decimal(0)
        text, has_feedback, feedback = part.partition("#")
        choice = ChoiceData(
            text=plain_field(question, text.strip(), fmt, field="choice"),
            weight=weight,
            feedback=plain_field(question, feedback.strip(), fmt, field="feedback")
            if has_feedback
            else "",
        )
        if not choice.text:
            raise Invalid(_("One of the answers is empty."))
        question.choices.append(choice)


def _matching(question: QuestionData, answers: str, fmt: str) -> None:
    for part in _parts(answers, "="):
        if "->" not in part:
            raise Invalid(_("Each matching pair needs “->” between the item and its match."))
        item, _arrow, match = part.partition("->")
        item = plain_field(question, item, fmt, field="pair")
        # Moodle keeps the right-hand side as plain text, without a format.
        match = to_text(restore(match), PLAIN)
        _check_length(match, "pair")
        if not item and not match:
            continue
        if not match:
            raise Invalid(_("A matching pair has nothing after “->”."))
        question.pairs.append((item, match))


def _true_false(question: QuestionData, answers: str, fmt: str) -> None:
    bits = answers.split("#", 2)
    question.correct_answer_true = bits[0].strip() in ("T", "TRUE")
    # {T#feedback for a wrong answer#feedback for a right answer}
    if len(bits) > 1:
        question.feedback_incorrect = plain_field(
            question, bits[1].strip(), fmt, field="long feedback", multiline=True
        )
    if len(bits) > 2:
        question.feedback_correct = plain_field(
            question, bits[2].strip(), fmt, field="long feedback", multiline=True
        )


def _short(question: QuestionData, answers: str, fmt: str) -> None:
    if _true_false_word(answers).upper() in TRUE_FALSE:
        question.warn(
            _(
                "Moodle reads {%(text)s} as a short answer, not as true or false, and so did "
                "we. For a true-or-false question write {TRUE} or {FALSE} in capitals."
            )
            % {"text": restore(_true_false_word(answers))}
        )
    for part in _parts(answers, "="):
        found, part = _weight(question, part, lowest=0)
        text, has_feedback, feedback = part.partition("#")
        text = to_text(split_format(text.strip(), fmt)[1], PLAIN)
        if not text:
            continue  # Moodle leaves empty answers out when it saves the question
        _check_length(text, "answer")
        question.answers.append(
            AnswerData(
                text=text,
                weight=found if found is not None else Decimal(100),
                feedback=plain_field(question, feedback.strip(), fmt, field="feedback")
                if has_feedback
                else "",
            )
        )


def _decimal(text: str) -> Decimal:
    try:
        value = Decimal(digits_ascii(text.strip()))
    except InvalidOperation:
        raise Invalid(_("“%(text)s” is not a number.") % {"text": text.strip()}) from None
    if not value.is_finite() or abs(value) >= NUMBER_LIMIT:
        raise Invalid(_("“%(text)s” is not a number we can store.") % {"text": text.strip()})
    return value


def _places(value: Decimal, written: str) -> Decimal:
    if value.normalize().as_tuple().exponent < -NUMBER_PLACES:
        raise Invalid(
            _(
                "%(number)s has more than 4 decimal places; numbers here keep 4. Round it in "
                "the file."
            )
            % {"number": written.strip()}
        )
    return value


def _number(question: QuestionData, text: str) -> tuple[Decimal | None, Decimal]:
    """(value, tolerance) of "a", "a:tolerance" or "min..max"; value None for "*"."""
    if text.find("..") > 0:
        low, _dots, high = text.partition("..")
        low_value, high_value = _decimal(low), _decimal(high)
        if high_value < low_value:
            raise Invalid(_("In a range min..max the first number must be the smaller."))
        value = _places((low_value + high_value) / 2, text)
        return value, _places(high_value - value, text)
    if text.find(":") > 0:
        number, _colon, margin = text.partition(":")
        tolerance = _places(_decimal(margin), margin)
        if tolerance < 0:
            question.warn(
                _(
                    "Moodle would keep the accepted difference %(value)s, which no answer can "
                    "meet; we used %(positive)s."
                )
                % {"value": margin.strip(), "positive": f"{-tolerance:f}"}
            )
            tolerance = -tolerance
    else:
        number, tolerance = text, Decimal(0)
    if number.strip() == "*":
        return None, tolerance
    return _places(_decimal(number), number), tolerance


def _numeric(question: QuestionData, answers: str, fmt: str) -> None:
    answers = answers[1:]
    # Everything from the first "~" on is the feedback for every other number.
    answers, tilde, wrong = answers.partition("~")
    parts = _parts(answers, "=")
    if not parts:
        raise Invalid(_("The number question has no number."))
    for part in parts:
        found, part = _weight(question, part, lowest=0)
        text, has_feedback, feedback = part.partition("#")
        value, tolerance = _number(question, split_format(text.strip(), fmt)[1])
        question.numbers.append(
            NumberData(
                value=value,
                tolerance=tolerance,
                weight=found if found is not None else Decimal(100),
                feedback=plain_field(question, feedback.strip(), fmt, field="feedback")
                if has_feedback
                else "",
            )
        )
    if tilde:
        feedback = wrong.partition("#")[2]
        question.numbers.append(
            NumberData(
                value=None,
                weight=Decimal(0),
                feedback=plain_field(question, feedback.strip(), fmt, field="feedback"),
            )
        )


def _true_false_word(answers: str) -> str:
    return answers.split("#", 1)[0].strip()


def read_answers(question: QuestionData, answers: str | None, fmt: str) -> None:
    """Fill the question's kind and answers from its answer part (None: no braces).

    The kind is set first, so that a question with an error still says what it is.
    """
    if answers is None:
        question.kind = QuestionKind.DESCRIPTION
    elif not answers:
        question.kind = QuestionKind.ESSAY
    elif answers.startswith("#"):
        question.kind = QuestionKind.NUMERIC
        _numeric(question, answers, fmt)
    elif "~" in answers:
        question.kind = QuestionKind.SINGLE if "=" in answers else QuestionKind.MULTIPLE
        _choices(question, answers, fmt)
    elif "=" in answers and "->" in answers:
        question.kind = QuestionKind.MATCHING
        _matching(question, answers, fmt)
    elif _true_false_word(answers) in TRUE_FALSE:
        question.kind = QuestionKind.TRUE_FALSE
        _true_false(question, answers, fmt)
    else:
        question.kind = QuestionKind.SHORT_TEXT
        _short(question, answers, fmt)
