from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from lms.centres.centre_import import centre_import
from lms.centres.services import CentreError
from lms.users.models import User


class Command(BaseCommand):
    help = (
        "Create or update centres from the national list (.csv or .xlsx), matched by centre "
        "code. A file with any bad row changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)
        parser.add_argument(
            "--as",
            dest="username",
            required=True,
            help="The national admin recorded as doing the import (audit log).",
        )

    def handle(self, *args, path: Path, username: str, **options):
        actor = User.objects.filter(username__iexact=username).first()
        if actor is None:
            raise CommandError(f"No account {username!r}.")
        try:
            result = centre_import(actor=actor, file_name=path.name, content=path.read_bytes())
        except (CentreError, OSError) as error:
            raise CommandError(getattr(error, "message", str(error))) from error
        if not result.ok:
            for line, errors in result.errors:
                self.stderr.write(f"row {line}: {' '.join(errors)}")
            raise CommandError("Nothing was imported: fix the rows above and run again.")
        self.stdout.write(
            self.style.SUCCESS(
                f"Centres: {result.created} new, {result.updated} updated, "
                f"{result.unchanged} unchanged."
            )
        )
