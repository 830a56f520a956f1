"""LongSelect draws the same `<select>` as Django's widget, only faster."""

from django import forms
from django.test.html import parse_html

import pytest

from lms.core.widgets import LongSelect

CHOICES = [
    ("", "---------"),
    ("1", "ศูนย์ดิจิทัลชุมชนตำบลโพธิ์ตาก (หนองคาย)"),
    ("2", 'ร้าน "ป้าแดง" & <ลูก>'),
    ("ภาค", [("3", "เชียงใหม่"), ("4", "ลำพูน")]),
]


@pytest.mark.parametrize("value", [None, "", "2", "4"])
def test_same_markup_as_djangos_select(value):
    attrs = {"id": "id_centre", "required": True, "aria-describedby": "help"}
    ours = LongSelect(choices=CHOICES).render("centre", value, attrs)
    djangos = forms.Select(choices=CHOICES).render("centre", value, attrs)
    assert parse_html(ours) == parse_html(djangos)
    assert "&lt;ลูก&gt;" in ours and "&quot;ป้าแดง&quot;" in ours


def test_chosen_centre_is_selected():
    html = LongSelect(choices=CHOICES).render("centre", "3", {})
    assert '<option value="3" selected>เชียงใหม่</option>' in html
