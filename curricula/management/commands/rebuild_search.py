from django.core.management.base import BaseCommand

from curricula.search import search_index_rebuild


class Command(BaseCommand):
    help = "Rebuild the Thai-aware search index of courses, lessons and activity plans."

    def handle(self, *args, **options):
        count = search_index_rebuild()
        self.stdout.write(self.style.SUCCESS(f"Indexed {count} pages."))
