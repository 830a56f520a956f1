from django.db import migrations

from lms.centres.provinces import PROVINCES


def load(apps, schema_editor):
    Province = apps.get_model("centres", "Province")
    for code, name_th, name_en, region in PROVINCES:
        Province.objects.update_or_create(
            code=code, defaults={"name_th": name_th, "name_en": name_en, "region": region}
        )


class Migration(migrations.Migration):
    dependencies = [("centres", "0002_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
