from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from lms.setup.demo.seed import DEMO_PASSWORD, demo_seed


class Command(BaseCommand):
    help = "Create the demo centre, accounts and sample curricula (idempotent, local use only)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Seed even though DEBUG is off (for a throwaway database such as a benchmark).",
        )

    def handle(self, *args, **options):
        if not settings.DEBUG and not options["force"]:
            raise CommandError(
                "Demo accounts have a published password; refusing to create them with DEBUG off. "
                "Use --force only on a throwaway database."
            )
        result = demo_seed()
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo data ready: {len(result['courses'])} courses, {len(result['activities'])} activity plans, "
                f"accounts {', '.join(result['users'])} (password {DEMO_PASSWORD})."
            )
        )
