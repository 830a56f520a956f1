from django.templatetags.static import static
from django.urls import path
from django.utils.html import format_html

from wagtail import hooks

from .admin_views import slug_for_title
from .services import page_slug_repair


@hooks.register("insert_editor_js")
def keep_typed_rich_text_js():
    """Text typed just before saving reaches the server (see the script's comment)."""
    return format_html('<script src="{}"></script>', static("js/admin-richtext-flush.js"))


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
