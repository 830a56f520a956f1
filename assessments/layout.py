"""An attempt's layout: which questions it shows, in which order, with which options.

Learners never see ids. Every question is named by its position in the attempt
(1, 2, 3 …) and every option by its position within the question, in the
shuffled order stored with the attempt. The posted form therefore says nothing
about which choice is right (ids could: authors often type the right choice
first), and an answer can only name a question the attempt contains.
"""

import secrets
from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.utils.translation import gettext as _

from lms.core.clean import text_clean
from lms.core.numbers import id_parse

from .models import (
    CHOICE_KINDS,
    UNANSWERED_KINDS,
    Choice,
    MatchingPair,
    Question,
    QuestionKind,
    Quiz,
)
from .normalise import normalise_answer, parse_number

MAX_TEXT_ANSWER = 200
MAX_NUMBER_ANSWER = 40
# An essay is a few paragraphs typed on a phone; this is far more than any needs.
MAX_ESSAY_ANSWER = 10_000

_random = secrets.SystemRandom()


class AnswerInvalid(ValueError):
    """One answer that cannot be saved; the message is shown next to the question."""


@dataclass
class RawAnswer:
    """What the form posted for one question: option numbers or text, and matching selects."""

    values: list[str] = field(default_factory=list)
    items: dict[int, str] = field(default_factory=dict)


def _draw_pool(quiz: Quiz) -> list[int]:
    chosen: list[int] = [item.question_id for item in quiz.items.order_by("sort_order", "pk")]
    taken = set(chosen)
    for draw in quiz.draws.select_related("bank").order_by("sort_order", "pk"):
        # A description only makes sense where the trainer placed it: never drawn.
        pool = Question.objects.exclude(kind__in=UNANSWERED_KINDS)
        if draw.bank_id and draw.include_inner_banks:
            pool = pool.filter(bank_id__in=draw.bank.with_inner_ids())
        elif draw.bank_id:
            pool = pool.filter(bank_id=draw.bank_id)
        else:
            pool = pool.filter(tagged_items__tag_id=draw.tag_id)
        ids = [pk for pk in pool.values_list("pk", flat=True).distinct() if pk not in taken]
        picked = _random.sample(ids, min(draw.count, len(ids)))
        chosen.extend(picked)
        taken.update(picked)
    return chosen


def shuffled_between_descriptions(ids: list[int], kinds: dict[int, str]) -> list[int]:
    """The questions shuffled among their neighbours between two descriptions.

    A description ("Part 2: read the price list below") introduces the questions
    after it, so descriptions keep their places and each run of questions between
    them is shuffled on its own.
    """
    result: list[int] = []
    run: list[int] = []
    for pk in ids:
        if kinds.get(pk) in UNANSWERED_KINDS:
            _random.shuffle(run)
            result.extend(run)
            result.append(pk)
            run = []
        else:
            run.append(pk)
    _random.shuffle(run)
    result.extend(run)
    return result


def build_layout(quiz: Quiz) -> list[dict]:
    """Draw and shuffle the questions of a new attempt (queries constant in quiz size)."""
    ids = _draw_pool(quiz)
    questions = Question.objects.only("id", "kind").prefetch_related(
        Prefetch("choices", queryset=Choice.objects.only("id", "question_id", "sort_order")),
        Prefetch(
            "pairs",
            queryset=MatchingPair.objects.only(
                "id", "question_id", "prompt", "answer", "sort_order"
            ),
        ),
    )
    by_id = {q.pk: q for q in questions.filter(pk__in=ids)}
    if quiz.shuffle_questions:
        ids = shuffled_between_descriptions(ids, {pk: q.kind for pk, q in by_id.items()})
    layout = []
    for pk in ids:
        question = by_id.get(pk)
        if question is None:
            continue
        entry: dict = {"q": pk, "k": question.kind}
        if question.kind in CHOICE_KINDS:
            entry["c"] = [c.pk for c in question.choices.all()]
            if quiz.shuffle_choices:
                _random.shuffle(entry["c"])
        elif question.kind == QuestionKind.MATCHING:
            pairs = list(question.pairs.all())
            entry["p"] = [p.pk for p in pairs if p.prompt]
            seen: set[str] = set()
            answers = []
            for pair in pairs:
                key = normalise_answer(pair.answer)
                if key not in seen:
                    seen.add(key)
                    answers.append(pair.pk)
            # The options are always shuffled: in authored order they would line up with the items.
            _random.shuffle(answers)
            entry["a"] = answers
            if quiz.shuffle_choices:
                _random.shuffle(entry["p"])
        layout.append(entry)
    return layout


def _option_number(value: str, count: int) -> int:
    number = id_parse(value)
    if number is None or number > count:
        raise AnswerInvalid(_("This option is not part of the question."))
    return number


def _essay_response(values: list[str]) -> dict:
    if len(values) > 1:
        raise AnswerInvalid(_("Type one answer."))
    text = values[0] if values else ""
    if len(text) > MAX_ESSAY_ANSWER:
        raise AnswerInvalid(
            _("Your answer is %(length)s characters long; keep it under %(count)s.")
            % {"length": f"{len(text):,}", "count": f"{MAX_ESSAY_ANSWER:,}"}
        )
    return {"text": text} if text else {}


def response_from_raw(entry: dict, raw: RawAnswer) -> dict:
    """The stored response (in ids) for what was posted, or AnswerInvalid.

    Posted text arrives cleaned with its line breaks (forms.parse_answer_post);
    only an essay keeps them, every other answer is one line.
    """
    kind = entry["k"]
    values = [v.strip() for v in raw.values if v is not None and v.strip() != ""]
    if kind == QuestionKind.ESSAY:
        return _essay_response(values)
    if kind in UNANSWERED_KINDS:
        if values or any((v or "").strip() for v in raw.items.values()):
            raise AnswerInvalid(_("This question cannot be answered."))
        return {}
    values = [text_clean(v) for v in values]
    if kind in CHOICE_KINDS:
        options = entry.get("c", [])
        numbers = sorted({_option_number(v, len(options)) for v in values})
        if kind == QuestionKind.SINGLE and len(numbers) > 1:
            raise AnswerInvalid(_("Choose one answer."))
        return {"choices": [options[n - 1] for n in numbers]} if numbers else {}
    if kind == QuestionKind.TRUE_FALSE:
        if not values:
            return {}
        if len(values) > 1 or values[0] not in ("true", "false"):
            raise AnswerInvalid(_("Choose true or false."))
        return {"value": values[0] == "true"}
    if kind == QuestionKind.SHORT_TEXT:
        text = values[0] if values else ""
        if len(values) > 1:
            raise AnswerInvalid(_("Type one answer."))
        if len(text) > MAX_TEXT_ANSWER:
            raise AnswerInvalid(
                _("Keep the answer under %(count)d characters.") % {"count": MAX_TEXT_ANSWER}
            )
        return {"text": text} if text else {}
    if kind == QuestionKind.NUMERIC:
        text = values[0] if values else ""
        if not text:
            return {}
        number = parse_number(text) if len(text) <= MAX_NUMBER_ANSWER else None
        if len(values) > 1 or number is None:
            raise AnswerInvalid(_("Type a number, for example 1250 or 12.5."))
        return {"text": text, "number": f"{number:f}"}
    if kind == QuestionKind.MATCHING:
        items, options = entry.get("p", []), entry.get("a", [])
        pairs = {}
        for number, value in raw.items.items():
            if not 1 <= number <= len(items):
                raise AnswerInvalid(_("This item is not part of the question."))
            value = (value or "").strip()
            if value:
                pairs[str(items[number - 1])] = options[_option_number(value, len(options)) - 1]
        return {"pairs": pairs} if pairs else {}
    raise AnswerInvalid(_("This question cannot be answered."))


@dataclass
class ShownAnswer:
    """A stored response in the terms the learner saw: option numbers, text, selects."""

    numbers: set[int] = field(default_factory=set)
    value: bool | None = None
    text: str = ""
    items: dict[int, int] = field(default_factory=dict)


def shown_answer(entry: dict, response: dict) -> ShownAnswer:
    shown = ShownAnswer()
    if not response:
        return shown
    kind = entry["k"]
    if kind in CHOICE_KINDS:
        chosen = set(response.get("choices") or [])
        shown.numbers = {n for n, pk in enumerate(entry.get("c", []), 1) if pk in chosen}
    elif kind == QuestionKind.TRUE_FALSE:
        shown.value = response.get("value")
    elif kind in (QuestionKind.SHORT_TEXT, QuestionKind.NUMERIC, QuestionKind.ESSAY):
        shown.text = response.get("text") or ""
    elif kind == QuestionKind.MATCHING:
        options = {pk: n for n, pk in enumerate(entry.get("a", []), 1)}
        pairs = response.get("pairs") or {}
        for n, item_pk in enumerate(entry.get("p", []), 1):
            chosen = pairs.get(str(item_pk))
            if chosen in options:
                shown.items[n] = options[chosen]
    return shown


def shown_from_raw(entry: dict, raw: RawAnswer) -> ShownAnswer:
    """What the learner posted, to show it again next to an error."""
    shown = ShownAnswer()
    kind = entry["k"]
    if kind in CHOICE_KINDS:
        shown.numbers = {n for v in raw.values if (n := id_parse(v)) is not None}
    elif kind == QuestionKind.TRUE_FALSE:
        shown.value = {"true": True, "false": False}.get(raw.values[0] if raw.values else "")
    elif kind in (QuestionKind.SHORT_TEXT, QuestionKind.NUMERIC):
        shown.text = text_clean(raw.values[0] if raw.values else "")[: MAX_TEXT_ANSWER * 2]
    elif kind == QuestionKind.ESSAY:
        # All of it, even when too long: the learner shortens it rather than retypes it.
        shown.text = (raw.values[0] if raw.values else "")[: MAX_ESSAY_ANSWER * 2]
    elif kind == QuestionKind.MATCHING:
        shown.items = {n: i for n, v in raw.items.items() if (i := id_parse(v)) is not None}
    return shown
