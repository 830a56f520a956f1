from django.core.management.base import BaseCommand

from lms.setup.platform import platform_setup


class Command(BaseCommand):
    help = (
        "Create the languages, home pages, tracks, staff groups and review workflow (idempotent)."
    )

    def handle(self, *args, **options):
        home = platform_setup()
        self.stdout.write(self.style.SUCCESS(f"Platform ready: home page #{home.pk}."))
