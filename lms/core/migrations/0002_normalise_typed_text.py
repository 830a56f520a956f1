"""Existing rows get the one form every way in now gives typed text (lms/core/clean.py).

Names, centre and class names, quiz and assignment text typed before the
normaliser existed may hold "ํา" for "ำ", misordered or repeated marks, or
control characters, so a search for "ลำดวน" misses "ลําดวน". Phones typed in
Thai digits become ASCII digits. Issued certificates are records of what was
issued and stay as they are. The migration lives in `core` so that it depends
on the apps it cleans without adding a leaf to any of them.
"""

from django.db import migrations

from lms.core.clean import text_clean
from lms.core.numbers import digits_ascii

# (app, model, one-line fields, multi-line fields, phone fields)
COLUMNS = [
    ("users", "User", ["first_name", "last_name", "first_name_en", "last_name_en"], [], ["phone"]),
    (
        "centres",
        "Centre",
        ["name_th", "name_en", "district", "subdistrict", "contact_name"],
        ["address"],
        ["contact_phone"],
    ),
    ("centres", "Cohort", ["name"], [], []),
    ("centres", "CohortSession", ["place", "topic"], [], []),
    ("centres", "EarlyChildhoodSession", [], ["notes"], []),
    ("assessments", "QuestionBank", ["name"], ["description"], []),
    (
        "assessments",
        "Question",
        ["title", "image_alt"],
        ["prompt", "feedback_correct", "feedback_incorrect"],
        [],
    ),
    ("assessments", "Choice", ["text", "feedback"], [], []),
    ("assessments", "AcceptedAnswer", ["text"], [], []),
    ("assessments", "MatchingPair", ["prompt", "answer"], [], []),
    ("assessments", "Quiz", ["title"], ["intro"], []),
    ("assignments", "Assignment", ["title", "text_label"], ["instructions"], []),
    ("assignments", "Submission", [], ["text", "feedback"], []),
    (
        "certificates",
        "CertificateTemplate",
        ["name", "title", "intro", "title_en", "intro_en"],
        ["body", "body_en"],
        [],
    ),
    ("certificates", "CertificateSignatory", ["name", "position", "name_en", "position_en"], [], []),
]


def _clean(value, *, multiline: bool):
    if not value:
        return value
    cleaned = text_clean(value, multiline=multiline)
    # One-line fields lose the spaces a repair may leave at the ends, as forms do.
    return cleaned if multiline else cleaned.strip()


def normalise_rows(apps, schema_editor):
    for app_label, model_name, single, multi, phones in COLUMNS:
        model = apps.get_model(app_label, model_name)
        fields = [*single, *multi, *phones]
        changed = []
        for row in model.objects.only("pk", *fields).iterator(chunk_size=2000):
            dirty = False
            for name in fields:
                value = getattr(row, name)
                if name in phones:
                    new = digits_ascii(value or "") if value else value
                else:
                    new = _clean(value, multiline=name in multi)
                if new != value:
                    setattr(row, name, new)
                    dirty = True
            if dirty:
                changed.append(row)
            if len(changed) >= 500:
                model.objects.bulk_update(changed, fields)
                changed = []
        if changed:
            model.objects.bulk_update(changed, fields)


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0001_thai_collation"),
        ("users", "0001_initial"),
        ("centres", "0004_cohorts_attendance_imports"),
        ("assessments", "0001_initial"),
        ("assignments", "0001_initial"),
        ("certificates", "0002_template_snippet_and_certificates"),
    ]

    operations = [migrations.RunPython(normalise_rows, migrations.RunPython.noop)]
