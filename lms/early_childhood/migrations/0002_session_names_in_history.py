"""The names the admin's history keeps for early-childhood sessions, rewritten.

Each log entry stores its object's name as it was when logged; sessions were named by the
activity's id and a Gregorian date ("66 · ศูนย์… · 2026-05-01"). They now read as the
activity's title and a Buddhist-Era date, in the history too.
"""

from django.db import migrations

from lms.early_childhood.models import session_label


def rename(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ModelLogEntry = apps.get_model("wagtailcore", "ModelLogEntry")
    Session = apps.get_model("early_childhood", "EarlyChildhoodSession")
    content_type = ContentType.objects.filter(
        app_label="early_childhood", model="earlychildhoodsession"
    ).first()
    if content_type is None:
        return
    entries = ModelLogEntry.objects.filter(content_type=content_type)
    ids = {int(object_id) for object_id in entries.values_list("object_id", flat=True)}
    sessions = Session.objects.filter(pk__in=ids).select_related("activity", "centre")
    labels = {
        str(session.pk): session_label(session.activity.title, session.centre.name_th, session.date)
        for session in sessions
    }
    for entry in entries.filter(object_id__in=list(labels)):
        entry.label = labels[entry.object_id]
        entry.save(update_fields=["label"])


class Migration(migrations.Migration):
    dependencies = [
        ("early_childhood", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("curricula", "0010_course_review_lesson_started_step"),
    ]

    operations = [migrations.RunPython(rename, migrations.RunPython.noop)]
