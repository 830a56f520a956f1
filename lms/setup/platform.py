"""The fixed frame of the platform: languages, home pages, the three tracks, staff
groups and the curriculum review workflow.

`platform_setup()` is idempotent and never overwrites what editors have changed;
it runs on every deployment (`manage.py setup_platform`) and before demo data.
"""

import logging
from dataclasses import dataclass

from django.contrib.auth.models import Group, Permission
from django.db import transaction

from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from curricula.models import CourseReviewTask, HomePage, Track, TrackPage
from lms.centres.provinces import provinces_ensure
from lms.certificates.services import certificate_template_default
from lms.credentials.services import issuer_key_ensure
from lms.users import roles

logger = logging.getLogger(__name__)

# Names are data that Wagtail shows as they are ("ส่งเข้าสู่การตรวจหลักสูตร"), so they are Thai.
WORKFLOW_NAME = "การตรวจหลักสูตร"
APPROVAL_TASK_NAME = "ผู้ดูแลระดับประเทศอนุมัติ"


@dataclass(frozen=True)
class PageText:
    slug: str
    title: str
    summary: str
    title_en: str
    summary_en: str


HOME = PageText(
    slug="home",
    title="เรียนรู้ทักษะดิจิทัลใกล้บ้าน",
    summary="บทเรียนออนไลน์ แบบทดสอบ และเกียรติบัตร จากศูนย์ดิจิทัลชุมชนทั่วประเทศ เรียนได้ทุกที่ด้วยโทรศัพท์มือถือ",
    title_en="Learn digital skills close to home",
    summary_en=(
        "Online lessons, quizzes and certificates from community digital centres across "
        "Thailand, made for learning on a phone."
    ),
)

TRACKS: dict[str, PageText] = {
    Track.YOUTH: PageText(
        slug="youth",
        title="เยาวชน",
        summary="ความรู้ดิจิทัล ความปลอดภัยออนไลน์ พื้นฐานการเขียนโค้ด และการรู้เท่าทันสื่อ",
        title_en="Youth",
        summary_en="Digital literacy, online safety, coding basics and media literacy.",
    ),
    Track.EARLY_CHILDHOOD: PageText(
        slug="early-childhood",
        title="เด็กปฐมวัย",
        summary="แผนกิจกรรมสำหรับเด็กอายุ 3–6 ปี ที่ผู้จัดกิจกรรมหรือผู้ปกครองนำไปทำร่วมกับเด็กที่ศูนย์",
        title_en="Early childhood",
        summary_en="Activity plans for children aged 3–6, run in person by a facilitator or parent.",
    ),
    Track.WORKFORCE: PageText(
        slug="workforce",
        title="พัฒนาศักยภาพบุคลากรดิจิทัล",
        summary="หลักสูตรผสมผสาน เรียนออนไลน์ เข้าชั้นเรียนที่ศูนย์ ทำแบบประเมิน และรับเกียรติบัตร",
        title_en="Digital workforce",
        summary_en="Blended courses: online lessons, classes at the centre, assessments and certificates.",
    ),
}


def _publish(page: Page) -> None:
    page.save_revision().publish()


def _translate(page: Page, locale: Locale, *, title: str, summary: str) -> Page:
    """The page's translation into `locale`, created and published if missing."""
    existing = page.get_translation_or_none(locale)
    if existing is not None:
        return existing.specific
    copy = page.copy_for_translation(locale).specific
    copy.title = title
    if hasattr(copy, "summary"):
        copy.summary = summary
    if isinstance(copy, HomePage):
        copy.intro = f"<p>{summary}</p>"
    _publish(copy)
    return copy


def _ensure_locales() -> tuple[Locale, Locale]:
    thai, _created = Locale.objects.get_or_create(language_code="th")
    english, _created = Locale.objects.get_or_create(language_code="en")
    return thai, english


def _ensure_roots(thai: Locale) -> None:
    """The tree roots Wagtail's migrations create, in case a database was emptied since."""
    if Page.get_first_root_node() is None:
        Page.add_root(instance=Page(title="Root", slug="root", locale=thai))
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")


def _ensure_home(thai: Locale) -> HomePage:
    home = HomePage.objects.filter(locale=thai, depth=2).first()
    if home is not None:
        return home
    root = Page.get_first_root_node()
    home = HomePage(title=HOME.title, slug=HOME.slug, locale=thai, intro=f"<p>{HOME.summary}</p>")
    # Wagtail's first migration leaves a "Welcome" placeholder at /home/.
    placeholder = (
        Page.objects.filter(depth=2, slug="home").exclude(content_type__model="homepage").first()
    )
    if placeholder is not None:
        placeholder.slug = "welcome-placeholder"
        placeholder.save(update_fields=["slug"], clean=False)
    root.add_child(instance=home)
    _publish(home)
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost",
            port=80,
            root_page=home,
            is_default_site=True,
            site_name="ศูนย์ดิจิทัลชุมชน",
        )
    else:
        site.root_page = home
        site.site_name = site.site_name or "ศูนย์ดิจิทัลชุมชน"
        site.save()
    if placeholder is not None and not placeholder.get_children().exists():
        placeholder.delete()
    return home


def _ensure_tracks(home: HomePage, english: Locale) -> None:
    for track, text in TRACKS.items():
        page = TrackPage.objects.child_of(home).filter(track=track).first()
        if page is None:
            page = TrackPage(title=text.title, slug=text.slug, track=track, summary=text.summary)
            home.add_child(instance=page)
            _publish(page)
        _translate(page, english, title=text.title_en, summary=text.summary_en)


def _ensure_permission_rows() -> None:
    """Content types and permissions are made by post_migrate; remake them if a database
    was emptied since (as Django's flush does)."""
    from django.apps import apps
    from django.contrib.auth.management import create_permissions
    from django.contrib.contenttypes.management import create_contenttypes

    for app_config in apps.get_app_configs():
        create_contenttypes(app_config, verbosity=0)
        create_permissions(app_config, verbosity=0)


def _permissions(names: list[str]) -> list[Permission]:
    perms = []
    for name in names:
        app_label, codename = name.split(".")
        lookup = {"content_type__app_label": app_label, "codename": codename}
        permission = Permission.objects.filter(**lookup).first()
        if permission is None:
            _ensure_permission_rows()
            permission = Permission.objects.get(**lookup)
        perms.append(permission)
    return perms


def _ensure_groups(homes: list[Page]) -> dict[str, Group]:
    groups = {}
    root_collection = Collection.get_first_root_node()
    for name, perm_names in roles.ROLE_PERMISSIONS.items():
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.add(*_permissions(perm_names))
        for home in homes:
            for permission_type in roles.ROLE_PAGE_PERMISSIONS.get(name, []):
                (permission,) = _permissions([f"wagtailcore.{permission_type}_page"])
                GroupPagePermission.objects.get_or_create(
                    group=group, page=home, permission=permission
                )
        for permission in _permissions(roles.ROLE_COLLECTION_PERMISSIONS.get(name, [])):
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root_collection, permission=permission
            )
        groups[name] = group
    return groups


def _ensure_workflow(homes: list[Page], approvers: Group) -> Workflow:
    workflow, _created = Workflow.objects.get_or_create(
        name=WORKFLOW_NAME, defaults={"active": True}
    )
    # A course review task: submitting a course takes its changed lessons along.
    task = CourseReviewTask.objects.filter(name=APPROVAL_TASK_NAME).first()
    if task is None:
        task = CourseReviewTask.objects.create(name=APPROVAL_TASK_NAME)
    task.groups.add(approvers)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    for home in homes:
        WorkflowPage.objects.get_or_create(page=home, defaults={"workflow": workflow})
    return workflow


@transaction.atomic
def platform_setup() -> HomePage:
    """Create whatever of the fixed frame is missing. Returns the Thai home page."""
    thai, english = _ensure_locales()
    _ensure_roots(thai)
    provinces_ensure()
    home = _ensure_home(thai)
    home_en = _translate(home, english, title=HOME.title_en, summary=HOME.summary_en)
    _ensure_tracks(home, english)
    homes = [home, home_en]
    groups = _ensure_groups(homes)
    _ensure_workflow(homes, groups[roles.NATIONAL_ADMINS])
    # Visible in the admin from the first deployment, before any certificate is issued.
    certificate_template_default()
    # The credential signing key, so that /.well-known/did.json lists a key from the start.
    issuer_key_ensure()
    return home
