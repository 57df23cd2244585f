from django.db import migrations


def seed(apps, schema_editor):
    from yuanqu.parks.entity_services import enterprises_sync

    enterprises_sync(model=apps.get_model("parks", "Enterprise"))


class Migration(migrations.Migration):
    dependencies = [("parks", "0005_enterprises_platforms_projects")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
