"""Role groups are named by their code (publisher, moderator …), not by their Chinese label,
so that renaming a label never breaks a role: groups made under the old names are renamed."""

from django.db import migrations

LABELS = {
    "发布者": "publisher",
    "可信发布者": "trusted",
    "审核员": "moderator",
    "管理员": "administrator",
}


def by_code(apps, schema_editor):
    groups = apps.get_model("auth", "Group").objects
    for label, code in LABELS.items():
        if not groups.filter(name=code).exists():
            groups.filter(name=label).update(name=code)


def by_label(apps, schema_editor):
    groups = apps.get_model("auth", "Group").objects
    for label, code in LABELS.items():
        if not groups.filter(name=label).exists():
            groups.filter(name=code).update(name=label)


class Migration(migrations.Migration):
    dependencies = [("accounts", "0002_roles"), ("auth", "0012_alter_user_first_name_max_length")]

    operations = [migrations.RunPython(by_code, by_label)]
