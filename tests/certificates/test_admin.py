"""Staff pages in the Wagtail admin, and the template snippet with its PDF preview."""

from wagtail.test.utils.form_data import inline_formset, nested_form_data

import pytest
import wagtail_factories

from lms.certificates.models import Certificate, CertificateTemplate, RenderStatus
from lms.certificates.services import certificate_issue
from tests.factories import UserFactory

ADMIN = "/admin/certificates/"


def refused(response) -> bool:
    """Wagtail answers a permission refusal in its admin by sending the user home."""
    return response.status_code == 302 and response["Location"] == "/admin/"


def test_list_shows_only_the_staff_members_learners(
    client, learner, certified, centre_admin, far_admin, national_admin
):
    certificate = certified(learner)
    client.force_login(centre_admin)
    response = client.get(ADMIN)
    assert response.status_code == 200
    assert certificate.number in response.content.decode()
    client.force_login(far_admin)
    assert certificate.number not in client.get(ADMIN).content.decode()
    assert client.get(f"{ADMIN}{certificate.pk}/").status_code == 404
    client.force_login(national_admin)
    assert certificate.number in client.get(ADMIN).content.decode()


def test_list_queries_do_not_grow_with_the_number_of_certificates(
    client, course, centre, centre_admin, django_assert_num_queries
):
    def add(n):
        for i in range(n):
            learner = UserFactory(
                username=f"many-{Certificate.objects.count()}-{i}", home_centre=centre
            )
            certificate_issue(actor=centre_admin, learner=learner, course=course, reason="ทดสอบ")

    client.force_login(centre_admin)
    add(2)
    client.get(ADMIN)  # warm caches (content types, site) so both counts compare like for like
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        assert client.get(ADMIN).status_code == 200
    add(25)
    with django_assert_num_queries(len(few.captured_queries)):
        response = client.get(ADMIN)
    assert response.content.decode().count("/admin/certificates/") >= 27


def test_search_and_filter(client, learner, other_learner, certified, centre_admin):
    mine = certified(learner)
    theirs = certified(other_learner)
    client.force_login(centre_admin)
    html = client.get(ADMIN, {"q": "มาลี"}).content.decode()
    assert mine.number in html and theirs.number not in html
    html = client.get(ADMIN, {"q": theirs.display_code}).content.decode()
    assert theirs.number in html and mine.number not in html
    html = client.get(ADMIN, {"status": "revoked"}).content.decode()
    assert mine.number not in html


def test_issue_by_hand_through_the_admin(client, learner, course, centre_admin):
    client.force_login(centre_admin)
    assert client.get(f"{ADMIN}issue/").status_code == 200
    response = client.post(
        f"{ADMIN}issue/", {"learner": "MALEE", "course": course.pk, "reason": ""}
    )
    assert response.status_code == 400
    assert not Certificate.objects.exists()
    response = client.post(
        f"{ADMIN}issue/", {"learner": "nobody", "course": course.pk, "reason": "เรียนในห้อง"}
    )
    assert response.status_code == 400
    assert "There is no learner with this username" in response.content.decode()
    response = client.post(
        f"{ADMIN}issue/", {"learner": "MALEE", "course": course.pk, "reason": "เรียนในห้อง"}
    )
    certificate = Certificate.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"{ADMIN}{certificate.pk}/"
    assert certificate.issue_reason == "เรียนในห้อง"
    detail = client.get(response["Location"]).content.decode()
    assert "เรียนในห้อง" in detail and certificate.display_code in detail


def test_trainers_see_but_cannot_issue(client, learner, certified, trainer):
    certified(learner)
    client.force_login(trainer)
    assert client.get(ADMIN).status_code == 200
    assert refused(client.get(f"{ADMIN}issue/"))
    assert refused(client.get(f"{ADMIN}bulk/new/"))


def test_reissue_and_revoke_from_the_detail_page(
    client, learner, certified, centre_admin, national_admin, django_capture_on_commit_callbacks
):
    certificate = certified(learner)
    client.force_login(centre_admin)
    page = client.get(f"{ADMIN}{certificate.pk}/").content.decode()
    assert "Re-issue" in page and f"{ADMIN}{certificate.pk}/revoke/" not in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"{ADMIN}{certificate.pk}/reissue/", {"reason": ""})
    assert response.status_code == 302
    certificate.refresh_from_db()
    assert certificate.file_version == 2 and certificate.status == RenderStatus.RENDERED
    # Centre admins cannot revoke; national admins can, with a reason.
    assert refused(client.post(f"{ADMIN}{certificate.pk}/revoke/", {"reason": "x"}))
    certificate.refresh_from_db()
    assert certificate.revoked_at is None
    client.force_login(national_admin)
    client.post(f"{ADMIN}{certificate.pk}/revoke/", {"reason": ""})
    certificate.refresh_from_db()
    assert certificate.revoked_at is None
    client.post(f"{ADMIN}{certificate.pk}/revoke/", {"reason": "ข้อมูลไม่ถูกต้อง"})
    certificate.refresh_from_db()
    assert certificate.revoked_reason == "ข้อมูลไม่ถูกต้อง"
    assert client.get(f"{ADMIN}{certificate.pk}/revoke/").status_code == 405


def test_bulk_issue_pages_and_progress_json(
    client,
    learner,
    other_learner,
    course,
    complete_course,
    centre_admin,
    far_admin,
    django_capture_on_commit_callbacks,
    django_assert_max_num_queries,
):
    complete_course(learner)
    Certificate.objects.all().delete()
    client.force_login(centre_admin)
    assert client.get(f"{ADMIN}bulk/new/").status_code == 200
    response = client.post(
        f"{ADMIN}bulk/new/", {"course": course.pk, "usernames": "malee\nnobody-here"}
    )
    assert response.status_code == 400
    assert "nobody-here" in response.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"{ADMIN}bulk/new/", {"course": course.pk, "usernames": "malee, SOMCHAI"}
        )
    assert response.status_code == 302
    detail = client.get(response["Location"])
    html = detail.content.decode()
    assert "2 of 2 learners done" in html
    assert "Not enrolled in the course" in html and "somchai" in html
    batch_url = response["Location"]
    with django_assert_max_num_queries(12):
        progress = client.get(f"{batch_url}progress/").json()
    assert progress["finished"] is True
    assert progress["counts"]["issued"] == 1 and progress["counts"]["skipped"] == 1
    client.force_login(far_admin)
    assert client.get(batch_url).status_code == 404
    assert client.get(f"{batch_url}progress/").status_code == 404


@pytest.mark.django_db
def test_template_snippet_preview_renders_a_sample_pdf(client, national_admin):
    client.force_login(national_admin)
    base = "/admin/snippets/certificates/certificatetemplate/"
    assert client.get(base).status_code == 200
    signature = wagtail_factories.ImageFactory(title="ลายเซ็น")
    data = nested_form_data(
        {
            "name": "แบบสองภาษา",
            "orientation": "portrait",
            "language": "bilingual",
            "title": "เกียรติบัตร",
            "intro": "ขอมอบให้",
            "body": "ผ่านหลักสูตร {course}",
            "title_en": "Certificate",
            "intro_en": "Awarded to",
            "body_en": "for completing {course}",
            "logos": inline_formset([]),
            "signatories": inline_formset(
                [
                    {
                        "name": "นายใจดี มีสุข",
                        "position": "ผู้อำนวยการ",
                        "name_en": "",
                        "position_en": "",
                        "signature_image": signature.pk,
                    }
                ]
            ),
        }
    )
    response = client.post(f"{base}preview/", data)
    assert response.status_code == 200, response.content
    assert response.json()["is_valid"] is True
    preview = client.get(f"{base}preview/", {"mode": ""})
    assert preview.status_code == 200
    assert preview["Content-Type"] == "application/pdf"
    assert preview.content.startswith(b"%PDF")

    response = client.post(f"{base}add/", data)
    assert response.status_code == 302
    template = CertificateTemplate.objects.get(name="แบบสองภาษา")
    assert template.signatories.get().name == "นายใจดี มีสุข"

    bad = {**data, "body": "สวัสดี {ชื่อ}"}
    response = client.post(f"{base}add/", bad)
    assert response.status_code == 200
    assert "Unknown placeholder" in response.content.decode()
