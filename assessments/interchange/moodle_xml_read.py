"""Reading a Moodle XML question export into `QuestionData`, with a report per question.

Pure: no database. `moodle_xml_read(data)` gives an ImportReport: one
QuestionData per `<question>` (categories are not questions), each importable
or carrying the reason it is not, with its position, its line and its name;
what could not be carried over exactly is a warning on the question, and notes
that concern the whole file are the report's notes.

Moodle types and what they become here:

    multichoice         single choice (<single>true) or multiple choice, weights in %
    truefalse           true or false, the feedback of each answer kept
    shortanswer         short text answers with weights, feedback and "*"
    numerical           numbers with tolerance, weights and feedback; "*" matches any
    matching / match    matching pairs; an item with no text is an extra answer
    essay               essay, graded by a trainer, with the notes for the grader
    description         a text between questions
    category            not a question: the bank the following questions go into

Every other type (calculated, cloze, drag and drop …) is reported as not
supported, and the rest of the file still imports. Texts are converted by
text_formats; the first picture of the question text becomes the question's
picture (moodle_xml_pictures).
"""

from decimal import Decimal
from xml.etree.ElementTree import Element

from django.utils.translation import gettext as _

import markdown as markdown_lib

from ..models import MultipleScoring, QuestionKind
from ..validation import QuestionDraft, question_problems
from . import moodle_xml_numbers as numbers
from .data import AnswerData, ChoiceData, ImportFileError, ImportReport, NumberData, QuestionData
from .moodle_xml_common import (
    SCORING_ELEMENT,
    category_split,
    decimal_value,
    default_title,
    flag,
    inner_text,
    text_format,
)
from .moodle_xml_file import moodle_xml_tree
from .moodle_xml_pictures import IMG, legacy_picture, take_picture
from .text_formats import HTML, MARKDOWN, PLAIN, to_html, to_text


class _FileNotes:
    """Display settings of Moodle that differ from ours, said once per file."""

    def __init__(self):
        self.numbering = False
        self.instruction = False

    def notes(self) -> list[str]:
        notes = []
        if self.numbering:
            notes.append(
                _(
                    "Moodle numbers the choices of some questions (a, b, c …); here choices are "
                    "shown without numbers or letters."
                )
            )
        if self.instruction:
            notes.append(
                _(
                    "Moodle hides the instruction “Select one or more” on some questions; here "
                    "every choice question says whether to choose one answer or several."
                )
            )
        return notes


def _feedback(parent: Element, name: str, default_format: str, *, multiline=False) -> str:
    element = parent.find(name)
    return to_text(inner_text(element), text_format(element, default_format), multiline=multiline)


def _common(element: Element, question: QuestionData, qformat: str) -> None:
    """Name, question text and picture, general feedback, points, tags and what we leave out."""
    text_element = element.find("questiontext")
    text, text_fmt = inner_text(text_element), qformat
    if qformat == MARKDOWN:
        # Rendered first, so that a picture written as ![alt](src) is an <img> too.
        text, text_fmt = markdown_lib.markdown(text), HTML
    if qformat == PLAIN:
        take_picture("", text_element, question)  # Moodle shows "<img …>" as written
    else:
        text = take_picture(text, text_element, question)
    legacy_picture(element, question)
    question.prompt = to_html(text, text_fmt)
    general = element.find("generalfeedback")
    question.general_feedback = to_html(inner_text(general), text_format(general, qformat))
    name = to_text(element.findtext("name/text") or element.findtext("name") or "", PLAIN)
    if len(name) > 255:
        question.warn(_("The name is longer than 255 characters; it is shortened."))
        name = name[:255].rstrip()
    question.title = "" if name == default_title(question.prompt) else name
    for group in ("tags", "coursetags"):
        for tag in element.findall(f"{group}/tag"):
            tag_name = to_text(inner_text(tag), PLAIN)
            if len(tag_name) > 100:
                question.warn(
                    _("The tag “%(tag)s…” is too long; it is left out.") % {"tag": tag_name[:40]}
                )
            elif tag_name and tag_name not in question.tags:
                question.tags.append(tag_name)
    scoring = (element.findtext(SCORING_ELEMENT) or "").strip()
    if scoring in MultipleScoring.values:
        question.scoring = scoring
    if flag(element, "hidden"):
        question.warn(
            _(
                "The question is hidden in Moodle's question bank; here it is imported like the others."
            )
        )
    idnumber = (element.findtext("idnumber") or "").strip()
    if idnumber:
        question.warn(_("Moodle's ID number “%(id)s” is not kept.") % {"id": idnumber})
    if any(inner_text(hint) for hint in element.findall("hint")):
        question.warn(
            _(
                "Moodle's hints, shown between tries, are left out: here a learner answers each "
                "question once."
            )
        )
    _pictures_elsewhere(element, question)


def _pictures_elsewhere(element: Element, question: QuestionData) -> None:
    """Warn about pictures and files anywhere but in the question text."""
    for child in element:
        if child.tag == "questiontext":
            continue
        for part in child.iter():
            if part.tag == "file" or (part.tag == "text" and IMG.search(part.text or "")):
                question.warn(
                    _(
                        "Pictures and files in answers and feedback are left out; only the "
                        "question text can have a picture."
                    )
                )
                return


def _combined_feedback(element: Element, question: QuestionData, qformat: str, partial: bool):
    question.feedback_correct = _feedback(element, "correctfeedback", qformat, multiline=True)
    question.feedback_incorrect = _feedback(element, "incorrectfeedback", qformat, multiline=True)
    partly = _feedback(element, "partiallycorrectfeedback", qformat, multiline=True)
    if partly and partial:
        question.warn(
            _(
                "Moodle's feedback for a partly right answer (“%(text)s”) is left out; here a "
                "partly right answer gets the feedback for a wrong answer."
            )
            % {"text": partly[:120]}
        )


def _multichoice(element: Element, question: QuestionData, qformat: str, notes: _FileNotes):
    single = flag(element, "single")
    question.kind = QuestionKind.MULTIPLE if single is False else QuestionKind.SINGLE
    for answer in element.findall("answer"):
        text = to_text(inner_text(answer), text_format(answer, qformat))
        if not text:
            continue  # Moodle skips empty answers too
        question.choices.append(
            ChoiceData(
                text=text,
                weight=numbers.weight(answer.get("fraction"), question, minimum=-100),
                feedback=_feedback(answer, "feedback", qformat),
            )
        )
    partial = question.kind == QuestionKind.MULTIPLE or any(
        0 < c.weight < 100 for c in question.choices
    )
    _combined_feedback(element, question, qformat, partial)
    if flag(element, "shuffleanswers") is False:
        question.warn(
            _(
                "Moodle shows these choices in their written order; here the quiz's “shuffle "
                "choices” setting decides. Check choices such as “all of the above”."
            )
        )
    numbering = (element.findtext("answernumbering") or "").strip()
    notes.numbering = notes.numbering or numbering not in ("", "none")
    notes.instruction = notes.instruction or flag(element, "showstandardinstruction") is False


def _truefalse(element: Element, question: QuestionData, qformat: str, notes: _FileNotes):
    question.kind = QuestionKind.TRUE_FALSE
    feedback: dict[bool, str] = {True: "", False: ""}
    marks: dict[bool, Decimal] = {}
    for position, answer in enumerate(element.findall("answer")[:2]):
        word = to_text(inner_text(answer), PLAIN).lower()
        if word not in ("true", "false"):
            # Files from old Moodle versions name the answers in the teacher's language.
            question.warn(
                _("The answers are not named “true” and “false”; the first is taken as true.")
            )
            word = "true" if position == 0 else "false"
        statement = word == "true"
        marks[statement] = numbers.weight(answer.get("fraction"), question)
        feedback[statement] = _feedback(answer, "feedback", qformat, multiline=True)
    if marks.get(True) == 100:
        question.correct_answer_true = True
    elif marks.get(False) == 100:
        question.correct_answer_true = False
    right = question.correct_answer_true is not False
    question.feedback_correct, question.feedback_incorrect = feedback[right], feedback[not right]


def _shortanswer(element: Element, question: QuestionData, qformat: str, notes: _FileNotes):
    question.kind = QuestionKind.SHORT_TEXT
    for answer in element.findall("answer"):
        text = to_text(inner_text(answer), PLAIN)
        if text:
            question.answers.append(
                AnswerData(
                    text=text,
                    weight=numbers.weight(answer.get("fraction"), question),
                    feedback=_feedback(answer, "feedback", qformat),
                )
            )
    _combined_feedback(element, question, qformat, partial=False)
    if flag(element, "usecase"):
        question.warn(
            _(
                "Moodle checks upper and lower case in these answers (“ABC” is not “abc”); here "
                "case is ignored."
            )
        )


def _numerical(element: Element, question: QuestionData, qformat: str, notes: _FileNotes):
    question.kind = QuestionKind.NUMERIC
    for answer in element.findall("answer"):
        raw = to_text(inner_text(answer), PLAIN)
        if not raw:
            continue
        mark = answer.get("fraction")
        old_mark = decimal_value(answer.findtext("fraction"))  # Moodle 1.x: 0..1, in an element
        if old_mark is not None:
            mark = str(min(max(old_mark, Decimal(-1)), Decimal(1)) * 100)
        weight = numbers.weight(mark, question)
        value = None if raw == "*" else numbers.number(raw, question)
        tolerance = abs(
            numbers.number(answer.findtext("tolerance") or "0", question, tolerance=True)
        )
        question.numbers.append(
            NumberData(value, tolerance, weight, _feedback(answer, "feedback", qformat))
        )
    _combined_feedback(element, question, qformat, partial=False)
    units = [
        to_text(unit.findtext("unit_name") or "", PLAIN) for unit in element.findall("units/unit")
    ]
    if any(units):
        question.warn(
            _(
                "Moodle's units (%(units)s) are left out: here the answer is the number alone, "
                "and no mark is taken away for a unit."
            )
            % {"units": ", ".join(unit for unit in units if unit)}
        )
    if inner_text(element.find("instructions")):
        question.warn(_("Moodle's instructions about units are left out."))


def _matching(element: Element, question: QuestionData, qformat: str, notes: _FileNotes):
    question.kind = QuestionKind.MATCHING
    for sub in element.findall("subquestion"):
        item = to_text(inner_text(sub), text_format(sub, qformat))
        match = to_text(inner_text(sub.find("answer")), PLAIN)
        if item or match:
            question.pairs.append((item, match))
    _combined_feedback(element, question, qformat, partial=True)
    if flag(element, "shuffleanswers") is False:
        question.warn(
            _(
                "Moodle lists the answers to choose from in their written order; here they are shuffled."
            )
        )


def _essay(element: Element, question: QuestionData, qformat: str, notes: _FileNotes):
    question.kind = QuestionKind.ESSAY
    _combined_feedback(element, question, qformat, partial=False)
    response = (element.findtext("responseformat") or "editor").strip()
    if response == "noinline":
        question.warn(
            _("In Moodle learners answer with files only; here they write their answer as text.")
        )
    if numbers.count(element.findtext("attachments")) or response == "editorfilepicker":
        question.warn(
            _("In Moodle learners can attach files to this answer; here they write text only.")
        )
    least, most = (
        numbers.count(element.findtext(name)) for name in ("minwordlimit", "maxwordlimit")
    )
    limits = [_("at least %(count)d words") % {"count": least}] if least else []
    limits += [_("at most %(count)d words") % {"count": most}] if most else []
    if limits:
        question.warn(
            _("Moodle's word limit (%(limits)s) is not checked here.")
            % {"limits": ", ".join(limits)}
        )
    template_element = element.find("responsetemplate")
    template = to_text(inner_text(template_element), text_format(template_element, qformat))
    if template:
        question.warn(
            _("The text Moodle puts in the answer box to start from is left out: “%(text)s”.")
            % {"text": template[:120]}
        )


def _description(element: Element, question: QuestionData, qformat: str, notes: _FileNotes):
    question.kind = QuestionKind.DESCRIPTION
    _combined_feedback(element, question, qformat, partial=False)


_READERS = {
    "multichoice": _multichoice,
    "truefalse": _truefalse,
    "shortanswer": _shortanswer,
    "numerical": _numerical,
    "matching": _matching,
    "match": _matching,
    "essay": _essay,
    "description": _description,
}


def _length_problem(question: QuestionData) -> str:
    texts = [(_("A choice"), c.text, 500) for c in question.choices]
    texts += [(_("An accepted answer"), a.text, 200) for a in question.answers]
    texts += [(_("An item to match"), text, 300) for pair in question.pairs for text in pair]
    feedback = [c.feedback for c in question.choices] + [a.feedback for a in question.answers]
    texts += [(_("A feedback text"), text, 500) for text in feedback]
    texts += [(_("A feedback text"), n.feedback, 500) for n in question.numbers]
    for what, text, limit in texts:
        if len(text) > limit:
            return _("%(what)s is longer than %(limit)d characters: “%(start)s…”.") % {
                "what": what,
                "limit": limit,
                "start": text[:40],
            }
    return ""


def _validate(question: QuestionData) -> None:
    draft = QuestionDraft(
        kind=question.kind,
        choices=[(c.text, c.weight > 0, c.weight) for c in question.choices],
        accepted_answers=[(a.text, a.weight) for a in question.answers],
        numbers=[(n.value, n.weight) for n in question.numbers],
        pairs=list(question.pairs),
        correct_answer_true=question.correct_answer_true,
    )
    problems = list(question_problems(draft).values())
    if not question.prompt and question.image is None:
        problems.insert(0, _("The question has no text."))
    if length := _length_problem(question):
        problems.append(length)
    question.error = " ".join(problems)


def _question(element: Element, qtype: str, question: QuestionData, notes: _FileNotes) -> None:
    reader = _READERS.get(qtype)
    if reader is None:
        question.title = to_text(element.findtext("name/text") or "", PLAIN)[:255]
        if not qtype:
            question.error = _("The question has no type; it is left out.")
        else:
            question.error = _(
                "Moodle's “%(type)s” questions are not supported here; left out."
            ) % {"type": qtype}
        return
    qformat = text_format(element.find("questiontext"), HTML)
    try:
        _common(element, question, qformat)
        reader(element, question, qformat, notes)
        question.points = numbers.points(element, question)
        question.grader_info = _feedback(element, "graderinfo", qformat, multiline=True)
    except numbers.NotImportable as problem:
        question.error = str(problem)
        return
    _validate(question)


def _category(element: Element, report: ImportReport) -> list[str]:
    path = inner_text(element.find("category"))
    names = [to_text(name, PLAIN) for name in category_split(path)]
    info = inner_text(element.find("info"))
    note = _("Descriptions of Moodle's categories are not imported.")
    if info and note not in report.notes:
        report.notes.append(note)
    return [name for name in names if name]


def moodle_xml_read(data: bytes) -> ImportReport:
    """Every question of a Moodle XML file (see the module docstring); ImportFileError if unreadable."""
    root, lines = moodle_xml_tree(data)
    report = ImportReport(format="moodle_xml")
    notes = _FileNotes()
    category: list[str] = []
    for element in root.findall("question"):
        qtype = (element.get("type") or "").strip().lower()
        if qtype == "category":
            category = _category(element, report)
            continue
        question = QuestionData(
            number=len(report.questions) + 1,
            line=lines.get(id(element), 0),
            source=to_text(element.findtext("name/text") or "", PLAIN),
            category=list(category),
        )
        _question(element, qtype, question, notes)
        report.questions.append(question)
    if not report.questions:
        raise ImportFileError(_("The file contains no questions."))
    report.notes.extend(notes.notes())
    return report
