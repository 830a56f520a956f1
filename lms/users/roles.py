"""The staff groups and the model permissions each one holds.

Page permissions (where in the tree a group may edit or publish) and the
moderation workflow are set up in lms.setup.platform.
"""

from django.utils.translation import gettext_lazy as _

TRAINERS = "Trainers"
CENTRE_ADMINS = "Centre admins"
NATIONAL_ADMINS = "National admins"

GROUP_LABELS = {
    TRAINERS: _("Trainers"),
    CENTRE_ADMINS: _("Centre admins"),
    NATIONAL_ADMINS: _("National admins"),
}

_AUTHORING = [
    "wagtailadmin.access_admin",
    "simple_translation.submit_translation",
]

# Quizzes, questions and banks (assessments); results are scoped to the viewer's centres.
_QUIZ_AUTHORING = [
    f"assessments.{action}_{model}"
    for model in ("questionbank", "question", "quiz")
    for action in ("add", "change", "delete", "view")
] + ["assessments.view_quiz_results"]
# Trainers see the certificates of their centres' learners, centre admins issue them,
# national admins also revoke them and design the templates.
_CERTIFICATES_VIEW = ["certificates.view_certificate"]
_CERTIFICATES_ISSUE = [
    *_CERTIFICATES_VIEW,
    "certificates.add_certificate",
    "certificates.change_certificate",
]
_CERTIFICATES_ALL = [
    *_CERTIFICATES_ISSUE,
    "certificates.revoke_certificate",
    "certificates.view_certificatetemplate",
    "certificates.add_certificatetemplate",
    "certificates.change_certificatetemplate",
    "certificates.delete_certificatetemplate",
]
# Centre staff see their centres and early-childhood sessions in the admin (scoped by
# lms.centres.scoping); classes, attendance, imports and reports live at /centre/.
_CENTRE_STAFF = ["centres.view_centre", "early_childhood.view_earlychildhoodsession"]

# "app_label.codename" for each group. Image and document permissions are
# granted per collection (see lms.setup.platform), not here.
ROLE_PERMISSIONS: dict[str, list[str]] = {
    TRAINERS: [*_AUTHORING, *_QUIZ_AUTHORING, *_CERTIFICATES_VIEW, *_CENTRE_STAFF],
    CENTRE_ADMINS: [
        "wagtailadmin.access_admin",
        "assessments.view_quiz_results",
        *_CERTIFICATES_ISSUE,
        *_CENTRE_STAFF,
    ],
    NATIONAL_ADMINS: [
        *_CERTIFICATES_ALL,
        *_AUTHORING,
        *_QUIZ_AUTHORING,
        *_CENTRE_STAFF,
        "centres.add_centre",
        "centres.change_centre",
        "users.add_user",
        "users.change_user",
        "users.view_user",
        "taggit.add_tag",
        "curricula.add_skilltag",
        "curricula.change_skilltag",
        "curricula.delete_skilltag",
        "curricula.add_searchsynonym",
        "curricula.change_searchsynonym",
        "curricula.delete_searchsynonym",
        # Old addresses of pages whose slug changed (the slug repair adds some): national
        # admins keep them; they are the whole site's, not a centre's.
        "wagtailredirects.add_redirect",
        "wagtailredirects.change_redirect",
        "wagtailredirects.delete_redirect",
    ],
}

# Practical assignments: trainers write them and review the work handed in by the
# learners of their centres (lms.assignments; scoping decides whose work they see).
_ASSIGNMENTS = [
    *(f"assignments.{action}_assignment" for action in ("add", "change", "delete", "view")),
    "assignments.review_submission",
]
ROLE_PERMISSIONS[TRAINERS] += _ASSIGNMENTS
ROLE_PERMISSIONS[NATIONAL_ADMINS] += _ASSIGNMENTS

# SCORM packages as lessons (lms.packages): trainers upload and set them up.
_PACKAGES = [f"packages.{action}_scormpackage" for action in ("add", "change", "delete", "view")]
ROLE_PERMISSIONS[TRAINERS] += _PACKAGES
ROLE_PERMISSIONS[NATIONAL_ADMINS] += _PACKAGES

# Essays in quizzes are graded by trainers (and the national office), for the learners of
# their centres (assessments.grading_services; scoping decides whose attempts they see).
ROLE_PERMISSIONS[TRAINERS] += ["assessments.grade_essays"]
ROLE_PERMISSIONS[NATIONAL_ADMINS] += ["assessments.grade_essays"]

# Interactive H5P activities: trainers upload them and place them in lessons (lms.h5p).
_H5P = [f"h5p.{action}_h5pcontent" for action in ("add", "change", "delete", "view")]
ROLE_PERMISSIONS[TRAINERS] += _H5P
ROLE_PERMISSIONS[NATIONAL_ADMINS] += _H5P

# Page permissions on the home page of every language, inherited by the whole tree.
# Trainers write and submit for review; only national admins publish.
ROLE_PAGE_PERMISSIONS: dict[str, list[str]] = {
    TRAINERS: ["add", "change"],
    NATIONAL_ADMINS: ["add", "change", "publish", "lock", "unlock"],
}

ROLE_COLLECTION_PERMISSIONS: dict[str, list[str]] = {
    TRAINERS: [
        "wagtailimages.add_image",
        "wagtailimages.choose_image",
        "wagtaildocs.add_document",
        "wagtaildocs.choose_document",
    ],
    NATIONAL_ADMINS: [
        "wagtailimages.add_image",
        "wagtailimages.change_image",
        "wagtailimages.delete_image",
        "wagtailimages.choose_image",
        "wagtaildocs.add_document",
        "wagtaildocs.change_document",
        "wagtaildocs.delete_document",
        "wagtaildocs.choose_document",
    ],
}
