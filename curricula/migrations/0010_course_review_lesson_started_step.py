"""Remember which lesson reviews a course's review started or resumed, so that cancelling
the course's review can cancel those and leave lessons the trainer had sent on their own."""

import django.db.models.deletion
from django.db import migrations, models


def fill(apps, schema_editor):
    # Links made before this field existed: a lesson whose waiting step began no earlier
    # than the course's latest step was started or resumed by submitting the course (the
    # course's step starts first); one waiting since before was linked as it was.
    CourseReviewLesson = apps.get_model("curricula", "CourseReviewLesson")
    TaskState = apps.get_model("wagtailcore", "TaskState")
    links = CourseReviewLesson.objects.filter(
        started_task_state__isnull=True,
        lesson_review__status="in_progress",
        lesson_review__current_task_state__isnull=False,
    ).select_related("lesson_review__current_task_state")
    for link in links.iterator():
        course_step = (
            TaskState.objects.filter(workflow_state_id=link.course_review_id)
            .order_by("-started_at")
            .first()
        )
        lesson_step = link.lesson_review.current_task_state
        if course_step is not None and lesson_step.started_at >= course_step.started_at:
            link.started_task_state = lesson_step
            link.save(update_fields=["started_task_state"])


class Migration(migrations.Migration):
    dependencies = [
        ("curricula", "0009_fill_search_vocabulary"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AddField(
            model_name="coursereviewlesson",
            name="started_task_state",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="wagtailcore.taskstate",
            ),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
