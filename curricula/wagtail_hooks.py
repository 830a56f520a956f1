from django.templatetags.static import static
from django.urls import path
from django.utils.html import format_html

from wagtail import hooks

from .admin_views import slug_for_title
from .services import page_slug_repair


@hooks.register("register_admin_urls")
def slug_admin_urls():
    # Under /admin/, so only people who may use the admin reach it.
    return [path("curricula/slug/", slug_for_title, name="curricula_slug_for_title")]


@hooks.register("insert_editor_js")
def slug_from_thai_title_js():
    """The slug field follows the Thai title with the server's romanised slug."""
    return format_html('<script src="{}"></script>', static("js/admin-slug.js"))


@hooks.register("after_copy_page")
def repair_the_copys_slug(request, page, new_page):
    # The copy form accepts "-1" as a slug, and the copy is saved without cleaning.
    page_slug_repair(page=new_page)
from django.utils.translation import gettext_lazy

from wagtail import hooks


@hooks.register("register_log_actions")
def register_course_review_actions(actions):
    actions.register_action(
        "curricula.course_review.include",
        gettext_lazy("Lessons sent for review"),
        gettext_lazy("Sent its changed lessons for review with the course"),
    )
    actions.register_action(
        "curricula.course_review.approve",
        gettext_lazy("Course approved"),
        gettext_lazy("Approved the course with its lessons"),
    )
    actions.register_action(
        "curricula.course_review.reject",
        gettext_lazy("Changes requested for the course"),
        gettext_lazy("Requested changes to the course and its lessons"),
    )
