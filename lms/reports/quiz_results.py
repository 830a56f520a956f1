"""Reads for trainers: results per learner and item analysis per question, scoped.

Every query filters learners through lms.centres.scoping.learners_visible_to, so
a trainer sees the learners of their own centres only. Query counts do not grow
with the number of learners, attempts or questions.

An attempt whose essays wait for a trainer has no score yet: it counts as an
attempt and is shown as waiting, never as 0 %. Descriptions (text between
questions) are not questions and are left out of the item analysis.
"""

import csv
import io
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Avg, Count, Max, OuterRef, Q, Subquery
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from assessments.models import (
    MANUAL_KINDS,
    UNANSWERED_KINDS,
    AttemptAnswer,
    GradingMethod,
    QuestionKind,
    Quiz,
    QuizAttempt,
)
from assessments.selectors import questions_for_grading
from lms.centres.scoping import learners_visible_to
from lms.core.collation import thai_order
from lms.users.models import User


def quizzes_with_counts(*, viewer: User):
    """Every quiz with the number of learners (in scope) who submitted an attempt."""
    visible = learners_visible_to(viewer).values("pk")
    in_scope = Q(attempts__submitted_at__isnull=False, attempts__user__in=visible)
    return (
        Quiz.objects.select_related("lesson", "course")
        .annotate(
            learner_count=Count("attempts__user", filter=in_scope, distinct=True),
            attempt_count=Count("attempts", filter=in_scope, distinct=True),
        )
        .order_by(thai_order("title"))
    )


@dataclass
class LearnerResult:
    user: User
    attempts: int
    best_percent: Decimal | None  # None: no attempt graded yet
    last_percent: Decimal | None  # None: the last attempt waits for a grade
    passed: bool
    last_submitted_at: object
    waiting: int = 0  # attempts whose essays wait for a trainer's grade

    @property
    def last_waiting(self) -> bool:
        return self.waiting > 0 and self.last_percent is None


def quiz_learner_results(*, viewer: User, quiz: Quiz) -> list[LearnerResult]:
    """Each learner in scope with a submitted attempt: attempts, best and last score, passed."""
    visible = learners_visible_to(viewer).values("pk")
    submitted = QuizAttempt.objects.submitted().filter(quiz=quiz)
    latest = submitted.filter(user=OuterRef("user")).order_by("-number")
    rows = (
        submitted.filter(user__in=visible)
        .values("user")
        .annotate(
            attempts=Count("id"),
            best=Max("percent"),
            passes=Count("id", filter=Q(passed=True)),
            waiting=Count("id", filter=Q(graded_at__isnull=True)),
            last_at=Max("submitted_at"),
            last=Subquery(latest.values("percent")[:1]),
            last_passed=Subquery(latest.values("passed")[:1]),
        )
        .order_by()
    )
    rows = list(rows)
    users = User.objects.select_related("home_centre").in_bulk([row["user"] for row in rows])
    results = []
    for row in rows:
        passed = (
            bool(row["last_passed"])
            if quiz.grading_method == GradingMethod.LAST
            else row["passes"] > 0
        )
        results.append(
            LearnerResult(
                user=users[row["user"]],
                attempts=row["attempts"],
                best_percent=row["best"],
                last_percent=row["last"],
                passed=passed,
                last_submitted_at=row["last_at"],
                waiting=row["waiting"],
            )
        )
    results.sort(key=lambda r: (r.user.last_name, r.user.first_name, r.user.username))
    return results


@dataclass
class ItemStat:
    question_id: int
    label: str
    kind_label: str
    answers: int
    correct: int
    share_correct: Decimal | None  # None for essays: they get marks, not right or wrong
    common_wrong: str
    common_wrong_count: int
    # The mean of the marks given, as a share of the question's points (partial credit
    # counts); answers still waiting for a grade are left out.
    average_percent: Decimal | None = None
    is_essay: bool = False
    graded: int = 0  # essays: answers graded by a trainer
    waiting: int = 0  # essays: answers waiting for a grade


def _describe(question, key: str) -> str:
    """A response key (see grading.response_key) in words a trainer reads."""
    kind, _sep, value = key.partition(":")
    if kind == "c":
        texts = {c.pk: c.text for c in question.choices.all()}
        return " + ".join(texts.get(int(pk), "?") for pk in value.split(",") if pk)
    if kind == "b":
        return _("True") if value == "true" else _("False")
    if kind == "m":
        pairs = {p.pk: p for p in question.pairs.all()}
        parts = []
        for pair in value.split(";"):
            item, _sep2, answer = pair.partition(">")
            item_pair, answer_pair = pairs.get(int(item)), pairs.get(int(answer))
            if item_pair and answer_pair:
                parts.append(f"{item_pair.prompt} → {answer_pair.answer}")
        return "; ".join(parts)
    return value


def quiz_item_analysis(*, viewer: User, quiz: Quiz) -> list[ItemStat]:
    """Per question: answers, share answered right, the average mark, and the wrong answer
    chosen most often; for essays, how many are graded and how many wait."""
    visible = learners_visible_to(viewer).values("pk")
    answers = AttemptAnswer.objects.filter(
        attempt__quiz=quiz, attempt__submitted_at__isnull=False, attempt__user__in=visible
    ).exclude(question__kind__in=UNANSWERED_KINDS)
    totals = list(
        answers.values("question_id")
        .annotate(
            total=Count("id"),
            correct=Count("id", filter=Q(is_correct=True)),
            average=Avg("points"),
            graded=Count("id", filter=Q(graded_at__isnull=False)),
            waiting=Count("id", filter=Q(points__isnull=True)),
        )
        .order_by()
    )
    wrong_rows = (
        answers.filter(is_correct=False)
        .exclude(question__kind__in=MANUAL_KINDS)
        .exclude(response_key="")
        .values("question_id", "response_key")
        .annotate(n=Count("id"))
        .order_by("question_id", "-n", "response_key")
    )
    most_wrong: dict[int, tuple[str, int]] = {}
    for row in wrong_rows:
        most_wrong.setdefault(row["question_id"], (row["response_key"], row["n"]))
    questions = questions_for_grading([row["question_id"] for row in totals])
    fixed_order = {
        pk: n
        for n, pk in enumerate(
            quiz.items.order_by("sort_order").values_list("question_id", flat=True)
        )
    }
    stats = []
    for row in totals:
        question = questions[row["question_id"]]
        key, count = most_wrong.get(question.pk, ("", 0))
        is_essay = question.kind in MANUAL_KINDS
        stats.append(
            ItemStat(
                question_id=question.pk,
                label=Truncator(strip_tags(question.prompt)).chars(120),
                kind_label=QuestionKind(question.kind).label,
                answers=row["total"],
                correct=row["correct"],
                share_correct=_share(row["correct"], row["total"]) if not is_essay else None,
                common_wrong=_describe(question, key) if key else "",
                common_wrong_count=count,
                average_percent=_share(row["average"], question.points),
                is_essay=is_essay,
                graded=row["graded"] if is_essay else 0,
                waiting=row["waiting"] if is_essay else 0,
            )
        )
    stats.sort(key=lambda s: (fixed_order.get(s.question_id, len(fixed_order)), s.question_id))
    return stats


def _share(part, whole) -> Decimal | None:
    """`part` of `whole` in percent, to one decimal; None when there is nothing to share."""
    if part is None or not whole:
        return None
    return (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.1"))


def _cell(value) -> str:
    """Spreadsheet-safe text: a cell never starts a formula."""
    text = "" if value is None else str(value)
    if text[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + text
    return text


def _csv(header: list[str], rows: list[list]) -> str:
    buffer = io.StringIO()
    buffer.write("\ufeff")  # so spreadsheet programs read Thai as UTF-8
    writer = csv.writer(buffer)
    writer.writerow([_cell(h) for h in header])
    for row in rows:
        writer.writerow([_cell(v) for v in row])
    return buffer.getvalue()


def learner_results_csv(results: list[LearnerResult]) -> str:
    header = [
        _("Username"),
        _("Name"),
        _("Centre"),
        _("Attempts"),
        _("Best score (%)"),
        _("Last score (%)"),
        _("Passed"),
        _("Last submitted"),
        _("Attempts waiting for a grade"),
    ]
    waiting = _("waiting for a grade")
    rows = [
        [
            r.user.username,
            r.user.get_full_name(),
            str(r.user.home_centre) if r.user.home_centre_id else "",
            r.attempts,
            r.best_percent,
            waiting if r.last_waiting else r.last_percent,
            _("yes") if r.passed else (waiting if r.last_waiting else _("no")),
            r.last_submitted_at.isoformat() if r.last_submitted_at else "",
            r.waiting,
        ]
        for r in results
    ]
    return _csv(header, rows)


def item_analysis_csv(stats: list[ItemStat]) -> str:
    header = [
        _("Question"),
        _("Type"),
        _("Answers"),
        _("Right"),
        _("Share right (%)"),
        _("Most chosen wrong answer"),
        _("Times chosen"),
        _("Average mark (%)"),
        _("Essays graded"),
        _("Essays waiting for a grade"),
    ]
    rows = [
        [
            s.label,
            s.kind_label,
            s.answers,
            s.correct,
            s.share_correct,
            s.common_wrong,
            s.common_wrong_count or "",
            s.average_percent,
            s.graded if s.is_essay else "",
            s.waiting if s.is_essay else "",
        ]
        for s in stats
    ]
    return _csv(header, rows)
