"""The curriculum workflow's approval step becomes a course review task, in place.

The task keeps its id, name, groups and task states (a CourseReviewTask is a
GroupApprovalTask with one more table row), so reviews under way carry on.
"""

from django.db import migrations

WORKFLOW_NAME = "Curriculum review"


def _content_type(apps, app_label, model):
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type, _created = ContentType.objects.get_or_create(app_label=app_label, model=model)
    return content_type


def to_course_review(apps, schema_editor):
    Task = apps.get_model("wagtailcore", "Task")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    CourseReviewTask = apps.get_model("curricula", "CourseReviewTask")
    plain = _content_type(apps, "wagtailcore", "groupapprovaltask")
    course_review = _content_type(apps, "curricula", "coursereviewtask")
    tasks = GroupApprovalTask.objects.filter(
        workflow_tasks__workflow__name=WORKFLOW_NAME, content_type=plain
    ).distinct()
    for task in tasks:
        child = CourseReviewTask(groupapprovaltask_ptr_id=task.pk)
        # raw: write only the new table's row; the task's own rows stay as they are.
        child.save_base(raw=True)
        Task.objects.filter(pk=task.pk).update(content_type=course_review)


def to_group_approval(apps, schema_editor):
    Task = apps.get_model("wagtailcore", "Task")
    CourseReviewTask = apps.get_model("curricula", "CourseReviewTask")
    plain = _content_type(apps, "wagtailcore", "groupapprovaltask")
    ids = list(CourseReviewTask.objects.values_list("pk", flat=True))
    for task_id in ids:
        # The child table's row only; deleting the model would delete the task too.
        CourseReviewTask.objects.filter(pk=task_id)._raw_delete(schema_editor.connection.alias)
    Task.objects.filter(pk__in=ids).update(content_type=plain)


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("curricula", "0004_course_review_task"),
    ]

    operations = [migrations.RunPython(to_course_review, to_group_approval)]
