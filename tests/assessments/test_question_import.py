"""Importing and exporting question files in the admin, as a trainer would."""

from pathlib import Path

from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail.users.models import UserProfile

import pytest

from assessments.import_services import MAX_FILE_BYTES, question_file_read, questions_import
from assessments.interchange.gift_read import gift_read
from assessments.models import Question, QuestionBank, QuestionKind
from assessments.question_store import bank_questions_data
from lms.users import roles
from tests.conftest import admin_in_english
from tests.factories import UserFactory

from .factories import make_quiz, single_choice

pytestmark = pytest.mark.django_db

DATA = Path(__file__).parent / "data" / "gift"


@pytest.fixture
def trainer(home):
    user = admin_in_english(UserFactory(username="trainer"))
    user.groups.add(Group.objects.get(name=roles.TRAINERS))
    return user


def upload(client, content: bytes, name="questions.gift", **fields):
    data = {"file": SimpleUploadedFile(name, content, "text/plain"), **fields}
    return client.post("/admin/question-import/", data)


def test_categories_become_banks_inside_the_chosen_bank(client, trainer):
    client.force_login(trainer)
    assert client.get("/admin/question-import/").status_code == 200
    response = upload(client, (DATA / "categories.gift").read_bytes(), new_bank="คลังจากไฟล์")
    assert response.status_code == 200, response.context["report"].invalid
    root = QuestionBank.objects.get(name="คลังจากไฟล์", parent=None)
    paths = {
        q.title: " / ".join(q.bank.path_names()) for q in Question.objects.select_related("bank")
    }
    assert paths["ข้อหนึ่ง"] == "คลังจากไฟล์ / Default for ทักษะดิจิทัล"
    assert paths["ข้อสอง"] == paths["ข้อสาม"] == "คลังจากไฟล์ / Default for ทักษะดิจิทัล / ขายออนไลน์"
    assert paths["Four"] == "คลังจากไฟล์ / Units/Lessons / Week 1"
    assert paths["Five"] == "คลังจากไฟล์"
    assert root.children.count() == 3


def test_a_file_with_errors_imports_nothing_until_the_trainer_says_so(client, trainer):
    client.force_login(trainer)
    content = (DATA / "broken.gift").read_bytes()
    report = gift_read(content.decode("utf-8"))
    assert report.invalid and report.valid
    response = upload(client, content, new_bank="คลังบางส่วน")
    assert response.status_code == 400
    assert not Question.objects.exists() and not QuestionBank.objects.exists()
    token = response.context["token"]
    response = client.post("/admin/question-import/", {"token": token})
    assert response.status_code == 200
    assert Question.objects.count() == len(report.valid)
    client.post("/admin/question-import/", {"token": token})  # the same confirmation, again
    assert Question.objects.count() == len(report.valid)


def test_unreadable_files_say_why_in_thai_and_save_nothing(client, trainer):
    profile = UserProfile.get_for_user(trainer)
    profile.preferred_language = "th"
    profile.save()
    client.force_login(trainer)
    for content in (
        b"\x00\x01\x02binary",
        (DATA / "tis620.gift").read_bytes(),
        b"<?xml version='1.0'?><quiz><question",
    ):
        response = upload(client, content, new_bank="x")
        assert response.status_code == 400
        errors = response.context["form"].errors["file"]
        assert errors and all(any("\u0e00" <= ch <= "\u0e7f" for ch in e) for e in errors), errors
    assert not QuestionBank.objects.exists()


def test_too_large_is_refused_before_reading(client, trainer):
    client.force_login(trainer)
    response = upload(client, b"a" * (MAX_FILE_BYTES + 10), new_bank="x")
    assert response.status_code == 400 and "too large" in response.content.decode()


def test_importing_into_a_quiz_adds_the_questions_after_its_own(client, trainer, lessons):
    client.force_login(trainer)
    first = single_choice(title="เดิม")
    quiz = make_quiz(lesson=lessons[0], questions=[first])
    content = (DATA / "essay_description.gift").read_bytes()
    response = upload(client, content, new_bank="เรียงความ", quiz=str(quiz.pk))
    assert response.status_code == 200
    items = list(quiz.items.order_by("sort_order").values_list("question__title", flat=True))
    assert items[0] == "เดิม"
    assert items[1:] == [q.title for q in gift_read(content.decode()).questions]
    assert quiz.items.filter(question__kind=QuestionKind.ESSAY).exists()


def test_only_people_who_write_questions_import(client, home):
    client.force_login(UserFactory(username="learner"))
    assert client.get("/admin/question-import/").status_code in (302, 403)
    assert client.get("/admin/question-export/?bank=1&format=gift").status_code in (302, 403)


@pytest.mark.parametrize("fixture", ["choices.gift", "numeric.gift", "short_answer.gift"])
def test_bank_export_then_import_gives_the_same_questions(client, trainer, fixture):
    client.force_login(trainer)
    upload(client, (DATA / fixture).read_bytes(), new_bank="ต้นทาง")
    source = QuestionBank.objects.get(name="ต้นทาง")
    for fmt in ("gift", "xml"):
        response = client.get(f"/admin/question-export/?bank={source.pk}&format={fmt}")
        assert response.status_code == 200
        assert "attachment" in response["Content-Disposition"]
        content = b"".join(response.streaming_content) if response.streaming else response.content
        copy = questions_import(
            user=trainer,
            report=question_file_read(content, filename=f"x.{fmt}"),
            new_bank_name=f"สำเนา {fmt}",
        )
        assert copy.imported
        target = QuestionBank.objects.get(name=f"สำเนา {fmt}")
        # The copy sits in a bank named after the source, inside the new bank.
        before = [d.comparable() for d in bank_questions_data(source)]
        after = [d.comparable() for d in bank_questions_data(target.children.get())]
        assert after == before, fmt
