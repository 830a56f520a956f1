from django.db import migrations, models
from django.db.models.functions import Coalesce


def sent_imports_enqueued(apps, schema_editor):
    """An import confirmed before the field existed was sent when it was confirmed: the
    first of its start and its heartbeat (moved on confirmation) is the best record."""
    ImportBatch = apps.get_model("classes", "ImportBatch")
    ImportBatch.objects.exclude(status__in=["checked", "cancelled"]).update(
        enqueued_at=Coalesce("started_at", "heartbeat_at")
    )


class Migration(migrations.Migration):

    dependencies = [
        ('classes', '0001_initial'),
    ]

    operations = [
        migrations.AddField(
            model_name='importbatch',
            name='enqueued_at',
            field=models.DateTimeField(blank=True, editable=False, null=True),
        ),
        migrations.AlterField(
            model_name='importbatch',
            name='heartbeat_at',
            field=models.DateTimeField(blank=True, editable=False, null=True),
        ),
        migrations.RunPython(sent_imports_enqueued, migrations.RunPython.noop),
    ]
