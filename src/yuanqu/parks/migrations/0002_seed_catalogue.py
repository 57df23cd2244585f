from django.db import migrations


def seed(apps, schema_editor):
    from yuanqu.parks.services import parks_sync

    parks_sync(
        park_model=apps.get_model("parks", "Park"), region_model=apps.get_model("regions", "Region")
    )


class Migration(migrations.Migration):
    dependencies = [("parks", "0001_initial"), ("regions", "0002_load_divisions")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
