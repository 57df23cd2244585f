from django.db import migrations


def load_divisions(apps, schema_editor):
    from yuanqu.regions.services import regions_sync

    regions_sync(model=apps.get_model("regions", "Region"))


class Migration(migrations.Migration):
    dependencies = [("regions", "0001_initial")]

    operations = [migrations.RunPython(load_divisions, migrations.RunPython.noop)]
