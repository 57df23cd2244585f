from django.db import migrations


def roles(apps, schema_editor):
    """The role groups with their permissions. Permissions are created after migrations run, so
    they are created here first for the apps whose permissions the roles use."""
    from django.contrib.auth.management import create_permissions

    for label in ("news", "moderation", "parks"):
        config = apps.get_app_config(label)
        config.models_module = True  # a migration's app stub; create_permissions asks for it
        create_permissions(config, apps=apps, verbosity=0)
    from yuanqu.accounts.services import roles_sync

    roles_sync(
        group_model=apps.get_model("auth", "Group"),
        permission_model=apps.get_model("auth", "Permission"),
    )


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        ("news", "0002_self_publishing"),
        ("moderation", "0001_initial"),
        ("parks", "0009_seed_industries"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(roles, migrations.RunPython.noop)]
