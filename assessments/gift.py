"""Reading Moodle's GIFT format into question drafts, with a report per question.

Pure: no database. `gift_decode` turns an uploaded file into text or refuses it
(too large, binary, not UTF-8); `gift_parse` turns text into one ParsedQuestion
per question, each either importable or carrying the reason it is not, with
the line it starts on.

GIFT types and what they become here:

    {=right ~wrong ~wrong}          single choice (per-answer feedback with #)
    {~%50%a ~%50%b ~%-100%c}        multiple choice, partial credit
    {T} {TRUE} {F} {FALSE}          true or false ({T#wrong-feedback#right-feedback})
    {=answer =other answer}         short text answer (accepted answers)
    {Paris}                         short text answer too, as Moodle reads it
    {#3.14:0.01} {#1..5} {#42}      number with tolerance (a range becomes its middle ± half)
    {=item -> match =item -> match} matching pairs ("= -> extra" adds a wrong option)
    text {~a =b} more text          missing word: the prompt gets a blank "_____"
    ####general feedback            feedback for both right and wrong answers

Not supported, reported as errors: essay ({}), descriptions (no braces), a
single-choice question with two 100 % answers. Partial-credit weights on short
and numeric answers are left out with a warning; $CATEGORY lines are ignored.
"""

import html
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.utils.html import escape
from django.utils.translation import gettext as _

from lms.core.clean import text_clean
from lms.core.numbers import digits_ascii

from .models import MultipleScoring, QuestionKind
from .validation import QuestionDraft, question_problems

MAX_FILE_BYTES = 1024 * 1024
MAX_QUESTIONS = 1000

# Escaped characters are swapped for private-use placeholders while parsing.
_ESCAPES = {
    "\\:": "\ue001",
    "\\#": "\ue002",
    "\\=": "\ue003",
    "\\{": "\ue004",
    "\\}": "\ue005",
    "\\~": "\ue006",
    "\\n": "\ue007",
}
_RESTORE = {
    "\ue001": ":",
    "\ue002": "#",
    "\ue003": "=",
    "\ue004": "{",
    "\ue005": "}",
    "\ue006": "~",
    "\ue007": "\n",
}
_BACKSLASH = "\ue000"
_WEIGHT = re.compile(r"^%(-?\d{1,3}(?:\.\d+)?)%")
_FORMAT = re.compile(r"^\[(html|moodle|plain|markdown)\]", re.IGNORECASE)
_TAG = re.compile(r"</?[a-zA-Z][^>]*>")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


class GiftFileError(ValueError):
    """The file as a whole cannot be read; the message says why, in the user's language."""


def gift_check_size(size: int) -> None:
    """Refuse a file by its size alone, before reading it."""
    if size == 0:
        raise GiftFileError(_("The file is empty."))
    if size > MAX_FILE_BYTES:
        raise GiftFileError(
            _(
                "The file is too large (%(size)s KB). The limit is %(limit)s KB; split it into parts."
            )
            % {"size": size // 1024, "limit": MAX_FILE_BYTES // 1024}
        )


def gift_decode(data: bytes) -> str:
    """Text of an uploaded GIFT file, or GiftFileError (too large, binary, wrong encoding)."""
    gift_check_size(len(data))
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise GiftFileError(_("The file could not be read as text.")) from None
    else:
        if b"\x00" in data:
            raise GiftFileError(
                _("This is not a text file. Export the questions from Moodle in GIFT format.")
            )
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise GiftFileError(
                _(
                    "The file is not saved as UTF-8 (problem at byte %(position)d). Open it in a "
                    "text editor and save it again with the UTF-8 encoding."
                )
                % {"position": error.start}
            ) from None
    if _CONTROL.search(text):
        raise GiftFileError(
            _("The file contains control characters that a GIFT text file never has.")
        )
    return text.replace("\r\n", "\n").replace("\r", "\n")


@dataclass
class ParsedChoice:
    text: str
    is_correct: bool
    feedback: str = ""


@dataclass
class ParsedQuestion:
    number: int
    line: int
    source: str
    title: str = ""
    kind: str = ""
    prompt: str = ""  # plain text
    choices: list[ParsedChoice] = field(default_factory=list)
    accepted_answers: list[str] = field(default_factory=list)
    pairs: list[tuple[str, str]] = field(default_factory=list)
    correct_answer_true: bool | None = None
    numeric_answer: Decimal | None = None
    numeric_tolerance: Decimal = Decimal(0)
    scoring: str = MultipleScoring.ALL_OR_NOTHING
    feedback_correct: str = ""
    feedback_incorrect: str = ""
    warnings: list[str] = field(default_factory=list)
    error: str = ""

    @property
    def is_valid(self) -> bool:
        return not self.error

    @property
    def kind_label(self) -> str:
        return QuestionKind(self.kind).label if self.kind else ""

    @property
    def prompt_html(self) -> str:
        paragraphs = [p.strip() for p in re.split(r"\n\s*\n", self.prompt) if p.strip()]
        return "".join(
            "<p>" + "<br/>".join(escape(line) for line in p.split("\n")) + "</p>"
            for p in paragraphs
        )


@dataclass
class GiftReport:
    questions: list[ParsedQuestion] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def valid(self) -> list[ParsedQuestion]:
        return [q for q in self.questions if q.is_valid]

    @property
    def invalid(self) -> list[ParsedQuestion]:
        return [q for q in self.questions if not q.is_valid]


class _Invalid(Exception):
    pass


def _protect(text: str) -> str:
    text = text.replace("\\\\", _BACKSLASH)
    for escaped, placeholder in _ESCAPES.items():
        text = text.replace(escaped, placeholder)
    return text


def _restore(text: str) -> str:
    for placeholder, char in _RESTORE.items():
        text = text.replace(placeholder, char)
    return text.replace(_BACKSLASH, "\\")


def _blocks(text: str) -> list[tuple[int, str]]:
    """(first line number, text) of each question: blank lines separate them, as in Moodle."""
    blocks: list[tuple[int, str]] = []
    current: list[str] = []
    start = 0
    for number, line in enumerate(text.split("\n"), 1):
        stripped = line.strip()
        if stripped.startswith("//"):
            continue
        if not stripped:
            if current:
                blocks.append((start, "\n".join(current)))
                current = []
            continue
        if not current:
            start = number
        current.append(line)
    if current:
        blocks.append((start, "\n".join(current)))
    return blocks


def _plain(text: str, question: ParsedQuestion, *, keep_lines: bool = False) -> str:
    """Restore escapes; reduce HTML to text (the prompt is rich text we build ourselves)."""
    text = _restore(text).strip()
    if _TAG.search(text):
        text = re.sub(r"(?i)<br\s*/?>|</p\s*>", "\n", text)
        text = _TAG.sub("", text)
        warning = _("HTML formatting was removed; check the text after import.")
        if warning not in question.warnings:
            question.warnings.append(warning)
    # The same form as text typed in the admin: NFC, Thai repairs, no control characters.
    text = text_clean(html.unescape(text), multiline=keep_lines).strip()
    if not keep_lines:
        text = " ".join(text.split())
    return text


def _split_feedback(answer: str, question: ParsedQuestion) -> tuple[str, str]:
    text, _sep, feedback = answer.partition("#")
    return _plain(text, question), _plain(feedback, question)


def _weight(answer: str) -> tuple[Decimal | None, str]:
    match = _WEIGHT.match(answer)
    if not match:
        return None, answer
    return Decimal(match.group(1)), answer[match.end() :]


def _number(text: str) -> Decimal:
    try:
        value = Decimal(digits_ascii(text.strip()))
    except InvalidOperation:
        raise _Invalid(_("“%(text)s” is not a number.") % {"text": text.strip()}) from None
    if not value.is_finite() or abs(value) >= Decimal("1e11"):
        raise _Invalid(_("“%(text)s” is not a number we can store.") % {"text": text.strip()})
    return value


def _parse_choices(answers: str, question: ParsedQuestion) -> None:
    single = "=" in answers
    parts = [p.strip() for p in answers.replace("=", "~=").split("~")]
    parts = [p for p in parts if p]
    if len(parts) < 2:
        raise _Invalid(_("A choice question needs at least two answers."))
    weights: list[Decimal] = []
    for part in parts:
        if part.startswith("="):
            weight, rest = Decimal(100), part[1:]
        else:
            weight, rest = _weight(part)
            weight = weight if weight is not None else Decimal(0)
        text, feedback = _split_feedback(rest, question)
        if not text:
            raise _Invalid(_("One of the answers is empty."))
        if len(text) > 500:
            raise _Invalid(_("An answer is longer than 500 characters."))
        weights.append(weight)
        question.choices.append(ParsedChoice(text, weight > 0, feedback))
    if single:
        full = sum(1 for w in weights if w >= 100)
        if full != 1:
            raise _Invalid(
                _(
                    "A single-choice question has exactly one right answer (=). For several right "
                    "answers use weights such as ~%50%."
                )
            )
        if any(0 < w < 100 for w in weights):
            question.warnings.append(
                _(
                    "Partial weights are not supported in single choice; those answers count as wrong."
                )
            )
        for choice, weight in zip(question.choices, weights, strict=True):
            choice.is_correct = weight >= 100
        question.kind = QuestionKind.SINGLE
        return
    positive = [w for w in weights if w > 0]
    if not positive:
        raise _Invalid(_("No answer has a positive weight, so none of them is right."))
    question.kind = QuestionKind.MULTIPLE
    question.scoring = MultipleScoring.PARTIAL
    if len(set(positive)) > 1:
        question.warnings.append(
            _("Weights were simplified: every answer with a positive weight earns an equal share.")
        )


def _parse_matching(answers: str, question: ParsedQuestion) -> None:
    parts = [p.strip() for p in answers.split("=")]
    parts = [p for p in parts if p]
    for part in parts:
        if "->" not in part:
            raise _Invalid(_("Each matching pair needs “->” between the item and its match."))
        item, _sep, match = part.partition("->")
        item, match = _plain(item, question), _plain(match, question)
        if not match:
            raise _Invalid(_("A matching pair has nothing after “->”."))
        if len(item) > 300 or len(match) > 300:
            raise _Invalid(_("A matching pair is longer than 300 characters."))
        question.pairs.append((item, match))
    if sum(1 for item, _m in question.pairs if item) < 2:
        raise _Invalid(_("A matching question needs at least two pairs."))
    question.kind = QuestionKind.MATCHING


def _parse_true_false(answers: str, question: ParsedQuestion) -> None:
    bits = answers.split("#", 2)
    value = bits[0].strip()
    question.correct_answer_true = value in ("T", "TRUE")
    question.feedback_incorrect = _plain(bits[1], question) if len(bits) > 1 else ""
    question.feedback_correct = _plain(bits[2], question) if len(bits) > 2 else ""
    question.kind = QuestionKind.TRUE_FALSE


def _parse_short(answers: str, question: ParsedQuestion) -> None:
    parts = [p.strip() for p in answers.split("=")]
    parts = [p for p in parts if p]
    dropped = []
    for part in parts:
        weight, rest = _weight(part)
        text, feedback = _split_feedback(rest, question)
        if not text:
            continue
        if weight is not None and weight < 100:
            dropped.append(text)
            continue
        if len(text) > 200:
            raise _Invalid(_("An accepted answer is longer than 200 characters."))
        question.accepted_answers.append(text)
        if feedback and not question.feedback_correct:
            question.feedback_correct = feedback
    if dropped:
        question.warnings.append(
            _("Answers with partial credit were left out: %(answers)s")
            % {"answers": ", ".join(dropped)}
        )
    if not question.accepted_answers:
        raise _Invalid(_("There is no answer that earns full marks."))
    question.kind = QuestionKind.SHORT_TEXT


def _parse_numeric(answers: str, question: ParsedQuestion) -> None:
    answers = answers[1:]
    answers, _sep, wrong = answers.partition("~")
    if wrong:
        question.feedback_incorrect = _split_feedback(wrong, question)[1]
    parts = [p.strip() for p in answers.split("=")]
    parts = [p for p in parts if p]
    if not parts:
        raise _Invalid(_("The number question has no number."))
    found: list[tuple[Decimal, Decimal, str]] = []
    partial = False
    for part in parts:
        weight, rest = _weight(part)
        text, feedback = _split_feedback(rest, question)
        if ".." in text:
            low, _sep2, high = text.partition("..")
            low_value, high_value = _number(low), _number(high)
            if high_value < low_value:
                raise _Invalid(_("In a range min..max the first number must be the smaller."))
            value, tolerance = (low_value + high_value) / 2, (high_value - low_value) / 2
        elif ":" in text:
            number, _sep2, margin = text.partition(":")
            value, tolerance = _number(number), abs(_number(margin))
        else:
            value, tolerance = _number(text), Decimal(0)
        if weight is not None and weight < 100:
            partial = True
            continue
        found.append((value, tolerance, feedback))
    if not found:
        raise _Invalid(_("There is no number that earns full marks."))
    if partial or len(found) > 1:
        question.warnings.append(
            _("Only the first fully right number was kept; other numbers were left out.")
        )
    question.numeric_answer, question.numeric_tolerance, feedback = found[0]
    if feedback:
        question.feedback_correct = feedback
    question.kind = QuestionKind.NUMERIC


def _parse_block(number: int, line: int, block: str) -> ParsedQuestion:
    question = ParsedQuestion(number=number, line=line, source=block[:2000])
    text = _protect(block).strip()
    try:
        if text.startswith("::"):
            end = text.find("::", 2)
            if end == -1:
                raise _Invalid(_("The question title is not closed with “::”."))
            question.title = _plain(text[2:end], question)[:255]
            text = text[end + 2 :].strip()
        start, finish = text.find("{"), text.find("}")
        if start == -1 and finish == -1:
            raise _Invalid(_("There is no answer part {…}: this is a description, not a question."))
        if start == -1 or finish == -1 or finish < start:
            raise _Invalid(
                _(
                    "A “{” or “}” is missing. If the brace belongs to the text, write it as \\{ or \\}."
                )
            )
        if "{" in text[start + 1 : finish] or "{" in text[finish + 1 :]:
            raise _Invalid(_("A question can have only one answer part {…}."))
        answers = text[start + 1 : finish].strip()
        before, after = text[:start].strip(), text[finish + 1 :].strip()
        prompt = f"{before} _____ {after}" if after else before
        prompt = _FORMAT.sub("", prompt.strip()).strip()
        question.prompt = _plain(prompt, question, keep_lines=True)
        if not question.prompt.replace("_", "").strip():
            raise _Invalid(_("The question has no text."))
        general = ""
        if "####" in answers:
            answers, _sep, general = answers.rpartition("####")
            answers, general = answers.strip(), _plain(general, question)
        if not answers:
            raise _Invalid(
                _("Essay questions ({}) are not supported: they need a person to grade them.")
            )
        if answers.startswith("#"):
            _parse_numeric(answers, question)
        elif "~" in answers:
            _parse_choices(answers, question)
        elif "=" in answers and "->" in answers:
            _parse_matching(answers, question)
        elif answers.split("#", 1)[0].strip() in ("T", "TRUE", "F", "FALSE"):
            _parse_true_false(answers, question)
        else:
            _parse_short(answers, question)
        if general:
            question.feedback_correct = question.feedback_correct or general
            question.feedback_incorrect = question.feedback_incorrect or general
    except _Invalid as error:
        question.error = str(error)
    return question


def gift_parse(text: str) -> GiftReport:
    """Every question of a GIFT text, each valid or with the reason it is not."""
    report = GiftReport()
    for line, block in _blocks(text):
        if block.strip().startswith("$CATEGORY:"):
            note = _("$CATEGORY lines are ignored: all questions go into the bank you chose.")
            if note not in report.notes:
                report.notes.append(note)
            continue
        number = len(report.questions) + 1
        if number > MAX_QUESTIONS:
            raise GiftFileError(
                _("The file has more than %(count)d questions; split it into parts.")
                % {"count": MAX_QUESTIONS}
            )
        question = _parse_block(number, line, block)
        if question.is_valid:
            problems = question_problems(
                QuestionDraft(
                    kind=question.kind,
                    choices=[(c.text, c.is_correct, None) for c in question.choices],
                    accepted_answers=[(t, Decimal(100)) for t in question.accepted_answers],
                    numbers=[(question.numeric_answer, Decimal(100))]
                    if question.kind == QuestionKind.NUMERIC
                    else [],
                    pairs=question.pairs,
                    correct_answer_true=question.correct_answer_true,
                )
            )
            if problems:
                question.error = next(iter(problems.values()))
        report.questions.append(question)
    if not report.questions:
        raise GiftFileError(_("No questions were found in the file."))
    return report
