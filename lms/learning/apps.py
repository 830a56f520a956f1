from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LearningConfig(AppConfig):
    name = "lms.learning"
    label = "learning"
    verbose_name = _("Learning records")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from wagtail.models import Page
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from assessments.models import Quiz
        from curricula.models import CoursePage, LessonPage
        from lms.assignments.models import Assignment

        from .outline import outlines_changed

        # Anything that can change a course outline empties the outline cache: pages
        # published, unpublished, moved, saved or deleted (also by scripts that skip
        # publishing), quizzes and assignments saved or deleted.
        for name, signal in [
            ("published", page_published),
            ("unpublished", page_unpublished),
            ("moved", post_page_move),
        ]:
            signal.connect(outlines_changed, dispatch_uid=f"outline-page-{name}")
        for model in (Page, CoursePage, LessonPage, Quiz, Assignment):
            for name, signal in [("saved", post_save), ("deleted", post_delete)]:
                signal.connect(
                    outlines_changed, sender=model, dispatch_uid=f"outline-{model.__name__}-{name}"
                )
