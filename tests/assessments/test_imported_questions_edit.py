"""Every imported question opens in the admin's question editor, ready to change."""

from pathlib import Path

from django.contrib.auth.models import Group

import pytest

from assessments.import_services import question_file_read, questions_import
from assessments.models import Question
from lms.users import roles
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

DATA = Path(__file__).parent / "data"
FILES = sorted(
    [p for p in (DATA / "gift").glob("*.gift") if p.name != "tis620.gift"]
    + [DATA / "moodle_xml" / "questions.xml", DATA / "moodle_xml" / "pictures.xml"]
)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_every_imported_question_opens_in_the_editor(client, home, path):
    trainer = UserFactory(username="khru")
    trainer.groups.add(Group.objects.get(name=roles.TRAINERS))
    report = question_file_read(path.read_bytes(), filename=path.name)
    result = questions_import(user=trainer, report=report, new_bank_name="คลัง", import_valid=True)
    assert result.imported
    client.force_login(trainer)
    failed = [
        (question.kind, question.title or question.prompt[:40])
        for question in Question.objects.all()
        if client.get(f"/admin/snippets/assessments/question/edit/{question.pk}/").status_code
        != 200
    ]
    assert failed == []
