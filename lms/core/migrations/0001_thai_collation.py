from django.contrib.postgres.operations import CreateCollation
from django.db import migrations


class Migration(migrations.Migration):
    """The collation "thai" (ICU's Thai rules) for lists sorted for people.

    PostgreSQL only: Django skips it on SQLite, where lms.core.collation registers a
    collation of the same name on each connection.
    """

    initial = True
    dependencies = []

    operations = [
        CreateCollation("thai", provider="icu", locale="th-TH"),
    ]
