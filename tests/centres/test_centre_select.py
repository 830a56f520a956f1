"""The centre filter: 2,222 centres drawn once and kept, the same markup as Django's."""

from django import forms
from django.core.cache import cache
from django.db import connection
from django.test.html import parse_html
from django.test.utils import CaptureQueriesContext
from django.utils import translation

import pytest

from lms.centres.forms import centre_field
from lms.centres.models import Centre
from tests.factories import CentreFactory

pytestmark = pytest.mark.django_db


def draw(value=None, **kwargs) -> str:
    field = centre_field(Centre.objects.all(), required=False, **kwargs)
    return field.widget.render("centre", value, {"id": "id_centre"})


def djangos(value=None) -> str:
    field = centre_field(Centre.objects.all(), required=False)
    return forms.Select(choices=field.choices).render("centre", value, {"id": "id_centre"})


def test_same_as_djangos_select_with_and_without_a_choice():
    cache.clear()
    centres = CentreFactory.create_batch(3, name_th='ศูนย์ "บ้านนา" & <ทุ่ง>')
    for value in (None, "", centres[1].pk, str(centres[2].pk)):
        assert parse_html(draw(value)) == parse_html(djangos(value)), value
        assert parse_html(draw(value)) == parse_html(djangos(value)), value  # from the cache


def test_drawn_once_then_no_query_until_a_centre_changes():
    cache.clear()
    centre = CentreFactory()
    draw()
    with CaptureQueriesContext(connection) as queries:
        html = draw(centre.pk)
    assert len(queries) == 0
    assert f'<option value="{centre.pk}" selected>' in html

    added = CentreFactory(name_th="ศูนย์ดิจิทัลชุมชนตำบลใหม่")
    assert "ศูนย์ดิจิทัลชุมชนตำบลใหม่" in draw()
    added.name_th = "ศูนย์ดิจิทัลชุมชนตำบลเปลี่ยนชื่อ"
    added.save()
    assert "ศูนย์ดิจิทัลชุมชนตำบลเปลี่ยนชื่อ" in draw()
    added.delete()
    assert "ศูนย์ดิจิทัลชุมชนตำบลเปลี่ยนชื่อ" not in draw()


def test_each_language_and_each_scope_drawn_apart():
    cache.clear()
    mine, other = CentreFactory(), CentreFactory()
    thai = draw()
    with translation.override("en"):
        english = draw()
    assert mine.name_th in thai and mine.name_en in english and mine.name_th not in english
    scoped = centre_field(Centre.objects.filter(pk=mine.pk), required=False)
    only_mine = scoped.widget.render("centre", None, {})
    assert mine.name_th in only_mine and other.name_th not in only_mine
