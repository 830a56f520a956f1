"""Reads: the learner's list (for the dashboard) and the staff scope."""

from django.template.loader import render_to_string

from lms.certificates.models import Certificate
from lms.certificates.selectors import (
    certificate_by_code,
    certificates_for,
    certificates_visible_to,
)
from lms.certificates.services import certificate_issue, certificate_revoke


def _render(user):
    return render_to_string(
        "certificates/includes/dashboard_certificates.html",
        {"certificates": certificates_for(user=user)},
    )


def test_dashboard_list_is_one_query_however_many_certificates(
    learner, course, national_admin, django_assert_num_queries
):
    certificate_issue(actor=national_admin, learner=learner, course=course, reason="ครั้งที่ 1")
    with django_assert_num_queries(1):
        _render(learner)
    for i in range(8):
        current = Certificate.objects.valid().get(learner=learner)
        certificate_revoke(actor=national_admin, certificate=current, reason=f"แก้ไข {i}")
        certificate_issue(actor=national_admin, learner=learner, course=course, reason=f"ใหม่ {i}")
    with django_assert_num_queries(1):
        html = _render(learner)
    assert html.count("ถูกเพิกถอน") == 8
    assert html.count("กำลังเตรียม") == 1  # on_commit did not run here


def test_dashboard_list_when_there_is_none(learner):
    assert "เมื่อคุณเรียนจบหลักสูตร เกียรติบัตรจะแสดงที่นี่" in _render(learner)


def test_staff_scope(learner, certified, centre_admin, far_admin, national_admin, trainer):
    certificate = certified(learner)
    assert list(certificates_visible_to(user=centre_admin)) == [certificate]
    assert list(certificates_visible_to(user=trainer)) == [certificate]
    assert list(certificates_visible_to(user=national_admin)) == [certificate]
    assert list(certificates_visible_to(user=far_admin)) == []


def test_lookup_by_typed_code(learner, certified):
    certificate = certified(learner)
    assert certificate_by_code(code=certificate.display_code.lower()) == certificate
    assert certificate_by_code(code="not a code") is None
