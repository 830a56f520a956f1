"""Numbers typed in Thai digits in the profile fields: birth year and phone."""

from django import forms

import pytest

from lms.users.forms import ProfileFieldsMixin, phone_normalise


class NumbersForm(ProfileFieldsMixin):
    phone = forms.CharField(required=False)


@pytest.mark.parametrize(
    ("year", "stored"), [("๒๕๓๐", 1987), ("2530", 1987), ("1987", 1987), (" ๑๙๘๗ ", 1987)]
)
def test_birth_year_in_any_digits(year, stored):
    form = NumbersForm({"birth_year": year})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["birth_year"] == stored


@pytest.mark.parametrize("year", ["²⁵³⁰", "๒๕๓", "99999999999999999999"])
def test_a_birth_year_that_is_not_one_is_refused(year):
    assert not NumbersForm({"birth_year": year}).is_valid()


def test_the_birth_year_box_lets_thai_digits_be_typed():
    html = str(NumbersForm()["birth_year"])
    assert 'type="text"' in html and 'inputmode="numeric"' in html


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("๐๘๑-๒๓๔-๕๖๗๘", "0812345678"),
        ("+66 81 234 5678", "0812345678"),
        ("081 234 5678", "0812345678"),
    ],
)
def test_phone_in_any_digits(typed, stored):
    form = NumbersForm({"phone": typed})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["phone"] == stored


def test_a_phone_with_a_superscript_is_refused():
    assert not NumbersForm({"phone": "08123456²8"}).is_valid()
    assert phone_normalise("812345678") == "0812345678"  # a number cell lost its 0
