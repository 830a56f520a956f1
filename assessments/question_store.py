"""Questions between their neutral form (interchange.data) and the database.

`questions_store` saves what a file held: nested banks for Moodle's categories,
the question with its choices, answers, numbers and pairs, and its picture as a
Wagtail image. `bank_questions_data` and `quiz_questions_data` read questions
back for export, in the same form, so that import → export → import gives the
same questions.
"""

import io
import posixpath

from django.core.files.images import ImageFile
from django.db.models import Prefetch
from django.utils.translation import gettext as _

from wagtail.images import get_image_model
from wagtail.models import Collection

from curricula.models import SkillTag
from lms.users.models import User

from .grading import choice_weights
from .interchange.data import AnswerData, ChoiceData, ImageData, NumberData, QuestionData
from .interchange.text_formats import clean_html
from .models import (
    CHOICE_KINDS,
    AcceptedAnswer,
    Choice,
    MatchingPair,
    NumericAnswer,
    Question,
    QuestionBank,
    QuestionKind,
    Quiz,
)

NAME_LIMIT = QuestionBank._meta.get_field("name").max_length


class BankTree:
    """Finds or makes the nested bank for a category path below a root bank, once per path."""

    def __init__(self, root: QuestionBank):
        self.root = root
        self.created: list[QuestionBank] = []
        self._known: dict[tuple[str, ...], QuestionBank] = {(): root}

    def bank(self, path: list[str]) -> QuestionBank:
        key = tuple(name.strip()[:NAME_LIMIT] for name in path if name.strip())
        if key in self._known:
            return self._known[key]
        parent = self.bank(list(key[:-1]))
        bank = QuestionBank.objects.filter(parent=parent, name=key[-1]).first()
        if bank is None:
            bank = QuestionBank.objects.create(parent=parent, name=key[-1])
            self.created.append(bank)
        self._known[key] = bank
        return bank


def _image_create(image: ImageData, *, user: User):
    Image = get_image_model()
    name = posixpath.basename(image.name) or "picture.png"
    stored = Image(
        title=(image.alt or name)[:255],
        collection=Collection.get_first_root_node(),
        uploaded_by_user=user,
        file=ImageFile(io.BytesIO(image.content), name=name),
    )
    stored.save()
    return stored


def _fit(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def question_store(data: QuestionData, *, bank: QuestionBank, user: User) -> Question:
    """Save one valid question (inside the caller's transaction)."""
    question = Question(
        bank=bank,
        title=_fit(data.title, 255),
        kind=data.kind,
        prompt=data.prompt,
        points=min(max(int(data.points or 1), 1), 100),
        scoring=data.scoring,
        correct_answer_true=data.correct_answer_true,
        feedback_correct=data.feedback_correct,
        feedback_incorrect=data.feedback_incorrect,
        general_feedback=data.general_feedback,
        grader_info=data.grader_info,
    )
    if data.image is not None:
        question.image = _image_create(data.image, user=user)
        question.image_alt = _fit(data.image.alt, 255)
    question.choices = [
        Choice(
            text=_fit(c.text, 500),
            weight=c.weight,
            is_correct=c.weight > 0,
            feedback=_fit(c.feedback, 500),
        )
        for c in data.choices
    ]
    question.accepted_answers = [
        AcceptedAnswer(text=_fit(a.text, 200), weight=a.weight, feedback=_fit(a.feedback, 500))
        for a in data.answers
    ]
    question.numeric_answers = [
        NumericAnswer(
            value=n.value, tolerance=n.tolerance, weight=n.weight, feedback=_fit(n.feedback, 500)
        )
        for n in data.numbers
    ]
    question.pairs = [
        MatchingPair(prompt=_fit(item, 300), answer=_fit(match, 300)) for item, match in data.pairs
    ]
    if data.tags:
        question.tags.set(
            [SkillTag.objects.get_or_create(name=name[:100])[0] for name in data.tags]
        )
    question.save()
    return question


def _image_data(question: Question) -> ImageData | None:
    image = question.image
    if image is None:
        return None
    try:
        with image.file.open("rb") as handle:
            content = handle.read()
    except (FileNotFoundError, OSError):
        return None
    return ImageData(
        name=posixpath.basename(image.file.name), content=content, alt=question.image_alt
    )


def question_data(question: Question, *, category: list[str] | None = None) -> QuestionData:
    """A saved question in the neutral form (choices, answers, numbers, pairs prefetched)."""
    data = QuestionData(
        category=list(category or []),
        title=question.title,
        kind=question.kind,
        prompt=clean_html(question.prompt),
        general_feedback=clean_html(question.general_feedback),
        points=0 if question.kind == QuestionKind.DESCRIPTION else question.points,
        scoring=question.scoring,
        correct_answer_true=question.correct_answer_true,
        feedback_correct=question.feedback_correct,
        feedback_incorrect=question.feedback_incorrect,
        grader_info=question.grader_info,
        image=_image_data(question),
        source=str(question),
        tags=[tag.name for tag in question.tags.all()],
    )
    if question.kind in CHOICE_KINDS:
        weights = choice_weights(question)
        data.choices = [
            ChoiceData(text=c.text, weight=weights[c.pk], feedback=c.feedback)
            for c in question.choices.all()
        ]
    data.answers = [
        AnswerData(text=a.text, weight=a.weight, feedback=a.feedback)
        for a in question.accepted_answers.all()
    ]
    data.numbers = [
        NumberData(value=n.value, tolerance=n.tolerance, weight=n.weight, feedback=n.feedback)
        for n in question.numeric_answers.all()
    ]
    data.pairs = [(p.prompt, p.answer) for p in question.pairs.all()]
    return data


def _with_parts(queryset):
    return queryset.select_related("image").prefetch_related(
        "tags",
        Prefetch("choices", queryset=Choice.objects.order_by("sort_order", "pk")),
        Prefetch("accepted_answers", queryset=AcceptedAnswer.objects.order_by("sort_order", "pk")),
        Prefetch("numeric_answers", queryset=NumericAnswer.objects.order_by("sort_order", "pk")),
        Prefetch("pairs", queryset=MatchingPair.objects.order_by("sort_order", "pk")),
    )


def _bank_tree(bank: QuestionBank) -> list[tuple[QuestionBank, list[str]]]:
    """The bank and every bank inside it, with each one's path from the bank, top first."""
    found: list[tuple[QuestionBank, list[str]]] = []
    level = [(bank, [bank.name])]
    seen = {bank.pk}
    while level:
        found.extend(level)
        parents = {b.pk: path for b, path in level}
        children = QuestionBank.objects.filter(parent_id__in=parents).order_by("name", "pk")
        level = [
            (child, [*parents[child.parent_id], child.name])
            for child in children
            if child.pk not in seen and not seen.add(child.pk)
        ]
    return found


def _bank_questions(bank: QuestionBank) -> list[tuple[Question, list[str]]]:
    """Every question of a bank and of the banks inside it, with its bank's path, in order."""
    tree = _bank_tree(bank)
    paths = {b.pk: path for b, path in tree}
    questions = _with_parts(Question.objects.filter(bank_id__in=paths).order_by("created_at", "pk"))
    by_bank: dict[int, list[Question]] = {}
    for question in questions:
        by_bank.setdefault(question.bank_id, []).append(question)
    return [(question, path) for b, path in tree for question in by_bank.get(b.pk, [])]


def bank_questions_data(bank: QuestionBank) -> list[QuestionData]:
    """Every question of a bank and of the banks inside it, each with its category path."""
    return [question_data(q, category=path) for q, path in _bank_questions(bank)]


def quiz_questions_data(quiz: Quiz) -> list[QuestionData]:
    """A quiz's questions: the fixed ones in order, then the pools its random draws use.

    A pool drawn from a bank keeps its bank as the category, so importing the file
    again recreates the banks the quiz drew from.
    """
    fixed_ids = list(quiz.items.order_by("sort_order", "pk").values_list("question_id", flat=True))
    fixed = {q.pk: q for q in _with_parts(Question.objects.filter(pk__in=fixed_ids))}
    result = [question_data(fixed[pk]) for pk in fixed_ids if pk in fixed]
    taken = set(fixed_ids)
    for draw in quiz.draws.select_related("bank").order_by("sort_order", "pk"):
        if draw.bank_id:
            pool = _bank_questions(draw.bank)
        else:
            tagged = Question.objects.filter(tagged_items__tag_id=draw.tag_id).distinct()
            pool = [(q, []) for q in _with_parts(tagged.order_by("created_at", "pk"))]
        for question, path in pool:
            if question.pk not in taken:
                taken.add(question.pk)
                result.append(question_data(question, category=path))
    return result


def export_filename(name: str, extension: str) -> str:
    """A download name from a bank's or quiz's name, kept in Thai."""
    cleaned = "".join(ch if ch.isalnum() or ch in " -_" else " " for ch in name).strip()
    return f"{'-'.join(cleaned.split()) or _('questions')}.{extension}"
