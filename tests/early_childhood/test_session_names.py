"""An early-childhood session reads, in the admin's history, as its activity and a Thai date."""

from importlib import import_module

from django.apps import apps as global_apps

from wagtail.log_actions import log

migration = import_module("lms.early_childhood.migrations.0002_session_names_in_history")


def test_a_session_is_named_by_its_activity_and_a_buddhist_era_date(world):
    early_session = world.early_a
    name = str(early_session)
    assert early_session.activity.title in name
    assert str(early_session.date.year + 543)[-2:] in name
    assert str(early_session.date.year) not in name
    assert str(early_session.activity_id) not in name.split(" · ")[0]


def test_names_kept_in_the_history_are_rewritten(world):
    early_session = world.early_a
    entry = log(instance=early_session, action="wagtail.create")
    entry.label = f"{early_session.activity_id} · x · {early_session.date:%Y-%m-%d}"
    entry.save()
    migration.rename(global_apps, None)
    entry.refresh_from_db()
    assert entry.label == str(early_session)
