"""Classes in the admin: the "Centre" menu's links to the staff area, audit actions and scopes.

Classes also bring learners to a centre: a class member is one of the centre's
learners (lms.centres.scoping.LEARNER_SOURCES_HOOK).
"""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks

from lms.centres import audit
from lms.centres.admin_ui import CENTRE_MENU_HOOK, LazyUrlMenuItem
from lms.centres.scoping import LEARNER_SOURCES_HOOK

from . import scoping
from .models import Attendance, Cohort, CohortSession, ImportBatch

hooks.register(LEARNER_SOURCES_HOOK, scoping.class_members_at)


@hooks.register(CENTRE_MENU_HOOK)
def register_home_menu_item():
    return LazyUrlMenuItem(_("Today's sessions"), "centres:home", icon_name="date", order=100)


@hooks.register(CENTRE_MENU_HOOK)
def register_classes_menu_item():
    return LazyUrlMenuItem(
        _("Classes and attendance"), "centres:cohort_list", icon_name="group", order=200
    )


@hooks.register(CENTRE_MENU_HOOK)
def register_import_menu_item():
    return LazyUrlMenuItem(
        _("Import learners"),
        "centres:import_upload",
        icon_name="upload",
        order=300,
        admins_only=True,
    )


@hooks.register(CENTRE_MENU_HOOK)
def register_learners_menu_item():
    return LazyUrlMenuItem(_("Learners"), "centres:learner_list", icon_name="user", order=600)


@hooks.register("register_log_actions")
def register_class_actions(actions):
    for action, label, message in [
        ("lms.cohort.create", _("Create class"), _("Class created")),
        ("lms.cohort.update", _("Edit class"), _("Class changed")),
        ("lms.cohort.member_add", _("Add to class"), _("Learner added to the class")),
        ("lms.cohort.member_remove", _("Remove from class"), _("Learner removed from the class")),
        ("lms.cohort.session_create", _("Add session"), _("Class session added")),
        ("lms.cohort.session_update", _("Edit session"), _("Class session changed")),
        ("lms.cohort.session_delete", _("Delete session"), _("Class session deleted")),
        ("lms.attendance.record", _("Take attendance"), _("Attendance recorded")),
        ("lms.attendance.checkin", _("Check in"), _("Checked in with the QR code")),
        ("lms.import.check", _("Check file"), _("Learner file checked (dry run)")),
        ("lms.import.start", _("Import"), _("Learner import started")),
        ("lms.import.finish", _("Import finished"), _("Learner import finished")),
        ("lms.import.cancel", _("Cancel import"), _("Learner file not imported")),
        (
            "lms.import.erase_passwords",
            _("Erase passwords"),
            _("Initial passwords erased from the import report"),
        ),
    ]:
        actions.register_action(action, label, message)


@hooks.register(audit.HOOK)
def class_log_entry_scopes():
    return {
        Cohort: scoping.cohorts_visible_to,
        CohortSession: scoping.sessions_visible_to,
        Attendance: scoping.attendance_visible_to,
        ImportBatch: scoping.imports_visible_to,
    }
