"""English that Wagtail put on Thai admin screens, each by its own road: words written
into templates, fields without a label, our fields without a verbose name, model names
missing from Wagtail's catalogue, values printed raw."""

import json

from django.apps import apps
from django.core.exceptions import ImproperlyConfigured
from django.template.loader import get_template
from django.utils import translation
from django.utils.text import capfirst

from wagtail.admin.forms.choosers import EmailLinkChooserForm, PhoneLinkChooserForm
from wagtail.admin.forms.workflows import TaskChooserSearchForm
from wagtail.admin.ui.fields import display_class_registry
from wagtail.admin.ui.tables import BooleanColumn, Table
from wagtail.models import GroupApprovalTask, PageLogEntry, Task

import pytest
from bs4 import BeautifulSoup

from curricula.models import CourseReviewTask
from lms.centres.models import Centre
from lms.core.template_loaders import LITERAL_FIXES, fixed_source
from lms.core.wagtail_labels import wagtail_labels_install
from lms.users.models import User

THAI = {"HTTP_ACCEPT_LANGUAGE": "th"}


@pytest.mark.parametrize("name", sorted(LITERAL_FIXES))
def test_wagtails_template_is_loaded_with_its_english_made_translatable(name):
    source = get_template(name).template.source
    for old, new in LITERAL_FIXES[name]:
        assert old not in source
        assert new in source


def test_a_fix_whose_text_wagtail_changed_refuses_to_load():
    with pytest.raises(ImproperlyConfigured, match="no longer contains"):
        fixed_source("wagtailadmin/shared/headers/_actions.html", '<nav aria-label="Menu">')


def test_the_dashboards_search_button_and_actions_area_are_thai(admin_client):
    page = BeautifulSoup(admin_client.get("/admin/", **THAI).content, "html.parser")
    assert page.select_one('form[role="search"] input[type="submit"]')["value"] == "ค้นหา"

    listing = admin_client.get("/admin/users/", **THAI)
    nav = BeautifulSoup(listing.content, "html.parser").select_one("#w-slim-header-buttons")
    assert nav["aria-label"] == "การดำเนินการ"


def test_yes_no_icons_are_labelled_in_thai(db):
    users = [User(username="a", is_active=True), User(username="b", is_active=False)]
    table = Table([BooleanColumn("is_active")], users)
    with translation.override("th"):
        html = get_template("wagtailadmin/tables/table.html").render({"table": table})
    # What a screen reader says for each icon.
    spoken = [
        span.get_text(strip=True)
        for span in BeautifulSoup(html, "html.parser").select("td .w-sr-only")
    ]
    assert spoken == ["ใช่", "ไม่ใช่"]
    assert "True" not in html and "False" not in html


def test_a_yes_no_field_on_an_inspect_page_is_a_thai_word(db):
    display = display_class_registry.get(Centre._meta.get_field("is_active"))
    with translation.override("th"):
        assert display(True).render_html() == "ใช่"
        assert display(False).render_html() == "ไม่ใช่"


def test_link_chooser_fields_have_thai_labels():
    with translation.override("th"):
        email = EmailLinkChooserForm()
        phone = PhoneLinkChooserForm()
        labels = [str(email[name].label) for name in email.fields]
        labels += [str(phone[name].label) for name in phone.fields]
    assert labels == [
        "อีเมล",
        "ข้อความของลิงก์",
        "หัวเรื่อง",
        "เนื้อความ",
        "หมายเลขโทรศัพท์",
        "ข้อความของลิงก์",
    ]


def test_the_task_chooser_filter_has_a_thai_label_once_installed_twice():
    wagtail_labels_install()  # already run at start-up: running again must not stack
    choices = [(GroupApprovalTask, "a"), (CourseReviewTask, "b")]
    with translation.override("th"):
        form = TaskChooserSearchForm(task_type_choices=choices)
        assert str(form["task_type"].label) == "ประเภทขั้นตอน"
    # With one type there is no filter, and nothing fails for its absence.
    assert "task_type" not in TaskChooserSearchForm(task_type_choices=[(Task, "a")]).fields


def test_our_created_and_updated_columns_are_thai():
    """A DateTimeField without a verbose name is headed with its Python name, in English."""
    with translation.override("th"):
        for model in apps.get_app_configs():
            if not model.name.startswith(("lms.", "assessments", "curricula")):
                continue
            for each in model.get_models():
                for field in each._meta.concrete_fields:
                    if field.name in ("created_at", "updated_at"):
                        label = capfirst(field.verbose_name)
                        if each._meta.label != "curricula.SearchEntry":  # never shown
                            assert not label.isascii(), f"{each._meta.label}.{field.name}"


@pytest.mark.parametrize(
    ("english", "thai"),
    [
        ("just now", "เมื่อสักครู่"),
        ("admin theme", "ธีมสีของหน้าจอ"),
        ("requested by", "ขอโดย"),
        ("prevents deletion", "ทำให้ลบไม่ได้"),
        ("will unset the reference", "ช่องนี้จะว่างลง"),
        ("pages", "หน้า"),  # Wagtail's Thai said หลายๆหน้า: "32 หลายๆหน้า" under a listing
    ],
)
def test_names_wagtails_catalogue_lacks_are_thai(english, thai):
    with translation.override("th"):
        assert translation.gettext(english) == thai


def test_a_pages_history_counts_its_entries_in_thai():
    with translation.override("th"):
        assert str(PageLogEntry._meta.verbose_name_plural) == "รายการในประวัติของหน้า"


def test_whats_new_is_in_each_readers_language_whoever_came_first(admin_client, admin_user):
    """Wagtail labels this help-menu item once per process, in the first reader's
    language; an English reader first must not leave it English for Thai readers."""
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(admin_user)
    for language, label in (("en", "What's new in Wagtail"), ("th", "มีอะไรใหม่ใน Wagtail")):
        profile.preferred_language = language
        profile.save(update_fields=["preferred_language"])
        html = admin_client.get("/admin/").content.decode()
        # The sidebar's menus travel as JSON, Thai letters escaped.
        assert json.dumps(label)[1:-1] in html, language
    assert "What's new in Wagtail" not in html
