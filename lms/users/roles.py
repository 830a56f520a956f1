"""The staff groups and the model permissions each one holds.

Page permissions (where in the tree a group may edit or publish) and the
moderation workflow are set up in lms.core.platform.
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

# Centre staff see their centres and early-childhood sessions in the admin (scoped by
# lms.centres.scoping); classes, attendance, imports and reports live at /centre/.
_CENTRE_STAFF = ["centres.view_centre", "centres.view_earlychildhoodsession"]

# "app_label.codename" for each group. Image and document permissions are
# granted per collection (see lms.core.platform), not here.
ROLE_PERMISSIONS: dict[str, list[str]] = {
    TRAINERS: [*_AUTHORING, *_CENTRE_STAFF],
    CENTRE_ADMINS: ["wagtailadmin.access_admin", *_CENTRE_STAFF],
    NATIONAL_ADMINS: [
        *_AUTHORING,
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
    ],
}

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
