"""Writes for question files: import a GIFT or Moodle XML file into banks (and a quiz).

A file with any question that cannot be imported imports nothing unless the
trainer asks for the rest, and then all of the rest or nothing: one transaction.
"""

from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.log_actions import log

from lms.users.models import User

from .interchange.data import ImportFileError, ImportReport
from .interchange.gift_read import gift_decode, gift_read
from .interchange.moodle_xml_read import moodle_xml_read
from .models import Question, QuestionBank, Quiz, QuizQuestion
from .question_store import BankTree, question_store

GIFT, MOODLE_XML = "gift", "moodle_xml"
MAX_FILE_BYTES = 20 * 1024 * 1024  # Moodle XML carries its pictures inside
_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")


def file_format(data: bytes, filename: str = "") -> str:
    """GIFT or Moodle XML, from what the file starts with (its name only breaks a tie)."""
    head = data[:400]
    for bom in _BOMS:
        if head.startswith(bom):
            encoding = "utf-8" if bom == _BOMS[0] else "utf-16"
            head = head[len(bom) :].decode(encoding, errors="ignore").encode()
            break
    else:
        if head[:2].count(b"\x00") == 1:  # UTF-16 without a byte order mark
            head = head.decode("utf-16-le" if head[1:2] == b"\x00" else "utf-16-be", "ignore")
            head = head.encode()
    start = head.lstrip()
    if start.startswith((b"<?xml", b"<quiz")):
        return MOODLE_XML
    if filename.lower().endswith(".xml") and start.startswith(b"<"):
        return MOODLE_XML
    return GIFT


def question_file_read(data: bytes, *, filename: str = "") -> ImportReport:
    """Every question of an uploaded file, or ImportFileError for a file that cannot be read."""
    if not data:
        raise ImportFileError(_("The file is empty."))
    if len(data) > MAX_FILE_BYTES:
        raise ImportFileError(
            _(
                "The file is too large (%(size)s MB). The limit is %(limit)s MB; split it into parts."
            )
            % {"size": len(data) // (1024 * 1024), "limit": MAX_FILE_BYTES // (1024 * 1024)}
        )
    if file_format(data, filename) == MOODLE_XML:
        return moodle_xml_read(data)
    return gift_read(gift_decode(data))


@dataclass
class ImportResult:
    report: ImportReport
    imported: list[Question] = field(default_factory=list)
    bank: QuestionBank | None = None
    banks_created: list[QuestionBank] = field(default_factory=list)
    quiz: Quiz | None = None

    @property
    def refused(self) -> bool:
        """The file had errors and the trainer did not ask for the valid part: nothing saved."""
        return not self.imported


def questions_import(
    *,
    user: User,
    report: ImportReport,
    bank: QuestionBank | None = None,
    new_bank_name: str = "",
    quiz: Quiz | None = None,
    import_valid: bool = False,
) -> ImportResult:
    """Save the questions of a read file into a bank (existing or new), and add them to a quiz.

    Moodle's categories become banks inside the chosen bank. With `quiz`, every
    imported question is also added to the quiz, after its questions, in file order.
    """
    if not user.has_perm("assessments.add_question"):
        raise PermissionDenied
    if quiz is not None and not user.has_perm("assessments.change_quiz"):
        raise PermissionDenied
    result = ImportResult(report=report, quiz=quiz)
    if not report.valid or (report.invalid and not import_valid):
        return result
    with transaction.atomic():
        if bank is None:
            bank = QuestionBank.objects.create(name=new_bank_name.strip()[:200])
            result.banks_created.append(bank)
        tree = BankTree(bank)
        for data in report.valid:
            result.imported.append(question_store(data, bank=tree.bank(data.category), user=user))
        result.banks_created += tree.created
        if quiz is not None:
            # The quiz's own questions keep their order (numbered afresh), the new ones follow.
            existing = list(
                quiz.items.order_by(F("sort_order").asc(nulls_last=True), "pk").only("pk")
            )
            for n, item in enumerate(existing):
                item.sort_order = n
            QuizQuestion.objects.bulk_update(existing, ["sort_order"])
            start = len(existing)
            QuizQuestion.objects.bulk_create(
                [
                    QuizQuestion(quiz=quiz, question=question, sort_order=start + n)
                    for n, question in enumerate(result.imported)
                ]
            )
            Quiz.objects.filter(pk=quiz.pk).update(updated_at=timezone.now())
        result.bank = bank
        log(
            instance=bank,
            action="assessments.questions.import",
            user=user,
            data={
                "format": report.format,
                "imported": len(result.imported),
                "left_out": len(report.invalid),
                "banks_created": len(result.banks_created),
                "quiz": quiz.pk if quiz else None,
            },
        )
    return result


__all__ = ["ImportFileError", "file_format", "question_file_read", "questions_import"]
