from django.db import migrations


def seed(apps, schema_editor):
    from yuanqu.parks.industry_services import industries_sync

    industries_sync(model=apps.get_model("parks", "Industry"))


class Migration(migrations.Migration):
    dependencies = [("parks", "0008_industries")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
