"""The data migration gives rows saved before the normaliser the same one form."""

import importlib

from django.db import connection
from django.db.migrations.loader import MigrationLoader

import pytest

from lms.centres.models import Centre
from lms.users.models import User
from tests.factories import CentreFactory, UserFactory

pytestmark = pytest.mark.django_db

migration = importlib.import_module("lms.core.migrations.0002_normalise_typed_text")


def historical_apps():
    """The models as the migration knows them (classes still under centres, for one)."""
    loader = MigrationLoader(connection)
    return loader.project_state(("core", "0002_normalise_typed_text")).apps


def test_existing_rows_are_normalised():
    user = UserFactory(
        first_name="\u0e25\u0e4d\u0e32\u0e14\u0e27\u0e19\x07",
        last_name="ศรีสุข",
        phone="๐๘๑๒๓๔๕๖๗๘",
    )
    centre = CentreFactory()
    Centre.objects.filter(pk=centre.pk).update(
        name_th="ศูนย์ต\u0e4d\u0e32บลทดสอบ", address="บ้านเลขที่ ๑\r\nต\u0e4d\u0e32บลโพธิ์"
    )
    untouched = UserFactory(first_name="สมชาย", last_name="ใจดี")
    before = User.objects.filter(pk=untouched.pk).values().get()

    migration.normalise_rows(historical_apps(), None)

    user.refresh_from_db()
    assert (user.first_name, user.phone) == ("\u0e25\u0e33\u0e14\u0e27\u0e19", "0812345678")
    centre.refresh_from_db()
    assert centre.name_th == "ศูนย์ตำบลทดสอบ"
    assert centre.address == "บ้านเลขที่ ๑\nตำบลโพธิ์"
    assert User.objects.filter(pk=untouched.pk).values().get() == before
