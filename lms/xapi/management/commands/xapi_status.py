from django.core.management.base import BaseCommand

from lms.xapi.selectors import outbox_counts
from lms.xapi.services import xapi_enabled


class Command(BaseCommand):
    help = "Counts of xAPI statements sent, waiting and failing."

    def handle(self, *args, **options):
        counts = outbox_counts()
        state = "on" if xapi_enabled() else "off (LMS_XAPI_LRS_URL is empty)"
        self.stdout.write(f"xAPI: {state}")
        self.stdout.write(
            f"sent {counts.sent}, waiting {counts.waiting} (of which failing {counts.failing})"
        )
