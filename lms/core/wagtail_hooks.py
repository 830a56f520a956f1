import copy

from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.translation import gettext

from wagtail import hooks
from wagtail.utils.version import get_main_version


@hooks.register("insert_global_admin_css")
def thai_font_in_the_admin():
    """The admin's system-font stack has no Thai on many machines: add Sarabun to it."""
    return format_html(
        '<link rel="stylesheet" href="{}"><link rel="stylesheet" href="{}">',
        static("css/fonts.css"),
        static("css/admin.css"),
    )


@hooks.register("construct_help_menu")
def whats_new_in_the_readers_language(request, menu_items):
    """Wagtail fills its "What's new in Wagtail 8.0" label once per process, in the
    language of the first request that builds the help menu (the other items' labels
    are lazy). The menu's list is made for each request from shared items: this one is
    replaced by a copy labelled in this request's language."""
    version = get_main_version(include_patch=False)
    for index, item in enumerate(menu_items):
        if item.name == f"whats-new-in-wagtail-{version}":
            item = copy.copy(item)
            item.label = gettext("What's new in Wagtail %(version)s") % {"version": version}
            menu_items[index] = item
