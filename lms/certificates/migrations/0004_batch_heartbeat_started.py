from django.db import migrations, models
from django.db.models import Min, OuterRef, Subquery
from django.db.models.functions import Coalesce


def signs_of_life(apps, schema_editor):
    """Existing bulk issues: the heartbeat is the last send (else the creation), and the
    start the first learner decided."""
    CertificateBatch = apps.get_model("certificates", "CertificateBatch")
    CertificateBatchItem = apps.get_model("certificates", "CertificateBatchItem")
    first_decided = (
        CertificateBatchItem.objects.filter(batch=OuterRef("pk"), decided_at__isnull=False)
        .order_by()
        .values("batch")
        .annotate(first=Min("decided_at"))
        .values("first")
    )
    CertificateBatch.objects.update(
        heartbeat_at=Coalesce("enqueued_at", "created_at"),
        started_at=Subquery(first_decided),
    )


class Migration(migrations.Migration):

    dependencies = [
        ('certificates', '0003_template_updated_at_label'),
    ]

    operations = [
        migrations.AddField(
            model_name='certificatebatch',
            name='heartbeat_at',
            field=models.DateTimeField(blank=True, editable=False, null=True),
        ),
        migrations.AddField(
            model_name='certificatebatch',
            name='started_at',
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.RunPython(signs_of_life, migrations.RunPython.noop),
    ]
