from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("audit", "0001_initial"),
        ("moderation", "0002_audit_moves_out"),
    ]

    operations = [
        migrations.AlterModelTable(name="auditentry", table=None),
        migrations.AlterModelOptions(
            name="auditentry",
            options={
                "ordering": ["-created_at", "-id"],
                "verbose_name": "audit entry",
                "verbose_name_plural": "audit entries",
            },
        ),
    ]
