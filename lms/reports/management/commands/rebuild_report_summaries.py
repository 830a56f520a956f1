"""Rebuild the report summaries and learner sets from the source rows."""

import time

from django.core.management.base import BaseCommand

from lms.reports.models import LearnerSet, ReportSummary
from lms.reports.summaries import summaries_rebuild


class Command(BaseCommand):
    help = "Rebuild the report summaries from enrolments, certificates, attendance and sessions."

    def handle(self, *args, **options) -> None:
        started = time.monotonic()
        summaries_rebuild()
        self.stdout.write(
            f"{ReportSummary.objects.count()} cells, {LearnerSet.objects.count()} learner sets"
            f" in {time.monotonic() - started:.1f} s"
        )
