import datetime as dt

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language

from wagtail.models import Page

from lms.core.linebreaks import mark_thai_words
from lms.core.numbers import score_text
from lms.core.richtext import render_richtext
from lms.core.thaidate import format_date, format_in_reader_era, format_thai_date

register = template.Library()


@register.filter
def thai_date(value, arg: str = ""):
    """`{{ when|thai_date }}` → 3 ธันวาคม พ.ศ. 2566; `|thai_date:"short"` → 3 ธ.ค. 66."""
    if not value:
        return ""
    return format_thai_date(value, short=arg == "short")


@register.filter
def score(value, limit=None):
    """`{{ attempt.percent|score:quiz.pass_mark_percent }}` → 9.6 (see score_text)."""
    return score_text(value, limit)


@register.filter
def local_date(value):
    """A date in the reader's language: Buddhist Era in Thai, Gregorian in English."""
    if not value:
        return ""
    return format_date(value, get_language())


@register.filter
def era_date(value, format_string: str = "DATE_FORMAT"):
    """`{{ when|era_date:"DATETIME_FORMAT" }}`: Django's `date` filter, with the year in the
    Buddhist Era when the reader's language is Thai (4 ธันวาคม 2569, 14:00)."""
    if not value:
        return ""
    return format_in_reader_era(value, format_string)


@register.filter
def era_value(value):
    """A table cell's value: dates and times as `era_date` writes them, anything else as is."""
    if isinstance(value, dt.datetime):
        return format_in_reader_era(value, "DATETIME_FORMAT")
    if isinstance(value, dt.date):
        return format_in_reader_era(value, "DATE_FORMAT")
    return value


@register.filter
def safe_richtext(value):
    """`{{ page.body_text|safe_richtext }}`: Wagtail rich text, expanded and sanitised."""
    return render_richtext(value)


@register.filter
def get_item(mapping, key):
    """`{{ mapping|get_item:key }}`: a dictionary lookup with a variable key."""
    if not mapping:
        return None
    return mapping.get(key)


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Links to this page in each language, or to that language's home page."""
    request = context.get("request")
    page = context.get("page")
    current = get_language()
    translations = {}
    if isinstance(page, Page) and page.translation_key:
        # The live translations, this page's included, in one query.
        translations = {
            translation.locale.language_code: translation
            for translation in Page.objects.filter(
                translation_key=page.translation_key, live=True
            ).select_related("locale")
        }
    links = []
    for code, name in settings.LANGUAGES:
        url = None
        if isinstance(page, Page):
            target = translations.get(code)
            if target is not None:
                url = target.get_url(request)
            else:
                url = "/" if code == settings.LANGUAGE_CODE else f"/{code}/"
        elif request is not None:
            url = translate_url(request.get_full_path(), code)
        links.append({"code": code, "name": name, "url": url, "current": code == current})
    return {"links": links}


class ThaiLineBreaksNode(template.Node):
    def __init__(self, nodelist):
        self.nodelist = nodelist

    def render(self, context):
        return mark_thai_words(self.nodelist.render(context))


@register.tag
def thai_line_breaks(parser, token):
    """`{% thai_line_breaks %}...{% endthai_line_breaks %}`: Thai lines inside break
    only between words, and dates and "20 นาที" stay on one line (lms.core.linebreaks)."""
    nodelist = parser.parse(("endthai_line_breaks",))
    parser.delete_first_token()
    return ThaiLineBreaksNode(nodelist)
