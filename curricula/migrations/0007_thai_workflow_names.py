from django.db import migrations

OLD_NEW = {
    "workflow": ("Curriculum review", "การตรวจหลักสูตร"),
    "task": ("National admin approval", "ผู้ดูแลระดับประเทศอนุมัติ"),
}


def rename(apps, schema_editor, *, backwards=False):
    """The review's workflow and task names are shown as they are in the Thai admin."""
    Workflow = apps.get_model("wagtailcore", "Workflow")
    Task = apps.get_model("wagtailcore", "Task")
    for model, key in ((Workflow, "workflow"), (Task, "task")):
        old, new = OLD_NEW[key]
        if backwards:
            old, new = new, old
        model.objects.filter(name=old).update(name=new)


class Migration(migrations.Migration):
    dependencies = [
        ("curricula", "0006_merge_this_round"),
    ]

    operations = [
        migrations.RunPython(rename, lambda apps, editor: rename(apps, editor, backwards=True)),
    ]
